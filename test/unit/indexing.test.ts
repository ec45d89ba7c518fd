import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { analyzeNotes } from '../../server/src/core/analyze';
import { readSimpleYaml } from '../../server/src/core/parse/markdown';
import { mayBeNotes } from '../../server/src/core/prefilter';
import { diagnose } from '../../server/src/core/rules';
import { decodeModel, encodeModel } from '../../server/src/core/serialize';
import { IndexCache, freshness } from '../../server/src/index/cache';
import { storedDigest, storedJson } from '../../server/src/index/stored';
import { type SentResult, receive, send, transferables } from '../../server/src/index/jobs';
import { MessageChannel } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { fileUri } from '../../server/src/files/uri';
import { fileItems } from '../../server/src/lsp/features/items';
import { buildSeries } from '../../server/src/core/series';
import { completionsAt } from '../../server/src/core/editor/completion';
import { hoverAt } from '../../server/src/core/editor/hover';
import { type Place, definitionAt, referencesAt } from '../../server/src/core/editor/navigation';
import { renamePerson } from '../../server/src/core/editor/rename';
import { type DigestDoc, type NotesDoc, attendeeLines, itemsOwnedBy, mentionsIn, mentionsOf, peopleOf, placesOf, workspacePeople } from '../../server/src/core/editor/people';
import { searchEntries } from '../../server/src/core/editor/search';
import { readNotesFile } from '../../server/src/index/readNotesFile';
import { ROOT } from '../helpers/notes';

const EXAMPLES = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(?:md|txt)$/.test(name))
  .map((name) => ({ name, text: readFileSync(join(ROOT, 'examples', name), 'utf8') }));

describe('pre-filter: files that cannot be meeting notes', () => {
  it('lets every example through and stops ordinary documents', () => {
    for (const { name, text } of EXAMPLES) assert.ok(mayBeNotes(text, name), name);
    assert.equal(mayBeNotes('# cache client\n\nHow to run it locally.\n\n```sh\nnpm install && npm test\n```\n\nThe numbers from last week look better.\n', 'README.md'), false);
    assert.equal(mayBeNotes('Release 1.2 fixed 3 bugs.\n', 'CHANGELOG.md'), false);
  });

  it('never stops a file the analysis would read as notes (random documents, 1,500)', () => {
    const fragments = [
      '# Cache client', 'How to run it locally.', 'npm install && npm test', '- item one', '1. first step', '```', 'code', '> quoted', '', '', '2025-03-10',
      'Present', 'people', 'Tasks', 'Status: open', 'Version 1.2', '**bold** text', 'a_b', 'See [docs](x.md).', '## Notes', 'Mike: ok', 'Due: Friday',
      '---', 'date: 2025-03-10', 'title: x', 'Attendees: Ana, Ben', '[05:00] Ana: hi', 'Decision: ship it', '- [ ] Ana: ship', '| Owner | Task |', '|---|---|',
      '| Ana | Ship |', 'ACTION ITEMS:', '## Action items', '## 2025-10-06', '**Ana:** I will ship it by Friday.', 'Ana: I will ship it by Friday.',
    ];
    let stopped = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 }), fc.constantFrom('notes.md', '2025-03-10-sync.md', 'README.md'), (lines, name) => {
        const text = lines.join('\n');
        if (mayBeNotes(text, name)) return;
        stopped++;
        assert.equal(analyzeNotes(text, { fileName: name }).looksLikeNotes, false, text);
      }),
      { numRuns: 1500, seed: 11 },
    );
    assert.ok(stopped > 100, `${stopped} documents stopped`);
  });

  it('never stops a file the analysis would read as notes (random edits of the examples)', () => {
    const words = ['Attendees:', '[05:00]', '**Ana:**', 'Decision:', '- [ ] ', '| a | b |', '## Action items', 'Present', '2025-03-10', 'TODO:', 'x', '\n', '\n\n'];
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(400), fc.constantFrom(...words)), { maxLength: 6 }), (example, edits) => {
        let text = example.text;
        for (const [where, remove, insert] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + insert + text.slice(at + remove);
        }
        if (!mayBeNotes(text, 'notes.md')) assert.equal(analyzeNotes(text, { fileName: 'notes.md' }).looksLikeNotes, false, text);
      }),
      { numRuns: 600, seed: 7 },
    );
  });
});

