import { findDueField, findDuePhrase } from '../dates/findDue';
import { Memo } from '../memo';
import type { DueDate, OwnerForm, Span } from '../model';
import { capitalize, flattenLines, plainText, trimEndChars, trimStartChars } from '../text/plain';
import { DONE_MARK_SOURCE } from '../text/doneMark';
import { moveSpan } from '../text/span';
import { HANDLE_NAME, NAME_JOINER, type Roster, isGroupName, looksLikeName } from './people';

/** The parts of one summary entry (`Mike: Test Redis pool - Due: Tomorrow ✅ 2024-01-30`). */
export interface ParsedEntry {
  /** `form`: how the entry's own words write it (not an Owner cell or field under the entry). */
  owner: { written: string; span: Span; form?: OwnerForm } | null;
  task: string;
  due: DueDate | null;
  done: boolean;
  doneDate: string | null;
  doneMarker: Span | null;
  strike: [Span, Span] | null;
  statusText: Span | null;
  /** The status is an outliner's task marker (`TODO`, `DONE`): completing and reopening rewrite it. */
  statusIsMarker?: true;
  /** Where the task text starts (after any owner). */
  taskStart: number;
  /** Where the entry's own words end, before a done marker or status. */
  contentEnd: number;
}

export interface EntryContext {
  meetingDate: string | null;
  roster: Roster;
  /** Decisions have no owner or due date. */
  withOwner: boolean;
}

// Emoji may be part of a name (`🦄 Uni`); such a name is only taken when it is an attendee's.
const NAME_CHAR = String.raw`\p{L}\p{M}\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f`;
const NAME = String.raw`[${NAME_CHAR}][${NAME_CHAR}'’.\-]*(?:\s+[${NAME_CHAR}][${NAME_CHAR}'’.\-]*){0,3}`;
const DONE_WORDS = String.raw`done|complete|completed|closed|finished|resolved|shipped|merged|fixed|cancell?ed|dropped|won'?t\s+do`;
const OPEN_WORDS = String.raw`open|to\s*do|todo|in\s+progress|wip|ongoing|blocked|pending|not\s+started|started|on\s+hold|at\s+risk`;
// Patterns that may start with blanks begin with `(?<!\s)`: the leftmost match is the same, but the
// engine no longer retries from every blank of a long run of them (quadratic in the run's length).
const STATUS_TRAILER = new RegExp(
  // A separator or brackets are required: `Get the thing done` is a task, `Thing - Done` a status.
  String.raw`(?<!\s)(?:\s*[-–—|,;]\s*(?:[(\[]\s*)?|\s*[(\[]\s*)(?:status\s*:\s*)?(?:(${DONE_WORDS})|(${OPEN_WORDS}))(?:\s*[)\]])?(?:\s*[.!])?\s*$`,
  'iu',
);
const STATUS_FIELD = new RegExp(String.raw`(?<!\s)(?:\s*[-–—|,;]\s*|\s+)(?:[(\[]\s*)?status\s*:\s*(?:(${DONE_WORDS})|(${OPEN_WORDS}))\s*[)\]]?`, 'iu');
const STATUS_LEADER = new RegExp(String.raw`^(\s*)(?:\[\s*(?:(${DONE_WORDS})|(${OPEN_WORDS}))\s*\]|(?:(${DONE_WORDS})|(${OPEN_WORDS}))\s*[:\-–—])\s*`, 'iu');
/** `TODO fix…`, `DONE ship…`: an outliner's task markers (Logseq), in capitals, with no colon. */
const DONE_MARKERS = 'DONE|CANCELED|CANCELLED';
const TASK_MARKER = new RegExp(String.raw`^(\s*)(?:(${DONE_MARKERS})|(TODO|DOING|NOW|LATER|WAITING|WAIT|IN-PROGRESS))[ \t]+(?=\S)`, 'u');
const DONE_MARKER = new RegExp(`^(?:${DONE_MARKERS})$`, 'u');

