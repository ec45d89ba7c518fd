import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completionsAt } from '../../server/src/core/editor/completion';
import { foldingRanges } from '../../server/src/core/editor/folding';
import { hoverAt } from '../../server/src/core/editor/hover';
import { inlayHints } from '../../server/src/core/editor/inlayHints';
import { definitionAt, referencesAt } from '../../server/src/core/editor/navigation';
import { type NotesDoc, frontMatterNames, mentionsIn } from '../../server/src/core/editor/people';
import { prepareRename, renamePerson, renamedForm } from '../../server/src/core/editor/rename';
import { searchEntries } from '../../server/src/core/editor/search';
import { applyEdits } from '../../server/src/core/edits';
import { ROOT, analyze, notes } from '../helpers/notes';

const example = (name: string): NotesDoc => ({ uri: `file:///notes/${name}`, model: analyze(readFileSync(join(ROOT, 'examples', name), 'utf8'), name) });
const docOf = (text: string, name = 'notes.md'): NotesDoc => ({ uri: `file:///notes/${name}`, model: analyze(text, name) });
const offsetOf = (doc: NotesDoc, needle: string, plus = 1) => doc.model.text.indexOf(needle) + plus;
const renamed = (doc: NotesDoc, needle: string, newName: string) => {
  const result = renamePerson([{ ...doc, text: doc.model.text }], doc, offsetOf(doc, needle), newName);
  if ('error' in result) throw new Error(result.error);
  return applyEdits(doc.model.text, result.edits.flatMap((e) => e.edits));
};