describe('front matter read without the YAML parser', () => {
  it('gives what the YAML parser gives, or leaves the text to it', () => {
    const keys = ['title', 'date', 'attendees', 'participants', 'x-y', '1a'];
    const values = ['', 'Platform sync', '2025-03-10', '12:30', '5', '1e3', 'true', 'Yes', 'null', '~', '-x', '"q"', "it's", 'a # b', '[a, b]', '&a', '|', 'Mike (Lead)', '.inf', 'é ü'];
    const line = fc.oneof(
      fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...values)).map(([k, v]) => `${k}: ${v}`),
      fc.tuple(fc.constantFrom(...keys), fc.array(fc.constantFrom(...values), { maxLength: 3 }), fc.constantFrom('', '  ')).map(([k, items, indent]) => [`${k}:`, ...items.map((v) => `${indent}- ${v}`)].join('\n')),
      fc.constantFrom('', '# note'),
    );
    let simple = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = lines.join('\n').split('\n').join(eol);
        const mine = readSimpleYaml(text);
        if (mine === null) return;
        simple++;
        let theirs: unknown;
        try {
          theirs = parseYaml(text);
        } catch {
          theirs = 'an error';
        }
        assert.deepEqual(mine, theirs, text);
      }),
      { numRuns: 1500, seed: 3 },
    );
    assert.ok(simple > 50, `${simple} read without the parser`);
    assert.deepEqual(readSimpleYaml('title: Platform sync\ndate: 2025-03-10\nattendees:\n  - Priya Shah (SRE)\n  - Jonas Weber'), {
      title: 'Platform sync',
      date: '2025-03-10',
      attendees: ['Priya Shah (SRE)', 'Jonas Weber'],
    });
  });
});

describe('a model as JSON (the command line cache)', () => {
  it('reads back the same model, the same sharing and the same diagnostics', () => {
    for (const { name, text } of EXAMPLES) {
      const model = analyzeNotes(text, { fileName: name });
      const back = decodeModel(text, JSON.parse(JSON.stringify(encodeModel(model))));
      assert.deepEqual({ ...back, lines: null }, { ...model, lines: null }, name);
      for (const statement of back.statements) for (const cue of statement.cues) assert.equal(cue.statement, statement);
      assert.deepEqual(diagnose(back, { today: '2024-02-01' }), diagnose(model, { today: '2024-02-01' }));
      assert.deepEqual(back.lines.positionAt(100), model.lines.positionAt(100));
    }
  });

  it('refuses data of another shape', () => {
    assert.throws(() => decodeModel('x', { items: 'no' }));
    assert.throws(() => decodeModel('x', { meetings: [], statements: [], items: [{ $ref: 9 }] }));
  });
});