/** Whether an outliner's task marker (`DONE`, `CANCELED`) says the task is done. */
export function markerSaysDone(marker: string): boolean {
  return DONE_MARKER.test(marker);
}

/** Whether an item's text opens with an outliner's task marker: a task wherever it is, as a checkbox is. */
export function opensWithTaskMarker(text: string): boolean {
  return TASK_MARKER.test(text);
}

const DONE_WORD = new RegExp(String.raw`(?<![\p{L}'])(?:${DONE_WORDS})(?![\p{L}])`, 'iu');

/** Whether a status (`- Done`, `(blocked)`, a Status cell) says the entry is done; open words hold no done word. */
export function statusSaysDone(status: string): boolean {
  return DONE_WORD.test(status);
}

// (Not `\b` after the words: it never holds after a check mark, which is no word character.)
const DONE_CELL = new RegExp(String.raw`^(?:\[x\]\s*)?(?:${DONE_WORDS}|yes|y|✅|✔️?|☑️?|✓|x)(?![\p{L}\p{N}_])`, 'iu');

/** Whether a table's Status cell (as plain text) says done: it starts with a done word, `yes`, `x` or a check mark. */
export function statusCellSaysDone(status: string): boolean {
  return DONE_CELL.test(status.trim());
}

/** A done mark; the blanks before it belong to it too (see `doneMarks`). */
const DONE_MARK = new RegExp(DONE_MARK_SOURCE, 'gu');

/** Capitalised words that start tasks (`Need to…`, `Remember to…`) rather than name an owner. */
const NOT_OWNERS = new Set(
  ('need needs want wants try plan plans remember make going have has ask continue start begin decide agree ensure ' +
    'be reach go get look talk how what when where who why which time way nothing something somebody someone we ' +
    'they you it this that there also then still please let lets reminder remind follow check keep consider')
    .split(' '),
);

const entries = new Memo<ParsedEntry>();

/** Reads one entry; `text` is the entry's source and `base` its offset in the document. */
export function parseEntryText(text: string, base: number, ctx: EntryContext): ParsedEntry {
  return movedEntry(entries.get(() => readEntry(text, 0, ctx), text, ctx.roster.scope(ctx.meetingDate, ctx.withOwner)), base);
}

/** A copy of an entry read at offset 0, moved to `base` (callers may change their copy). */
export function movedEntry(entry: ParsedEntry, base: number): ParsedEntry {
  const move = (span: Span): Span => moveSpan(span, base);
  return {
    owner: entry.owner && { ...entry.owner, span: move(entry.owner.span) },
    task: entry.task,
    due: entry.due && moveDue(entry.due, base),
    done: entry.done,
    doneDate: entry.doneDate,
    doneMarker: entry.doneMarker && move(entry.doneMarker),
    strike: entry.strike && [move(entry.strike[0]), move(entry.strike[1])],
    statusText: entry.statusText && move(entry.statusText),
    ...(entry.statusIsMarker ? { statusIsMarker: true } : {}),
    taskStart: entry.taskStart + base,
    contentEnd: entry.contentEnd + base,
  };
}

export function moveDue(due: DueDate, base: number): DueDate {
  return { ...due, span: { start: due.span.start + base, end: due.span.end + base } };
}

