import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes } from '../core/analyze';
import { DEFAULT_MAX_FILE_BYTES, tooBig } from '../core/decode';
import type { NotesModel } from '../core/model';

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

/**
 * One model per document version. Open documents come from the editor's buffer (analysed lazily,
 * once per version); other notes files from the workspace index.
 */
export class NotesStore {
  private readonly openModels = new Map<string, { version: number; text: string; model: NotesModel }>();
  private readonly indexed = new Map<string, NotesModel>();
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
    if (maxBytes !== this.maxBytes) this.openModels.clear();
    this.maxBytes = maxBytes;
  }

  /** The model of an open document at its current version. */
  modelOf(document: TextDocument): NotesModel {
    const cached = this.openModels.get(document.uri);
    // Keyed by the text itself: a client may send versions out of order, and the same version twice.
    if (cached?.version === document.version && cached.text === document.getText()) return cached.model;
    const model = this.analyzeOpen(document);
    this.openModels.set(document.uri, { version: document.version, text: document.getText(), model });
    return model;
  }

  /**
   * An open document's model; one over the size limit is not parsed, and one the analysis fails on
   * (a bug) is logged: both read as empty, with the reason among the skipped files, so every
   * feature still answers.
   */
  private analyzeOpen(document: TextDocument): NotesModel {
    const fileName = fileNameOf(document.uri);
    const text = document.getText();
    const big = text.length > this.maxBytes / 4 ? tooBig(Buffer.byteLength(text, 'utf8'), this.maxBytes) : null;
    if (big) {
      this.openSkipped.set(document.uri, big);
      return analyzeNotes('', { fileName });
    }
    try {
      const model = analyzeNotes(text, { fileName });
      this.openSkipped.delete(document.uri);
      return model;
    } catch (error) {
      this.logError(`analysis of ${document.uri} (version ${document.version}) failed: ${(error as Error).stack ?? error}`);
      this.openSkipped.set(document.uri, `could not be analysed (${(error as Error).message}); please report this`);
      return analyzeNotes('', { fileName });
    }
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

  setIndexed(uri: string, model: NotesModel): void {
    this.skipped.delete(uri);
    if (model.looksLikeNotes) this.indexed.set(uri, model);
    else this.indexed.delete(uri);
  }

  setSkipped(uri: string, reason: string): void {
    this.indexed.delete(uri);
    this.skipped.set(uri, reason);
  }

  remove(uri: string): void {
    this.indexed.delete(uri);
    this.skipped.delete(uri);
  }

  forgetOpen(uri: string): void {
    this.openModels.delete(uri);
    this.openSkipped.delete(uri);
  }

  clearIndex(): void {
    this.indexed.clear();
    this.skipped.clear();
  }

  skippedFiles(): Array<{ uri: string; reason: string }> {
    const skipped = new Map(this.skipped);
    for (const [uri, reason] of this.openSkipped) if (this.documents.get(uri)) skipped.set(uri, reason);
    return [...skipped].map(([uri, reason]) => ({ uri, reason }));
  }
}
