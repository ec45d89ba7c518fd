import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionList, Hover, Location, TextEdit } from 'vscode-languageserver-protocol';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';
import { TestClient } from './testClient';

const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
/** A later meeting, on disk only (never opened): the workspace features must find it. */
const FOLLOWUP = [
  '# Architecture follow-up — 2024-02-05',
  '',
  'Attendees: Mike Johnson (Engineering Lead), Tom Bradley (DevOps), Priya Shah (SRE)',
  '',
  '[00:10] Tom Bradley: The WebSocket load balancers are live.',
  '[01:20] Mike Johnson: Action item for Priya: review the Redis alerts by Friday.',
  '',
  '## Action items',
  '',
  '- [ ] @mike write the Redis latency report - Due: Wednesday',
  '- [x] Tom: WebSocket infrastructure ready ✅ 2024-02-02',
  '',
].join('\n');

/** 1-based line (as an editor shows it) and 0-based character. */
const at = (line: number, character: number) => ({ line: line - 1, character });
const where = (l: Location) => `${l.uri.split('/').pop()}:${l.range.start.line + 1}:${l.range.start.character}-${l.range.end.line + 1}:${l.range.end.character}`;
const markdown = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value.replace(/\(file:\/\/\/[^)#]*\//g, '(file:///…/');
const choices = (list: CompletionList | null) => (list?.items ?? []).map((i) => `${i.label} | ${i.labelDetails?.description ?? ''} | ${(i.textEdit as { newText: string }).newText}`);

describe('editor features over JSON-RPC (hover, hints, completion, navigation, rename, symbols, folding)', function () {
  this.timeout(30000);
  let dir: string;
  let folder: string;
  let sampleUri: string;
  let followupUri: string;
  let shared: TestClient;
  let own: TestClient | undefined;

  const setUp = () => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-editor-'));
    copyFileSync(join(ROOT, 'examples', 'architecture-review-2024-01-29.txt'), join(dir, 'architecture-review-2024-01-29.txt'));
    writeFileSync(join(dir, 'followup.md'), FOLLOWUP);
    folder = pathToFileURL(dir).toString();
    sampleUri = pathToFileURL(join(dir, 'architecture-review-2024-01-29.txt')).toString();
    followupUri = pathToFileURL(join(dir, 'followup.md')).toString();
  };

  /** Starts a server on the folder, opens the sample, and waits until the follow-up on disk is indexed. */
  const startServer = async (today = '2024-02-01') => {
    const client = await TestClient.start({ folder, today });
    client.open(sampleUri, SAMPLE, 'plaintext');
    await client.until(() => client.didChangeCount > 0, 'the first index');
    for (let i = 0; i < 200; i++) {
      const items = await client.actionItems();
      if (items.complete && items.items.some((item) => item.uri === followupUri)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return client;
  };

  // One server answers the read-only tests (each puts the sample back as it was); tests that
  // write to disk or need another day start their own.
  before(async () => {
    setUp();
    shared = await startServer();
  });
  after(async () => {
    await shared?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    if (shared.text(sampleUri) !== SAMPLE) shared.replace(sampleUri, SAMPLE);
    await own?.stop();
    own = undefined;
  });
  const start = async () => shared;
  const startOwn = async (today?: string) => (own = await startServer(today));

  it('declares the editor capabilities in initialize', async () => {
    const c = await start();
    const caps = c.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.inlayHintProvider, { resolveProvider: false });
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['@'], resolveProvider: false });
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
  });

  describe('hover', () => {
    it('on a due date: weekday, ISO date, and how far from today', async () => {
      const c = await start();
      const hover = await c.hover(sampleUri, at(108, 60)); // `Due: Tomorrow`
      assert.equal(markdown(hover), '**Tuesday, January 30, 2024** · `2024-01-30`\n\n2 days overdue\n\n"Tomorrow" counted from the meeting on Mon 2024-01-29');
      assert.deepEqual(hover!.range, { start: at(108, 57), end: at(108, 65) });
      assert.equal(markdown(await c.hover(sampleUri, at(111, 50))), '**Saturday, February 3, 2024** · `2024-02-03`\n\nIn 2 days');
      assert.equal(markdown(await c.hover(sampleUri, at(114, 65))), '**Due: Before production**\n\n"Before production" is not a date: it cannot be tracked until it names a day.');
    });

    it('counts from the day the server is told is today (initializationOptions.today)', async () => {
      const c = await startOwn('2024-01-29');
      assert.equal(markdown(await c.hover(sampleUri, at(108, 60))), '**Tuesday, January 30, 2024** · `2024-01-30`\n\nTomorrow\n\n"Tomorrow" counted from the meeting on Mon 2024-01-29');
    });

    it('on an owner, a speaker or an attendee: role and open items across the workspace', async () => {
      const c = await start();
      const mike = [
        '**Mike Johnson** · Engineering Lead',
        '3 open items in 2 files:',
        [
          '- Test Redis connection pool optimizations · due Tue 2024-01-30 · 2 days overdue · [architecture-review-2024-01-29.txt:108](file:///…/architecture-review-2024-01-29.txt#L108)',
          '- Escalate TechCorp decision to Sarah · due Mon 2024-01-29 · 3 days overdue · [architecture-review-2024-01-29.txt:109](file:///…/architecture-review-2024-01-29.txt#L109)',
          '- Write the Redis latency report · due Wed 2024-02-07 · in 6 days · [followup.md:10](file:///…/followup.md#L10)',
        ].join('\n'),
      ].join('\n\n');
      assert.equal(markdown(await c.hover(sampleUri, at(108, 4))), mike); // owner `Mike`
      assert.equal(markdown(await c.hover(sampleUri, at(34, 10))), mike); // speaker
      assert.equal(markdown(await c.hover(sampleUri, at(2, 15))), mike); // attendee line
      // Tom's WebSocket item and its COMMITMENTS twin are one piece of work; the follow-up's is done.
      assert.equal(
        markdown(await c.hover(sampleUri, at(24, 10))),
        [
          '**Tom Bradley** · DevOps',
          '3 open items across the workspace (1 done):',
          [
            '- Run cleanup · due Sun 2024-02-04 · in 3 days · [architecture-review-2024-01-29.txt:96](file:///…/architecture-review-2024-01-29.txt#L96)',
            '- WebSocket infrastructure ready · due Sat 2024-02-03 · in 2 days · [architecture-review-2024-01-29.txt:111](file:///…/architecture-review-2024-01-29.txt#L111)',
            '- Job queue infrastructure deployed · due Mon 2024-02-05 · in 4 days · [architecture-review-2024-01-29.txt:112](file:///…/architecture-review-2024-01-29.txt#L112)',
          ].join('\n'),
        ].join('\n\n'),
      );
    });

    it('on an item: where it was said, quote and time; on a statement: where it was recorded', async () => {
      const c = await start();
      const hover = await c.hover(sampleUri, at(108, 20));
      assert.equal(
        markdown(hover),
        '**Action item** · Mike Johnson · due Tue 2024-01-30 · 2 days overdue\n\nSaid at 07:30 by Mike Johnson ([line 34](file:///…/architecture-review-2024-01-29.txt#L34)):\n> Action item for me: test connection pool optimizations by tomorrow.',
      );
      assert.deepEqual(hover!.range, { start: at(108, 0), end: at(108, 65) });
      assert.equal(
        markdown(await c.hover(sampleUri, at(101, 10))),
        '**Decision**\n\nSaid at 04:30 by Mike Johnson ([line 22](file:///…/architecture-review-2024-01-29.txt#L22)):\n> Decision: We\'ll proceed with full WebSocket implementation but phase the rollout.',
      );
      assert.equal(
        markdown(await c.hover(sampleUri, at(96, 70))),
        "**Commitment** (said, not in the summary) · Tom Bradley · due Sun 2024-02-04 · in 3 days\n\nSaid at 23:00 by Tom Bradley ([line 96](file:///…/architecture-review-2024-01-29.txt#L96)):\n> I'll run cleanup over the weekend.",
      );
      assert.equal(
        markdown(await c.hover(sampleUri, at(24, 60))),
        '**Recorded in the summary**\n\n- [line 111](file:///…/architecture-review-2024-01-29.txt#L111): action item: WebSocket infrastructure ready · Tom Bradley\n- [line 118](file:///…/architecture-review-2024-01-29.txt#L118): commitment: WebSocket infrastructure · Tom Bradley',
      );
      assert.equal(await c.hover(sampleUri, at(3, 0)), null); // a blank line
    });
  });

  it('inlay hints: the day after each relative due date, and the owner after "Action item for me"', async () => {
    const c = await start();
    const hints = await c.inlayHints(sampleUri, { start: at(1, 0), end: at(126, 0) });
    assert.deepEqual(
      hints.map((h) => `${h.position.line + 1}:${h.position.character} ${h.label}`),
      [
        '34:68 Mike Johnson', // Action item for me: …
        '34:116 Tue 2024-01-30', // … by tomorrow.
        '62:94 Fri 2024-02-02', // … by end of week.
        '86:88 Rachel Torres',
        '96:96 Sun 2024-02-04', // … over the weekend.
        '108:65 Tue 2024-01-30', // Due: Tomorrow
        '109:57 Mon 2024-01-29', // Due: Today
        '110:56 Fri 2024-02-02', // Due: End of week
        '120:47 Fri 2024-02-02', // by end of week
      ],
    );
    assert.ok(hints.every((h) => h.paddingLeft === true));
    assert.equal(hints[5].tooltip, 'Tuesday, January 30, 2024: "Tomorrow" counted from the meeting on Mon 2024-01-29');
    // Only the asked range; and a new text gives new hints.
    assert.deepEqual((await c.inlayHints(sampleUri, { start: at(108, 0), end: at(109, 0) })).map((h) => h.label), ['Tue 2024-01-30']);
    c.replace(sampleUri, SAMPLE.replace('Optimizations - Due: Tomorrow', 'Optimizations - Due: Friday').replace('optimizations - Due: Tomorrow', 'optimizations - Due: Friday'));
    assert.deepEqual((await c.inlayHints(sampleUri, { start: at(108, 0), end: at(109, 0) })).map((h) => `${h.position.character} ${h.label}`), ['63 Fri 2024-02-02']);
  });

  describe('completion', () => {
    const withLines = (...lines: string[]) => SAMPLE.replace('8. Rachel: Create PII test scenarios - Due: February 7\n', `8. Rachel: Create PII test scenarios - Due: February 7\n${lines.join('\n')}\n`);
    const ATTENDEES = ['Mike Johnson | Engineering Lead', 'David Kim | Backend Engineer', 'Rachel Torres | QA Lead', 'Tom Bradley | DevOps', 'Alex Rivera | Data Scientist'];

    it('after @: the meeting\'s attendees, then people of other notes, as handles', async () => {
      const c = await start();
      c.replace(sampleUri, withLines('9. Pair with @ra'));
      const list = await c.completion(sampleUri, at(116, 16), '@');
      assert.deepEqual(choices(list), [...ATTENDEES.map((a) => `${a} | ${a.split(' ')[0].toLowerCase()}`), 'Priya Shah | SRE | priya']);
      assert.deepEqual(list!.items[2].textEdit, { range: { start: at(116, 14), end: at(116, 16) }, newText: 'rachel' });
      assert.equal(list!.items[0].sortText, '0');
      assert.equal(list!.items[5].sortText, '2');
    });

    it('at the start of a summary entry and after "Action item for": owners', async () => {
      const c = await start();
      c.replace(sampleUri, withLines('9. '));
      assert.deepEqual(choices(await c.completion(sampleUri, at(116, 3))), [...ATTENDEES.map((a) => `${a} | ${a.split(' ')[0]}: `), 'Priya Shah | SRE | Priya: ']);
      c.replace(sampleUri, SAMPLE.replace('[23:30] Mike Johnson: Let\'s wrap up.', '[23:30] Mike Johnson: Action item for Da'));
      const list = await c.completion(sampleUri, at(98, 40));
      assert.deepEqual(choices(list).slice(0, 3), ['me | Mike Johnson | me: ', 'Mike Johnson | Engineering Lead | Mike: ', 'David Kim | Backend Engineer | David: ']);
      assert.deepEqual((list!.items[2].textEdit as TextEdit).range, { start: at(98, 38), end: at(98, 40) });
      // Not in a DECISIONS list, and not in prose.
      c.replace(sampleUri, SAMPLE.replace('5. AI must include PII scrubbing before LLM calls\n', '5. AI must include PII scrubbing before LLM calls\n6. \n'));
      assert.equal(await c.completion(sampleUri, at(106, 3)), null);
    });

    it('due dates: the phrases teams write, each with the day it means for this meeting', async () => {
      const c = await start();
      c.replace(sampleUri, withLines('9. Tom: rotate the keys - Due: '));
      const list = await c.completion(sampleUri, at(116, 31));
      assert.deepEqual(choices(list), [
        'Today | Mon 2024-01-29 | Today',
        'Monday | Mon 2024-01-29 | Monday',
        'Tomorrow | Tue 2024-01-30 | Tomorrow',
        'Tuesday | Tue 2024-01-30 | Tuesday',
        'Wednesday | Wed 2024-01-31 | Wednesday',
        'End of month | Wed 2024-01-31 | End of month',
        'Thursday | Thu 2024-02-01 | Thursday',
        'End of week | Fri 2024-02-02 | End of week',
        'Friday | Fri 2024-02-02 | Friday',
        'next Monday | Mon 2024-02-05 | next Monday',
        'next week | Fri 2024-02-09 | next week',
        'In two weeks | Mon 2024-02-12 | In two weeks',
      ]);
      assert.equal(list!.items[2].detail, 'Tuesday, January 30, 2024 (2 days ago)');
      // In running words (`by …`), lower case; what was typed is replaced.
      c.replace(sampleUri, withLines('9. Tom: rotate the keys by tom'));
      const inSentence = await c.completion(sampleUri, at(116, 30));
      assert.ok(choices(inSentence).includes('tomorrow | Tue 2024-01-30 | tomorrow'));
      assert.ok(choices(inSentence).includes('in two weeks | Mon 2024-02-12 | in two weeks'));
      assert.ok(choices(inSentence).includes('Friday | Fri 2024-02-02 | Friday'));
      assert.deepEqual((inSentence!.items[0].textEdit as TextEdit).range, { start: at(116, 27), end: at(116, 30) });
    });

    it('section headings, in the style of the notes', async () => {
      const c = await start();
      c.replace(sampleUri, `${SAMPLE}\n`);
      assert.deepEqual(choices(await c.completion(sampleUri, at(127, 0))), [
        'DECISIONS: | already in this meeting | DECISIONS:',
        'ACTION ITEMS: | already in this meeting | ACTION ITEMS:',
        'COMMITMENTS: | already in this meeting | COMMITMENTS:',
      ]);
      const retroUri = pathToFileURL(join(dir, 'retro.md')).toString();
      c.open(retroUri, '# Retro — 2025-04-01\n\n[00:10] Ana: I\'ll fix the flaky test by Friday.\n\n## Dec');
      const list = await c.completion(retroUri, at(5, 6));
      c.close(retroUri);
      assert.deepEqual(choices(list), ['Attendees | section | Attendees', 'Decisions | section | Decisions', 'Action Items | section | Action Items', 'Commitments | section | Commitments']);
    });
  });

  describe('go to definition and find references', () => {
    it('from a summary entry to where it was said, and back', async () => {
      const c = await start();
      assert.deepEqual((await c.definition(sampleUri, at(108, 20)))!.map(where), ['architecture-review-2024-01-29.txt:34:50-34:117']);
      assert.deepEqual((await c.definition(sampleUri, at(34, 60)))!.map(where), ['architecture-review-2024-01-29.txt:108:3-108:65']);
      // A statement recorded twice (ACTION ITEMS and COMMITMENTS) leads to both.
      assert.deepEqual((await c.definition(sampleUri, at(24, 60)))!.map(where), ['architecture-review-2024-01-29.txt:111:3-111:56', 'architecture-review-2024-01-29.txt:118:2-118:45']);
      assert.deepEqual((await c.definition(sampleUri, at(101, 10)))!.map(where), ['architecture-review-2024-01-29.txt:22:74-22:155']);
      assert.deepEqual((await c.references(sampleUri, at(118, 20)))!.map(where), [
        'architecture-review-2024-01-29.txt:24:43-24:125',
        'architecture-review-2024-01-29.txt:111:0-111:56',
        'architecture-review-2024-01-29.txt:118:0-118:45',
      ]);
      assert.deepEqual((await c.references(sampleUri, at(118, 20), false))!.map(where), ['architecture-review-2024-01-29.txt:24:43-24:125', 'architecture-review-2024-01-29.txt:111:0-111:56']);
      assert.equal(await c.definition(sampleUri, at(6, 20)), null); // a statement nobody recorded
    });

    it('from a person to their attendee line, and to every item they own across the workspace', async () => {
      const c = await start();
      assert.deepEqual((await c.definition(sampleUri, at(108, 4)))!.map(where), ['architecture-review-2024-01-29.txt:2:11-2:23']);
      assert.deepEqual((await c.references(sampleUri, at(108, 4)))!.map(where), [
        'architecture-review-2024-01-29.txt:2:11-2:23',
        'architecture-review-2024-01-29.txt:108:0-108:65',
        'architecture-review-2024-01-29.txt:109:0-109:57',
        'followup.md:3:11-3:23',
        'followup.md:10:0-10:59',
      ]);
      assert.deepEqual((await c.references(sampleUri, at(24, 10), false))!.map(where), [
        'architecture-review-2024-01-29.txt:96:63-96:97',
        'architecture-review-2024-01-29.txt:111:0-111:56',
        'architecture-review-2024-01-29.txt:112:0-112:59',
        'architecture-review-2024-01-29.txt:118:0-118:45',
        'architecture-review-2024-01-29.txt:119:0-119:45',
        'followup.md:11:0-11:54',
      ]);
    });
  });

  describe('rename a person', () => {
    // Renaming writes to the files on disk: each test gets its own folder and server.
    let sharedFolder: { dir: string; folder: string; sampleUri: string; followupUri: string };
    beforeEach(() => {
      sharedFolder = { dir, folder, sampleUri, followupUri };
      setUp();
    });
    afterEach(async () => {
      await own?.stop();
      own = undefined;
      rmSync(dir, { recursive: true, force: true });
      ({ dir, folder, sampleUri, followupUri } = sharedFolder);
    });
    it('prepares on a name only, with the full name to edit', async () => {
      const c = await startOwn();
      assert.deepEqual(await c.prepareRename(sampleUri, at(108, 4)), { range: { start: at(108, 3), end: at(108, 7) }, placeholder: 'Mike Johnson' });
      assert.deepEqual(await c.prepareRename(sampleUri, at(24, 12)), { range: { start: at(24, 8), end: at(24, 19) }, placeholder: 'Tom Bradley' });
      assert.equal(await c.prepareRename(sampleUri, at(108, 30)), null);
    });

    it('renames attendee line, speakers, owners and @handles in every file, each in its written form', async () => {
      const c = await startOwn();
      const edit = (await c.rename(sampleUri, at(108, 4), 'Michael Johnson'))!;
      const [sampleEdit, followupEdit] = edit.documentChanges as Array<{ textDocument: { uri: string; version: number | null }; edits: Array<{ newText: string }> }>;
      assert.deepEqual(sampleEdit.textDocument, { uri: sampleUri, version: 1 }); // open: versioned
      assert.deepEqual(followupEdit.textDocument, { uri: followupUri, version: null }); // on disk
      assert.equal(sampleEdit.edits.length, 24); // attendee line, 21 statements, 2 owners
      assert.deepEqual(c.applyEdit(edit), { applied: true });
      const lines = c.text(sampleUri).split('\n');
      assert.equal(lines[1], 'Attendees: Michael Johnson (Engineering Lead), David Kim (Backend Engineer), Rachel Torres (QA Lead), Tom Bradley (DevOps), Alex Rivera (Data Scientist)');
      assert.equal(lines[33], '[07:30] Michael Johnson: I haven\'t. Good suggestion. Action item for me: test connection pool optimizations by tomorrow.');
      assert.equal(lines[107], '1. Michael: Test Redis connection pool optimizations - Due: Tomorrow');
      assert.ok(lines[51].startsWith('[12:00] Michael Johnson: I agree technically'));
      assert.equal(c.text(sampleUri).match(/Mike/g)?.length, undefined);
      const followup = readFileSync(join(dir, 'followup.md'), 'utf8').split('\n');
      assert.equal(followup[2], 'Attendees: Michael Johnson (Engineering Lead), Tom Bradley (DevOps), Priya Shah (SRE)');
      assert.equal(followup[5], '[01:20] Michael Johnson: Action item for Priya: review the Redis alerts by Friday.');
      assert.equal(followup[9], '- [ ] @michael write the Redis latency report - Due: Wednesday');
      // The rest of the text is untouched.
      assert.equal(c.text(sampleUri).replace(/Michael/g, 'Mike'), SAMPLE);
    });

    it('refuses a name that would change how the notes read, and a stale edit is not applied', async () => {
      const c = await startOwn();
      await assert.rejects(c.rename(sampleUri, at(108, 4), 'Mike: Johnson'), /cannot contain ":"/);
      const edit = (await c.rename(sampleUri, at(108, 4), 'Michael'))!;
      c.replace(sampleUri, `New first line\n${SAMPLE}`);
      assert.equal(c.applyEdit(edit).applied, false);
      assert.equal(c.text(sampleUri), `New first line\n${SAMPLE}`);
    });
  });

  it('workspace symbols: any item or decision, by words or by owner, across the workspace', async () => {
    const c = await start();
    const names = async (query: string) => (await c.workspaceSymbols(query)).map((s) => `${s.name} [${s.containerName}]${s.tags ? ' (done)' : ''}`);
    assert.deepEqual(await names('websocket'), [
      'Tom Bradley: WebSocket infrastructure ready [Engineering Architecture Review · 2024-01-29]',
      'Tom Bradley: WebSocket infrastructure [Engineering Architecture Review · 2024-01-29]',
      'Full WebSocket implementation with phased rollout [Engineering Architecture Review · 2024-01-29]',
      'Tom Bradley: WebSocket infrastructure ready [Architecture follow-up · 2024-02-05] (done)',
    ]);
    assert.deepEqual(await names('@priya'), ['Priya Shah: Review the Redis alerts [Architecture follow-up · 2024-02-05]']);
    assert.deepEqual(await names('redis mike'), [
      'Mike Johnson: Test Redis connection pool optimizations [Engineering Architecture Review · 2024-01-29]',
      'Mike Johnson: Write the Redis latency report [Architecture follow-up · 2024-02-05]',
    ]);
    assert.deepEqual(await names('optimizing'), [
      'Mike Johnson: Test Redis connection pool optimizations [Engineering Architecture Review · 2024-01-29]',
      'Alex Rivera: Implement cost optimization for LLM calls [Engineering Architecture Review · 2024-01-29]',
      'Alex Rivera: Cost optimization implemented [Engineering Architecture Review · 2024-01-29]',
      'AI features require cost optimization before production launch [Engineering Architecture Review · 2024-01-29]',
    ]);
    const [symbol] = await c.workspaceSymbols('escalate techcorp decision');
    assert.equal(symbol.kind, 8); // Field: an action item
    assert.deepEqual(symbol.location, { uri: sampleUri, range: { start: at(109, 0), end: at(109, 57) } });
    assert.equal((await c.workspaceSymbols('')).length, 21); // 13 items and 5 decisions in the sample, 3 items in the follow-up
  });

  it('folding ranges: the transcript and each summary section', async () => {
    const c = await start();
    assert.deepEqual(
      (await c.foldingRanges(sampleUri)).map((f) => `${f.startLine + 1}-${f.endLine + 1} ${f.collapsedText}`),
      ['4-98 Transcript: 48 statements (00:00–23:30)', '100-105 DECISIONS: 5 decisions', '107-115 ACTION ITEMS: 8 items', '117-121 COMMITMENTS: 4 commitments'],
    );
  });
});