function readEntry(text: string, base: number, ctx: EntryContext): ParsedEntry {
  // Work on a copy in which every recognised part is blanked out, so offsets keep their meaning.
  let work = flattenLines(text);
  const blank = (span: { start: number; end: number }) => {
    work = work.slice(0, span.start) + ' '.repeat(span.end - span.start) + work.slice(span.end);
  };

  let done = false;
  let strike: ParsedEntry['strike'] = null;
  const struck = WHOLE_STRIKE.exec(work);
  if (!struck) work = work.replace(INNER_STRIKE, (words) => ' '.repeat(words.length)); // `~~drop~~ keep the endpoint`: struck words are no longer the task's
  if (struck) {
    const open = struck[1].length;
    const close = struck[0].length - 2;
    strike = [
      { start: base + open, end: base + open + 2 },
      { start: base + close, end: base + close + 2 },
    ];
    done = true;
    blank({ start: open, end: open + 2 });
    blank({ start: close, end: close + 2 });
  }

  let doneMarker: Span | null = null;
  let doneDate: string | null = null;
  const marks = doneMarks(work, text);
  for (const mark of marks) {
    doneMarker = { start: base + mark.start, end: base + mark.end };
    doneDate = mark.date;
    done = true;
  }
  // Blanked in one pass: a line of many marks must not copy the text once per mark.
  if (marks.length) work = work.replace(DONE_MARK, (mark) => ' '.repeat(mark.length));

  let statusText: Span | null = null;
  let statusIsMarker = false;
  const status = STATUS_FIELD.exec(work) ?? STATUS_TRAILER.exec(work);
  if (status) {
    statusText = { start: base + status.index, end: base + status.index + status[0].length };
    if (status[1]) done = true;
    blank({ start: status.index, end: status.index + status[0].length });
  } else {
    const leader = STATUS_LEADER.exec(work);
    const marker = leader ? null : TASK_MARKER.exec(work);
    if (leader) {
      const start = leader[1].length;
      statusText = { start: base + start, end: base + leader[0].length };
      if (leader[2] || leader[4]) done = true;
      blank({ start, end: leader[0].length });
    } else if (marker) {
      const start = marker[1].length;
      const word = (marker[2] ?? marker[3]).length;
      statusText = { start: base + start, end: base + start + word };
      statusIsMarker = true;
      if (marker[2]) done = true;
      blank({ start, end: marker[0].length });
    }
  }
  // Obsidian Tasks' priorities and its dates that are no due date (scheduled, start, created, a
  // recurrence): no part of the task, and never read as its due (`📅 2025-11-28` is).
  work = work.replace(TASKS_PLUGIN_MARKS, (mark) => ' '.repeat(mark.length));
  const contentEnd = base + work.trimEnd().length;
  // Where it was said, closing the entry (`(04:12)`, `[00:14:05]`, as Fireflies writes action items): no part of the task.
  const saidAt = SAID_AT.exec(work);
  if (saidAt) blank({ start: saidAt.index, end: saidAt.index + saidAt[0].length });

  let due: DueDate | null = null;
  let owner: ParsedEntry['owner'] = null;
  if (ctx.withOwner) {
    const found =
      findDueField(work, 0, ctx.meetingDate) ?? findDuePhrase(work, 0, ctx.meetingDate, { atEnd: true, allowBare: true });
    if (found) {
      due = { ...found.due, span: moveSpan(found.due.span, base) };
      blank(found.cut);
    }
    // An issue key opening the entry (`PROJ-123 Mike: fix…`) stays in the task; the owner comes after it.
    const ownerWork = withoutIssueKey(work);
    const foundOwner = findOwner(ownerWork, ctx.roster);
    if (foundOwner) {
      owner = { written: foundOwner.written, span: moveSpan(foundOwner.span, base), form: ownerFormOf(ownerWork, foundOwner) };
      const closing = foundOwner.cut.end >= work.trimEnd().length;
      blank(foundOwner.cut);
      // A due date before a closing owner (`… by Wednesday. (Maya Chen)`, as Teams recaps write follow-ups).
      const before = !due && closing ? findDuePhrase(work, 0, ctx.meetingDate, { atEnd: true, allowBare: true }) : null;
      if (before) {
        due = { ...before.due, span: moveSpan(before.due.span, base) };
        blank(before.cut);
      }
    }
  }

  const leading = work.length - work.trimStart().length;
  // (An arrow left before a due date, `send notes → due 5/8`, goes with it.)
  let task = trimEndChars(trimStartChars(plainText(work), /[\s:;,\-–—|]/), /[\s:;,.\-–—|→=>]/);
  if (/^\p{Ll}+\b/u.test(task)) task = capitalize(task); // `Wei to split…` → `Split…`, but `iOS` stays
  return { owner, task, due, done, doneDate, doneMarker, strike, statusText, ...(statusIsMarker ? { statusIsMarker } : {}), taskStart: base + leading, contentEnd };
}

