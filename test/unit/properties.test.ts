// Property-based tests of the analysis core (fast-check) on generated notes and on random
// mutations of the examples. `npm test` runs a short deterministic version; `npm run test:fuzz`
// runs the same properties with many more cases (FUZZ_RUNS, FUZZ_SEED).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzeNotes } from '../../server/src/core/analyze';
import { applyEdits, exactReopen, markComplete, undoOfCompletion } from '../../server/src/core/edits';
import { createLineIndex } from '../../server/src/core/text/lineIndex';
import { useLinearEditMap } from '../../server/src/core/parse/editMap';
import { inlineHtmlSpans } from '../../server/src/core/parse/inlineHtml';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { anyNotes, mutatedExample, notesText } from '../fuzz/generators';
import { analyzeAndCheck, projection } from '../fuzz/invariants';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED === undefined ? 20240129 : Number(process.env.FUZZ_SEED);
const settings = (runs = RUNS) => ({ numRuns: runs, seed: SEED, endOnFailure: true });
/** No generated document (at most a few tens of KB) may take longer than this to analyse, even on a loaded machine. */
const BOUND_MS = 10_000;

describe('properties of the analysis (fast-check)', function () {
  this.timeout(600_000);

  it('never throws, ends in bounded time, and reports only spans inside the document, at the positions editors use', () => {
    fc.assert(
      fc.property(anyNotes, (text) => {
        const started = performance.now();
        analyzeAndCheck(text);
        const ms = performance.now() - started;
        assert.ok(ms < BOUND_MS, `analysis took ${ms.toFixed(0)} ms for ${text.length} characters`);
      }),
      settings(),
    );
  });

  it('reads the \\n, \\r\\n and \\r versions of a file into the same model', () => {
    fc.assert(
      fc.property(fc.oneof(notesText, mutatedExample.map((t) => t.replace(/\r\n?/g, '\n'))), (text) => {
        const lf = projection(analyzeNotes(text, { fileName: 'notes.md' }));
        assert.deepEqual(projection(analyzeNotes(text.replace(/\n/g, '\r\n'), { fileName: 'notes.md' })), lf, 'CRLF');
        assert.deepEqual(projection(analyzeNotes(text.replace(/\n/g, '\r'), { fileName: 'notes.md' })), lf, 'CR');
      }),
      settings(),
    );
  });

  it('gives back the original bytes when an item is marked complete and then reopened', () => {
    fc.assert(
      fc.property(anyNotes, fc.boolean(), (text, writeDoneDate) => {
        const model = analyzeNotes(text, { fileName: 'notes.md' });
        for (const item of model.items) {
          if (item.source !== 'summary' || item.status !== 'open') continue;
          const edits = markComplete(model, item.id, { today: '2025-03-14', writeDoneDate });
          const completed = applyEdits(text, edits);
          assert.notEqual(completed, text, `completing "${item.task}" changes the text`);
          const again = analyzeNotes(completed, { fileName: 'notes.md' });
          const done = again.items.find((i) => i.id === item.id);
          assert.ok(done, `item "${item.task}" is still there after completing it`);
          assert.equal(done.status, 'done', `"${item.task}" reads as done after completing it`);
          const undo = exactReopen(again, done.id, undoOfCompletion(model, item.id, edits));
          assert.ok(undo, `completing "${item.task}" can be undone exactly`);
          assert.equal(applyEdits(completed, undo), text, `reopening "${item.task}" restores the text`);
          assert.equal(again.items.filter((i) => i.status === 'done').length, model.items.filter((i) => i.status === 'done').length + 1 + item.linked.filter((id) => model.items.find((t) => t.id === id)?.status === 'open').length);
        }
      }),
      settings(),
    );
  });

  it('counts lines as editors do, whatever the mix of line endings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\r', '\n', ' ') }), (text) => {
        const ours = createLineIndex(text);
        const theirs = TextDocument.create('file:///x', 'plaintext', 1, text);
        assert.equal(ours.lineCount, theirs.lineCount);
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `offset ${offset}`);
          assert.equal(ours.offsetAt(theirs.positionAt(offset)), theirs.offsetAt(theirs.positionAt(offset)));
        }
      }),
      settings(200),
    );
  });

  it('builds the same tree with the linear token splice as with micromark’s own', () => {
    const shapes = fc.array(
      fc.constantFrom('- a', '  - b', '    - c', '1. one', '> quote', '> - in quote', '', 'para', '  continued', '```', '| a | b |', '|---|---|', '- [ ] task', '* star', '    code'),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(fc.oneof(shapes.map((l) => l.join('\n')), notesText), (text) => {
        const linear = parseMarkdown(text);
        useLinearEditMap(false);
        try {
          assert.deepEqual(parseMarkdown(text), linear);
        } finally {
          useLinearEditMap(true);
        }
      }),
      settings(),
    );
  });

  it('finds the same inline HTML as CommonMark (micromark) does', () => {
    const commonmark = unified().use(remarkParse).freeze();
    const tokens = fc.constantFrom('<!--', '-->', '<!-->', '<a>', '</a>', '<a href="x">', "<b c='d'>", '<br/>', '<?', '?>', '<!DOCTYPE', '>', '<![CDATA[', ']]>', '`', 'x', ' ', '\n', '\\', '<http://x.y>', '<a@b.co>', '<', '"');
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 24 }), (parts) => {
        const text = `x ${parts.join('')}`;
        const root = commonmark.parse(text);
        const paragraph = root.children[0];
        if (root.children.length !== 1 || paragraph?.type !== 'paragraph') return; // only paragraph text is masked
        const expected: Array<{ start: number; end: number }> = [];
        const code: Array<{ start: number; end: number }> = [];
        const visit = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
          const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
          if (node.type === 'html') expected.push(span);
          if (node.type === 'inlineCode') code.push(span);
          for (const child of (node.children ?? []) as Array<typeof node>) visit(child);
        };
        visit(paragraph);
        assert.deepEqual(inlineHtmlSpans(text, code), expected, JSON.stringify(text));
      }),
      settings(300),
    );
  });
});
