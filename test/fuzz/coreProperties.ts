// The properties the analysis core must have, on generated notes and mutated examples. Run briefly
// by `npm test` (test/unit/properties.test.ts) and at length by `npm run test:fuzz`.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes } from '../../server/src/core/analyze';
import { applyEdits, assignOwner, exactReopen, markComplete, recordInSummary, setDueDate, undoOfCompletion } from '../../server/src/core/edits';
import { fixesFor } from '../../server/src/core/edits/fixes';
import type { ActionItem, NotesModel } from '../../server/src/core/model';
import { diagnose } from '../../server/src/core/rules';
import { useLinearEditMap } from '../../server/src/core/parse/editMap';
import { inlineHtmlSpans } from '../../server/src/core/parse/inlineHtml';
import { parseMarkdown } from '../../server/src/core/parse/markdown';
import { createLineIndex } from '../../server/src/core/text/lineIndex';
import { anyNotes, mutatedExample, notesText, wellFormedNotes } from './generators';
import { analyzeAndCheck, projection } from './invariants';

/** No generated document (at most a few tens of KB) may take longer than this to analyse, even on a loaded machine. */
export const BOUND_MS = 10_000;

export interface CoreProperty {
  name: string;
  property: () => fc.IProperty<unknown[]>;
  /** Relative number of cases (cheap properties run more). */
  runs?: number;
}

const commonmark = unified().use(remarkParse).freeze();

