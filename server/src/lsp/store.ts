import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes } from '../core/analyze';
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
  private readonly openModels = new Map<string, { version: number; model: NotesModel }>();
  private readonly indexed = new Map<string, NotesModel>();
  private readonly skipped = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The model of an open document at its current version. */
  modelOf(document: TextDocument): NotesModel {
    const cached = this.openModels.get(document.uri);
    if (cached?.version === document.version) return cached.model;
    const model = analyzeNotes(document.getText(), { fileName: fileNameOf(document.uri) });
    this.openModels.set(document.uri, { version: document.version, model });
    return model;
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
  }

  clearIndex(): void {
    this.indexed.clear();
    this.skipped.clear();
  }

  skippedFiles(): Array<{ uri: string; reason: string }> {
    return [...this.skipped].map(([uri, reason]) => ({ uri, reason }));
  }
}
