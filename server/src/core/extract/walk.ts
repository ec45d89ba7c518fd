import { dueIsLabelled } from '../dates/findDue';
import { memoSettings } from '../memo';
import { type EntryLayout, type EntryStyle, OWNER_COLON_FORM, type Section, type SectionKind, type Span, type Statement, type TableColumns } from '../model';
import type { ItemUnit, TableUnit, TextLine, Unit } from '../parse/blocks';
import { LINE_BOX, LINE_BULLET, boxIsChecked, opensListLine } from '../text/checkbox';
import { detached, flattenLines, plainText } from '../text/plain';
import { type EntryContext, type ParsedEntry, opensWithTaskMarker, parseEntryText, statusCellSaysDone } from './entry';
import { bareHeaderLineKind, headerKind, headerLineKind, isMetadataLine, isPartTitle, listOwner, startsList } from './headers';
import type { MeetingRegion } from './meetings';
import { type Roster, looksLikeName } from './people';
import { type Field, fieldsOfLine, headingStyleOf, readFieldLine } from './fields';
import { notedPromise, notedReport } from './noted';
import { remarksBefore } from './remarks';
import { type StatementHead, captionSpeakerHead, captionVoice, readStatementHead } from './statement';

/** A summary entry before linking: where it is, what it says, how it is laid out. */
export interface EntryDraft {
  kind: SectionKind;
  /** Null for task-list items and action tables outside any named section. */
  section: Section | null;
  parsed: ParsedEntry;
  layout: EntryLayout;
}

export interface MeetingContent {
  sections: Section[];
  entries: EntryDraft[];
  statements: Statement[];
  /** Where the walk could start afresh and read the rest the same (see `WalkMarks`). */
  marks: WalkMarks;
  /** Speakers the roster learnt (named in speech, not attendees), with the unit where it learnt each. */
  learnt: Array<{ unit: number; name: string }>;
  /** Whether the walk stopped inside a section, or a person's part, that goes on after its last unit (a walk of part of a meeting must not, unless it resumed that section). */
  endedInSection: boolean;
  /**
   * For a walk to the meeting's end: whether a section (or a person's part) was still open there.
   * Its last mark then closes it, and a walk of units appended after it must not start there.
   */
  openAtEnd?: boolean;
  /** For a walk that resumed a section: whether it ended in that section, at a mark between two of its list items (its entries are then the section's entries it read). */
  endsInResumed?: boolean;
}

/**
 * The units before which the walk held nothing over (no section open, no statement that the unit
 * could continue), with how many statements, entries and sections came before each: a walk of the
 * units from one mark to another gives exactly the content between them. Inside a section whose
 * entries are a list, the items of the list are marked too (`inner`: the open section's state; its
 * entries before the mark are counted as if it were closed): a walk resumed there gives that
 * section's entries between two items, the section's style to be worked out again from all of them.
 */
export interface WalkMarks {
  // Typed arrays: a long transcript has thousands of marks, joined again at every keystroke
  // (their contents lie outside the engine's young generation, which they no longer fill).
  units: Int32Array;
  statements: Int32Array;
  entries: Int32Array;
  sections: Int32Array;
  /** Null for a mark outside any section. */
  inner: Array<InnerMark | null>;
}

/** How a section was opened: what a walk resumed in it needs besides the section (the last one counted at the mark). */
export interface InnerMark {
  via: 'heading' | 'line';
  depth: number;
  headerBlock: number;
}

/** A section to resume a walk in, at one of its inner marks. */
export interface ResumedSection extends InnerMark {
  section: Section;
}

/** A person as written where their name is (a heading, a line of its own, a list item). */
type WrittenPerson = { written: string; span: Span };

interface OpenSection extends InnerMark {
  section: Section;
  sawList: boolean;
  /** The section's plain lines, each with the person whose part it is in (under `**Maya Chen**`). */
  lines: Array<{ line: TextLine; voice: WrittenPerson | null }>;
  entries: EntryDraft[];
}

/**
 * Reads the sections, entries and statements of one meeting from its units (or of the units
 * `from`–`to` of it; with `resume`, starting inside that section, at one of its inner marks).
 */