/**
 * `✅ 2025-03-10`, `✔`, each with the blanks before it on its line (not those a previous mark took,
 * and never a line break: removing a mark must not join two lines). `source` is `work` before
 * line breaks were blanked.
 */
export function doneMarks(work: string, source = work): Array<{ start: number; end: number; date: string | null }> {
  const marks: Array<{ start: number; end: number; date: string | null }> = [];
  let previousEnd = 0;
  for (const m of work.matchAll(DONE_MARK)) {
    let start = m.index!;
    while (start > previousEnd && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
    let end = m.index! + m[0].length;
    let date: string | null = m[1] ?? null;
    // `✅` at a line's end: its trailing blanks (and a date) on the next line are not part of it.
    const lineBreak = source.slice(m.index!, end).search(/[\r\n]/);
    if (lineBreak >= 0) [end, date] = [m.index! + lineBreak, null];
    previousEnd = end;
    marks.push({ start, end, date });
  }
  return marks;
}


interface FoundOwner {
  written: string;
  span: Span;
  cut: Span;
}

const OWNER_TODO = new RegExp(String.raw`^(\s*)(?:TODO|FIXME)\(\s*(@?[${NAME_CHAR}\p{N}][${NAME_CHAR}\p{N}._\-]*(?:\s+[${NAME_CHAR}][${NAME_CHAR}'’.\-]*){0,3})\s*\)\s*:?\s*(?=\S)`, 'u');
/** An entry struck through (`~~Leo: drop the endpoint~~`, with a note or a done mark after it): done. */
const WHOLE_STRIKE = /^(\s*)~~(?=\S)([\s\S]*?\S)~~(?=\s*(?:$|\([^()]*\)\s*$|\[[^\]]*\]\s*$|[-–—:✅]))/u;
/** Words struck through inside an entry that goes on after them. */
const INNER_STRIKE = /~~(?=\S)[^~\n]{0,500}?\S~~/gu;
/** `⏫`, `🔼`, `⏳ 2025-11-24`, `🛫 …`, `➕ …`, `🔁 every week`: the Tasks plugin's marks other than due (`📅`) and done (`✅`). */
// (`(?<![ \t])`: not tried again from every blank of a long run of them.)
const TASKS_PLUGIN_MARKS = /(?<![ \t])[ \t]*(?:[⏫🔼🔽⏬🔺]\uFE0F?|[⏳🛫➕]\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}|🔁\uFE0F?[^📅⏳🛫➕✅⏫🔼🔽⏬🔺\r\n]*)/gu;
const SAID_AT = /(?<!\s)\s*[([]\d{1,2}:\d{2}(?::\d{2})?[)\]]\s*$/u;