describe('a file as the server index keeps it (digest, and the model when asked for)', () => {
  // Each example as written, with CRLF line ends, and with text before it in a long first line of
  // characters outside the BMP: positions are counted in UTF-16 units.
  const variants = EXAMPLES.flatMap(({ name, text }) => [
    { name, text },
    { name: `${name} (CRLF)`, text: text.replace(/\r?\n/g, '\r\n') },
    { name: `${name} (emoji)`, text: `<!-- ${'😀'.repeat(40)} -->\n${text}` },
  ]);

  it('lists the same items, with the same ranges, from the digest as from the model', () => {
    for (const { name, text } of variants) {
      const model = analyzeNotes(text, { fileName: name });
      const json = storedJson(model);
      assert.doesNotMatch(json, /\n/, `${name}: one line`);
      assert.doesNotMatch(json, /\t/, `${name}: a digest alone (a tab would start text the cache does not decode)`);
      const digest = storedDigest(json);
      assert.ok(model.items.length > 0 || !model.looksLikeNotes, name);
      assert.equal(digest.looksLikeNotes, model.looksLikeNotes, name);
      assert.deepEqual(fileItems({ uri: 'file:///a', version: null, digest }), fileItems({ uri: 'file:///a', version: null, digest: model }), name);
    }
  });

  it('gives the same series from digests as from models', () => {
    const folder = EXAMPLES.filter(({ name }) => name.startsWith('platform-weekly')).concat(EXAMPLES.filter(({ name }) => name.includes('log')));
    assert.ok(folder.length >= 3);
    const models = folder.map(({ name, text }) => ({ file: name, model: analyzeNotes(text, { fileName: name }) }));
    const fromModels = buildSeries(models);
    const fromDigests = buildSeries(models.map(({ file, model }) => ({ file, model: storedDigest(storedJson(model)) })));
    assert.ok(fromModels.series.length >= 2);
    assert.deepEqual(fromDigests.series, fromModels.series);
  });

  // The workspace's other files as the server has them (digests) and as full models.
  const workspace = () => {
    const full: NotesDoc[] = variants.map(({ name, text }) => ({ uri: `file:///w/${encodeURIComponent(name)}`, model: analyzeNotes(text, { fileName: name }) }));
    const digests: DigestDoc[] = full.map(({ uri, model }) => ({ uri, model: storedDigest(storedJson(model)) }));
    return { full, digests };
  };

  it('gives the same workspace symbols, people, hovers and completions from digests as from models', () => {
    const { full, digests } = workspace();
    const found = (docs: DigestDoc[], query: string) => searchEntries(docs, query).map((e) => ({ ...e, doc: e.doc.uri, range: e.doc.model.lines.rangeOf(e.span) }));
    for (const query of ['', 'gateway', '@priya', 'decision', 'said']) assert.deepEqual(found(digests, query), found(full, query), query);
    assert.ok(found(digests, '').some((e) => e.kind === 'decision'));
    assert.deepEqual(workspacePeople(digests), workspacePeople(full));
    let checked = 0;
    for (const doc of full.slice(0, 8)) {
      for (const mention of mentionsIn(doc.model)) {
        const at = mention.span.start + 1;
        assert.deepEqual(hoverAt(digests, doc, at, '2025-03-12'), hoverAt(full, doc, at, '2025-03-12'), `${doc.uri} ${mention.name}`);
        checked++;
      }
      for (const item of doc.model.items.filter((i) => i.owner)) {
        const at = item.owner!.span.end;
        assert.deepEqual(completionsAt(digests, doc, at, '2025-03-12'), completionsAt(full, doc, at, '2025-03-12'), `${doc.uri} ${item.owner!.written}`);
      }
    }
    assert.ok(checked > 20, `${checked} hovers`);
  });

  it('finds the same definitions and references of people from digests as from models', () => {
    const { full, digests } = workspace();
    // A file that names Priya Shah without listing her: her definition is in the other files.
    const unlisted = { uri: 'file:///w/zz-unlisted.md', model: analyzeNotes('# Standup\n\nDate: 2025-03-12\n\n## Action items\n\n- [ ] Priya Shah: roll out the canary\n', { fileName: 'zz-unlisted.md' }) };
    // And one that names people by their @handles, in speech and in an entry.
    const handles = { uri: 'file:///w/zz-handles.md', model: analyzeNotes('# Sync\n\nDate: 2025-03-12\nAttendees: Priya Shah, Jonas Weber\n\n## Transcript\n\n[00:01] Jonas Weber: I will ask @priya to check the canary.\n\n## Action items\n\n- [ ] Jonas Weber: ping @priya about the canary\n', { fileName: 'zz-handles.md' }) };
    assert.ok(mentionsIn(handles.model).filter((m) => m.role === 'handle').length >= 2);
    for (const doc of [unlisted, handles]) {
      full.push(doc);
      digests.push({ uri: doc.uri, model: storedDigest(storedJson(doc.model)) });
    }
    full.forEach((doc, i) => assert.deepEqual(placesOf(digests[i].model), mentionsIn(doc.model).map(({ key, name, role, span }) => ({ key, name, role, span })), doc.uri));
    const places = (found: Place[]) => found.map(({ doc, span }) => ({ uri: doc.uri, range: doc.model.lines.rangeOf(span) }));
    let elsewhere = 0;
    for (const doc of [...full.slice(0, 9), unlisted, handles]) {
      for (const mention of mentionsIn(doc.model)) {
        const at = mention.span.start + 1;
        const definitions = places(definitionAt(digests, doc, at));
        assert.deepEqual(definitions, places(definitionAt(full, doc, at)), `${doc.uri} ${mention.name}`);
        for (const withDeclaration of [true, false]) {
          const references = places(referencesAt(digests, doc, at, withDeclaration));
          assert.deepEqual(references, places(referencesAt(full, doc, at, withDeclaration)), `${doc.uri} ${mention.name}`);
          if (withDeclaration && references.some((p) => p.uri !== doc.uri)) elsewhere++;
        }
      }
    }
    assert.ok(elsewhere > 20, `${elsewhere} people with references in other files`);
    // A rename: the same edits from the digests with their files' texts as from the models.
    const texts = (docs: DigestDoc[]) => docs.map((d, i) => ({ ...d, text: full[i].model.text }));
    const renamed = (docs: DigestDoc[], doc: NotesDoc, at: number) => {
      const result = renamePerson(texts(docs), doc, at, 'Zoë Quinn-Abara');
      return 'error' in result ? result : result.edits.map(({ doc: d, edits }) => ({ uri: d.uri, edits }));
    };
    let renames = 0;
    for (const doc of [...full.slice(0, 9), handles]) {
      for (const mention of mentionsIn(doc.model)) {
        const at = mention.span.start + 1;
        const fromDigests = renamed(digests, doc, at);
        assert.deepEqual(fromDigests, renamed(full, doc, at), `${doc.uri} ${mention.name}`);
        if (Array.isArray(fromDigests) && fromDigests.length > 1) renames++;
      }
    }
    assert.ok(renames > 20, `${renames} renames in several files`);
    const priya = places(definitionAt(digests, unlisted, unlisted.model.text.indexOf('Priya') + 1));
    assert.ok(priya.length > 3 && priya.every((p) => p.uri !== unlisted.uri && p.range.end.character - p.range.start.character === 'Priya Shah'.length), JSON.stringify(priya));
  });

  it('names in a digest everyone a file mentions, lists as an attendee or has own an item', () => {
    const { full, digests } = workspace();
    for (const { key } of workspacePeople(full)) {
      const naming = new Set(digests.filter((d) => peopleOf(d.model).keys.includes(key)).map((d) => d.uri));
      const needed = [...mentionsOf(full, key).map((m) => m.doc.uri), ...itemsOwnedBy(full, key).map((o) => o.doc.uri), ...full.filter((d) => attendeeLines(d.model, key).length).map((d) => d.uri)];
      for (const uri of needed) assert.ok(naming.has(uri), `${key} in ${uri}`);
    }
  });

  it('crosses from a worker as UTF-8 bytes handed over whole: the digest read from their start, the bytes the stored JSON', async () => {
    const results = variants.map(({ name, text }) => send({ path: `/notes/${name}`, status: 'read', stat: { size: 1, mtimeMs: 1 }, hash: 'h', text, model: analyzeNotes(text, { fileName: name }) }));
    results.push(send({ path: '/notes/plain.md', status: 'read', stat: { size: 1, mtimeMs: 1 }, hash: 'h', text: 'plain', model: null }));
    const buffers = transferables(results);
    assert.equal(buffers.length, variants.length, 'one buffer per model, none for a file that is not notes');
    assert.equal(new Set(buffers).size, buffers.length, 'each its own buffer (a shared one cannot be handed over twice)');
    // Through a message channel as between threads: the buffers move, the receiver gets the bytes.
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<SentResult[]>((resolve) => port2.once('message', resolve));
    port1.postMessage(results, buffers);
    const arrived = await received;
    port1.close();
    assert.ok(buffers.every((b) => b.byteLength === 0), 'handed over, not copied');
    variants.forEach(({ name, text }, i) => {
      const model = analyzeNotes(text, { fileName: name });
      const result = receive(arrived[i]);
      assert.ok(result.status === 'read' && result.json && result.digest, name);
      assert.equal(Buffer.from(result.json).toString('utf8'), storedJson(model), name);
      assert.deepEqual(result.digest.items, storedDigest(storedJson(model)).items, name);
      assert.deepEqual(result.digest.meetings, model.meetings.map((m) => ({ index: m.index, title: m.title, date: m.date, attendees: m.attendees.map((a) => ({ name: a.name, role: a.role })) })), name);
    });
    const plain = receive(arrived[variants.length]);
    assert.ok(plain.status === 'read' && plain.digest === null && plain.json === null);
  });

  it('refuses stored text of another shape', () => {
    assert.throws(() => storedDigest('{}'));
    assert.throws(() => storedDigest('{"meetings":[],"sections":[],"items":[]}'));
    assert.throws(() => storedDigest('[1,0,[],[],[],[],[]]'), /another shape/);
    assert.throws(() => storedDigest('[1,0,[],[],[],[],[[],[],"[[],[]]"],[["id",0,0,0,"task",0,0,4,null,null,null,0]]]'), /another shape/);
    assert.throws(() => storedDigest('[1,0,[],[],[[7,0,"Notes"]],[],[[],[],"[[],[]]"],[]]'), /another shape/);
    assert.throws(() => storedDigest('[1,0,[],[["Sync",null,["Ana"]]],[],[],[[],[],"[[],[]]"],[]]'), /another shape/);
    assert.throws(() => storedDigest('[1,0,[],[],[],[],[[],[]],[]]'), /another shape/);
    assert.throws(() => storedDigest('[1,0,[],[],[],[],[[],[],[]],[]]'), /another shape/);
    assert.throws(() => storedDigest('[1,0,[],[],[],[],[[],[],"[[],[]]"],[],[[0,"Ana","finished",null,"Finished."]]]'), /another shape/);
    const digest = storedDigest('[1,9,[4],[["Sync",null,["Ana",null]]],[[1,0,"Action items"]],[],[["ana"],[],"[[\\"Ana\\"],[0,0,1,4]]"],[["id",0,0,0,"task",0,5,9,null,null,null,0,[],null,null,null,null]],[[0,"Ana","finished","the docs","Yesterday: finished the docs"]]]');
    assert.deepEqual(digest.meetings, [{ index: 0, title: 'Sync', date: null, attendees: [{ name: 'Ana', role: null }] }]);
    assert.deepEqual(digest.reports, [{ meeting: 0, person: 'Ana', verb: 'finished', work: 'the docs', said: 'Yesterday: finished the docs' }]);
    assert.deepEqual(placesOf(digest), [{ key: 'ana', name: 'Ana', role: 'attendee', span: { start: 1, end: 4 } }]);
    assert.throws(() => placesOf(storedDigest('[1,0,[],[],[],[],[[],[],"[[\\"Ana\\"],[1,0,1,4]]"],[]]')), /another shape/);
    assert.deepEqual(digest.lines.rangeOf(digest.items[0].span), { start: { line: 1, character: 1 }, end: { line: 1, character: 5 } });
  });
});