export function walkMeeting(units: Unit[], region: MeetingRegion, text: string, from = region.units[0], to = region.units[1], resume?: ResumedSection): MeetingContent {
  const { meeting, roster } = region;
  const ctx = (kind: SectionKind): EntryContext => ({ meetingDate: meeting.date, roster, withOwner: kind !== 'decisions' });
  const marks = { units: [] as number[], statements: [] as number[], entries: [] as number[], sections: [] as number[], inner: [] as WalkMarks['inner'] };
  const content: MeetingContent = { sections: [], entries: [], statements: [], marks: NO_MARKS, learnt: [], endedInSection: false };
  const done = () => {
    content.marks = {
      units: Int32Array.from(marks.units),
      statements: Int32Array.from(marks.statements),
      entries: Int32Array.from(marks.entries),
      sections: Int32Array.from(marks.sections),
      inner: marks.inner,
    };
    return content;
  };
  let open: OpenSection | null = resume ? { ...resume, sawList: true, lines: [], entries: [] } : null;
  let statement: { value: Statement; block: number } | null = null;
  /** The person a heading names (`## Alice`, a standup written per person): who says the lines under it that name no speaker. */
  let voice: WrittenPerson | null = null;
  /** A list item that is only a person's name, the items nested in it their entries (`- Mike` then `  - update the RFC`). */
  let group: { written: string; span: Span; depth: number; end: number } | null = null;
  /** The list entry whose nested items may be its fields (`- Owner: Raj`, `- Due: Friday`). */
  let fieldsOf: { entry: EntryDraft; depth: number; end: number } | null = null;
  /** An entry written as a heading in a section, while the lines of fields right under it are read (`### Migrate…` then `- **Owner:** Maya`). */
  let taskHeading: EntryDraft | null = null;

  const close = () => {
    if (!open) return;
    const section = open.section;
    if (!open.sawList) {
      // A section written as plain lines, one entry each; `We agreed:` style intro lines are not
      // entries, nor lines without a word (`|------|-`, a broken table's rule), nor a bullet
      // indented under another one (a detail of that entry, as nested bullets are in a list).
      let bulletIndent = -1;
      for (const { line, voice: person } of open.lines) {
        if (/:\s*$/.test(line.text) || !/[\p{L}\p{N}]/u.test(plainText(line.text))) continue;
        if (LINE_BULLET.test(line.text)) {
          const indent = indentationOf(line, text);
          if (bulletIndent >= 0 && indent > bulletIndent && !LINE_BOX.test(line.text.replace(LINE_BULLET, ''))) continue;
          bulletIndent = indent;
        } else bulletIndent = -1;
        const entry = lineEntry(line, section, ctx(section.kind), text);
        if (!entry) continue;
        if (person && section.kind !== 'decisions') ownedBy(entry, person);
        open.entries.push(entry);
      }
    }
    finishSection(section, open.entries, text);
    for (const entry of open.entries) content.entries.push(entry); // not as arguments: a section may have 200,000
    open = null;
  };

  const start = (kind: SectionKind, title: string, headerSpan: Span, via: OpenSection['via'], depth: number, block: number) => {
    close();
    const section: Section = {
      kind,
      meeting: meeting.index,
      title: withoutTrailingColon(plainText(title)),
      headerSpan,
      depth: via === 'heading' ? depth : null,
      insertAt: headerSpan.end,
      entryStyle: defaultStyle(kind),
    };
    content.sections.push(section);
    open = { section, via, depth, headerBlock: block, sawList: false, lines: [], entries: [] };
  };

  /** The speaker of each statement as written in its line (what the roster resolves), by the statement's index. */
  const writtenSpeakers: Array<string | null> = [];
  /** Whether the paragraph being read changed anything but the statements (the roster, a section): then it is not remembered. */
  let sideEffects = false;
  /** Starts a statement at `line` when it is one: the statement, or null. */
  const addStatement = (line: TextLine, block: number, captionTime: string | null = null): Statement | null => {
    const head: (StatementHead & { speakerAt?: Span }) | null =
      captionHead(line, text) ??
      readStatementHead(line.text, roster) ??
      (captionTime !== null ? captionSpeakerHead(line.text) : null) ??
      voicedHead(line) ??
      (captionTime === null ? notedHead(line, block) : null); // a caption's words are speech, not notes
    // In a summary section `Priya: book the room` is an entry; only a timestamped line is speech.
    if (!head || (open && !head.time)) return null;
    const speaker = head.speaker
      ? roster.ref(head.speaker.written, head.speakerAt ? { ...head.speakerAt } : { start: line.start + head.speaker.start, end: line.start + head.speaker.end })
      : null;
    if (speaker && !speaker.attendee && speaker.written.includes(' ')) {
      if (roster.addSpeaker(speaker.written)) content.learnt.push({ unit: unitIndex, name: speaker.written });
      sideEffects = true;
    }
    writtenSpeakers[content.statements.length] = head.speaker?.written ?? null;
    const textStart = line.start + head.textStart;
    const value: Statement = {
      meeting: meeting.index,
      time: head.time ?? captionTime,
      speaker,
      text: detached(lineWords(line, textStart)),
      span: { start: line.start, end: line.end },
      textStart,
      cues: [],
    };
    content.statements.push(value);
    statement = { value, block };
    return value;
  };

  /** A line under a person's heading that names no speaker of its own is theirs (a line with a word: not `---`). */
  const voicedHead = (line: TextLine) => (voice && !open && /[\p{L}\p{N}]/u.test(line.text) ? spokenAt(voice.written, voice.span) : null);

  /**
   * A line of written notes, not speech, that records someone's promise (`Carol will update the
   * runbook by Friday`: a statement of no speaker, as a `Decision: …` line is) or work they did
   * (`Raj merged the cache fix`: his words from the verb on). Not a line that goes on with a
   * statement above it in the same paragraph.
   */
  const notedHead = (line: TextLine, block: number): StatementHead | null => {
    if (open || statement?.block === block) return null;
    if (notedPromise(line.text, roster)) return { time: null, speaker: null, textStart: line.text.length - line.text.trimStart().length };
    const report = notedReport(line.text, roster);
    return report && { time: null, speaker: { written: report.written, start: report.start, end: report.start + report.written.length }, textStart: report.textStart };
  };

  /** Under a person's heading or line (`### Alice`: action items grouped by owner, a standup), an entry naming no owner is theirs. */
  const ownedByVoice = (entry: EntryDraft) => {
    if (voice) ownedBy(entry, voice);
  };
  /** A person's line of their own (`**Alice**`, `Alice:`): what follows is theirs; whether it was one. */
  const startsPersonPart = (line: TextLine): boolean => {
    const person = personLine(line, roster);
    if (!person) return false;
    statement = null;
    voice = person;
    const current = open as OpenSection | null;
    if (current?.via === 'line' && current.sawList) close(); // as any prose after a header line's list
    return true;
  };
  /** A bold name of no one known (`**Carla**`) while a person's part is read. */
  const endsPersonPart = (line: TextLine): boolean => voice !== null && BOLD_NAME.test(line.text) && looksLikeName(line.text);
  /** Reads a unit of fields under a heading's entry into it; false when the unit is not only fields. */
  const readFieldsOf = (entry: EntryDraft, unit: Unit): boolean => {
    const lines = fieldLines(unit);
    if (!lines) return false;
    for (const { line, fields } of lines) readFieldLine(entry, line, fields, ctx(entry.kind));
    entry.layout.after = unit.type === 'item' ? unit.end : lines[lines.length - 1].line.end;
    return true;
  };
  /** The same for an item nested in a person's item (`- Mike` / `  - ping legal`); whether it was in one. */
  const ownedByGroup = (entry: EntryDraft): boolean => {
    if (!group || !(entry.layout.span.start > group.span.end && entry.layout.span.start < group.end)) return false;
    ownedBy(entry, group);
    return true;
  };

  const mark = (at: number, inner: OpenSection | null) => {
    marks.units.push(at);
    marks.statements.push(content.statements.length);
    marks.entries.push(content.entries.length + (inner ? inner.entries.length : 0));
    marks.sections.push(content.sections.length);
    marks.inner.push(inner && { via: inner.via, depth: inner.depth, headerBlock: inner.headerBlock });
  };
  /** The section open before unit `i` when `i` is a list item after another of the same list, its entries a list: an inner mark. */
  const innerAt = (i: number): OpenSection | null => {
    const current = open as OpenSection | null;
    const unit = units[i];
    const previous = units[i - 1];
    if (!current?.sawList || statement !== null || voice !== null || group !== null || taskHeading !== null || unit?.type !== 'item' || previous?.type !== 'item') return null;
    // Never between an entry and the fields under it (`- Owner: Raj`): they are read with the entry.
    if (unit.depth > 0 && !unit.checkbox) return null;
    return previous.list === unit.list ? current : null;
  };

  let unitIndex = from;
  for (let i = from; i < to; i++) {
    const unit = units[i];
    unitIndex = i;
    if ((open as OpenSection | null) === null && voice === null && group === null && (statement as { block: number } | null)?.block !== unit.block && (i === from || units[i - 1].block !== unit.block)) {
      mark(i, null);
    } else {
      const inner = innerAt(i);
      if (inner) mark(i, inner);
    }
    if (unit.type !== 'item') fieldsOf = null;
    if (taskHeading && !readFieldsOf(taskHeading, unit)) taskHeading = null;
    if (taskHeading) continue;
    if (group && (unit.type !== 'item' || unit.depth <= group.depth || unit.span.start >= group.end)) group = null;
    switch (unit.type) {
      case 'heading': {
        statement = null;
        const kind = headerKind(unit.content.text);
        // A section's heading may say whose work it lists (`## Maya's items`); any other may name a person.
        voice = unit.depth < 2 ? null : kind ? (kind === 'actions' ? listOwnerOf(unit.content, roster) : null) : personHeading(unit.content, roster);
        const current = open as OpenSection | null;
        if (kind && kind !== 'attendees') start(kind, unit.content.text, { ...unit.span }, 'heading', unit.depth, unit.block);
        else if (!(current?.via === 'heading' && unit.depth > current.depth)) close(); // a sub-heading stays inside
        else if (!kind && !voice && current.section.kind !== 'decisions' && namesWork(units, i + 1)) {
          // A sub-heading with lines of fields right under it, an owner or a due date among them, is an entry of its own (`### Migrate…`, `- Owner: Maya`).
          const entry = lineEntry(unit.content, current.section, ctx(current.section.kind), text);
          if (entry) {
            current.sawList = true;
            current.entries.push(entry);
            taskHeading = entry;
          }
        }
        break;
      }
      case 'paragraph': {
        // `**Alice**` or `Alice:` alone on a line, her standup under it: a person's part, as under `## Alice`.
        if (unit.lines.length === 1 && startsPersonPart(unit.lines[0])) break;
        // A bold name of no one known (`**Carla**`) starts a part that is not the last person's.
        if (unit.lines.length === 1 && endsPersonPart(unit.lines[0])) voice = null;
        const listNext = startsList(unit, units[i + 1]);
        // Of those, a paragraph of lines opened by a box or a bullet rather than a list or a table.
        const linesNext = listNext && units[i + 1]?.type === 'paragraph';
        // Outside any section, a paragraph of speech reads the same wherever it is: remembered by the unit.
        const plain: boolean = (open as OpenSection | null) === null && voice === null && ((statement as { block: number } | null)?.block ?? -1) !== unit.block;
        const remember = plain && memoSettings.enabled;
        const known: SpeechReading | undefined = remember ? speech.get(unit) : undefined;
        if (known && known.roster === roster.key && known.meeting === meeting.index && known.listNext === listNext) {
          const d = (unit.lines[0]?.start ?? 0) - known.at;
          let last: Statement | null = null;
          known.statements.forEach((s, k) => {
            writtenSpeakers[content.statements.length] = known.speakers[k];
            content.statements.push((last = rememberedStatement(s, d, known.speakers[k], roster)));
          });
          if (last) statement = { value: last, block: unit.block };
          break;
        }
        const first = content.statements.length;
        sideEffects = false;
        /** The time of a caption's timing line (`00:01:05.000 --> …`), for the words under it. */
        let captionTime: string | null = null;
        unit.lines.forEach((line, index) => {
          const timing = CAPTION_TIMING.exec(line.text);
          const timeAbove = captionTime;
          captionTime = timing && timing[1];
          if (timing) {
            statement = null; // a caption's words end at the next caption
            return;
          }
          // A section's name alone on its line, without a colon, when a list or lines opened by a box or a bullet follow (`Suggested next steps`, as Google Meet writes them).
          // Not within a section of plain lines: there, marking the line below complete (which writes its
          // box) would turn this entry into a header.
          const plainSection = open !== null && !(open as OpenSection).sawList;
          const linesBelow = linesNext || (index + 1 < unit.lines.length && opensListLine(unit.lines[index + 1].text));
          const kind = (listNext && !linesNext) || (linesBelow && !plainSection) ? bareHeaderLineKind(line.text) : headerLineKind(line.text);
          if (kind) {
            sideEffects = true;
            statement = null;
            if (kind === 'attendees') close();
            else start(kind, line.text, { start: line.start, end: line.end }, 'line', 0, unit.block);
            return;
          }
          if (isMetadataLine(line.text)) return;
          const current = open as OpenSection | null;
          if (current?.via === 'line' && unit.lines.length === 1 && isPartTitle(line.text)) {
            // `Transcript` on its own line after a section of plain lines: another part of the notes.
            sideEffects = true;
            close();
            return;
          }
          if (unit.lines.length > 1) {
            // A person's line among others (`**Maya Chen**`, her action items on the lines under it, as Fireflies writes them).
            if (startsPersonPart(line)) {
              sideEffects = true;
              return;
            }
            if (endsPersonPart(line)) {
              // A bold name of no one known (`**Carla**`) among them: what follows is not the last person's.
              sideEffects = true;
              statement = null;
              voice = null;
              return;
            }
          }
          if (addStatement(line, unit.block, timeAbove)) {
            if (current?.via === 'line') close();
            return;
          }
          if (statement && statement.block === unit.block && index > 0) {
            extendStatement(statement.value, line, text);
            return;
          }
          if (!current) return;
          if (current.via === 'line' && unit.block !== current.headerBlock && current.sawList) {
            close(); // prose after a header line's list ends that section
            return;
          }
          current.lines.push({ line, voice });
        });
        if (remember && !sideEffects && (open as OpenSection | null) === null) {
          const statements = content.statements.slice(first).map((s) => rememberedStatement(s, 0, null, null));
          speech.set(unit, { roster: roster.key, meeting: meeting.index, listNext, at: unit.lines[0]?.start ?? 0, statements, speakers: writtenSpeakers.slice(first) });
        }
        break;
      }
      case 'item': {
        statement = null;
        const current = open as OpenSection | null;
        // `- Mike` with items nested in it: his list of work, not an entry.
        const person = unit.depth === 0 && !unit.checkbox && unit.end > unit.span.end && current?.section.kind !== 'decisions' ? personItem(unit, roster) : null;
        if (person) {
          group = { ...person, depth: unit.depth, end: unit.end };
          fieldsOf = null;
          if (current) current.sawList = true;
          break;
        }
        const inGroup = group !== null && unit.depth === group.depth + 1;
        if (current) {
          if (unit.depth === 0 || unit.checkbox || inGroup) {
            current.sawList = true;
            // A bullet of fields alone (`- Status: on track`, `- Due: Friday`) names no work.
            if (!unit.checkbox && fieldLines(unit)) {
              fieldsOf = null;
              break;
            }
            const entry = listEntry(unit, units, text, current.section, ctx(current.section.kind));
            if (current.section.kind !== 'decisions') ownedByGroup(entry) || ownedByVoice(entry);
            current.entries.push(entry);
            fieldsOf = { entry, depth: unit.depth, end: unit.end };
          } else if (fieldsOf && unit.depth === fieldsOf.depth + 1 && unit.span.start < fieldsOf.end) {
            readDetailField(fieldsOf.entry, unit, ctx(current.section.kind));
          }
        } else if (unit.checkbox || opensWithTaskMarker(unit.lines[0]?.text ?? '')) {
          // A task-list item anywhere is an action item, even without an ACTION ITEMS heading; so
          // is an outliner's `TODO …`.
          const entry = listEntry(unit, units, text, null, ctx('actions'));
          ownedByGroup(entry) || ownedByVoice(entry);
          content.entries.push(entry);
        } else {
          // A transcript written as a list, or notes of what was said: the item's paragraph is one statement.
          const said = addStatement(unit.lines[0], unit.block);
          for (let k = 1; said && k < unit.lines.length; k++) extendStatement(said, unit.lines[k], text);
        }
        break;
      }
      case 'table': {
        statement = null;
        const current = open as OpenSection | null;
        const columns = tableColumns(unit);
        if (current) {
          current.sawList = true;
          for (const row of unit.rows) current.entries.push(tableEntry(row, columns, current.section, ctx(current.section.kind)));
        } else if (isActionTable(unit, columns)) {
          for (const row of unit.rows) content.entries.push(tableEntry(row, columns, null, ctx('actions')));
        }
        break;
      }
      case 'break':
        statement = null;
        if ((open as OpenSection | null)?.via === 'line') close();
        break;
    }
  }
  // A section still open at the meeting's end ends with it; one open before that goes on after `to`.
  // So does a person's part (`## Alice`): what follows `to` is still theirs.
  const heldOver = open !== null || voice !== null || group !== null;
  content.endedInSection = heldOver && to < region.units[1];
  if (to === region.units[1]) content.openAtEnd = heldOver;
  if (resume) {
    // Resumed in a section: it must still be open at `to`, an inner mark, its entries read being the walk's.
    const inner = content.endedInSection && (open as OpenSection | null)?.section === resume.section ? innerAt(to) : null;
    content.endsInResumed = inner !== null;
    if (inner) {
      mark(to, inner);
      for (const entry of inner.entries) content.entries.push(entry);
    }
    return done();
  }
  close();
  if (!content.endedInSection) mark(to, null);
  return done();
}