export const CORE_PROPERTIES: CoreProperty[] = [
  {
    name: 'never throws, ends in bounded time, and reports only spans inside the document, at the positions editors use',
    property: () =>
      fc.property(anyNotes, (text) => {
        const started = performance.now();
        analyzeAndCheck(text);
        const ms = performance.now() - started;
        assert.ok(ms < BOUND_MS, `analysis took ${ms.toFixed(0)} ms for ${text.length} characters`);
      }) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'reads the \\n, \\r\\n and \\r versions of a file into the same model',
    property: () =>
      // Junk lines may hold a \r or \r\n of their own: the document is made LF-only first, or its
      // CRLF version would turn a \r\n into \r\r\n, another number of lines.
      fc.property(fc.oneof(notesText, mutatedExample).map((t) => t.replace(/\r\n?/g, '\n')), (text) => {
        const lf = projection(analyzeNotes(text, { fileName: 'notes.md' }));
        assert.deepEqual(projection(analyzeNotes(text.replace(/\n/g, '\r\n'), { fileName: 'notes.md' })), lf, 'CRLF');
        assert.deepEqual(projection(analyzeNotes(text.replace(/\n/g, '\r'), { fileName: 'notes.md' })), lf, 'CR');
      }) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'gives back the original bytes when an item is marked complete and then reopened',
    property: () =>
      fc.property(anyNotes, fc.boolean(), (text, writeDoneDate) => {
        const model = analyzeNotes(text, { fileName: 'notes.md' });
        for (const item of model.items) {
          if (item.source !== 'summary' || item.status !== 'open') continue;
          const edits = markComplete(model, item.id, { today: '2025-03-14', writeDoneDate });
          if (!edits.length) continue; // a shape that cannot take a mark (a table row without its task cell)
          const completed = applyEdits(text, edits);
          assert.notEqual(completed, text, `completing "${item.task}" changes the text`);
          const again = analyzeNotes(completed, { fileName: 'notes.md' });
          const done = again.items.find((i) => i.id === item.id);
          assert.ok(done, `item "${item.task}" is still there after completing it`);
          assert.equal(done.status, 'done', `"${item.task}" reads as done after completing it`);
          const openTwins = item.linked.filter((id) => model.items.find((t) => t.id === id)?.status === 'open').length;
          const doneCount = (m: typeof model) => m.items.filter((i) => i.status === 'done').length;
          assert.equal(doneCount(again), doneCount(model) + 1 + openTwins, 'only the item and its twin became done');
          const undo = exactReopen(again, done.id, undoOfCompletion(model, item.id, edits));
          assert.ok(undo, `completing "${item.task}" can be undone exactly`);
          assert.equal(applyEdits(completed, undo), text, `reopening "${item.task}" restores the text`);
        }
      }) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'sets the due date, the owner, or records a statement in the summary, changing nothing else',
    runs: 0.5,
    property: () =>
      fc.property(wellFormedNotes, (text) => {
        const model = analyzeNotes(text, { fileName: 'notes.md' });
        const before = summaryOf(model);
        const read = (edits: ReturnType<typeof setDueDate>) => analyzeNotes(applyEdits(text, edits), { fileName: 'notes.md' });
        model.items.filter((i) => i.source === 'summary').forEach((item, index) => {
          const others = before.filter((_, k) => k !== index);
          for (const [what, edits, expected] of [
            ['due date', setDueDate(model, item.id, '2031-05-06'), { ...before[index], due: '2031-05-06' }],
            ['owner', assignOwner(model, item.id, 'Zed Quist'), { ...before[index], owner: 'Zed Quist' }],
          ] as const) {
            assert.ok(edits.length, `a ${what} can be set on "${item.task}"`);
            const after = summaryOf(read(edits));
            assert.deepEqual(after[index], expected, `the ${what} of "${item.task}" is set, the rest of it as it was`);
            assert.deepEqual(after.filter((_, k) => k !== index), others, `setting the ${what} of "${item.task}" changes no other entry`);
          }
        });
        for (const item of model.items.filter((i) => i.source === 'transcript')) {
          const again = read(recordInSummary(model, item.id));
          const said = (i: ActionItem) => i.source === 'transcript' && i.meeting === item.meeting && i.task === item.task && i.owner?.name === item.owner?.name;
          assert.ok(!again.items.some(said), `"${item.task}" is no longer uncaptured once recorded`);
          const added = summaryOf(again).map((e) => JSON.stringify(e));
          for (const entry of before) added.splice(added.indexOf(JSON.stringify(entry)), 1); // every entry stays
          assert.deepEqual(added.map((e) => JSON.parse(e)).map((e) => [e.meeting, e.task, e.owner]), [[item.meeting, item.task, item.owner?.name ?? null]], `"${item.task}" is recorded as one new entry`);
        }
      }) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'the preferred quick fix of a finding removes it',
    runs: 0.5,
    property: () =>
      fc.property(wellFormedNotes, (text) => {
        const today = '2025-03-12';
        const model = analyzeNotes(text, { fileName: 'notes.md' });
        const findings = diagnose(model, { today });
        // The same finding is the same code and message (several meetings may say the same).
        const count = (list: typeof findings, finding: (typeof findings)[number]) => list.filter((f) => f.code === finding.code && f.message === finding.message).length;
        for (const finding of findings) {
          const fixes = fixesFor(model, finding.code, finding.data, today, { today, writeDoneDate: true }).filter((f) => f.edits.length);
          const fix = fixes.find((f) => f.preferred) ?? fixes[0];
          if (!fix) continue; // a spoken item is completed by recording it, not in the transcript
          const after = diagnose(analyzeNotes(applyEdits(text, fix.edits), { fileName: 'notes.md' }), { today });
          assert.ok(count(after, finding) < count(findings, finding), `"${fix.title}" removes: ${finding.message}`);
        }
      }) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'counts lines as editors do, whatever the mix of line endings',
    runs: 5,
    property: () =>
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '😀', '\r', '\n', ' ') }), (text) => {
        const ours = createLineIndex(text);
        const theirs = TextDocument.create('file:///x', 'plaintext', 1, text);
        assert.equal(ours.lineCount, theirs.lineCount);
        for (let offset = 0; offset <= text.length; offset++) {
          assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `offset ${offset}`);
          assert.equal(ours.offsetAt(theirs.positionAt(offset)), theirs.offsetAt(theirs.positionAt(offset)));
        }
      }) as unknown as fc.IProperty<unknown[]>,
  },
  {
    name: 'builds the same tree with the linear token splice as with micromark’s own',
    property: () => {
      const shapes = fc.array(
        fc.constantFrom('- a', '  - b', '    - c', '1. one', '> quote', '> - in quote', '', 'para', '  continued', '```', '| a | b |', '|---|---|', '- [ ] task', '* star', '    code'),
        { maxLength: 30 },
      );
      return fc.property(fc.oneof(shapes.map((l) => l.join('\n')), notesText), (text) => {
        const linear = parseMarkdown(text);
        useLinearEditMap(false);
        try {
          assert.deepEqual(parseMarkdown(text), linear);
        } finally {
          useLinearEditMap(true);
        }
      }) as unknown as fc.IProperty<unknown[]>;
    },
  },
  {
    name: 'finds the same inline HTML as CommonMark (micromark) does',
    runs: 5,
    property: () => {
      const tokens = fc.constantFrom('<!--', '-->', '<!-->', '<a>', '</a>', '<a href="x">', "<b c='d'>", '<br/>', '<?', '?>', '<!DOCTYPE', '>', '<![CDATA[', ']]>', '`', 'x', ' ', '\n', '\\', '<http://x.y>', '<a@b.co>', '<', '"');
      return fc.property(fc.array(tokens, { maxLength: 24 }), (parts) => {
        const text = `x ${parts.join('')}`;
        const root = commonmark.parse(text);
        const paragraph = root.children[0];
        if (root.children.length !== 1 || paragraph?.type !== 'paragraph') return; // only paragraph text is masked
        const expected: Array<{ start: number; end: number }> = [];
        const code: Array<{ start: number; end: number }> = [];
        type Node = { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: Node[] };
        const visit = (node: Node) => {
          const span = { start: node.position!.start.offset!, end: node.position!.end.offset! };
          if (node.type === 'html') expected.push(span);
          if (node.type === 'inlineCode') code.push(span);
          for (const child of node.children ?? []) visit(child);
        };
        visit(paragraph as Node);
        assert.deepEqual(inlineHtmlSpans(text, code), expected, JSON.stringify(text));
      }) as unknown as fc.IProperty<unknown[]>;
    },
  },
];

/** What a reader sees of each summary entry. */
function summaryOf(model: NotesModel): Array<{ meeting: number; task: string; owner: string | null; due: string | null; status: string }> {
  return model.items
    .filter((i) => i.source === 'summary')
    .map((i) => ({ meeting: i.meeting, task: i.task, owner: i.owner?.name ?? null, due: i.due ? (i.due.date ?? i.due.text) : null, status: i.status }));
}
