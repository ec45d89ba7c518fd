import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, InitializeParams, InitializeResult, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, ProgressType, TextDocumentSyncKind, TextDocuments } from './vscodeLanguageServer';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ActionItemsRequest,
  type ActionItemsParams,
  type ActionItemsResult,
  DEFAULT_SETTINGS,
  DidChangeNotification,
  type DidChangeParams,
  type GoToArgs,
  NOTES_FILES_GLOB,
  type NotesSettings,
  ServerCommands,
} from '../protocol';
import { version } from '../../../package.json';
import { type CompactActionItemsResult, compactListing } from '../listingWire';
import { SeriesMemory } from '../index/seriesMemory';
import { Clock } from './clock';
import { toTextEdits } from './convert';
import { COMPLETE_OVERDUE_KIND, WRITE_DATE_KIND, carryOverEdit, codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { COMMAND_LABELS, commandEdits, isAmbiguous, isItemArgs, isStale } from './features/commands';
import { completion } from './features/completion';
import { CompletionMemory } from './features/completionMemory';
import { DiagnosticReports } from './diagnosticReports';
import { documentDiagnostics } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { actionItemsResult } from './features/items';
import { definition, references } from './features/navigation';
import { prepareRename, rename } from './features/rename';
import { documentSymbols } from './features/symbols';
import { workspaceSymbols } from './features/workspaceSymbols';
import { type WorkspaceEditFactory, workspaceEditFactory } from './features/workspaceEdit';
import { INDEX_ANALYZER, type IndexProgress, WorkspaceIndexer, defaultDiscoverWorkerFile, defaultWorkerFile } from './indexer';
import { ItemListing } from './itemListing';
import { SeriesTracker } from './series';
import { excludeGlobs, normalizeSettings } from './settings';
import { NotesStore } from './store';

/** The parts of a listing sent as partial results (see `ActionItemsParams.partialResultToken`). */
const ActionItemsPart = new ProgressType<ActionItemsResult | CompactActionItemsResult>();
const PUSH_DELAY_MS = 150;
/** `meetingNotes/didChange` at most this often: after an edit, and while the workspace is being indexed. */
const NOTIFY_DELAY_MS = 250;
const NOTIFY_DELAY_INDEXING_MS = 1000;
/** A scan that must read more files than this (not in its cache) tells the view of its first ones at once. */
const QUICK_FIRST_REPORT_FILES = 500;
/** How long the index waits for the editor's open documents, and for their first analysis at most. */
const FIRST_LOOK_MS = 100;
const FIRST_LOOK_LIMIT_MS = 2000;
/** Changes on disk reported at once beyond this many (a checkout) are read as a scan reads the workspace. */
const MANY_CHANGED_FILES = 100;

/** Starts the meeting-notes language server on a connection (IPC, stdio or a test's streams). */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // Set once the settings are known.
  let indexer: WorkspaceIndexer | undefined;
  const store = new NotesStore(documents, (message) => connection.console.error(message));
  const completions = new CompletionMemory();
  const series = new SeriesTracker(store);
  const listing = new ItemListing();
  /** Scans under way, until their series are worked out (a scan's files are read before its workers are stopped and its series settled). */
  let scansRunning = 0;
  /** Whether the workspace is read and its series worked out (then requests get the series of the files as they are). */
  const seriesSettled = () => scansRunning === 0 && indexer?.complete !== false && series.settled;
  /** The series for a request: until the scan ends and they are worked out, as last worked out. */
  const seriesNow = () => (seriesSettled() ? series.current() : series.whileIndexing());
  const reports = new DiagnosticReports();
  let settings: NotesSettings = DEFAULT_SETTINGS;
  let clock = new Clock();
  let folders: string[] = [];
  let pullDiagnostics = false;
  let pullConfiguration = false;
  let canShowDocument = false;
  let canReportProgress = false;
  let registerWatchers = false;
  let registerConfiguration = false;
  let folderEvents = false;
  let workspaceEdit: WorkspaceEditFactory = workspaceEditFactory(false);
  // Requests that depend on settings wait for the client's settings to arrive once.
  let settingsLoaded!: () => void;
  const settingsReady = new Promise<void>((resolve) => (settingsLoaded = resolve));

  /** Runs a handler; an error is logged and answered with `fallback`, never a crash. */
  const guard = <T>(feature: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(`${feature} failed: ${(error as Error).stack ?? error}`);
      return fallback;
    }
  };

  // Clients that pull diagnostics ask for them; for the others they are pushed, debounced per document.
  const pushTimers = new Map<string, NodeJS.Timeout>();
  const schedulePush = (uri: string) => {
    if (pullDiagnostics) return;
    clearTimeout(pushTimers.get(uri));
    pushTimers.set(
      uri,
      setTimeout(async () => {
        await settingsReady;
        pushTimers.delete(uri);
        const file = await store.newest(uri).catch((error: unknown) => {
          connection.console.error(`diagnostics of ${uri}: ${(error as Error).stack ?? error}`);
          return undefined;
        });
        if (!file || !documents.get(uri) || pushTimers.has(uri)) return; // closed, or changed again meanwhile
        const diagnostics = guard('diagnostics', [], () => documentDiagnostics(file, settings, clock.today(), seriesNow()));
        void connection.sendDiagnostics({ uri, version: file.version ?? undefined, diagnostics });
      }, PUSH_DELAY_MS),
    );
  };
  const refreshDiagnostics = () => {
    if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const document of documents.all()) schedulePush(document.uri);
  };

  // Tells clients which files' items changed: a little after the first change of a burst, then
  // again while changes go on (so that the tree fills in during a long indexing), never faster;
  // at once when a scan is over (the view's listing is complete from then on).
  let pendingUris = new Set<string>();
  let notifyTimer: NodeJS.Timeout | undefined;
  /** Whether the running scan has told of changes yet (see `tellOrWait`). */
  let toldThisScan = false;
  const sendChanged = (complete = false) => {
    clearTimeout(notifyTimer);
    notifyTimer = undefined;
    const changed = [...pendingUris];
    // A report of no file (a setting VS Code sends as it starts) does not count as the scan's first.
    if (indexer?.complete === false && changed.length) toldThisScan = true;
    pendingUris = new Set();
    const params: DidChangeParams = complete ? { uris: changed, complete } : { uris: changed };
    void connection.sendNotification(DidChangeNotification, params);
    refreshSeriesMates(changed);
  };
  const notifyChanged = (uris: string[]) => {
    for (const uri of uris) pendingUris.add(uri);
    if (notifyTimer) return;
    notifyTimer = setTimeout(tellOrWait, NOTIFY_DELAY_MS);
  };
  // While a workspace is indexed, changes are told once a second; but a scan that reads many files
  // (not only takes them from its cache: a warm start is over within the second, and a listing
  // made halfway through it cost ~0.25 s and 25 MB) tells its first ones at once.
  // A report of no file (a setting changed) is not held back: it is not the scan's first either.
  const tellOrWait = () => {
    const firstOfLongScan = !toldThisScan && (indexer?.filesToRead ?? 0) > QUICK_FIRST_REPORT_FILES;
    if (indexer?.complete === false && pendingUris.size && !firstOfLongScan) notifyTimer = setTimeout(() => sendChanged(), NOTIFY_DELAY_INDEXING_MS - NOTIFY_DELAY_MS);
    else sendChanged();
  };

  // A change to one notes file can change the findings of the other files of its meeting series.
  // While the workspace is being indexed, files arrive by the hundred: the series are worked out
  // once, when the scan ends, and the diagnostics refreshed then (readMany).
  const refreshSeriesMates = (changed: string[]) => {
    if (!documents.all().length) return; // only open documents show diagnostics
    if (!seriesSettled()) return;
    const isMate = guard('series', () => false, () => series.matesOf(changed));
    const open = documents.all().filter((d) => isMate(d.uri));
    if (!open.length) return;
    if (pullDiagnostics) void connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const document of open) schedulePush(document.uri);
  };

  const loadSettings = async () => {
    let raw: unknown = null;
    let exclude: unknown = null;
    if (pullConfiguration) {
      [raw, exclude] = await connection.workspace.getConfiguration([{ section: 'meetingNotes' }, { section: 'files.exclude' }]).catch(() => [null, null]);
    }
    return { raw, exclude };
  };

  const applySettings = async (pushed?: unknown) => {
    const before = settings;
    const { raw, exclude } = await loadSettings();
    settings = normalizeSettings(pushed ?? raw);
    store.setMaxBytes(Math.round(settings.maxFileSize * 1024 * 1024));
    indexer!.configure(folders, settings, excludeGlobs(exclude));
    return before.files !== settings.files || before.maxFileSize !== settings.maxFileSize;
  };

  const progress = async (): Promise<(IndexProgress & { end(): void }) | undefined> => {
    if (!canReportProgress) return undefined;
    let reporter: WorkDoneProgressServerReporter | undefined;
    try {
      reporter = await connection.window.createWorkDoneProgress();
    } catch {
      return undefined;
    }
    return {
      begin: (total) => reporter!.begin('Meeting notes', 0, `Reading ${total} notes files`, false),
      report: (done, total) => reporter!.report(Math.round((done / Math.max(1, total)) * 100), `${done} of ${total} files`),
      // The files are read: the progress goes on while their series are worked out (see readMany).
      done: () => reporter!.report(100, 'Working out meeting series'),
      end: () => reporter!.done(),
    };
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    pullConfiguration = !!caps.workspace?.configuration;
    canShowDocument = !!caps.window?.showDocument?.support;
    canReportProgress = !!caps.window?.workDoneProgress;
    registerWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    registerConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    folderEvents = !!caps.workspace?.workspaceFolders;
    workspaceEdit = workspaceEditFactory(!!caps.workspace?.workspaceEdit?.documentChanges);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const options = (params.initializationOptions ?? {}) as { today?: unknown; settings?: unknown; storagePath?: unknown };
    clock = new Clock(options.today);
    if (options.settings) settings = normalizeSettings(options.settings);
    // The client's storage for this workspace: the index cache makes the next start quick.
    const cacheDir = typeof options.storagePath === 'string' && options.storagePath ? join(options.storagePath, 'index') : null;
    if (cacheDir) series.memory = new SeriesMemory(join(cacheDir, 'series.json'), INDEX_ANALYZER, (message) => connection.console.warn(message));
    indexer = new WorkspaceIndexer(store, notifyChanged, {
      workerFile: defaultWorkerFile(__dirname),
      discoverWorkerFile: defaultDiscoverWorkerFile(__dirname),
      cacheDir,
      openPaths: () => documents.all().flatMap((d) => (d.uri.startsWith('file:') ? [fileURLToPath(d.uri)] : [])),
      log: (message) => connection.console.warn(message),
    });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, WRITE_DATE_KIND, COMPLETE_OVERDUE_KIND] },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        documentSymbolProvider: true,
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['@'], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'meeting-notes', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'meeting-notes', version },
    };
  });

  connection.onInitialized(async () => {
    // Only a client that declares workspace folders sends their changes (asking any other one throws).
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((a) => a.uri)];
        void applySettings().then(() => scanWorkspace());
      });
    }
    clock.onNewDay(() => {
      refreshDiagnostics();
      notifyChanged([]);
    });
    const explicit = settings !== DEFAULT_SETTINGS ? settings : undefined;
    await applySettings(explicit);
    settingsLoaded();
    // The index cache is read meanwhile (in steps, between which the open documents are answered):
    // a warm start of 10,000 files was ~0.1 s shorter, their first diagnostics ~4 ms later.
    indexer?.preloadCache();
    await openDocumentsFirst();
    // Registered once the open documents have their first diagnostics (registering loads Node's
    // crypto for an id, ~4 ms of a start), before the scan that the watchers keep up to date.
    if (registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'meetingNotes' }).catch(() => undefined);
    if (registerWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: NOTES_FILES_GLOB }] }).catch(() => undefined);
    }
    await scanWorkspace();
  });

  /**
   * Reads many notes files (a scan of the workspace, a checkout's changes); then, when nothing else
   * is reading, works their series out, in slices so that requests are answered meanwhile, and has
   * what shows series findings (diagnostics, the view) asked for again. The progress shown lasts
   * until then.
   */
  const readMany = async (read: (reporter?: IndexProgress) => Promise<unknown>) => {
    // Counted from the start: between the files being read and the series being settled, a request
    // that asked for the series worked them all out at once (0.3–0.5 s without answering anything).
    scansRunning++;
    toldThisScan = false;
    let settled = false;
    let reporter: Awaited<ReturnType<typeof progress>>;
    try {
      reporter = await progress();
      await read(reporter);
      // Not when a newer scan took over, nor while other reading goes on: the last to end settles.
      if (!indexer!.complete || scansRunning > 1) return;
      await series.settle();
      refreshDiagnostics();
      settled = true;
    } finally {
      scansRunning--;
      // Ended once the view and the diagnostics can have every finding, series ones included.
      reporter?.end();
    }
    // Not a second later (changes while indexing are told at most once a second): the view's
    // listing, complete from now on, was shown ~0.8 s after a warm start's scan had ended.
    if (settled && seriesSettled()) sendChanged(true);
  };

  const scanWorkspace = () => readMany((reporter) => indexer!.scan(reporter));

  /**
   * The documents in front of the user come first: the workspace scan starts once those the editor
   * opens as it starts have been analysed, so that on a small machine it does not delay their
   * diagnostics (and a long document's first read does not wait behind it either). Bounded: a
   * huge document does not hold the index back for long.
   */
  const openDocumentsFirst = async () => {
    await new Promise((resolve) => setTimeout(resolve, FIRST_LOOK_MS)); // the editor sends its open documents right after `initialized`
    const analysed = Promise.all(documents.all().map((d) => store.newest(d.uri).catch(() => undefined)));
    await Promise.race([analysed, new Promise((resolve) => setTimeout(resolve, FIRST_LOOK_LIMIT_MS))]);
  };

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { meetingNotes?: unknown } | null)?.meetingNotes;
    const rescan = await applySettings(pullConfiguration ? undefined : pushed);
    refreshDiagnostics();
    if (rescan) await scanWorkspace();
    else notifyChanged([]);
  });

  documents.onDidChangeContent(({ document }) => {
    schedulePush(document.uri);
    notifyChanged([document.uri]);
  });

  documents.onDidClose(({ document }) =>
    guard('close', undefined, () => {
      store.forgetOpen(document.uri);
      reports.forget(document.uri);
      clearTimeout(pushTimers.get(document.uri));
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      // The buffer may have held unsaved text: go back to what is on disk.
      if (document.uri.startsWith('file:')) void indexer!.update([fileURLToPath(document.uri)]);
      notifyChanged([document.uri]);
    }),
  );

  // A checkout reports hundreds of files at once: they are read together, as a scan reads them,
  // and beyond MANY_CHANGED_FILES like a scan altogether: with progress shown, the series as last
  // worked out meanwhile, then worked out once, in slices (at every report of the view's listing,
  // 2,000 changed files of 10,000 held keystrokes 0.2–0.4 s).
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const changed: string[] = [];
    for (const change of changes) {
      try {
        if (!change.uri.startsWith('file:')) continue;
        const path = fileURLToPath(change.uri);
        if (change.type === FileChangeType.Deleted) indexer!.removed(path);
        else if (!documents.get(change.uri)) changed.push(path);
      } catch (error) {
        connection.console.error(`file change ${change.uri}: ${(error as Error).stack ?? error}`);
      }
    }
    const read = (reporter?: IndexProgress) => indexer!.update(changed, reporter).catch((error: unknown) => connection.console.error(`file changes: ${(error as Error).stack ?? error}`));
    await (changed.length <= MANY_CHANGED_FILES ? read() : readMany(read));
  });

  // Answered from the analysis of the document's newest version (a request cancelled meanwhile gets nothing).
  connection.languages.diagnostics.on(async (params, token) => {
    // The model does not depend on the settings: at start-up it is read while they are on their way
    // from the client, and read again after only if they changed what it is read with (the size limit).
    const early = store.newest(params.textDocument.uri, token).catch(() => undefined);
    await settingsReady;
    await early;
    const file = await store.newest(params.textDocument.uri, token).catch(() => undefined);
    if (!file || token.isCancellationRequested) return { kind: 'full', items: [] };
    const items = guard('diagnostics', [], () => documentDiagnostics(file, settings, clock.today(), seriesNow(), reports.lastItems(file.uri)));
    return reports.report(file.uri, items, params.previousResultId);
  });

  connection.onCodeLens(({ textDocument }) =>
    guard('code lenses', [], () => {
      const file = store.get(textDocument.uri);
      return file?.model.looksLikeNotes ? codeLenses(file, clock.today(), { index: seriesNow(), fileOf: (uri) => store.get(uri) }) : [];
    }),
  );

  connection.onCodeAction((params) =>
    guard('code actions', [], () => {
      const file = store.get(params.textDocument.uri);
      return file ? codeActions(file, params, settings, clock.today(), workspaceEdit, { index: seriesNow(), fileOf: (uri) => store.get(uri) }, completions) : [];
    }),
  );

  connection.onDocumentSymbol(({ textDocument }) =>
    guard('document symbols', [], () => {
      const file = store.get(textDocument.uri);
      return file?.model.looksLikeNotes ? documentSymbols(file.model) : [];
    }),
  );

  // Editor features: each reads the models and answers in LSP terms (server/src/lsp/features).
  connection.onHover((params) => guard('hover', null, () => hover(store, params, clock.today())));
  connection.languages.inlayHint.on((params) => guard('inlay hints', [], () => inlayHints(store, params)));
  connection.onCompletion((params) => guard('completion', null, () => completion(store, params, clock.today())));
  connection.onDefinition((params) => guard('definition', null, () => definition(store, params)));
  connection.onReferences((params) => guard('references', null, () => references(store, params)));
  connection.onPrepareRename((params) => guard('prepare rename', null, () => prepareRename(store, params)));
  connection.onRenameRequest((params) => guard('rename', null, () => rename(store, params, workspaceEdit)));
  connection.onWorkspaceSymbol((params) => guard('workspace symbols', [], () => workspaceSymbols(store, params)));
  connection.onFoldingRanges((params) => guard('folding ranges', [], () => foldingRanges(store, params)));

  const listActionItems = (params: ActionItemsParams | undefined, since: string | undefined): ActionItemsResult =>
    guard('action items', { today: clock.today(), items: [], skipped: [], complete: false }, () => {
      // Complete once the series are worked out too: the items' series information follows then.
      const complete = !!indexer && seriesSettled();
      if (params?.uri) {
        const digest = store.digestOf(params.uri);
        return actionItemsResult(digest ? [digest] : [], clock.today(), store.skippedFiles(), complete, seriesNow());
      }
      return { today: clock.today(), skipped: store.skippedFiles(), complete, ...listing.list(store.digests(), seriesNow(), since, positiveOr(params?.limit)) };
    });
  connection.onRequest(ActionItemsRequest, async (params: ActionItemsParams | undefined, token): Promise<ActionItemsResult | CompactActionItemsResult> => {
    const wire = params?.compact === true ? compactListing : (result: ActionItemsResult) => result;
    let part = listActionItems(params, stringOr(params?.since));
    // With a token for partial results, each part goes as soon as it is made, without a question
    // for each: the client reads one while the next is made (a listing of 42,000 items is nine).
    const partToken = params?.partialResultToken;
    while (part.more && (typeof partToken === 'string' || typeof partToken === 'number') && !token.isCancellationRequested) {
      await connection.sendProgress(ActionItemsPart, partToken, wire(part));
      await new Promise(setImmediate); // requests that came meanwhile (a keystroke's diagnostics) go first
      part = listActionItems(params, part.revision);
    }
    return wire(part);
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    try {
      if (command === ServerCommands.goTo) return await goTo(args?.[0] as GoToArgs);
      const target = args?.[0];
      if (!isItemArgs(target)) throw new Error(`${command}: missing or malformed arguments`);
      if (command === ServerCommands.carryOver) return await carryItemOver(target);
      return await applyItemCommand(command, target);
    } catch (error) {
      connection.console.error(`command ${command} failed: ${(error as Error).stack ?? error}`);
      return false;
    }
  });

  /** Computes a command's edit on the current text and sends it with that text's version. */
  const applyItemCommand = async (command: string, args: { uri: string; itemId: string; version: number | null }) => {
    if (!documents.get(args.uri) && args.uri.startsWith('file:')) await indexer!.update([fileURLToPath(args.uri)]); // read it fresh
    const file = store.get(args.uri);
    if (!file) {
      void connection.window.showWarningMessage('Those notes are no longer there; nothing was changed.');
      return false;
    }
    // The item is found again by its id in the current text; if it is gone, nothing is edited.
    const known = command === ServerCommands.completeOverdue || file.model.items.some((i) => i.id === args.itemId) || file.model.decisions.some((d) => d.id === args.itemId);
    if (!known) {
      void connection.window.showWarningMessage('The notes have changed and that item is no longer there; nothing was changed.');
      return false;
    }
    if (isStale(args, file) && isAmbiguous(file.model, args.itemId)) {
      // Ids come from the words: with two entries alike, an older click may mean the other one.
      void connection.window.showWarningMessage('The notes have changed and there are two entries with these words; nothing was changed. Please try again.');
      return false;
    }
    const edits = commandEdits(command, args, file.model, { today: clock.today(), writeDoneDate: settings.writeDoneDate }, completions);
    if (!edits.length) return false;
    const result = await connection.workspace.applyEdit({ label: COMMAND_LABELS[command] ?? 'Meeting notes', edit: workspaceEdit(file, toTextEdits(file.model, edits)) });
    if (!result.applied && result.failureReason) connection.console.warn(`edit not applied: ${result.failureReason}`);
    return result.applied;
  };

  /** Carries a dropped item into the latest meeting of its series, which may be another file. */
  const carryItemOver = async (args: { uri: string; itemId: string }) => {
    const plan = () => {
      const file = store.get(args.uri);
      const item = file?.model.items.find((i) => i.id === args.itemId);
      return file && item ? carryOverEdit(file, item, { index: series.current(), fileOf: (uri) => store.get(uri) }) : null;
    };
    let carry = plan();
    // A target that is not open is read again from disk, so the edit fits its text.
    if (carry && !documents.get(carry.target.uri) && carry.target.uri.startsWith('file:')) {
      await indexer!.update([fileURLToPath(carry.target.uri)]);
      carry = plan();
    }
    if (!carry) {
      void connection.window.showWarningMessage('That item is no longer open in an earlier meeting of a series; nothing was changed.');
      return false;
    }
    const result = await connection.workspace.applyEdit({ label: 'Carry over into the latest meeting', edit: workspaceEdit(carry.target, toTextEdits(carry.target.model, carry.edits)) });
    if (!result.applied && result.failureReason) connection.console.warn(`edit not applied: ${result.failureReason}`);
    return result.applied;
  };

  const goTo = async (args: GoToArgs) => {
    if (!args?.uri || !args.range) return false;
    if (!canShowDocument) return args; // the client can jump there itself
    const result = await connection.window.showDocument({ uri: args.uri, selection: args.range, takeFocus: true });
    return result.success;
  };

  // The series' record is written after a scan without being waited for: a shutdown right after
  // one (a window closed as it finished indexing) waits for it, or the next start follows every series again.
  connection.onShutdown(async () => {
    indexer?.dispose();
    await series.memory?.written();
  });

  documents.listen(connection);
  connection.listen();
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function positiveOr(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}