const NO_MARKS: WalkMarks = { units: new Int32Array(0), statements: new Int32Array(0), entries: new Int32Array(0), sections: new Int32Array(0), inner: [] };

/** Where a section's next entry goes and how its entries are written, from all of them (a section without entries keeps its defaults). */
export function finishSection(section: Section, entries: EntryDraft[], text: string): void {
  const last = entries[entries.length - 1];
  if (!last) return;
  section.insertAt = last.layout.after;
  section.entryStyle = styleOf(entries, text, section.kind);
  for (const entry of entries) {
    entry.layout.dueStyle = section.entryStyle.dueStyle;
    entry.layout.ownerForm = section.entryStyle.ownerForm;
  }
}

/** What a paragraph of speech was read under (the attendees, the meeting, a list right after it), where it was, and what it gave. */
interface SpeechReading {
  roster: string;
  meeting: number;
  listNext: boolean;
  at: number;
  statements: Statement[];
  /** Each statement's speaker as written. */
  speakers: Array<string | null>;
}
/** The statements a paragraph of speech gave, by its unit (units are kept from one version of a document to the next). */
const speech = new WeakMap<Unit, SpeechReading>();

/**
 * A copy of a remembered statement `d` characters further on, without cues, its speaker resolved
 * again by `roster` (the attendees are new objects in every reading); with no roster, the speaker is
 * copied as it is. (A patched reading moves statements with their cues: `moved.ts`.)
 */
