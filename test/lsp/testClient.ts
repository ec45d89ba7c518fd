// A small LSP client for tests: starts dist/server.js over stdio and speaks JSON-RPC to it the way
// an editor does, keeping its own copy of the open documents and applying the server's edits with
// the same version check as VS Code.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type SymbolInformation,
  type WorkspaceEdit,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowDocumentParams,
  type TextEdit,
  ProgressType,
  StreamMessageReader,
  WorkDoneProgress,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompactActionItemsResult, expandListing } from '../../server/src/listingWire';
import type { ActionItemsParams, ActionItemsResult, DidChangeParams } from '../../server/src/protocol';
import { ROOT } from '../helpers/notes';

export interface ClientOptions {
  /** Declare LSP 3.17 pull diagnostics. */
  pull?: boolean;
  /** Workspace folder (a file: URI). */
  folder?: string;
  /** Answer to workspace/configuration for `meetingNotes`; without it the client declares no configuration support. */
  settings?: Record<string, unknown>;
  today?: string;
  /** Extra `initializationOptions` (such as the client's `storagePath`). */
  initializationOptions?: Record<string, unknown>;
  /** The editor's process id sent in `initialize` (the server exits when it is gone); default this process. */
  processId?: number | null;
  /** Options for node before the server's path (`--require`, permissions). */
  nodeArgs?: string[];
  /** Arguments after `--stdio` (`--code-cache=DIR`). */
  serverArgs?: string[];
  env?: Record<string, string>;
  /** Declare only text synchronisation (and pull diagnostics with `pull`): no workspace folders, progress or edits. */
  minimal?: boolean;
}

