// The one model of a notes document. Built once per document version by `analyzeNotes`;
// every feature (diagnostics, lenses, fixes, tree, CLI) reads it and never re-parses.
// Positions are 0-based lines and UTF-16 characters, as in LSP.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A span of the document text, by UTF-16 offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

export interface DueDate {
  /** The words as written: `Tomorrow`, `February 3`, `before production`. */
  text: string;
  /** ISO `YYYY-MM-DD`, or null when the text names no day (vague, or no meeting date to resolve against). */
  date: string | null;
  /** True when the text is not a date at all (`ASAP`, `before production`, `TBD`). */
  vague: boolean;
  /** Looks like a date but cannot be one (`February 30`, `2025-13-01`). */
  invalid?: boolean;
  span: Span;
}

export interface Attendee {
  name: string;
  role: string | null;
  /** Where the name is written (attendee line, list item or front matter). */
  span: Span | null;
}

/** A person as written in the notes, resolved to an attendee when possible. */
export interface PersonRef {
  /** As written: `Mike`, `@jonas`, `Tom Bradley`, `me` resolved to the speaker. */
  written: string;
  /** The attendee's full name when resolved, else the written name without `@`. */
  name: string;
  attendee: Attendee | null;
  span: Span;
}

export type DateSource = 'front-matter' | 'date-line' | 'title' | 'heading' | 'file-name';

export interface Meeting {
  index: number;
  title: string;
  date: string | null;
  dateSource: DateSource | null;
  /** Line of the meeting's title or heading. */
  line: number;
  /** Where the meeting's text lies in the document. */
  span: Span;
  attendees: Attendee[];
  /** True when the notes list attendees for this meeting (front matter, attendee line or list). */
  attendeesKnown: boolean;
}

export type SectionKind = 'decisions' | 'actions' | 'commitments';

export interface Section {
  kind: SectionKind;
  meeting: number;
  /** The heading or header line as written, without markup. */
  title: string;
  /** Span of the heading or header line. */
  headerSpan: Span;
  /** Heading depth for `## Action Items`, null for a header line `ACTION ITEMS:`. */
  depth: number | null;
  /** Offset right after the section's last entry (or header): where a new entry goes. */
  insertAt: number;
  /** How new entries are written: the list marker style of the existing entries. */
  entryStyle: EntryStyle;
}

export interface EntryStyle {
  /** `- `, `* `, or `N. ` for a numbered list (N is the next number); `| ` for a table; a heading with fields under it. */
  marker: 'bullet' | 'numbered' | 'table' | 'line' | 'heading';
  bullet: string;
  indent: string;
  nextNumber: number;
  /** Whether entries carry a checkbox, and the open box as they write it: `[ ]`, or `☐` on plain lines. */
  checkbox: boolean;
  openBox: '[ ]' | '☐';
  /** The bullet plain lines open with (`•`), when they have one. */
  lineBullet?: string;
  /** `Owner: task - Due: date` or `Owner: task by date`. */
  dueStyle: 'due-field' | 'by' | 'column';
  /** How the owner is written (not in a table's Owner column). */
  ownerForm: OwnerForm;
  table?: TableColumns;
  /** How an entry written as a heading writes itself and its fields (`### Task`, `- **Owner:** Maya`). */
  heading?: HeadingStyle;
}

export interface HeadingStyle {
  /** `### ` */
  prefix: string;
  /** What opens a field's line (`- **`) and what follows its label (`:** `). */
  fieldStart: string;
  fieldEnd: string;
  /** Between fields on one line (` · `); null when each field has a line of its own. */
  separator: string | null;
  /** Labels as `Owner` (or `owner`). */
  capital: boolean;
  /** Whether the fields include a status. */
  status: boolean;
}

/**
 * How an entry writes its owner: `Mike: `, `**Mike:** `, `@mike `, `Mike — `, `Mike to ` before
 * the task; ` (Mike)`, ` — Mike`, ` → Mike`, ` (owner: Mike)` after it.
 */
export interface OwnerForm {
  place: 'start' | 'end';
  /** What is written before and after the name, blanks as one space. */
  before: string;
  after: string;
  /** `@mike`: a handle, in lower case without blanks. */
  handle: boolean;
}

/** `Mike: task`, where a section's entries say nothing else. */
export const OWNER_COLON_FORM: OwnerForm = { place: 'start', before: '', after: ': ', handle: false };

export interface TableColumns {
  count: number;
  owner: number | null;
  task: number | null;
  due: number | null;
  status: number | null;
}