// The shapes of an owner, compiled once (none has the g flag: exec keeps no state).
// (Two people may share the work: `Maya/Leo: …`, `Leo + Sara: …`, `Ana & Wei: …`.)
const OWNER_COLON = new RegExp(String.raw`^(\s*)(?:\*\*|__)?(${NAME}(?:[ \t]?[/+&][ \t]?${NAME})?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(?=\S)`, 'u');
// The words between an owner and the task: `Wei to split…`, `Ana will draft…`.
const TO_DO = String.raw`(?:to|will|shall|should|must|needs\s+to|is\s+to|is\s+going\s+to|'ll)`;
// (Two people's full names are one name too many for NAME: `Ana Costa and Leo Park to pair…`.)
const OWNER_VERB = new RegExp(String.raw`^(\s*)(${NAME}?(?:\s+(?:and|&)\s+${NAME}?)?)\s+${TO_DO}\s+(?=\p{L})`, 'u');
const TO_DO_AFTER_NAME = new RegExp(String.raw`^\s+${TO_DO}\s+`, 'u');
const OWNER_FIELD = new RegExp(String.raw`(?<!\s)(\s*(?:[-–—|,;(\[]\s*)?)(?:owner|assignee|assigned\s+to|who|dri)(?:\s*::?\s*|\s+)(@?${NAME})\s*[)\]]?`, 'iu');
// (A due date cut out before it may leave its comma: `Handbook → Jonas, end of month`.)
// (One run of blanks after the name, not `\s*…\s*$`: two in a row took quadratic time on a long run.)
// (`(Bob, by Wed)`: the due date cut out leaves `(Bob, )`.)
const OWNER_TRAILING = new RegExp(String.raw`(?<!\s)(\s*(?:(?:->|=>|[-–—→])\s*|\(\s*|\[\s*|\s))(@?${NAME})(?:[\s,;]*[)\]])?[\s,;]*$`, 'u');
// A handle opening an entry (`@Jonas investigate…`), and two (`@alice & @bob: …`); lazy, so that a closing `.` is no part of one.
const HANDLE = String.raw`@${HANDLE_NAME}?`;
const HANDLE_OWNER = new RegExp(String.raw`^(\s*)(${HANDLE})[.]?(\s*[:\-–—]?\s+|$)`, 'u');
const HANDLE_PAIR = new RegExp(String.raw`^(\s*)(${HANDLE}(?:${NAME_JOINER})${HANDLE})[.]?(\s*[:\-–—]?\s+|$)`, 'u');
const OWNER_DASH = new RegExp(String.raw`^(\s*)(${NAME})\s+(?:[-–—→]|->|=>)\s+(?=\S)`, 'u');

