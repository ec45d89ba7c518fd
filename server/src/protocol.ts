// The custom messages between the language server and its clients, declared once: the server
// and the VS Code client both import this module. Plain data only, so any LSP client can use it.

/** `meetingNotes/actionItems`: every action item of the workspace (or of one document). */
export const ActionItemsRequest = 'meetingNotes/actionItems';

export interface ActionItemsParams {
  /** Only this document's items; all notes of the workspace when absent. */
  uri?: string;
  /**
   * The `revision` of the workspace listing the client holds: the answer then carries only the
   * files whose items changed since (see `changedUris`). A server that cannot tell (it restarted,
   * or the revision is too old) answers with the whole listing.
   */
  since?: string;
  /**
   * At most about this many items per answer (whole files; at least one file): the rest follows
   * in further answers (`more`). Without it, one answer carries the whole listing.
   */
  limit?: number;
  /**
   * LSP's token for partial results: with it and `limit`, the server sends the parts one after
   * another without waiting to be asked for each, every part but the last as a `$/progress`
   * notification with this token (an `ActionItemsResult` with `more`, in order), and answers with
   * the last. The client applies them as if it had asked for each with the previous one's revision.
   */
  partialResultToken?: string | number;
  /**
   * Answer (and send each part) as a `CompactActionItemsResult` (listingWire.ts): the items grouped
   * by file as rows of values, less than a third of the JSON. Clients that read it expand it with
   * `expandListing`.
   */
  compact?: boolean;
}

export interface ActionItemsResult {
  /** The date the server judges `overdue` against (ISO), so clients label items the same way. */
  today: string;
  items: WorkspaceActionItem[];
  /** Files that were not read, and why (too big, binary, not UTF-8). */
  skipped: Array<{ uri: string; reason: string }>;
  /** False while the workspace is still being indexed: more items will follow a didChange. */
  complete: boolean;
  /** This workspace listing's revision, to send as `since` next time (absent from a one-document listing). */
  revision?: string;
  /**
   * Present when answering `since`: the files whose items changed since then; `items` holds all
   * of their items now (a file listed with none has none left, or is gone). Every other file's
   * items are as the client has them. Absent: `items` replaces the client's listing (all of it, or
   * with `more` its first part).
   */
  changedUris?: string[];
  /** The answer stopped at `limit`: ask again, with this `revision` as `since`, for the rest. */
  more?: boolean;
}

export interface WorkspaceActionItem {
  id: string;
  uri: string;
  /** The entry (or, for a transcript-only item, the words said), 0-based as in LSP. */
  range: LspRange;
  owner: string | null;
  task: string;
  due: { text: string; date: string | null; vague: boolean } | null;
  status: 'open' | 'done';
  kind: 'action' | 'commitment';
  source: 'summary' | 'transcript';
  meeting: { title: string; date: string | null; index: number };
  /** Ids of the same work elsewhere in the same file. */
  linked: string[];
  /** The document version the item was read from (null for a file that is not open). */
  version: number | null;
  /** Where the item stands in its meeting series; null (or absent, from older servers) outside a series. */
  series?: ItemSeries | null;
}

/** A summary entry's place in a meeting series (same title in a folder, or a running log). */
export interface ItemSeries {
  /** Stable while the series' files stay where they are. */
  id: string;
  title: string;
  /** Meetings since the work was first recorded (0 in the meeting that recorded it). */
  waited: number;
  /** The work's latest entry, in a later meeting: this entry is history, that one tells how the work stands. */
  carriedTo: { uri: string; date: string; status: 'open' | 'done' } | null;
  /** Open, but left out of a later meeting's status list. */
  dropped: boolean;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** `meetingNotes/didChange`: items changed (a file was edited, added, removed, or indexing advanced). */
export const DidChangeNotification = 'meetingNotes/didChange';

export interface DidChangeParams {
  uris: string[];
  /**
   * Sent once a workspace scan is over (its series worked out too): the listing is complete from
   * now on, and no burst of changes follows, so a client may ask at once instead of after its delay.
   */
  complete?: boolean;
}

/** Arguments of the item commands (`meetingNotes.server.*`), as lenses, fixes and the tree send them. */
export interface ItemCommandArgs {
  uri: string;
  itemId: string;
  /** The version the command was computed on; the server recomputes on the current text or refuses. */
  version: number | null;
}

export interface SetDueArgs extends ItemCommandArgs {
  date: string;
}

export interface AssignArgs extends ItemCommandArgs {
  owner: string;
}

export interface GoToArgs {
  uri: string;
  range: LspRange;
}

/** Commands the server executes (`workspace/executeCommand`). */
export const ServerCommands = {
  markComplete: 'meetingNotes.server.markComplete',
  reopen: 'meetingNotes.server.reopen',
  setDueDate: 'meetingNotes.server.setDueDate',
  assignOwner: 'meetingNotes.server.assignOwner',
  recordInSummary: 'meetingNotes.server.recordInSummary',
  completeOverdue: 'meetingNotes.server.completeOverdue',
  /** Carries an item that a later meeting dropped into the series' latest meeting (arguments: ItemCommandArgs). */
  carryOver: 'meetingNotes.server.carryOver',
  goTo: 'meetingNotes.server.goTo',
} as const;

/** `meetingNotes.*` settings; every field optional, defaults apply. */
export interface NotesSettings {
  files: string;
  severity: Partial<Record<string, 'off' | 'hint' | 'information' | 'warning' | 'error'>>;
  dueSoonDays: number;
  /** `carried-over` for work still open this many meetings of its series after it was recorded. */
  carriedOverAfter: number;
  writeDoneDate: boolean;
  maxFileSize: number;
}

/** The files that may hold notes, by default (the extensions of `NOTES_EXTENSIONS`): watched by the client and the server, indexed. */
export const NOTES_FILES_GLOB = '**/*.{md,markdown,txt,vtt,srt}';

export const DEFAULT_SETTINGS: NotesSettings = {
  files: NOTES_FILES_GLOB,
  severity: {},
  dueSoonDays: 3,
  carriedOverAfter: 2,
  writeDoneDate: true,
  maxFileSize: 5,
};
