import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, ProgressType, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { type CompactActionItemsResult, expandListing } from '../../server/src/listingWire';
import { ActionItemsRequest, type ActionItemsResult, DidChangeNotification, type DidChangeParams, NOTES_FILES_GLOB } from '../../server/src/protocol';
import { ListingRefresher } from './logic/refresher';
import { SERVER_ENVIRONMENT } from './serverEnvironment';
import { registerCommands } from './commands';
import type { ViewOptions } from './logic/grouping';
import { ItemsStatusBar } from './statusBar';
import type { TreeNode } from './tree/nodes';
import { ActionItemsProvider } from './tree/provider';

/** The parts of a long listing, sent as partial results (see `ActionItemsParams.partialResultToken`). */
const ACTION_ITEMS_PART = new ProgressType<CompactActionItemsResult>();

let client: LanguageClient | undefined;


export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server's compiled code is kept here between sessions: it then starts in about half the time.
  const codeCache = vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: [`--code-cache=${codeCache}`], options: { env: { ...process.env, ...SERVER_ENVIRONMENT } } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'], env: { ...process.env, ...SERVER_ENVIRONMENT } } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher(NOTES_FILES_GLOB) },
    outputChannelName: 'Meeting Notes',
    // Where the server keeps its index cache, so that the workspace is ready at once next time.
    initializationOptions: { storagePath: (context.storageUri ?? context.globalStorageUri).fsPath },
  };
  client = new LanguageClient('meetingNotes', 'Meeting Notes', serverOptions, clientOptions);

  const state = context.workspaceState;
  const options: ViewOptions = {
    groupBy: state.get('meetingNotes.groupBy', 'owner'),
    showDone: state.get('meetingNotes.showDone', false),
    owner: null,
  };
  const provider = new ActionItemsProvider(options);
  const view = vscode.window.createTreeView<TreeNode>('meetingNotes.actionItems', { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
  const status = new ItemsStatusBar();

  const applyContext = () => {
    const o = provider.viewOptions;
    void vscode.commands.executeCommand('setContext', 'meetingNotes.groupBy', o.groupBy);
    void vscode.commands.executeCommand('setContext', 'meetingNotes.showDone', o.showDone);
    void vscode.commands.executeCommand('setContext', 'meetingNotes.ownerFilter', o.owner !== null);
    view.description = o.owner ? `${o.owner} only` : undefined;
  };

  const show = (result: ActionItemsResult) => {
    provider.setItems(result);
    const overdue = provider.overdueCount();
    const open = result.items.filter((i) => i.status === 'open' && !i.series?.carriedTo).length; // carried-on entries are counted once, as their latest
    view.badge = overdue ? { value: overdue, tooltip: `${overdue} overdue action item${overdue === 1 ? '' : 's'}` } : undefined;
    status.update(open, overdue);
    const notes: string[] = [];
    if (!result.complete) notes.push('Reading the workspace’s notes…');
    if (result.skipped.length) notes.push(`${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'} skipped (${[...new Set(result.skipped.map((s) => s.reason.replace(/^[\d.]+ [KM]B is /, '').replace(/ limit$/, '')))].join('; ')})`);
    view.message = notes.join(' ') || undefined;
  };

  // The tree's copy of the server's listing: each refresh brings only the files that changed.
  let questions = 0;
  const refresher = new ListingRefresher({
    ask: async (params, part) => {
      if (client?.state !== State.Running) return null;
      // The parts of a long listing come as partial results, without a question for each.
      const partialResultToken = `meetingNotes/actionItems/${++questions}`;
      const parts = client.onProgress(ACTION_ITEMS_PART, partialResultToken, (sent) => part(expandListing(sent)));
      try {
        // Compact: a third of the JSON for the extension host to read (listingWire.ts).
        return expandListing(await client.sendRequest<CompactActionItemsResult>(ActionItemsRequest, { ...params, partialResultToken, compact: true }));
      } finally {
        parts.dispose();
      }
    },
    show,
    failed: (error) => client?.outputChannel.appendLine(`Could not list the action items: ${error.message}`),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  });

  const setOptions = (changes: Partial<ViewOptions>) => {
    provider.setOptions(changes);
    void state.update('meetingNotes.groupBy', provider.viewOptions.groupBy);
    void state.update('meetingNotes.showDone', provider.viewOptions.showDone);
    applyContext();
  };

  context.subscriptions.push(
    view,
    status,
    client.onNotification(DidChangeNotification, (params?: DidChangeParams) => refresher.changed(params?.complete === true)),
    // After a crash the client restarts the server; the tree fills again once it runs.
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        refresher.reset();
        refresher.changed();
      }
    }),
    // The Refresh button asks for the whole listing again.
    ...registerCommands(client, provider, setOptions, () => {
      refresher.reset();
      return refresher.refresh();
    }),
  );
  applyContext();
  await client.start();
  await refresher.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