/** `PROJ-123`, `[OPS-7]`, `[OPS-7](https://…)` (a link), `#482` opening an entry, followed by a blank or a colon. */
const ISSUE_KEY = /^(\s*)(?:\[[A-Z][A-Z0-9]{1,9}-\d{1,7}\](?:\([^()\s]{1,500}\))?|[A-Z][A-Z0-9]{1,9}-\d{1,7}|#\d{1,7}):?(?=\s)/u;

/** The entry's words with an opening issue key blanked (offsets kept). */
function withoutIssueKey(work: string): string {
  const key = ISSUE_KEY.exec(work);
  return key ? ' '.repeat(key[0].length) + work.slice(key[0].length) : work;
}

/** How an entry writes its owner: the words around the name that reading the owner takes with it. */
function ownerFormOf(work: string, found: FoundOwner): OwnerForm {
  const oneSpace = (words: string) => words.replace(/\s+/g, ' ');
  // `@mike`; a mention of a whole name (`@Carla Diaz`) is written as `@` before the name.
  const mention = found.written.startsWith('@') && /\s/.test(found.written) && !found.written.includes('@', 1); // not `@alice & @bob`
  const handle = found.written.startsWith('@') && !mention;
  const before = oneSpace(work.slice(found.cut.start, found.span.start)) + (mention ? '@' : '');
  const after = oneSpace(work.slice(found.span.end, found.cut.end));
  if (!work.slice(0, found.cut.start).trim()) return { place: 'start', before, after: after.endsWith(' ') ? after : `${after} `, handle };
  // After the task: ` (Mike)`, ` — Mike`, ` → @mike`; never the commas a trailing owner may take.
  return { place: 'end', before: before.startsWith(' ') ? before : ` ${before}`, after: trimEndChars(after, /[\s,;]/), handle };
}

// `@Carla Diaz - …`: a mention as rich-text editors copy it, the rest of the name after the handle.
const MENTION_REST = /^(?:[ \t]+[\p{L}][\p{L}'’\-]*){1,3}/u;
const AFTER_MENTION = /^\s*[:\-–—]?\s+|^\s*$/u;

/** Whether a name is the whole name of an attendee (`Carla Diaz`, not `Carla` nor `Carla said`). */
function isWholeName(name: string, roster: Roster): boolean {
  return roster.resolve(name).attendee?.name.toLowerCase() === name.toLowerCase();
}

/** An attendee's full name written as a mention (`@Carla Diaz`), from the `@` at `start`. */
function mentionedAttendee(work: string, start: number, first: string, roster: Roster): FoundOwner | null {
  const nameStart = start + 1 + first.length;
  const rest = MENTION_REST.exec(work.slice(nameStart));
  if (!rest) return null;
  // The longest run of words that is an attendee's whole name.
  const words = rest[0].trim().split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const name = `${first} ${words.slice(0, n).join(' ')}`;
    // A mention's display name as Notion and Confluence write it, a first and a last name: where the
    // notes list no attendees (`@Maya Chen Send…`), or of no attendee before a task in lower case (`@Ana Costa book the room`).
    const displayName =
      n === 1 &&
      /^\p{Lu}/u.test(first) &&
      /^\p{Lu}/u.test(words[0]) &&
      !TASK_VERBS.has(words[0].toLowerCase()) &&
      (!roster.known || (/^\p{Ll}/u.test(words[1] ?? '') && !roster.resolve(first).attendee));
    if (!isWholeName(name, roster) && !displayName) continue;
    const end = work.indexOf(words[n - 1], nameStart) + words[n - 1].length;
    const after = AFTER_MENTION.exec(work.slice(end));
    if (!after) continue;
    return { written: work.slice(start, end), span: { start, end }, cut: { start, end: end + after[0].length } };
  }
  return null;
}

/** Verbs that open a task (`@Maya Fix the login bug`): after a mention, no last name. */
const TASK_VERBS = new Set(
  ('add align analyse analyze announce approve archive ask assess audit book build bump buy call cancel check clean close collect compare confirm ' +
    'configure contact coordinate create debug decide define deploy design discuss document draft email escalate estimate evaluate file finalise ' +
    'finalize find fix follow get hire implement install investigate invite look make measure merge migrate monitor move notify open order organise ' +
    'organize patch ping plan post prepare present profile publish reach read refactor release remind remove renew reply research respond review ' +
    'revert roll rotate run schedule send set share ship sign submit summarise summarize sync talk test track triage update upgrade validate verify write')
    .split(' '),
);

/** The owner of an entry, in the shapes teams write them. */
function findOwner(work: string, roster: Roster): FoundOwner | null {
  const accept = (written: string, strict: boolean) => {
    if (roster.resolve(written).attendee || isGroupName(written)) return true;
    if (!looksLikeName(written)) return false;
    return !strict || !NOT_OWNERS.has(written.split(/\s+/)[0].toLowerCase());
  };

  // `TODO(sara): set up…`, as code comments name an owner: whoever is named, attendee or not.
  const todo = OWNER_TODO.exec(work);
  if (todo) {
    const start = work.indexOf(todo[2], todo[1].length);
    return { written: todo[2], span: { start, end: start + todo[2].length }, cut: { start: todo[1].length, end: todo[0].length } };
  }

  // `@alice & @bob: …`, `@alice/@bob …`: two people sharing the work, as `Mike & Priya:` (a group).
  const handles = HANDLE_PAIR.exec(work);
  if (handles) {
    const start = handles[1].length;
    return { written: handles[2], span: { start, end: start + handles[2].length }, cut: { start, end: handles[0].length } };
  }

  // `@Jonas investigate…`
  const handle = HANDLE_OWNER.exec(work);
  if (handle) {
    const start = handle[1].length;
    const fullName = mentionedAttendee(work, start, handle[2].slice(1), roster);
    if (fullName) return fullName;
    return { written: handle[2], span: { start, end: start + handle[2].length }, cut: { start, end: handle[0].length } };
  }

  // `Mike: Test…`, `**Mike:** Test…`, `**Mike**: Test…` (with a task after it: `Next steps:` alone is the task)
  const colon = OWNER_COLON.exec(work);
  if (colon && accept(colon[2], false)) {
    // A topic, not a person, when the entry closes with an attendee: `Runbook: update it (Leo Park)`.
    const closing = roster.resolve(colon[2]).attendee || isGroupName(colon[2]) ? null : trailingOwner(work, roster);
    if (closing) return closing;
    const start = work.indexOf(colon[2], colon[1].length);
    return { written: colon[2], span: { start, end: start + colon[2].length }, cut: { start: colon[1].length, end: colon[0].length } };
  }

  // `Wei to split…`, `Ana will draft…`, `Sam (owner) -`
  const verb = OWNER_VERB.exec(work);
  if (verb) {
    // Where each word of the name ends, as written (a name wrapped over a CRLF has two blanks in it).
    const ends = [...verb[2].matchAll(/\S+/g)].map((word) => word.index! + word[0].length);
    // The name may be shorter than what the pattern took (`Ana will`): try the longest accepted prefix.
    for (let n = ends.length; n >= 1; n--) {
      const written = verb[2].slice(0, ends[n - 1]);
      const rest = work.slice(verb[1].length + written.length);
      const toDo = TO_DO_AFTER_NAME.exec(rest);
      if (!toDo || !accept(written, true)) continue;
      const start = verb[1].length;
      const cutEnd = start + written.length + toDo[0].length;
      return { written, span: { start, end: start + written.length }, cut: { start, end: cutEnd } };
    }
  }

  // `Mike — migrate the cron jobs`, `Leo → update the status page`: only an attendee (`Docs — update the runbook` is a task),
  // or a full name where the notes list none (`Leo Park - update the runbook`, as Otter writes action items).
  const dash = OWNER_DASH.exec(work);
  if (dash && (roster.resolve(dash[2]).attendee || (!roster.known && /\s/.test(dash[2].trim()) && accept(dash[2], true)))) {
    const start = dash[1].length;
    return { written: dash[2], span: { start, end: start + dash[2].length }, cut: { start, end: dash[0].length } };
  }

  // `Owner: Ana`, `(owner: @ana)`, `assigned to Ana`
  const field = OWNER_FIELD.exec(work);
  if (field && accept(field[2], false)) {
    const start = field.index + field[0].indexOf(field[2], field[1].length);
    return { written: field[2], span: { start, end: start + field[2].length }, cut: { start: field.index, end: field.index + field[0].length } };
  }

  return trailingOwner(work, roster);
}

/** Trailing `(@ana)`, `— @ana`, `(Ana)`, `- Ana` where Ana is an attendee. */
function trailingOwner(work: string, roster: Roster): FoundOwner | null {
  const trailing = OWNER_TRAILING.exec(work);
  if (trailing) {
    const written = trailing[2];
    const words = written.split(/\s+/);
    // Only the last few words can be the name: `Update docs - Ana` → `Ana`.
    for (let n = Math.min(words.length, 3); n >= 1; n--) {
      const candidate = words.slice(-n).join(' ');
      // One word (`ping @mon about it` has no owner), or a mention of an attendee's whole name.
      const isHandle = /^@\S+$/.test(candidate) || (candidate.startsWith('@') && isWholeName(candidate.slice(1), roster));
      const separated = n === words.length ? /[-–—→>(\[]/.test(trailing[1]) : false;
      // Set off by a bracket or a dash: an attendee, or a full name where the notes list none
      // (`(Alice Smith)`, as meeting recaps write their follow-up tasks).
      const named = separated && roster.namesPerson(candidate);
      if (!isHandle && !named) continue;
      const start = trailing.index + trailing[0].lastIndexOf(candidate);
      const cutStart = n === words.length ? trailing.index : start;
      return { written: candidate, span: { start, end: start + candidate.length }, cut: { start: cutStart, end: work.trimEnd().length } };
    }
  }
  return null;
}