describe('file URIs', () => {
  it('are what the URL parser gives, for plain paths and any others', () => {
    const segment = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', '_', '-', '~', ' ', '#', '%', '?', 'é', '😀', ':', '[', '\\', '+'), minLength: 0, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean(), (segments, slash) => {
        const path = `/${segments.join('/')}${slash ? '/' : ''}`;
        assert.equal(fileUri(path), pathToFileURL(path).href, path);
      }),
      { numRuns: 2000, seed: 3 },
    );
    assert.equal(fileUri('/work/notes/2025-03-10_sync.md'), 'file:///work/notes/2025-03-10_sync.md');
  });
});

describe('index cache', () => {
  let dir: string;
  // Values as the server stores them: a model's JSON.
  const text = (task: string) => `Standup\nDate: 2025-03-10\n\nAction items:\n- Ana: ${task} - Due: Friday\n`;
  const stored = (task: string) => JSON.stringify(encodeModel(analyzeNotes(text(task))));
  const taskOf = (value: string | null | undefined, task: string) => decodeModel(text(task), JSON.parse(value!)).items[0].task;
  const open = (analyzer = 'v1', log?: (m: string) => void) => new IndexCache<string>(dir, { kind: 'models', analyzer, pack: (json) => json, unpack: (json) => json, log }).load();
  const entry = (task: string) => ({ size: 1, mtimeMs: 1, hash: 'h', checkedAt: 9000, value: stored(task) });
  const shardFiles = () => readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  const lineCount = () => shardFiles().reduce((n, f) => n + readFileSync(join(dir, f), 'utf8').split('\n').length - 2, 0);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'meeting-notes-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps entries between runs, for the same analyzer version only', async () => {
    const cache = open();
    cache.set('/notes/a.md', { size: 10, mtimeMs: 1000, hash: 'h1', checkedAt: 9000, value: stored('ship it') });
    cache.set('/notes/b.bin', { size: 10, mtimeMs: 1000, hash: 'h2', checkedAt: 9000, value: null, skipped: 'binary file' });
    await cache.flush();
    const again = open();
    assert.equal(taskOf(again.get('/notes/a.md')?.value, 'ship it'), 'Ship it');
    assert.deepEqual(again.get('/notes/b.bin'), { size: 10, mtimeMs: 1000, hash: 'h2', checkedAt: 9000, value: null, skipped: 'binary file' });
    assert.equal(open('v2').size, 0);
  });

  it('reads a stored value back for its hash only: waiting to be written, then from its shard file (a path with characters past ASCII)', async () => {
    const cache = open();
    const path = '/notes/réunion — 3.md';
    cache.set(path, { size: 10, mtimeMs: 1000, hash: 'h1', checkedAt: 9000, value: 'x' }, stored('ship it'));
    assert.equal(taskOf(cache.storedText(path, 'h1'), 'ship it'), 'Ship it', 'pending');
    // As an index worker sends it: the JSON's UTF-8 bytes.
    cache.set(path, { size: 10, mtimeMs: 1000, hash: 'h1', checkedAt: 9000, value: 'x' }, new TextEncoder().encode(stored('ship it — déjà')));
    assert.equal(taskOf(cache.storedText(path, 'h1'), 'ship it — déjà'), 'Ship it — déjà', 'pending as bytes');
    await cache.flush();
    assert.equal(taskOf(open().storedText(path, 'h1'), 'ship it — déjà'), 'Ship it — déjà', 'bytes written as they came');
    await new Promise((resolve) => setImmediate(resolve));
    cache.set(path, { size: 10, mtimeMs: 1000, hash: 'h1', checkedAt: 9000, value: 'x' }, stored('ship it'));
    await cache.flush();
    const again = open();
    assert.equal(taskOf(again.storedText(path, 'h1'), 'ship it'), 'Ship it', 'from the shard file');
    assert.equal(again.storedText(path, 'h2'), null, 'another content');
    assert.equal(again.storedText('/notes/other.md', 'h1'), null, 'unknown');
    again.set(path, { size: 11, mtimeMs: 2000, hash: 'h3', checkedAt: 9000, value: 'x' }, stored('changed'));
    await again.flush();
    await new Promise((resolve) => setImmediate(resolve)); // shards read again are forgotten after this turn
    assert.equal(taskOf(open().storedText(path, 'h3'), 'changed'), 'Changed', 'the later line');
  });

  it('rewrites a shard cut short with its live lines whole, which read back as they were stored', async () => {
    const cache = open();
    cache.set('/notes/a.md', { size: 1, mtimeMs: 1, hash: 'h1', checkedAt: 9000, value: '"digest a"' }, '"digest a"');
    cache.set('/notes/b.md', { size: 1, mtimeMs: 1, hash: 'h2', checkedAt: 9000, value: '"digest b"' }, '"digest b"');
    await cache.flush();
    const file = join(dir, shardFiles().find((f) => readFileSync(join(dir, f), 'utf8').includes('/notes/b.md'))!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"path":"/notes/c.md","si`);
    await new Promise((resolve) => setImmediate(resolve));
    const again = open();
    assert.equal(again.get('/notes/a.md')?.value, '"digest a"');
    assert.equal(again.get('/notes/b.md')?.value, '"digest b"');
    assert.equal(again.get('/notes/c.md'), undefined);
    assert.ok(readFileSync(file, 'utf8').endsWith('"digest b"\n'));
    assert.equal(again.storedText('/notes/b.md', 'h2'), '"digest b"');
  });

  it('decodes only the value of each path\'s last line (files touched since hold theirs twice)', async () => {
    const cache = open();
    for (let i = 0; i < 10; i++) cache.set(`/notes/${i}.md`, { ...entry(`task ${i}`), value: `"v${i}"` }, `"v${i}"`);
    await cache.flush();
    for (let i = 0; i < 10; i++) cache.set(`/notes/${i}.md`, { ...entry(`task ${i}`), mtimeMs: 2, value: `"v${i}"` }, `"v${i}"`);
    cache.delete('/notes/3.md');
    await cache.flush();
    assert.equal(lineCount(), 20);
    const unpacked: string[] = [];
    const again = new IndexCache<string>(dir, { kind: 'models', analyzer: 'v1', pack: (json) => json, unpack: (json) => (unpacked.push(json), json) }).load();
    assert.deepEqual(unpacked.sort(), ['"v0"', '"v1"', '"v2"', '"v4"', '"v5"', '"v6"', '"v7"', '"v8"', '"v9"']);
    assert.equal(again.get('/notes/5.md')?.mtimeMs, 2);
    assert.equal(again.get('/notes/3.md'), undefined);
  });

  it('appends what changed; a later line replaces an earlier one, a removal forgets it', async () => {
    const cache = open();
    for (let i = 0; i < 10; i++) cache.set(`/notes/${i}.md`, entry(`task ${i}`));
    await cache.flush();
    assert.equal(lineCount(), 10);
    cache.set('/notes/3.md', entry('changed'), stored('changed'));
    cache.delete('/notes/4.md');
    assert.ok(cache.pendingSize > 0);
    await cache.flush();
    assert.equal(cache.pendingSize, 0);
    assert.equal(lineCount(), 12, 'two lines appended, nothing rewritten');
    const again = open();
    assert.equal(again.size, 9);
    assert.equal(taskOf(again.get('/notes/3.md')?.value, 'changed'), 'Changed');
    assert.equal(again.get('/notes/4.md'), undefined);
    assert.equal(taskOf(again.get('/notes/5.md')?.value, 'task 5'), 'Task 5');
  });

  it('rewrites a shard that is mostly replaced lines when it reads it', () => {
    const cache = open();
    for (let round = 0; round < 80; round++) {
      for (let i = 0; i < 3; i++) cache.set(`/notes/${i}.md`, entry(`task ${i} round ${round}`));
      cache.flushSync();
    }
    assert.equal(lineCount(), 240);
    const again = open();
    assert.equal(lineCount(), 3, 'only the live lines are left');
    assert.equal(taskOf(again.get('/notes/2.md')?.value, 'task 2 round 79'), 'Task 2 round 79');
    assert.equal(open().size, 3);
  });

  it('ignores a damaged shard, a line cut short and lines of the wrong shape, without failing', () => {
    const cache = open();
    for (let i = 0; i < 160; i++) cache.set(`/notes/${i}.md`, entry(`task ${i}`));
    cache.flushSync();
    const files = shardFiles();
    writeFileSync(join(dir, files[0]), '{"format":2,"analyzer":"v1"}\n{"path":"/x","size":');
    const lines = readFileSync(join(dir, files[1]), 'utf8').split('\n');
    const pathOf = (line: string) => JSON.parse(line.split('\t')[0]).path as string;
    const [wrongShape, intact, cutShort] = [pathOf(lines[1]), pathOf(lines[2]), pathOf(lines[lines.length - 2])];
    lines[1] = lines[1].replace('"size":1', '"size":"one"');
    writeFileSync(join(dir, files[1]), lines.join('\n').slice(0, -10));
    const logs: string[] = [];
    const reloaded = open('v1', (m) => logs.push(m));
    assert.ok(reloaded.size > 100 && reloaded.size < 160 - 3, `${reloaded.size} entries kept`);
    assert.equal(reloaded.get(wrongShape), undefined);
    assert.equal(reloaded.get(cutShort), undefined);
    const n = intact.match(/\d+/)![0];
    assert.equal(taskOf(reloaded.get(intact)?.value, `task ${n}`), `Task ${n}`);
    assert.match(logs.join('\n'), /damaged/);
    // The damaged shards were rewritten: what is appended to them now is read back.
    reloaded.set('/notes/new.md', entry('new one'));
    reloaded.flushSync();
    assert.equal(taskOf(open().get('/notes/new.md')?.value, 'new one'), 'New one');
    assert.equal(open().size, reloaded.size);
  });

  it('trusts size and time only when the file was not changed just before it was read', () => {
    const entry = { size: 10, mtimeMs: 1000, hash: 'h', checkedAt: 10_000, value: null };
    assert.equal(freshness(entry, { size: 10, mtimeMs: 1000 }), 'fresh');
    assert.equal(freshness(entry, { size: 11, mtimeMs: 1000 }), 'check-hash');
    assert.equal(freshness({ ...entry, checkedAt: 1500 }, { size: 10, mtimeMs: 1000 }), 'check-hash');
    assert.equal(freshness(undefined, { size: 10, mtimeMs: 1000 }), 'stale');
  });

  it('reads back what was last written for each file, over random sequences of changes, removals, writes and restarts', async () => {
    // A value is packed by the cache, or given as the caller's JSON text, or as its UTF-8 bytes (an index worker's).
    type Op = { kind: 'set'; path: number; value: string; prepacked: 'no' | 'text' | 'bytes' } | { kind: 'delete'; path: number } | { kind: 'flush' | 'flushSync' | 'restart' };
    // Paths with the characters a line format could trip on: tabs, line breaks, quotes, non-ASCII.
    const PATHS = ['/a.md', '/b\tc.md', '/d\ne.md', '/"quoted".md', '/ünï/cødé.md', '/f.md', '/g.md', '/h.md'];
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.nat(PATHS.length - 1), value: fc.string({ unit: 'binary' }).map((v) => JSON.stringify(v)), prepacked: fc.constantFrom('no' as const, 'text' as const, 'bytes' as const) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.nat(PATHS.length - 1) }) },
      { weight: 2, arbitrary: fc.constantFrom({ kind: 'flush' as const }, { kind: 'flushSync' as const }, { kind: 'restart' as const }) },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 30, maxLength: 120 }), async (ops) => {
        const folder = join(dir, `run-${run++}`);
        // Shards are rewritten after a few replaced lines here, so that rewriting is part of the sequences.
        const make = () => new IndexCache<string>(folder, { kind: 'models', analyzer: 'v1', pack: (json) => json, unpack: (json) => json, maxDeadLines: 2 }).load();
        let cache = make();
        const written = new Map<string, string>(); // what the files should give back
        const memory = new Map<string, string>(); // what the cache holds now
        for (const o of ops) {
          if (o.kind === 'set') {
            const path = PATHS[o.path];
            const prepacked = o.prepacked === 'text' ? o.value : o.prepacked === 'bytes' ? new TextEncoder().encode(o.value) : undefined;
            cache.set(path, { size: 1, mtimeMs: 2, hash: 'h', checkedAt: 3, value: o.value }, prepacked);
            memory.set(path, o.value);
          } else if (o.kind === 'delete') {
            cache.delete(PATHS[o.path]);
            memory.delete(PATHS[o.path]);
          } else if (o.kind === 'restart') {
            cache = make();
            memory.clear();
            for (const [path, value] of written) memory.set(path, value);
          } else {
            if (o.kind === 'flush') await cache.flush();
            else cache.flushSync();
            written.clear();
            for (const [path, value] of memory) written.set(path, value);
          }
          for (const path of PATHS) assert.equal(cache.get(path)?.value, memory.get(path), `${path} in memory`);
        }
        cache.flushSync();
        // Read twice: the first reading may rewrite a shard, the second reads what it wrote.
        for (const reread of [make(), make()]) {
          assert.equal(reread.size, memory.size);
          for (const [path, value] of memory) assert.deepEqual(reread.get(path), { size: 1, mtimeMs: 2, hash: 'h', checkedAt: 3, value });
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('leaves out a value it cannot store, and writes the others', async () => {
    const logs: string[] = [];
    const pack = (value: string) => {
      if (value === 'broken') throw new Error('no JSON for this one');
      return value;
    };
    const cache = new IndexCache<string>(dir, { kind: 'models', analyzer: 'v1', pack, unpack: (json) => json, log: (m) => logs.push(m) });
    cache.set('/a.md', { size: 1, mtimeMs: 2, hash: 'h', checkedAt: 3, value: 'broken' });
    cache.set('/b.md', { size: 1, mtimeMs: 2, hash: 'h', checkedAt: 3, value: '"fine"' });
    await cache.flush();
    const again = open();
    assert.equal(again.get('/a.md'), undefined);
    assert.equal(again.get('/b.md')?.value, '"fine"');
    assert.match(logs.join('\n'), /cannot store \/a\.md \(no JSON for this one\)/);
  });

  it('works on without writing when its folder cannot be written', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const logs: string[] = [];
    const cache = new IndexCache<string>(join(dir, 'a-file', 'sub'), { kind: 'models', analyzer: 'v1', pack: (json) => json, unpack: (json) => json, log: (m) => logs.push(m) });
    cache.set('/a.md', { size: 1, mtimeMs: 1, hash: 'h', checkedAt: 1, value: null }, 'null');
    await cache.flush();
    assert.match(logs.join('\n'), /disabled/);
    cache.set('/b.md', { size: 1, mtimeMs: 1, hash: 'h', checkedAt: 1, value: stored('x') }, stored('x'));
    await cache.flush();
    assert.equal(cache.pendingSize, 0, 'nothing piles up');
  });

  it('reads a file only when it changed: not for the same size and time, not for the same content', () => {
    const path = join(dir, '2025-03-10-sync.md');
    writeFileSync(path, '# Sync\n\nAttendees: Ana, Ben\n\n- [ ] Ana: ship it - Due: Friday\n');
    utimesSync(path, new Date('2025-03-10T10:00:00Z'), new Date('2025-03-10T10:00:00Z'));
    const read = readNotesFile(path, { maxBytes: 1e6 });
    assert.equal(read.status, 'read');
    if (read.status !== 'read') return;
    assert.equal(read.model?.items[0].task, 'Ship it');
    const known = { size: read.stat.size, mtimeMs: read.stat.mtimeMs, hash: read.hash, checkedAt: Date.now() };
    assert.equal(readNotesFile(path, { maxBytes: 1e6, known }).status, 'unchanged');
    utimesSync(path, new Date(), new Date()); // touched, same content
    assert.equal(readNotesFile(path, { maxBytes: 1e6, known }).status, 'unchanged');
    writeFileSync(path, '# Sync\n\nAttendees: Ana, Ben\n\n- [ ] Ben: write docs - Due: Friday\n');
    const changed = readNotesFile(path, { maxBytes: 1e6, known });
    assert.equal(changed.status === 'read' && changed.model?.items[0].task, 'Write docs');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'README.md'), '# Tool\n\nHow to build it.\n');
    const readme = readNotesFile(join(dir, 'docs', 'README.md'), { maxBytes: 1e6 });
    assert.equal(readme.status === 'read' && readme.model, null);
    assert.equal(readNotesFile(path, { maxBytes: 1e6, known: { ...known, checkedAt: Date.now() }, wantText: true }).status, 'read'); // changed since
    assert.equal(readNotesFile(join(dir, 'gone.md'), { maxBytes: 1e6 }).status, 'gone');
  });
});
