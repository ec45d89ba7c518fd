import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes, buildModel } from '../core/analyze';
import { DEFAULT_MAX_FILE_BYTES, tooBig } from '../core/decode';
import type { NotesDigest } from '../core/digest';
import { type DigestDoc, peopleOf } from '../core/editor/people';
import type { RenameDoc } from '../core/editor/rename';
import type { NotesModel } from '../core/model';
import type { SeriesSource } from '../core/series';
import { BlockCache, readBlocksAsync } from '../core/parse/readBlocks';

/** A notes document as the features see it: its model and the version it was read from. */
export interface NotesFile {
  uri: string;
  /** The editor's version for an open document; null for a file read from disk. */
  version: number | null;
  model: NotesModel;
}

/** A notes file with the text its digest (or model) was read from, and its version when open. */
export interface NotesText extends RenameDoc {
  version: number | null;
}

/** A notes file as the workspace-wide features (the listing, the series) see it: its digest. */
export interface WorkspaceFile {
  uri: string;
  version: number | null;
  digest: NotesDigest;
  /** A closed file's content hash (the same hash, the same digest); none for an open document. */
  stamp?: string;
}

/**
 * A file as `digests` lists it: also a series source (`file` and `model`, the same URI and digest),
 * so that the series read the store's list as it is (a keystroke made 10,000 sources again).
 */
export type WorkspaceSource = WorkspaceFile & SeriesSource;

export function workspaceSource(uri: string, version: number | null, digest: NotesDigest, stamp?: string): WorkspaceSource {
  return { uri, version, digest, stamp, file: uri, model: digest };
}

/** A file of the workspace index: its digest, and its full model once a feature asked for it. */
export interface IndexedFile {
  digest: NotesDigest;
  model: NotesModel | null;
  /** Makes the full model (by reading the file again). */
  load: () => NotesModel;
  /** The file's text while it is what the digest was read from; null once it changed (or is gone). */
  text: () => string | null;
  /** The hash of the content the digest was read from. */
  stamp?: string;
}

/** The file name `analyzeNotes` takes its fallback date from. */
export function fileNameOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:/i, ''));
  } catch {
    return uri;
  }
}

interface OpenAnalysis {
  blocks: BlockCache;
  version: number;
  /** The text the model was read from. */
  text: string;
  model: NotesModel | null;
}

/** Models of closed files kept once made for a feature (~10 KB each for a 2 KB file). */
export const MADE_MODELS_KEPT = 500;

/** Documents longer than this are first read in slices, so that the server keeps answering meanwhile. */
const SLICED_READ_BYTES = 64 * 1024;

/**
 * One model per document version. Open documents come from the editor's buffer, analysed when a
 * feature asks, incrementally: each document keeps its parsed blocks, so an edit re-parses only
 * the blocks it touched. Other notes files come from the workspace index: their digests, and their
 * full models when a feature first asks for them.
 */
