import { strict as assert } from 'node:assert';
import type { TextDocumentEdit, TextDocuments, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fc from 'fast-check';
import { analyzeNotes } from '../../server/src/core/analyze';
import { storedDigest, storedJson } from '../../server/src/index/stored';
import { rename } from '../../server/src/lsp/features/rename';
import { workspaceEditFactory } from '../../server/src/lsp/features/workspaceEdit';
import { MADE_MODELS_KEPT, NotesStore } from '../../server/src/lsp/store';
import { ResponseError } from '../../server/src/lsp/vscodeLanguageServer';

// The store's closed files: digests at hand, models made when a feature asks, only so many kept.
describe('notes store: indexed files', () => {
  const noDocuments = { get: () => undefined, all: () => [] } as unknown as TextDocuments<TextDocument>;
  const text = (owner: string, i: number) => `# Sync ${i}\n\nDate: 2025-03-10\nAttendees: ${owner}, Wei\n\n## Action items\n\n- [ ] ${owner}: task ${i} - Due: 2025-03-14\n`;

  /**
   * A store of `count` indexed files (every third owned by Ana unless said), counting the models
   * made, in the order they are made; the files in `changed` no longer read as their digests.
   */
  function storeOf(count: number, ownerOf = (i: number) => (i % 3 === 0 ? 'Ana' : 'Ben')) {
    const store = new NotesStore(noDocuments);
    const made: string[] = [];
    const changed = new Set<string>();
    for (let i = 0; i < count; i++) {
      const uri = `file:///notes/${String(i).padStart(4, '0')}.md`;
      const source = text(ownerOf(i), i);
      store.setIndexed(uri, {
        digest: storedDigest(storedJson(analyzeNotes(source, { fileName: uri }))),
        model: null,
        load: () => {
          made.push(uri);
          return analyzeNotes(source, { fileName: uri });
        },
        text: () => (changed.has(uri) ? null : source),
      });
    }
    return { store, made, changed };
  }

  it('lists digests without making a model; makes one once when asked', () => {
    const { store, made } = storeOf(6);
    assert.equal(store.digests().length, 6);
    assert.deepEqual(made, []);
    const first = store.get('file:///notes/0001.md')!;
    assert.equal(first.model.items[0].task, 'Task 1');
    assert.equal(store.get('file:///notes/0001.md')!.model, first.model);
    assert.deepEqual(made, ['file:///notes/0001.md']);
  });

  it('gives the files that name a person with their text: as digests while unchanged, else as models made again', () => {
    const { store, made, changed } = storeOf(9);
    changed.add('file:///notes/0003.md');
    const files = store.textsNaming('ana');
    assert.deepEqual(files.map((f) => f.uri), ['file:///notes/0000.md', 'file:///notes/0003.md', 'file:///notes/0006.md']);
    assert.deepEqual(made, ['file:///notes/0003.md']);
    assert.ok(files.every((f) => f.text === text('Ana', Number(f.uri.slice(-7, -3)))));
    assert.equal(files[0].model, store.digestOf('file:///notes/0000.md')!.digest);
    assert.equal(files[1].model, store.get('file:///notes/0003.md')!.model);
    assert.deepEqual(store.textsNaming(undefined), []);
  });

  it(`keeps the ${MADE_MODELS_KEPT} models made last, and makes a dropped one again when asked`, () => {
    const count = MADE_MODELS_KEPT + 20;
    const { store, made, changed } = storeOf(count);
    for (let i = 0; i < count; i++) store.get(`file:///notes/${String(i).padStart(4, '0')}.md`);
    assert.equal(made.length, count);
    store.get(`file:///notes/${String(count - 1).padStart(4, '0')}.md`);
    assert.equal(made.length, count, 'the last made is kept');
    store.get('file:///notes/0000.md');
    assert.equal(made.length, count + 1, 'the first made was let go');
    // A rename in more changed files than are kept: each made (at most) once for the request.
    for (let i = 0; i < count; i++) changed.add(`file:///notes/${String(i).padStart(4, '0')}.md`);
    made.length = 0;
    const ana = store.textsNaming('ana');
    assert.equal(ana.length, Math.ceil(count / 3));
    assert.ok(ana.every((f) => f.model.items.length === 1 && f.text === (f.model as { text?: string }).text));
    assert.ok(made.length <= ana.length);
  });

  for (const asRead of [true, false]) {
    it(`renames a person in every file that names them, when more than the ${MADE_MODELS_KEPT} models kept do (${asRead ? 'files as their digests were read: from the digests' : 'files changed since: from their models'})`, () => {
      // The edits were once checked against the store's models again: those let go were made anew,
      // differed, and their files were left out (13 of 3,800 files renamed in a workspace of 10,000).
      const count = MADE_MODELS_KEPT + 20;
      const { store, made, changed } = storeOf(count, () => 'Ana');
      if (!asRead) for (let i = 0; i < count; i++) changed.add(`file:///notes/${String(i).padStart(4, '0')}.md`);
      const edit = rename(store, { textDocument: { uri: 'file:///notes/0000.md' }, position: { line: 3, character: 12 }, newName: 'Anna' }, workspaceEditFactory(true));
      assert.ok(edit && !(edit instanceof ResponseError));
      const changes = (edit.documentChanges ?? []) as TextDocumentEdit[];
      assert.equal(changes.length, count);
      assert.deepEqual(changes.map((c) => c.textDocument.uri), Array.from({ length: count }, (_, i) => `file:///notes/${String(i).padStart(4, '0')}.md`));
      for (const [i, change] of changes.entries()) {
        assert.equal(change.textDocument.version, null);
        const renamed = TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'markdown', 1, text('Ana', i)), change.edits as TextEdit[]);
        assert.equal(renamed, text('Anna', i));
      }
      // The file asked in is made for the cursor; the others are read as digests, or made once each.
      assert.equal(made.length, asRead ? 1 : count);
    });
  }

  it('lists every file as the index and the open documents have them, over random changes of both', () => {
    // What `digests` gives, worked out from scratch: open documents (notes, or indexed) with their
    // models, then the indexed files not open, in URI order.
    const documents = new Map<string, TextDocument>();
    const fakeDocuments = { get: (uri: string) => documents.get(uri), all: () => [...documents.values()] } as unknown as TextDocuments<TextDocument>;
    const store = new NotesStore(fakeDocuments);
    const indexed = new Map<string, { digest: ReturnType<typeof storedDigest>; stamp: string }>();
    const notes = storedDigest(storedJson(analyzeNotes(text('Ana', 1), { fileName: 'a.md' })));
    const prose = storedDigest(storedJson(analyzeNotes('Just prose.\n', { fileName: 'b.md' })));
    const uris = Array.from({ length: 12 }, (_, i) => `file:///notes/${String.fromCharCode(122 - i)}.md`);
    const expected = () => {
      const open = [...documents.values()].map((d) => ({ uri: d.uri, version: d.version as number | null, digest: store.modelOf(d) as unknown, stamp: undefined as string | undefined }));
      const files = [
        ...open.filter((f) => (f.digest as { looksLikeNotes: boolean }).looksLikeNotes || indexed.has(f.uri)),
        ...[...indexed].filter(([uri]) => !documents.has(uri)).map(([uri, f]) => ({ uri, version: null, digest: f.digest as unknown, stamp: f.stamp as string | undefined })),
      ];
      return files.sort((a, b) => (a.uri < b.uri ? -1 : 1));
    };
    let version = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(6), fc.nat(uris.length - 1), fc.boolean()), { minLength: 1, maxLength: 60 }), (ops) => {
        documents.clear();
        indexed.clear();
        store.clearIndex();
        for (const [op, at, flag] of ops) {
          const uri = uris[at];
          if (op === 0) {
            const digest = flag ? notes : prose;
            store.setIndexed(uri, { digest, model: null, load: () => analyzeNotes('', {}), text: () => null, stamp: `h${at}` });
            if (digest.looksLikeNotes) indexed.set(uri, { digest, stamp: `h${at}` });
            else indexed.delete(uri);
          } else if (op === 1) {
            store.remove(uri);
            indexed.delete(uri);
          } else if (op === 2) {
            store.setSkipped(uri, 'binary file');
            indexed.delete(uri);
          } else if (op === 3 || op === 4) {
            documents.set(uri, TextDocument.create(uri, 'markdown', ++version, flag ? text('Wei', at) : 'Only prose here.\n'));
          } else if (op === 5) {
            documents.delete(uri);
            store.forgetOpen(uri);
          } else {
            store.clearIndex();
            indexed.clear();
          }
          const list = store.digests();
          assert.equal(store.digests(), list, 'the same list while nothing changed');
          const listed = list.map((f) => ({ uri: f.uri, version: f.version, digest: f.digest as unknown, stamp: f.stamp }));
          assert.deepEqual(listed, expected());
          assert.ok(listed.every((f, i) => f.digest === expected()[i].digest), 'the same digests, not copies');
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