describe('editor features (core)', () => {
  describe('rename keeps the form each name was written in', () => {
    const mike = { name: 'Mike Johnson' };
    for (const [written, expected] of [
      ['Mike Johnson', 'Michael Jones'],
      ['Mike', 'Michael'],
      ['@mike', '@michael'],
      ['@Mike', '@Michael'],
      ['@mike.johnson', '@michael.jones'],
      ['mike_johnson', 'michael_jones'],
      ['Mike J.', 'Michael J.'],
      ['@mik', '@michael'],
    ] as const) {
      it(`${written} → ${expected}`, () => assert.equal(renamedForm(written, mike, 'Michael Jones'), expected));
    }

    it('renames front-matter attendees and owners, and leaves prose alone', () => {
      const doc = example('2025-03-10-platform-sync.md');
      const text = renamed(doc, 'Marta: move', 'Martina Silva');
      assert.ok(text.includes('\n  - Martina Silva (Backend)\n'));
      assert.ok(text.includes('\n- [ ] Martina: move the integration suite to a nightly job - Due: Friday\n'));
      assert.ok(text.includes('\n- Marta wants to move the flaky integration suite to its own job.\n'), 'prose is not a name reference');
      assert.equal(text.replace('Martina Silva', 'Marta Silva').replace('Martina:', 'Marta:'), doc.model.text);
    });

    it('finds front-matter names in a list, a flow list or a comma string', () => {
      for (const yaml of ['attendees:\n  - Ana Costa (Lead)\n  - Ben', 'attendees: [Ana Costa, Ben]', 'attendees: Ana Costa, Ben', 'attendees:\n  - name: Ana Costa\n    role: Lead\n  - name: Ben']) {
        const text = `---\ntitle: Sync\n${yaml}\ndate: 2025-01-01\n---\n\n# Sync\n`;
        const spans = frontMatterNames(text, ['Ana Costa', 'Ben']);
        assert.deepEqual([...spans.values()].map((s) => text.slice(s.start, s.end)), ['Ana Costa', 'Ben'], yaml);
      }
      assert.equal(frontMatterNames('---\ntitle: Ana Costa\n---\n', ['Ana Costa']).size, 0, 'only under attendees');
    });

    it('renames @handles in speech and in entries, in CRLF text, without touching line ends', () => {
      const doc = docOf(notes('# Sync — 2025-01-06', 'Attendees: Jonas Weber, Priya Shah', '', '[00:10] Priya Shah: @jonas can you check the cache?', '', '## Action items', '- [ ] @jonas check the cache').replace(/\n/g, '\r\n'));
      const text = renamed(doc, '@jonas', 'Jonathan Weber');
      assert.equal(text, notes('# Sync — 2025-01-06', 'Attendees: Jonathan Weber, Priya Shah', '', '[00:10] Priya Shah: @jonathan can you check the cache?', '', '## Action items', '- [ ] @jonathan check the cache').replace(/\n/g, '\r\n'));
    });

    it('renames a person\'s heading once, however many lines and entries under it are theirs', () => {
      const doc = docOf(notes('# Standup — 2025-01-06', 'Attendees: Jonas Weber, Priya Shah', '', '## Jonas', "- Today: I'll check the cache by Friday", "- I'll pair with Priya tomorrow", '', '## Action items', '### Jonas', '- [ ] Check the cache', '- [ ] Update the runbook'));
      const text = renamed(doc, 'Jonas\n- Today', 'Jonathan Weber');
      assert.equal(text, notes('# Standup — 2025-01-06', 'Attendees: Jonathan Weber, Priya Shah', '', '## Jonathan', "- Today: I'll check the cache by Friday", "- I'll pair with Priya tomorrow", '', '## Action items', '### Jonathan', '- [ ] Check the cache', '- [ ] Update the runbook'));
    });

    it('refuses what is not a person, and names that would change how a line reads', () => {
      const doc = example('architecture-review-2024-01-29.txt');
      assert.equal(prepareRename(doc, offsetOf(doc, 'Test Redis', 3)), null);
      assert.match((renamePerson([{ ...doc, text: doc.model.text }], doc, offsetOf(doc, 'Test Redis', 3), 'X') as { error: string }).error, /Put the cursor on a person/);
      for (const bad of ['', '  ', 'Mike (Lead)', 'Mike, Tom', '42 Mike', 'Mike | Tom']) {
        assert.ok('error' in renamePerson([{ ...doc, text: doc.model.text }], doc, offsetOf(doc, '1. Mike', 4), bad), bad);
      }
    });
  });

  it('knows people by attendee line, speaker, owner and handle; groups are nobody', () => {
    const doc = docOf(notes('# Sync — 2025-01-06', 'Attendees: Ana Costa (Lead), Ben Okafor', '', '[00:10] Ana: @ben please review. Action item for Ben: review the doc.', '', '## Action items', '- Everyone: read the RFC', '- Ben: review the doc'));
    assert.deepEqual(
      mentionsIn(doc.model).map((m) => `${m.role} ${doc.model.text.slice(m.span.start, m.span.end)}=${m.name}`),
      ['attendee Ana Costa=Ana Costa', 'attendee Ben Okafor=Ben Okafor', 'speaker Ana=Ana Costa', 'handle @ben=Ben Okafor', 'owner Ben=Ben Okafor', 'owner Ben=Ben Okafor'],
    );
  });

  it('inlay hints in a running log count from each meeting\'s own date', () => {
    const doc = example('infra-weekly-log.md');
    const hints = inlayHints(doc.model).map((h) => `${doc.model.lines.positionAt(h.offset).line + 1} ${h.label}`);
    assert.deepEqual(hints, ['10 Fri 2025-10-10', '11 Mon 2025-10-13', '15 Fri 2025-10-10', '16 Mon 2025-10-13', '23 Fri 2025-10-31', '33 Tue 2025-10-14']);
  });

  it('folds each meeting of a running log, its transcript and its sections', () => {
    const doc = example('infra-weekly-log.md');
    assert.deepEqual(foldingRanges(doc.model).map((f) => `${f.startLine + 1}-${f.endLine + 1} ${f.kind}`), [
      '7-16 meeting', '9-11 transcript', '13-16 section', '18-33 meeting', '22-24 transcript', '26-29 section', '31-33 section',
    ]);
  });

  it('without a meeting date, a relative due date is explained, and completion offers calendar dates', () => {
    const doc = docOf(notes('# Sync', 'Attendees: Ana Costa, Ben Okafor', '', '## Action items', '- Ben: review the doc - Due: Friday', '- Ana: ship it - Due: '));
    assert.equal(hoverAt([doc], doc, offsetOf(doc, 'Friday', 2), '2025-01-08')!.markdown, '**Due: Friday**\n\n"Friday" counts from the meeting date, and these notes give none (add a `Date:` line).');
    const list = completionsAt([doc], doc, doc.model.text.length, '2025-01-08')!;
    assert.deepEqual(list.items.slice(0, 3).map((i) => `${i.label} ${i.description}`), ['2025-01-08 Wed · today', '2025-01-09 Thu · tomorrow', '2025-01-10 Fri · in 2 days']);
    assert.deepEqual(inlayHints(doc.model), []);
  });

  it('completing on an existing owner replaces the name and keeps its colon', () => {
    const doc = example('architecture-review-2024-01-29.txt');
    const at = offsetOf(doc, '4. Tom:', 4); // `4. T|om: WebSocket…`
    const list = completionsAt([doc], doc, at, '2024-02-01')!;
    assert.deepEqual(list.replace, { start: at - 1, end: at + 2 });
    assert.deepEqual(list.items.map((i) => i.insertText), ['Mike', 'David', 'Rachel', 'Tom', 'Alex']);
  });

  it('finds items by owner only with @ or owner:', () => {
    const docs = [example('2025-03-10-platform-sync.md'), example('infra-weekly-log.md')];
    assert.deepEqual(searchEntries(docs, 'owner:jonas').map((e) => e.name), [
      'Jonas Weber: Investigate remote cache hit rate',
      'Jonas Weber: Rotate the staging certificates',
      'Jonas Weber: Bump the cache client to 2.3 (superseded by the pin)',
      'Jonas Weber: Rotate the staging certificates',
    ]);
    assert.deepEqual(searchEntries(docs, 'cache').length, 4); // three items and a decision
    assert.deepEqual(searchEntries(docs, '@cache'), []);
  });

  it('never throws on empty, odd or out-of-range input', () => {
    for (const text of ['', '\n\n', '\uFEFF---\nattendees: [\n---\n', '[00:00] : \n@\n## \n- [ ] @ - Due: ', 'x'.repeat(10_000)]) {
      const doc = docOf(text);
      for (const offset of [0, text.length, text.length + 50, -5]) {
        hoverAt([doc], doc, offset, '2025-01-01');
        completionsAt([doc], doc, Math.max(0, Math.min(offset, text.length)), '2025-01-01');
        definitionAt([doc], doc, offset);
        referencesAt([doc], doc, offset, true);
        prepareRename(doc, offset);
      }
      inlayHints(doc.model);
      foldingRanges(doc.model);
      searchEntries([doc], 'anything @x owner:');
    }
  });
});
