import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes, buildModel } from '../core/analyze';
import type { NotesModel } from '../core/model';
import { BlockCache, readBlocksAsync } from '../core/parse/readBlocks';

/** A notes document as the features see it: its model and the version it was read from. */
export interface NotesFile {
  uri: string;
  /** The editor's version for an open document; null for a file read from disk. */
  version: number | null;
  model: NotesModel;
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
  model: NotesModel | null;
}

/** Documents longer than this are first read in slices, so that the server keeps answering meanwhile. */
const SLICED_READ_BYTES = 64 * 1024;

/**
 * One model per document version. Open documents come from the editor's buffer, analysed when a
 * feature asks, incrementally: each document keeps its parsed blocks, so an edit re-parses only
 * the blocks it touched. Other notes files come from the workspace index.
 */
export class NotesStore {
  private readonly open = new Map<string, OpenAnalysis>();
  private readonly indexed = new Map<string, NotesModel>();
  private readonly skipped = new Map<string, string>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    /** The size limit of files read from disk (the index's setting). */
    readonly maxBytes: () => number = () => Number.POSITIVE_INFINITY,
  ) {}

  /** The model of an open document at its current version. */
  modelOf(document: TextDocument): NotesModel {
    const analysis = this.analysisOf(document.uri);
    if (analysis.model && analysis.version === document.version) return analysis.model;
    const model = analyzeNotes(document.getText(), { fileName: fileNameOf(document.uri), blocks: analysis.blocks });
    Object.assign(analysis, { version: document.version, model });
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
      if ((analysis.model && analysis.version === document.version) || analysis.blocks.previous || text.length < SLICED_READ_BYTES) {
        return { uri, version: document.version, model: this.modelOf(document) };
      }
      const version = document.version;
      const stale = () => this.documents.get(uri)?.version !== version || !!token?.isCancellationRequested;
      const flat = await readBlocksAsync(text, analysis.blocks, stale);
      if (!flat || stale()) continue;
      if (analysis.version !== version || !analysis.model) {
        Object.assign(analysis, { version, model: buildModel(text, flat, { fileName: fileNameOf(uri) }) });
      }
      return { uri, version, model: analysis.model! };
    }
  }

  private analysisOf(uri: string): OpenAnalysis {
    let analysis = this.open.get(uri);
    if (!analysis) this.open.set(uri, (analysis = { blocks: new BlockCache(), version: -1, model: null }));
    return analysis;
  }

  get(uri: string): NotesFile | undefined {
    const document = this.documents.get(uri);
    if (document) return { uri, version: document.version, model: this.modelOf(document) };
    const model = this.indexed.get(uri);
    return model ? { uri, version: null, model } : undefined;
  }

  /** Every notes file: open ones (when they look like notes) and indexed ones. */
  files(): NotesFile[] {
    const files: NotesFile[] = [];
    const seen = new Set<string>();
    for (const document of this.documents.all()) {
      seen.add(document.uri);
      const model = this.modelOf(document);
      if (model.looksLikeNotes || this.indexed.has(document.uri)) files.push({ uri: document.uri, version: document.version, model });
    }
    for (const [uri, model] of this.indexed) if (!seen.has(uri)) files.push({ uri, version: null, model });
    return files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  isIndexed(uri: string): boolean {
    return this.indexed.has(uri);
  }

  /** A file read from disk: kept when it looks like notes (null: it cannot be notes). */
  setIndexed(uri: string, model: NotesModel | null): void {
    this.skipped.delete(uri);
    if (model?.looksLikeNotes) this.indexed.set(uri, model);
    else this.indexed.delete(uri);
  }

  setSkipped(uri: string, reason: string): void {
    this.indexed.delete(uri);
    this.skipped.set(uri, reason);
  }

  /** Forgets indexed files that `keep` rejects (gone, or no longer matching the settings). */
  retainIndexed(keep: (uri: string) => boolean): void {
    for (const uri of [...this.indexed.keys(), ...this.skipped.keys()]) if (!keep(uri)) this.remove(uri);
  }

  remove(uri: string): void {
    this.indexed.delete(uri);
    this.skipped.delete(uri);
  }

  forgetOpen(uri: string): void {
    this.open.delete(uri);
  }

  clearIndex(): void {
    this.indexed.clear();
    this.skipped.clear();
  }

  skippedFiles(): Array<{ uri: string; reason: string }> {
    return [...this.skipped].map(([uri, reason]) => ({ uri, reason }));
  }
}