/** Where the pieces of a summary entry are, so that edits touch only what they must. */
export interface EntryLayout {
  shape: 'list' | 'table' | 'line';
  /** The entry's full text span (list item's first paragraph, the table row, or the line). */
  span: Span;
  /** Where the entry ends with everything that belongs to it (an item's nested list): a new entry goes after. */
  after: number;
  /** Where a new checkbox `[x] ` goes (after the list marker, or start of the task cell). */
  boxAt: number;
  /** The existing checkbox `[ ]` / `[x]` including its trailing space. */
  checkbox: Span | null;
  /** Where ` ✅ date` goes (end of the entry text, or end of the task cell). */
  doneAt: number;
  /** The existing done marker ` ✅ 2025-03-10`, including the space before it. */
  doneMarker: Span | null;
  /** The `~~` pairs of a struck-through entry. */
  strike: [Span, Span] | null;
  /** A textual status such as a `Status` cell or `(done)`. */
  statusText: Span | null;
  /** The status is an outliner's task marker (`TODO`, `DONE`): completing and reopening rewrite it. */
  statusIsMarker?: true;
  /** The status is a field's value under the entry (`- **Status:** open`): completing and reopening rewrite it. */
  statusIsField?: true;
  /** Where the owner is written, or where one would be inserted. */
  ownerAt: number;
  /** Where a due date would be appended when there is none. */
  dueAt: number;
  /** True when the entry is in a list whose other items use checkboxes (so reopening keeps `[ ]`). */
  inTaskList: boolean;
  /** A task-list item outside any summary section: its box is what makes it an entry, so reopening keeps it. */
  boxMakesEntry?: boolean;
  /** How a due date is written in this entry's section: `- Due: X`, `by X`, or a Due column. */
  dueStyle: EntryStyle['dueStyle'];
  /** How an owner is written in this entry's section. */
  ownerForm: OwnerForm;
  table?: { columns: TableColumns; cells: Span[] };
}

export type ItemKind = 'action' | 'commitment';
export type ItemSource = 'summary' | 'transcript';
export type ItemStatus = 'open' | 'done';

export interface ActionItem {
  /** Stable within a document version (content-based, so it usually survives edits elsewhere). */
  id: string;
  meeting: number;
  kind: ItemKind;
  source: ItemSource;
  owner: PersonRef | null;
  task: string;
  due: DueDate | null;
  status: ItemStatus;
  /** ISO date from `✅ 2025-03-10`, if written. */
  doneDate: string | null;
  /** The entry (summary) or the statement's cue clause (transcript). */
  span: Span;
  /** Summary entries only. */
  layout: EntryLayout | null;
  /** Transcript statements that this entry records. */
  mentions: StatementCue[];
  /** Ids of the same work elsewhere (its COMMITMENTS or ACTION ITEMS twin). */
  linked: string[];
  /** Transcript items only: the statement it came from. */
  statement: Statement | null;
}

export interface Decision {
  id: string;
  meeting: number;
  text: string;
  source: ItemSource;
  span: Span;
  mentions: StatementCue[];
  statement: Statement | null;
}

export type CueKind = 'decision' | 'action' | 'commitment';

/** One decision, action item or commitment said in a transcript statement. */
export interface StatementCue {
  kind: CueKind;
  /** The clause, without the cue words: `test connection pool optimizations`. */
  task: string;
  /** The whole sentence as said, for quotes and diagnostics. */
  sentence: string;
  span: Span;
  owner: PersonRef | null;
  due: DueDate | null;
  statement: Statement;
}

export interface Statement {
  meeting: number;
  /** `05:00` as written, or null for `**Name:**` lines. */
  time: string | null;
  /** Null for a cue line without a speaker (`Decision: we ship Monday`). */
  speaker: PersonRef | null;
  text: string;
  span: Span;
  textStart: number;
  cues: StatementCue[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'overdue'
  | 'due-soon'
  | 'missing-owner'
  | 'missing-due-date'
  | 'vague-due-date'
  | 'unknown-owner'
  | 'uncaptured-commitment'
  | 'uncaptured-decision'
  | 'due-date-mismatch'
  | 'carried-over'
  | 'dropped-item'
  | 'reported-done';

/** What a quick fix needs, carried on the diagnostic so no re-parse is needed. */
export interface DiagnosticData {
  itemId?: string;
  decisionId?: string;
  /** For `due-date-mismatch`: the date said in the transcript. */
  saidDate?: string;
  /** For owner fixes: attendee names, nearest first. */
  owners?: string[];
  /** For `dropped-item`: the series' latest meeting, where the item can be carried (file as the caller named it). */
  carryTo?: { file: string; meeting: number };
}

export interface NotesDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: Span;
  data: DiagnosticData;
}

export interface NotesModel {
  text: string;
  /** Meetings in document order; a file without any recognisable meeting still has one. */
  meetings: Meeting[];
  sections: Section[];
  statements: Statement[];
  /** Summary entries and uncaptured transcript items, in document order. */
  items: ActionItem[];
  decisions: Decision[];
  /** Whether this looks like meeting notes at all (used to skip READMEs when scanning folders). */
  looksLikeNotes: boolean;
  lines: LineIndex;
}

/** Offset ↔ position conversion for one text; `\r\n` and `\n` both end a line. */
export interface LineIndex {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(span: Span): Range;
  /** Whether `positionAt(offset)` is `position` (worked out without making a position). */
  isAt(offset: number, position: Position): boolean;
  lineCount: number;
  /** Start offset of a line, and its end before the line break. */
  lineStart(line: number): number;
  lineEnd(line: number): number;
}