function rememberedStatement(s: Statement, d: number, written: string | null, roster: Roster | null): Statement {
  let speaker = s.speaker;
  if (speaker) {
    const span = { start: speaker.span.start + d, end: speaker.span.end + d };
    speaker = roster && written !== null ? roster.ref(written, span) : { ...speaker, span };
  }
  return { meeting: s.meeting, time: s.time, speaker, text: s.text, span: { start: s.span.start + d, end: s.span.end + d }, textStart: s.textStart + d, cues: [] };
}

/**
 * The person a heading is only the name of (`## Alice`, `### Bob Jones:`, `### 👩 Alice`, `## Alice's update`): an attendee, or, where the
 * notes list none, a full name. Where it is written, for the speaker's place.
 */
function personHeading(content: TextLine, roster: Roster): WrittenPerson | null {
  if (content.text.length > PERSON_LINE_MAX) return null; // (its blanks before a colon could be split many ways)
  const name = PERSON_HEADING.exec(content.text);
  return personNamed(name?.[1] ?? name?.[2], content, roster);
}

/**
 * The person a section heading says its work is for (`## Maya's items`): the words say it is a
 * person, so any name will do (one who is no attendee is then reported as an unknown owner).
 */
function listOwnerOf(content: TextLine, roster: Roster): WrittenPerson | null {
  const written = listOwner(content.text);
  return written && (roster.resolve(written).attendee || looksLikeName(written)) ? placedIn(content, written) : null;
}