export class TestClient {
  readonly documents = new Map<string, TextDocument>();
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly logs: string[] = [];
  /** What the server declared in its initialize result. */
  capabilities: Record<string, unknown> = {};
  didChangeCount = 0;
  /** Called on each `meetingNotes/didChange` (a client that follows the listing as the tree does). */
  readonly didChangeListeners: Array<(params: DidChangeParams) => void> = [];
  private partQuestions = 0;
  refreshCount = 0;
  /** Work-done progress reports ended by the server (the workspace index reports one per scan). */
  progressEnded = 0;
  readonly progressMessages: string[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    private settings: Record<string, unknown> | undefined,
  ) {}

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), join(ROOT, 'dist', 'server.js'), '--stdio', ...(options.serverArgs ?? [])], {
      env: { ...process.env, MEETING_NOTES_TODAY: options.today ?? '2024-02-01', ...options.env },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child, options.settings);
    client.wire();
    connection.listen();
    const capabilities: ClientCapabilities = {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        codeLens: {},
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { labelDetailsSupport: true } },
        definition: {},
        references: {},
        rename: { prepareSupport: true },
        inlayHint: {},
        foldingRange: {},
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      workspace: {
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        ...(options.settings ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}),
        workspaceFolders: true,
        symbol: {},
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      window: { showDocument: { support: true }, workDoneProgress: true },
    };
    if (options.minimal) {
      capabilities.workspace = {};
      capabilities.window = {};
      capabilities.textDocument = { synchronization: {}, ...(options.pull ? { diagnostic: {} } : {}) };
    }
    const initialized = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: options.processId === undefined ? process.pid : options.processId,
      rootUri: options.folder ?? null,
      workspaceFolders: options.folder ? [{ uri: options.folder, name: 'notes' }] : null,
      capabilities,
      initializationOptions: { today: options.today ?? '2024-02-01', ...options.initializationOptions },
    });
    client.capabilities = initialized.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'meetingNotes' ? this.settings ?? null : null)),
    );
    c.onRequest('client/registerCapability', () => null);
    // Each progress the server creates is followed by its token (partial results have tokens of their own).
    c.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      c.onProgress(WorkDoneProgress.type, params.token, (value) => {
        if ('message' in value && value.message) this.progressMessages.push(value.message);
        if (value.kind === 'end') {
          this.progressEnded++;
          this.wake();
        }
      });
      return null;
    });
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshCount++;
      this.wake();
      return null;
    });
    c.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    c.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.logs.push(`shown: ${params.message}`);
      return null;
    });
    c.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.appliedEdits.push(params);
      return this.applyWorkspaceEdit(params);
    });
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params);
      this.wake();
    });
    c.onNotification('meetingNotes/didChange', (params: DidChangeParams) => {
      this.didChangeCount++;
      for (const listener of this.didChangeListeners) listener(params);
      this.wake();
    });
    c.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    c.onNotification('window/showMessage', (params: { message: string }) => {
      this.logs.push(`shown: ${params.message}`);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Waits until `check` holds, re-checking whenever the server sends something. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Like VS Code: a versioned edit for a version that is not the document's current one is refused,
   * and nothing is applied; edits to files that are not open are written to disk.
   */
  private applyWorkspaceEdit(params: ApplyWorkspaceEditParams): { applied: boolean; failureReason?: string } {
    const changes = [
      ...(params.edit.documentChanges ?? []).filter((c) => 'textDocument' in c).map((c) => ({ uri: c.textDocument.uri, version: c.textDocument.version, edits: c.edits as TextEdit[] })),
      ...Object.entries(params.edit.changes ?? {}).map(([uri, edits]) => ({ uri, version: null, edits })),
    ];
    for (const change of changes) {
      const document = this.documents.get(change.uri);
      if (document && change.version !== null && change.version !== document.version) {
        return { applied: false, failureReason: `version ${change.version} is not ${document.version}` };
      }
    }
    for (const change of changes) {
      const document = this.documents.get(change.uri);
      if (document) this.replace(document.uri, TextDocument.applyEdits(document, change.edits));
      else if (change.uri.startsWith('file:')) {
        const path = fileURLToPath(change.uri);
        writeFileSync(path, TextDocument.applyEdits(TextDocument.create(change.uri, 'markdown', 0, readFileSync(path, 'utf8')), change.edits));
      }
    }
    return { applied: true };
  }

  open(uri: string, text: string, languageId = 'markdown'): void {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri: string): void {
    this.documents.delete(uri);
    this.reports.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Replaces the whole text, as a new version. */
  replace(uri: string, text: string): number {
    const current = this.documents.get(uri)!;
    const next = TextDocument.create(uri, current.languageId, current.version + 1, text);
    this.documents.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
    return next.version;
  }

  /** Changes part of the text, sent as an incremental change (as editors send keystrokes). */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const current = this.documents.get(uri)!;
    const next = TextDocument.create(uri, current.languageId, current.version + 1, TextDocument.applyEdits(current, [{ range, newText: text }]));
    this.documents.set(uri, next);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ range, text }] });
    return next.version;
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** The last full report per document, and how many reports came back unchanged. */
  private readonly reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  unchangedReports = 0;

  /** Pulls a document's diagnostics as VS Code does: with the id of the report it holds, which the server may say is unchanged. */
  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const held = this.reports.get(uri);
    const report = await this.connection.sendRequest<{ kind: 'full' | 'unchanged'; resultId?: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
      ...(held ? { previousResultId: held.resultId } : {}),
    });
    if (report.kind === 'unchanged' && held && report.resultId === held.resultId) {
      this.unchangedReports++;
      return held.items;
    }
    if (report.kind === 'unchanged') throw new Error(`an unchanged report for ${uri}, which this client holds no report ${report.resultId} of`);
    const items = report.items ?? [];
    if (report.resultId) this.reports.set(uri, { resultId: report.resultId, items });
    return items;
  }

  async pushedDiagnostics(uri: string, version?: number): Promise<Diagnostic[]> {
    const params = await this.until(() => {
      const p = this.published.get(uri);
      return p && (version === undefined || p.version === version) ? p : undefined;
    }, `diagnostics of ${uri} v${version}`);
    return params.diagnostics;
  }

  codeLenses(uri: string): Promise<CodeLens[]> {
    return this.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  symbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  actionItems(uri?: string): Promise<ActionItemsResult> {
    return this.listItems(uri ? { uri } : {});
  }

  listItems(params: ActionItemsParams): Promise<ActionItemsResult> {
    return this.connection.sendRequest('meetingNotes/actionItems', params);
  }

  /**
   * The listing with its parts as partial results, asked as VS Code's client asks (compact, read back
   * into items here): each part but the last to `part`, as it comes; the answer is the last.
   */
  async listItemsInParts(params: ActionItemsParams, part: (answer: ActionItemsResult) => void): Promise<ActionItemsResult> {
    const partialResultToken = `parts-${++this.partQuestions}`;
    const parts = this.connection.onProgress(new ProgressType<CompactActionItemsResult>(), partialResultToken, (sent) => part(expandListing(sent)));
    try {
      return expandListing(await this.connection.sendRequest<CompactActionItemsResult>('meetingNotes/actionItems', { ...params, partialResultToken, compact: true }));
    } finally {
      parts.dispose();
    }
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[]> {
    return this.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  completion(uri: string, position: Position, triggerCharacter?: string): Promise<CompletionList | null> {
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position, context });
  }

  definition(uri: string, position: Position): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position });
  }

  references(uri: string, position: Position, includeDeclaration = true): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration } });
  }

  prepareRename(uri: string, position: Position): Promise<{ range: Range; placeholder: string } | null> {
    return this.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri }, position });
  }

  rename(uri: string, position: Position, newName: string): Promise<WorkspaceEdit | null> {
    return this.connection.sendRequest('textDocument/rename', { textDocument: { uri }, position, newName });
  }

  workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    return this.connection.sendRequest('workspace/symbol', { query });
  }

  foldingRanges(uri: string): Promise<FoldingRange[]> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  /** Applies a workspace edit (a rename's) as the editor would: versions checked, closed files written to disk. */
  applyEdit(edit: WorkspaceEdit): { applied: boolean; failureReason?: string } {
    return this.applyWorkspaceEdit({ edit });
  }

  fileChanged(uri: string, type: 1 | 2 | 3): void {
    this.filesChanged([{ uri, type }]);
  }

  /** Changes on disk in one report, as the editor's watcher batches them (a checkout). */
  filesChanged(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  setSettings(settings: Record<string, unknown>): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { meetingNotes: settings } });
  }

  /** Applies a code action's edit as the editor would (with the version check). */
  applyAction(action: CodeAction): { applied: boolean } {
    return this.applyWorkspaceEdit({ edit: action.edit! });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The server's process id. */
  get pid(): number {
    return this.child.pid!;
  }

  /** Sends the changes as an editor does while typing (ranges in the current text), as a new version unless one is given. */
  change(uri: string, changes: Array<{ range: Range; text: string }>, version?: number): number {
    const current = this.documents.get(uri)!;
    const next = version ?? current.version + 1;
    this.documents.set(uri, TextDocument.update(current, changes, next));
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next }, contentChanges: changes });
    return next;
  }

  /** Kills the server process, as a crash would. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    const exited = this.exited();
    this.child.kill(signal);
    return exited;
  }

  /** Resolves with the exit code (null when killed by a signal) once the server process has ended. */
  exited(timeoutMs = 15000): Promise<number | null> {
    if (!this.alive) return Promise.resolve(this.child.exitCode);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server process did not exit')), timeoutMs);
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  /** Closes the server's input, as when the editor goes away without a word. */
  endInput(): void {
    this.child.stdin!.end();
  }

  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      }
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