export class NotesStore {
  private readonly open = new Map<string, OpenAnalysis>();
  private readonly indexed = new Map<string, IndexedFile>();
  private readonly skipped = new Map<string, string>();
  /** Open documents not analysed (over the size limit, or the analysis failed), and why. */
  private readonly openSkipped = new Map<string, string>();
  private maxBytes = DEFAULT_MAX_FILE_BYTES;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly logError: (message: string) => void = () => undefined,
  ) {}

  /** The size limit (meetingNotes.maxFileSize) for open documents too. */
  setMaxBytes(maxBytes: number): void {
    if (maxBytes !== this.maxBytes) this.open.clear();
    this.maxBytes = maxBytes;
  }

  /** The model of an open document at its current version. */
  modelOf(document: TextDocument): NotesModel {
    const analysis = this.analysisOf(document.uri);
    const text = document.getText();
    // Keyed by the text too: a client may send versions out of order, and the same version twice.
    if (analysis.model && analysis.version === document.version && analysis.text === text) return analysis.model;
    const model = this.analyzeOpen(document, analysis);
    Object.assign(analysis, { version: document.version, text, model });
    return model;
  }

  /**
   * The model of an open document's newest version. A long document's first read runs in slices
   * (requests are answered in between) and moves on to the newest text when the document changes
   * meanwhile; what it parsed is kept. Undefined when the document is closed or the request is cancelled.
   */
  async newest(uri: string, token?: { isCancellationRequested: boolean }): Promise<NotesFile | undefined> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document || token?.isCancellationRequested) return undefined;
      const analysis = this.analysisOf(uri);
      const text = document.getText();
      if ((analysis.model && analysis.version === document.version && analysis.text === text) || analysis.blocks.previous || text.length < SLICED_READ_BYTES || this.overLimit(text)) {
        return { uri, version: document.version, model: this.modelOf(document) };
      }
      const version = document.version;
      const stale = () => this.documents.get(uri)?.version !== version || !!token?.isCancellationRequested;
      const flat = await readBlocksAsync(text, analysis.blocks, stale);
      if (!flat || stale()) continue;
      if (analysis.version !== version || analysis.text !== text || !analysis.model) {
        Object.assign(analysis, { version, text, model: this.contained(uri, version, analysis, () => buildModel(text, flat, { fileName: fileNameOf(uri), blocks: analysis.blocks })) });
      }
      return { uri, version, model: analysis.model! };
    }
  }

  private analysisOf(uri: string): OpenAnalysis {
    let analysis = this.open.get(uri);
    if (!analysis) this.open.set(uri, (analysis = { blocks: new BlockCache(), version: -1, text: '', model: null }));
    return analysis;
  }

  /**
   * An open document's model; one over the size limit is not parsed, and one the analysis fails on
   * (a bug) is logged: both read as empty, with the reason among the skipped files, so every
   * feature still answers.
   */
  private analyzeOpen(document: TextDocument, analysis: OpenAnalysis): NotesModel {
    const fileName = fileNameOf(document.uri);
    const text = document.getText();
    const big = this.overLimit(text);
    if (big) {
      this.openSkipped.set(document.uri, big);
      return analyzeNotes('', { fileName });
    }
    return this.contained(document.uri, document.version, analysis, () => analyzeNotes(text, { fileName, blocks: analysis.blocks }));
  }

  /** Why a text is over the size limit, or null. */
  private overLimit(text: string): string | null {
    return text.length > this.maxBytes / 4 ? tooBig(Buffer.byteLength(text, 'utf8'), this.maxBytes) : null;
  }

  /** Runs an analysis; a failure (a bug) is logged and reads as an empty model, listed as skipped. */
  private contained(uri: string, version: number, analysis: OpenAnalysis, analyze: () => NotesModel): NotesModel {
    try {
      const model = analyze();
      this.openSkipped.delete(uri);
      return model;
    } catch (error) {
      this.logError(`analysis of ${uri} (version ${version}) failed: ${(error as Error).stack ?? error}`);
      this.openSkipped.set(uri, `could not be analysed (${(error as Error).message}); please report this`);
      analysis.blocks = new BlockCache(); // it may be half-updated
      return analyzeNotes('', { fileName: fileNameOf(uri) });
    }
  }

  get(uri: string): NotesFile | undefined {
    const document = this.documents.get(uri);
    if (document) return { uri, version: document.version, model: this.modelOf(document) };
    const indexed = this.indexed.get(uri);
    return indexed ? { uri, version: null, model: this.fullModel(uri, indexed) } : undefined;
  }

  /** A notes file's digest: an open document's model, or what the index keeps of a file. */
  digestOf(uri: string): WorkspaceFile | undefined {
    const document = this.documents.get(uri);
    if (document) return { uri, version: document.version, digest: this.modelOf(document) };
    const indexed = this.indexed.get(uri);
    return indexed ? { uri, version: null, digest: indexed.digest } : undefined;
  }

  /**
   * The notes files that name a person (by key: attendees, speakers, owners, handles), with their
   * text, in URI order (the others cannot be among the places a rename edits); none for no key. A
   * closed file comes as its digest while it is what the digest was read from, else as its model,
   * made again.
   */
  textsNaming(key: string | undefined): NotesText[] {
    if (!key) return [];
    const names = (digest: NotesDigest) => naming(digest, key);
    return this.every<NotesText>(
      (uri, version, model) => (names(model) ? { uri, version, model, text: model.text } : null),
      (uri, indexed) => {
        if (!names(indexed.digest)) return null;
        const text = indexed.model ? null : indexed.text();
        if (text !== null) return { uri, version: null, model: indexed.digest, text };
        const model = this.fullModel(uri, indexed);
        return names(model) ? { uri, version: null, model, text: model.text } : null;
      },
    );
  }

  /** The notes files that name a person (see `textsNaming`) as their digests: nothing is read again. */
  digestsNaming(key: string | undefined): DigestDoc[] {
    if (!key) return [];
    return this.digests().flatMap(({ uri, digest }) => (naming(digest, key) ? [{ uri, model: digest }] : []));
  }

  /** Every notes file's digest as the editor features that read every file take it. */
  digestDocs(): DigestDoc[] {
    return this.digests().map(({ uri, digest }) => ({ uri, model: digest }));
  }

  /**
   * Every notes file with its digest (an open document's is its model), in URI order: the same
   * list while no file changed, so that its readers (the view's listing parts, a keystroke's
   * series) tell at once that nothing did, rather than comparing 10,000 files each time.
   */
  digests(): readonly WorkspaceSource[] {
    const indexed = (this.indexedFiles ??= [...this.indexed].map(([uri, file]) => workspaceSource(uri, null, file.digest, file.stamp)).sort(byUri));
    const open = this.openFiles((uri, version, model) => workspaceSource(uri, version, model)).sort(byUri);
    const last = this.lastDigests;
    if (last && last.indexed === indexed && sameFiles(last.open, open)) return last.files;
    const files = open.length ? mergeByUri(this.indexedNotOpen(indexed, open), open) : indexed;
    this.lastDigests = { indexed, open, files };
    return files;
  }

  /** The indexed files but those open (an open document stands for its file), kept while the same ones are open: a keystroke changes none. */
  private indexedNotOpen(indexed: readonly WorkspaceSource[], open: readonly WorkspaceSource[]): readonly WorkspaceSource[] {
    const openIndexed = open.filter((f) => this.indexed.has(f.uri)).map((f) => f.uri);
    const key = openIndexed.join('\n');
    const kept = this.notOpen;
    if (kept?.indexed === indexed && kept.key === key) return kept.files;
    const leftOut = new Set(openIndexed);
    const files = leftOut.size ? indexed.filter((file) => !leftOut.has(file.uri)) : indexed;
    this.notOpen = { indexed, key, files };
    return files;
  }

  private notOpen: { indexed: readonly WorkspaceSource[]; key: string; files: readonly WorkspaceSource[] } | null = null;

  /** What `digests` last made its list from, and the list. */
  private lastDigests: { indexed: readonly WorkspaceSource[]; open: readonly WorkspaceSource[]; files: readonly WorkspaceSource[] } | null = null;

  /**
   * The indexed files as `digests` lists them, in URI order, made again only once the index
   * changed: sorting 10,000 files took ~4 ms of every request that reads the workspace (a
   * keystroke's series, the view's listing).
   */
  private indexedFiles: readonly WorkspaceSource[] | null = null;

  private every<T extends { uri: string }>(ofOpen: (uri: string, version: number, model: NotesModel) => T | null, ofIndexed: (uri: string, indexed: IndexedFile) => T | null): T[] {
    const files = this.openFiles(ofOpen);
    for (const [uri, indexed] of this.indexed) {
      if (this.documents.get(uri)) continue; // open: its model stands for it
      const file = ofIndexed(uri, indexed);
      if (file) files.push(file);
    }
    return files.sort(byUri);
  }

  /** The open documents that are notes files (read as notes, or indexed), as `of` makes them. */
  private openFiles<T>(of: (uri: string, version: number, model: NotesModel) => T | null): T[] {
    const files: T[] = [];
    for (const document of this.documents.all()) {
      const model = this.modelOf(document);
      const file = model.looksLikeNotes || this.indexed.has(document.uri) ? of(document.uri, document.version, model) : null;
      if (file) files.push(file);
    }
    return files;
  }

  /** An indexed file's full model, made once; a failure (a bug) is logged and reads as an empty model. */
  private fullModel(uri: string, indexed: IndexedFile): NotesModel {
    if (indexed.model) return indexed.model;
    try {
      indexed.model = indexed.load();
    } catch (error) {
      this.logError(`reading ${uri} again failed: ${(error as Error).stack ?? error}`);
      indexed.model = analyzeNotes('', { fileName: fileNameOf(uri) });
    }
    // Only so many are kept, the least recently made let go: references to a person named in
    // thousands of files would otherwise keep all their models.
    this.made.delete(indexed);
    this.made.add(indexed);
    for (const oldest of this.made) {
      if (this.made.size <= MADE_MODELS_KEPT) break;
      oldest.model = null;
      this.made.delete(oldest);
    }
    return indexed.model;
  }

  /** Indexed files whose models were made for a feature, oldest first. */
  private readonly made = new Set<IndexedFile>();

  private forgetMade(uri: string): void {
    const indexed = this.indexed.get(uri);
    if (indexed) this.made.delete(indexed);
  }

  isIndexed(uri: string): boolean {
    return this.indexed.has(uri);
  }

  /** The digest the index holds for a file, if any. */
  indexedDigest(uri: string): NotesDigest | undefined {
    return this.indexed.get(uri)?.digest;
  }

  /** A file read from disk: kept when it looks like notes (null: it cannot be notes). */
  setIndexed(uri: string, file: IndexedFile | null): void {
    this.forgetMade(uri);
    this.skipped.delete(uri);
    this.indexedFiles = null;
    if (file?.digest.looksLikeNotes) this.indexed.set(uri, file);
    else this.indexed.delete(uri);
  }

  setSkipped(uri: string, reason: string): void {
    this.forgetMade(uri);
    if (this.indexed.delete(uri)) this.indexedFiles = null;
    this.skipped.set(uri, reason);
  }

  /** Forgets indexed files that `keep` rejects (gone, or no longer matching the settings). */
  retainIndexed(keep: (uri: string) => boolean): void {
    for (const uri of [...this.indexed.keys(), ...this.skipped.keys()]) if (!keep(uri)) this.remove(uri);
  }

  remove(uri: string): void {
    this.forgetMade(uri);
    if (this.indexed.delete(uri)) this.indexedFiles = null;
    this.skipped.delete(uri);
  }

  forgetOpen(uri: string): void {
    this.open.delete(uri);
    this.openSkipped.delete(uri);
  }

  clearIndex(): void {
    this.indexed.clear();
    this.indexedFiles = null;
    this.skipped.clear();
    this.made.clear();
  }

  skippedFiles(): Array<{ uri: string; reason: string }> {
    const skipped = new Map(this.skipped);
    for (const [uri, reason] of this.openSkipped) if (this.documents.get(uri)) skipped.set(uri, reason);
    return [...skipped].map(([uri, reason]) => ({ uri, reason }));
  }
}

/** Whether a file names the person of this key. */
const naming = (digest: NotesDigest, key: string) => peopleOf(digest).keys.includes(key);

const byUri = (a: { uri: string }, b: { uri: string }) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/** Whether two lists hold the same files, versions and digests. */
function sameFiles(a: readonly WorkspaceFile[], b: readonly WorkspaceFile[]): boolean {
  return a.length === b.length && a.every((f, i) => f.uri === b[i].uri && f.version === b[i].version && f.digest === b[i].digest);
}

/** Two lists in URI order as one. */
function mergeByUri<T extends { uri: string }>(a: readonly T[], b: readonly T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i].uri <= b[j].uri ? a[i++] : b[j++]);
  while (i < a.length) merged.push(a[i++]);
  while (j < b.length) merged.push(b[j++]);
  return merged;
}