/** `## Alice`, `### 👩 Bob Jones:`, `## Alice's update` (her part of a standup). */
const PERSON_HEADING =
  /^(?:\*\*|__)?(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]+\s*)?(?:([\p{L}@][^:*_'’\n]{0,59}?)['’]s?\s+(?:updates?|status|report|notes)|([\p{L}@][^:*_\n]{0,59}?))(?:\s*:)?(?:\*\*|__)?\s*:?\s*$/iu;

/** No line that is only a person's name (at most 60 characters, with its markup and emoji) is longer. */
const PERSON_LINE_MAX = 100;

const BOLD_NAME = /^(\*\*|__|\*|_)[^:*_\n]{1,60}\1\s*$/u;

/** The field lines of each unit, read once: a heading's entry asks whether the units after it name work, then reads them. */
const fieldLinesOf = new WeakMap<Unit, Array<{ line: TextLine; fields: Field[] }> | null>();

function fieldLines(unit: Unit | undefined): Array<{ line: TextLine; fields: Field[] }> | null {
  if (!unit) return null;
  let known = fieldLinesOf.get(unit);
  if (known === undefined) fieldLinesOf.set(unit, (known = readFieldLines(unit)));
  return known;
}

/** The lines of a paragraph or a one-line list item made only of fields (`Owner: Leo · Due: Friday`, `- **Due:** Nov 19`), each with its fields; else null. */
function readFieldLines(unit: Unit): Array<{ line: TextLine; fields: Field[] }> | null {
  if (unit.type !== 'paragraph' && !(unit.type === 'item' && unit.lines.length === 1 && !unit.checkbox)) return null;
  const lines: Array<{ line: TextLine; fields: Field[] }> = [];
  for (const line of unit.lines) {
    const fields = fieldsOfLine(line.text);
    if (!fields) return null;
    lines.push({ line, fields });
  }
  return lines.length ? lines : null;
}

/** Whether the units of fields from `from` on give an owner or a due date (`### Sprint 12` over `- Status: on track` is a heading, no work). */
function namesWork(units: Unit[], from: number): boolean {
  for (let i = from; i < units.length; i++) {
    const lines = fieldLines(units[i]);
    if (!lines) return false;
    if (lines.some(({ fields }) => fields.some((f) => !/^status$/i.test(f.label)))) return true;
  }
  return false;
}

/** The person a list item is only the name of (`- Mike`, `- **Priya Shah:**`), read as a heading is. */
function personItem(unit: ItemUnit, roster: Roster): WrittenPerson | null {
  return unit.lines.length === 1 ? personHeading(unit.lines[0], roster) : null;
}

/** An entry that names no owner is `person`'s (a copy of where the name is written: spans are moved one by one). */
function ownedBy(entry: EntryDraft, person: WrittenPerson): void {
  if (!entry.parsed.owner) entry.parsed.owner = { written: person.written, span: { ...person.span } };
}

/** The same for a line alone in its paragraph: bold (`**Alice**`, `**Alice:**`, `*Alice*`) or closed by a colon (`Alice:`). */
function personLine(line: TextLine, roster: Roster): WrittenPerson | null {
  // Most one-line paragraphs are speech: only a line that ends in a colon or in bold can be a person's.
  if (line.text.length > PERSON_LINE_MAX || !endsInColonOrBold(line.text)) return null;
  // (In single stars too, `*Alice*`: Slack's bold, as standup bots post it.)
  const m = /^(?:(\*\*|__|\*|_)([\p{L}@][^:*_\n]{0,59}?)(?:\s*:)?\1\s*:?|([\p{L}@][^:*_\n]{0,59}?)\s*:)\s*$/u.exec(line.text);
  return personNamed(m?.[2] ?? m?.[3], line, roster);
}

function endsInColonOrBold(text: string): boolean {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  const last = text.charCodeAt(end - 1);
  return last === 58 || last === 42 || last === 95; // `:`, `*`, `_`
}

/** `name` where it is written in `content`, if it names an attendee (or, where the notes list none, is a full name). */
function personNamed(name: string | undefined, content: TextLine, roster: Roster): WrittenPerson | null {
  const written = name?.trim();
  if (!written) return null;
  if (!roster.namesPerson(written)) return null;
  return placedIn(content, written);
}

/** A name with where it is written in `content`. */
function placedIn(content: TextLine, written: string): WrittenPerson {
  const start = content.start + content.text.indexOf(written);
  return { written, span: { start, end: start + written.length } };
}

/** The head of a line whose speaker is written elsewhere (a person's heading) or was blanked (a caption's voice): at `span`. */
function spokenAt(written: string, span: Span): StatementHead & { speakerAt: Span } {
  return { time: null, speaker: { written, start: 0, end: 0 }, textStart: 0, speakerAt: span };
}

/** A line opened by a caption's voice (`<v Ana Souza>…`), read from the line as written: its reading blanked the tag (and took it for indentation). */
function captionHead(line: TextLine, text: string): (StatementHead & { speakerAt: Span }) | null {
  let start = line.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  while (start < line.start && (text[start] === ' ' || text[start] === '\t')) start++;
  if (!text.startsWith('<v', start)) return null;
  const voice = captionVoice(text.slice(start, line.end));
  if (!voice) return null;
  // A tag that is no HTML to markdown (`<v.loud Ana>`, `<v José>`) was not blanked: the words start after it.
  return { ...spokenAt(voice.written, { start: start + voice.start, end: start + voice.end }), textStart: Math.max(0, start + voice.textStart - line.start) };
}

/** `00:01:05.000 --> 00:01:09.500`: a caption's timing line (WebVTT, SRT), its start the time of the words under it. */
const CAPTION_TIMING = /^((?:\d{1,2}:)?\d{2}:\d{2})[.,]\d{1,3}[ \t]+-->/;

function extendStatement(statement: Statement, line: TextLine, text: string): void {
  const gap = flattenLines(text.slice(statement.span.end, line.start));
  statement.span = { start: statement.span.start, end: line.end };
  // A head alone on its line (`Ana Souza  0:05`): the words start on this one.
  if (!statement.text.trim()) {
    statement.textStart = line.start;
    statement.text = detached(lineWords(line, line.start));
  } else statement.text = detached(statement.text + gap + lineWords(line, line.start));
}

/**
 * The words of a line from offset `from` on as its reader left them: inline HTML blanked (an HTML
 * comment in speech says nothing), offsets kept (a line's text spans `start` to `end`).
 */
function lineWords(line: TextLine, from: number): string {
  return line.text.slice(from - line.start);
}

function kindOfSection(section: Section | null, fallback: SectionKind): SectionKind {
  return section?.kind ?? fallback;
}

function listEntry(unit: ItemUnit, units: Unit[], text: string, section: Section | null, ctx: EntryContext): EntryDraft {
  const first = unit.lines[0];
  const last = unit.lines[unit.lines.length - 1];
  const source = unit.lines.length === 1 ? first.text : joinItemLines(unit);
  const parsed = parseEntryText(source, first.start, ctx);
  if (unit.checkbox?.checked) parsed.done = true; // `- [x] task` with no done date is done too
  const inTaskList = checkboxesPerList(units).get(unit.list)! - (unit.checkbox ? 1 : 0) > 0;
  return {
    kind: kindOfSection(section, 'actions'),
    section,
    parsed,
    layout: {
      shape: 'list',
      span: { start: unit.marker.start, end: last.end },
      after: Math.max(last.end, trimEndOffset(text, unit.end)),
      boxAt: first.start,
      checkbox: unit.checkbox ? { start: unit.checkbox.span.start, end: first.start } : null,
      doneAt: last.start + last.text.trimEnd().length,
      doneMarker: parsed.doneMarker,
      strike: parsed.strike,
      statusText: parsed.statusText,
      ...(parsed.statusIsMarker ? { statusIsMarker: true as const } : {}),
      ownerAt: parsed.taskStart,
      dueAt: parsed.contentEnd,
      inTaskList,
      ...(section === null && unit.checkbox ? { boxMakesEntry: true } : {}),
      dueStyle: 'due-field',
      ownerForm: OWNER_COLON_FORM,
    },
  };
}

/**
 * Gives an entry the owner, due date or status written as a bullet under it (`- Owner: Raj`,
 * `- **Due:** Friday`, `- Status: done`), where the entry has none of its own. Completing and
 * reopening such an entry rewrite its Status field.
 */
function readDetailField(entry: EntryDraft, unit: ItemUnit, ctx: EntryContext): void {
  if (unit.lines.length !== 1 || entry.layout.shape !== 'list') return;
  const fields = fieldsOfLine(unit.lines[0].text);
  if (fields) readFieldLine(entry, unit.lines[0], fields, ctx);
}

const checkboxCounts = new WeakMap<Unit[], Map<number, number>>();

/** How many items of each list have a checkbox (counted once per document, not once per item). */
function checkboxesPerList(units: Unit[]): Map<number, number> {
  let counts = checkboxCounts.get(units);
  if (!counts) {
    counts = new Map();
    for (const u of units) if (u.type === 'item') counts.set(u.list, (counts.get(u.list) ?? 0) + (u.checkbox ? 1 : 0));
    checkboxCounts.set(units, counts);
  }
  return counts;
}

/** The text of a multi-line item, line breaks and indentation as spaces so offsets map 1:1. */
function joinItemLines(unit: ItemUnit): string {
  let result = unit.lines[0].text;
  let at = unit.lines[0].end;
  for (const line of unit.lines.slice(1)) {
    result += ' '.repeat(line.start - at) + line.text;
    at = line.end;
  }
  return result;
}

/** How far a line is indented in the text (its `start` is after the indentation). */
function indentationOf(line: TextLine, text: string): number {
  let at = line.start;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return line.start - at;
}

/** A plain line's entry (`Mike to send the notes`, in a section without a list), read after the remarks opening it; null for a line of remarks only (`Thanks everyone!`) in a section of work, unless it has a box. */
function lineEntry(line: TextLine, section: Section, ctx: EntryContext, text: string): EntryDraft | null {
  // `• [ ] Maya: …`: a bullet, then a box.
  const bullet = LINE_BULLET.exec(line.text)?.[0].length ?? 0;
  const box = LINE_BOX.exec(line.text.slice(bullet));
  const offset = bullet + (box ? box[0].length : 0);
  const boxStart = line.start + bullet;
  // The box with the blanks after it as written: blanked inline HTML there (`[x] <v Ana>…`) is no blank to remove.
  let boxEnd = boxStart + (box ? box[0].trimEnd().length : 0);
  while (box && boxEnd < line.start + offset && (text[boxEnd] === ' ' || text[boxEnd] === '\t')) boxEnd++;
  const written = line.text.slice(offset);
  let remarks = section.kind === 'decisions' ? 0 : remarksBefore(written, line.start + offset, ctx);
  if (remarks === written.length) {
    if (!box) return null;
    remarks = 0; // a box makes a line of remarks an entry (`[ ] Thanks card for Wei`), and one marked complete stays the same entry
  }
  const parsed = parseEntryText(written.slice(remarks), line.start + offset + remarks, ctx);
  if (box && boxIsChecked(box[0])) parsed.done = true;
  return {
    kind: section.kind,
    section,
    parsed,
    layout: {
      shape: 'line',
      span: { start: line.start, end: line.end },
      after: line.end,
      boxAt: line.start + offset,
      checkbox: box ? { start: boxStart, end: boxEnd } : null,
      doneAt: line.start + line.text.trimEnd().length,
      doneMarker: parsed.doneMarker,
      strike: parsed.strike,
      statusText: parsed.statusText,
      ...(parsed.statusIsMarker ? { statusIsMarker: true as const } : {}),
      ownerAt: parsed.taskStart,
      dueAt: parsed.contentEnd,
      inTaskList: false,
      dueStyle: 'due-field',
      ownerForm: OWNER_COLON_FORM,
    },
  };
}

const COLUMN_NAMES: Array<[keyof Omit<TableColumns, 'count'>, RegExp]> = [
  ['owner', /^(?:owners?|who|assignee|assigned\s+to|responsible|person|dri|name)$/],
  ['due', /^(?:due|due\s+date|when|deadline|date|by|by\s+when|target(?:\s+date)?|eta)$/],
  ['status', /^(?:status|state|done|complete|completed|finished|progress|✅|✔️?|☑️?|✓)$/],
  ['task', /^(?:tasks?|actions?|action\s+items?|items?|what|description|todo|to\s+do|title|follow[\s-]?ups?|decisions?|commitments?|details?)$/],
];

// A task column named for work to do (not `Item`, `Topic`, `Notes`).
const TASK_HEADER = /^(?:tasks?|actions?|action\s+items?|todo|to\s+do|follow[\s-]?ups?)$/;

/**
 * Whether a table outside any summary section lists action items: it has a task column and a due
 * or status column, or an owner column beside a task column named for work (`Task`, `Action`). A
 * meeting's agenda (`| Time | Item | Who | Notes |`) names who leads each topic, not who owes what.
 */
function isActionTable(unit: TableUnit, columns: TableColumns): boolean {
  if (columns.task === null) return false;
  if (columns.due !== null || columns.status !== null) return true;
  return columns.owner !== null && TASK_HEADER.test(headerName(unit.header[columns.task]?.text ?? ''));
}

function headerName(cell: string): string {
  return plainText(cell).toLowerCase().replace(/[:#*?]/g, '').trim(); // `Done?` is a Done column
}

export function tableColumns(unit: TableUnit): TableColumns {
  const columns: TableColumns = { count: unit.header.length, owner: null, task: null, due: null, status: null };
  unit.header.forEach((cell, index) => {
    const name = headerName(cell.text);
    for (const [role, pattern] of COLUMN_NAMES) {
      if (columns[role] === null && pattern.test(name)) {
        columns[role] = index;
        return;
      }
    }
  });
  if (columns.task === null) {
    const free = unit.header.findIndex((_, i) => i !== columns.owner && i !== columns.due && i !== columns.status);
    columns.task = free >= 0 ? free : null;
  }
  return columns;
}

const NO_ONE_CELL = /^\s*(?:[-–—?.\s]*|n\/?a|tbd|tbc|tba|none|nobody|no one|unassigned)\s*$/iu;

function tableEntry(row: TableUnit['rows'][number], columns: TableColumns, section: Section | null, ctx: EntryContext): EntryDraft {
  const cell = (index: number | null): TextLine | null => (index === null ? null : row.cells[index] ?? null);
  const taskCell = cell(columns.task) ?? { start: row.span.start, end: row.span.start, text: '' };
  const box = /^\[([ xX])\]\s*/.exec(taskCell.text);
  const taskOffset = box ? box[0].length : 0;
  const parsed = parseEntryText(taskCell.text.slice(taskOffset), taskCell.start + taskOffset, ctx);
  if (box && /[xX]/.test(box[1])) parsed.done = true;

  const ownerCell = cell(columns.owner);
  // A cell that only holds its place (`—`, `n/a`, `TBD`) names nobody.
  if (ownerCell && !NO_ONE_CELL.test(plainText(ownerCell.text)) && ctx.withOwner) {
    parsed.owner = { written: plainText(ownerCell.text), span: { start: ownerCell.start, end: ownerCell.end } };
  }
  const dueCell = cell(columns.due);
  if (dueCell && plainText(dueCell.text) && ctx.withOwner) {
    const dueParsed = parseEntryText(`Due: ${dueCell.text}`, dueCell.start - 5, ctx);
    if (dueParsed.due) parsed.due = dueParsed.due;
    if (dueParsed.done) parsed.done = true;
    if (dueParsed.doneMarker) {
      parsed.doneMarker = dueParsed.doneMarker;
      parsed.doneDate = dueParsed.doneDate;
    }
  }
  const statusCell = cell(columns.status);
  let statusText = parsed.statusText;
  if (statusCell) {
    statusText = { start: statusCell.start, end: statusCell.end };
    const status = plainText(statusCell.text);
    if (statusCellSaysDone(status)) parsed.done = true;
    const date = /✅\s*(\d{4}-\d{2}-\d{2})/u.exec(status);
    if (date) parsed.doneDate = date[1];
  }
  return {
    kind: kindOfSection(section, 'actions'),
    section,
    parsed: { ...parsed, statusText },
    layout: {
      shape: 'table',
      span: { ...row.span },
      after: row.span.end,
      boxAt: taskCell.start,
      checkbox: box ? { start: taskCell.start, end: taskCell.start + taskOffset } : null,
      doneAt: taskCell.end,
      doneMarker: parsed.doneMarker,
      strike: parsed.strike,
      statusText,
      ownerAt: ownerCell ? ownerCell.start : parsed.taskStart,
      dueAt: dueCell ? dueCell.start : parsed.contentEnd,
      inTaskList: false,
      dueStyle: columns.due !== null ? 'column' : 'due-field',
      ownerForm: OWNER_COLON_FORM,
      table: { columns, cells: row.cells.map((c) => ({ start: c.start, end: c.end })) },
    },
  };
}

/** How a new entry is written in a section of that kind that has none yet: `- Owner: task - Due: date`. */
export function defaultStyle(kind: SectionKind): EntryStyle {
  return { marker: 'bullet', bullet: '-', indent: '', nextNumber: 1, checkbox: false, openBox: '[ ]', dueStyle: kind === 'commitments' ? 'by' : 'due-field', ownerForm: OWNER_COLON_FORM };
}

/** How the section's existing entries are written, so that a new one looks like its neighbours. */
function styleOf(entries: EntryDraft[], text: string, kind: SectionKind): EntryStyle {
  const last = entries[entries.length - 1];
  const style = defaultStyle(kind);
  if (last.layout.shape === 'table') return { ...style, marker: 'table', dueStyle: 'column', table: last.layout.table!.columns };
  const heading = last.layout.shape === 'line' ? headingStyleOf(last.layout.span, last.layout.after, text) : null;
  if (heading) {
    style.marker = 'heading';
    style.heading = heading;
  } else if (last.layout.shape === 'line') {
    style.marker = 'line';
    const bullet = LINE_BULLET.exec(text.slice(last.layout.span.start, last.layout.span.end));
    if (bullet) style.lineBullet = bullet[0].trimEnd();
  }
  else {
    const marker = /^([ \t]*)([-*+]|(\d+)([.)]))/.exec(text.slice(last.layout.span.start, last.layout.boxAt))!;
    style.indent = marker[1];
    if (marker[3]) {
      style.marker = 'numbered';
      style.bullet = marker[4];
      style.nextNumber = Number(marker[3]) + 1;
    } else {
      style.bullet = marker[2];
    }
  }
  const boxed = entries.filter((e) => e.layout.checkbox !== null);
  style.checkbox = boxed.length > 0;
  if (boxed.length && text[boxed[boxed.length - 1].layout.checkbox!.start] !== '[') style.openBox = '☐';
  // `Mike: …`, `Mike — …`, `… (Mike)`: as the last entry that writes its owner in its own words.
  for (let i = entries.length - 1; i >= 0; i--) {
    const form = entries[i].parsed.owner?.form;
    if (form) {
      style.ownerForm = { ...form }; // the section's own: a remembered entry's form may be another section's too
      break;
    }
  }
  // `- Due: Friday` or `by Friday`: follow what the existing entries do.
  const dated = entries.filter((e) => e.parsed.due);
  if (dated.length) {
    const labelled = dated.filter((e) => dueIsLabelled(text, e.parsed.due!.span.start));
    style.dueStyle = labelled.length * 2 >= dated.length ? 'due-field' : 'by';
  }
  return style;
}

/** An offset moved back over trailing line breaks and spaces (an item's end may include them). */
function trimEndOffset(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

/** `ACTION ITEMS :` → `ACTION ITEMS` (without a regex that rescans long runs of blanks). */
function withoutTrailingColon(title: string): string {
  const trimmed = title.trimEnd();
  return trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : title;
}
