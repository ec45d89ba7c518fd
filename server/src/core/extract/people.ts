import type { Attendee, PersonRef, Span } from '../model';
import { normalizeName, plainText } from '../text/plain';

/** Words that open a line like a name (`Note: …`, `**Date:**`) but never name a person. */
const NOT_NAMES = new Set(
  (
    'note notes nb fyi date time when where location place agenda topic topics summary context background goal goals ' +
    'outcome outcomes decision decisions decided action actions item items todo to-do next step steps follow-up followup ' +
    'owner owners due deadline status update updates question questions answer risk risks issue issues blocker blockers ' +
    'idea ideas attendees participants present absent regrets facilitator scribe notetaker note-taker host chair ' +
    'phase step option options pro pros con cons problem solution result results reason example warning important ' +
    'edit edited tl;dr tldr re subject meeting recap minutes link links doc docs ps p.s. update summary done open ' +
    'completed closed priority p0 p1 p2 p3 q1 q2 q3 q4 eta cost impact plan proposal recommendation comment comments ' +
    'everyone all team both nobody someone anybody anyone we they you i it this that there here'
  ).split(' '),
);

/** Owners that name a group rather than a person: an owner, but never an unknown one. */
const GROUPS = new Set(['everyone', 'all', 'team', 'the team', 'the whole team', 'group', 'the group', 'both', 'all of us', 'everybody', 'us']);

export function isGroupName(name: string): boolean {
  return GROUPS.has(normalizeName(name)) || isJointName(name);
}

/** `Bob and Carla`, `Ana & Wei`, `Maya/Leo`, `Leo + Sara`, `Maya, Sara` (a table's Owner cell), `@ana & @wei`: people who own the work together (two to four), a group. */
function isJointName(name: string): boolean {
  return jointMembers(name).length > 0;
}

/** The people a joint name names (`Mike & Priya`: `Mike`, `Priya`); none for one person or a group such as `the team`. */
export function jointMembers(name: string): string[] {
  if (!JOINER.test(name)) return []; // most names: asked for every pair of owners compared
  const parts = name.split(JOINER);
  return parts.length >= 2 && parts.length <= 4 && parts.every((part) => looksLikeName(part) || HANDLE_ONLY.test(part)) ? parts : [];
}

/** A handle's name after its `@` (`maya.chen`, `leo-p`). */
export const HANDLE_NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}._\-]*`;
/** What joins the names of people who share work: `&`, `/`, `+`, a comma, `and`. */
export const NAME_JOINER = String.raw`\s*[/+&,]\s*|\s+and\s+`;
const JOINER = new RegExp(NAME_JOINER, 'u');
const HANDLE_ONLY = new RegExp(String.raw`^@${HANDLE_NAME}$`, 'u');
/** Two handles or more, joined as owners are (`@alice & @bob`, `@alice/@bob`). */
const HANDLE_PAIR = new RegExp(String.raw`^@${HANDLE_NAME}(?:${NAME_JOINER})@`, 'u');
/** Each handle of such a list, with what comes before it. */
const HANDLES = new RegExp(String.raw`(^|[\s/+&,])@(${HANDLE_NAME})`, 'gu');

/** Whether a written name could be a person's name (1–4 words, not a label such as `Note`). */
export function looksLikeName(written: string): boolean {
  const name = plainText(written).replace(/^@/, '');
  if (!name || name.length > 60 || /[:;!?"“”]/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 4) return false;
  if (NOT_NAMES.has(name.toLowerCase()) || NOT_NAMES.has(words[0].toLowerCase())) return false;
  // Every word starts with a capital (or a letter of a script without case), digits never.
  return words.every((w) => /^[\p{Lu}\p{Lo}]/u.test(w) || /^(?:van|von|de|da|del|der|den|di|la|le|du|dos|bin|al)$/.test(w));
}

/** `Mike Johnson (Engineering Lead), David Kim, @jonas` → attendees with roles and where each is written. */
export function parseAttendeeList(value: string, base: number): Attendee[] {
  const attendees: Attendee[] = [];
  let depth = 0;
  // Split on commas and semicolons outside parentheses, so roles may contain commas.
  const parts: Array<{ text: string; start: number }> = [];
  let partStart = 0;
  for (let i = 0; i <= value.length; i++) {
    const ch = value[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (i === value.length || ((ch === ',' || ch === ';') && depth === 0)) {
      parts.push({ text: value.slice(partStart, i), start: partStart });
      partStart = i + 1;
    }
  }
  for (const part of parts) {
    for (const piece of splitAnd(part.text, part.start)) {
      const attendee = parseAttendee(piece.text, base + piece.start);
      if (attendee) attendees.push(attendee);
    }
  }
  return attendees;
}

/** Google Meet's notes: `Invited Maya Chen Leo Park` (its people chips copied as text), or with links (`[Maya Chen](mailto:…)`). */
const INVITED = /^Invited[ \t]+(?=\S)/;
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;

/** The people of a Google Meet `Invited` line, or null when the line is none. */
export function parseInvitedLine(text: string, base: number): Attendee[] | null {
  const invited = INVITED.exec(text);
  if (!invited || text.length > 2000) return null;
  const rest = text.slice(invited[0].length);
  const at = base + invited[0].length;
  if (rest.includes('[')) {
    // Names as links: each link's text is one person.
    const people: Attendee[] = [];
    for (const link of rest.matchAll(/\[([^\]\n]{1,80})\]\([^)\s]*\)/g)) {
      const attendee = parseAttendee(link[1], at + link.index! + 1);
      if (attendee) people.push(attendee);
    }
    return people.length ? people : null;
  }
  if (/[,;]/.test(rest)) return parseAttendeeList(rest, at);
  // Chips copied as text: nothing between the names. Read as first and last names, two words each,
  // when every word is capitalised and they pair up; else it is no list of people.
  const words = [...rest.matchAll(/\S+/g)];
  if (words.length < 2 || words.length % 2 !== 0 || !words.every((w) => NAME_WORD.test(w[0]))) return null;
  const people: Attendee[] = [];
  for (let i = 0; i < words.length; i += 2) {
    const start = at + words[i].index!;
    const end = at + words[i + 1].index! + words[i + 1][0].length;
    people.push({ name: `${words[i][0]} ${words[i + 1][0]}`, role: null, span: { start, end } });
  }
  return people;
}

/** `Ana and Ben` names two people; `Ana (Product and Design)` one. */
function splitAnd(text: string, start: number): Array<{ text: string; start: number }> {
  if (/\(/.test(text)) return [{ text, start }];
  const result: Array<{ text: string; start: number }> = [];
  const re = /(?<!\s)\s+(?:and|&)\s+/gi; // (?<!\s): not tried again from every blank of a long run
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    result.push({ text: text.slice(last, m.index), start: start + last });
    last = m.index + m[0].length;
  }
  result.push({ text: text.slice(last), start: start + last });
  return result;
}

// Each mark's blanks are read one way only (a date's own blanks only before a date): with the
// blanks between two marks taken by either, a run of marks that did not end the line took
// exponential time (`✅ ✅ ✅ … ✅l take that`: 30 marks, 90 s).
const TRAILING_DONE_MARKS = /(?:\s*(?:✅(?:\s*\d{4}-\d{2}-\d{2})?|✔️?|☑️?|✓))+\s*$/u;

/** One attendee: `Mike Johnson (Engineering Lead)`, `Priya — SRE`, `@jonas`. */
const NAME_AND_ROLE = /^(\s*)(.*?)\s*(?:\(([^)]*)\)|\s[-–—]\s+(.+))?\s*$/;
/** The same, where a comma also sets off a role (`Chen Li, SRE`): one person per list item. */
const NAME_AND_ROLE_OF_ITEM = /^(\s*)([^,]*?)\s*(?:\(([^)]*)\)|\s[-–—]\s+(.+)|,\s*(.+))?\s*$/;

/** One attendee; `ownLine`: the text is a list item of its own, where a comma sets off the role too. */
export function parseAttendee(text: string, offset: number, ownLine = false): Attendee | null {
  if (text.length > 300) return null; // a name with a role is never that long (and the pattern below would rescan it)
  // Done marks (`✅ 2025-03-14`, written by Mark complete on a task-list line) are never part of a name.
  const m = (ownLine ? NAME_AND_ROLE_OF_ITEM : NAME_AND_ROLE).exec(text.replace(TRAILING_DONE_MARKS, ''));
  if (!m) return null;
  const name = plainText(m[2]).replace(/^@/, '').replace(/[.]$/, '');
  if (!name || name.length > 60 || /^\d/.test(name) || NOT_NAMES.has(name.toLowerCase())) return null;
  const role = plainText(m[3] ?? m[4] ?? m[5] ?? '') || null;
  const start = offset + m[1].length;
  return { name, role, span: { start, end: start + m[2].length } };
}

export interface Resolution {
  attendee: Attendee | null;
  /** Full name of someone who spoke, when the notes list no attendee for them. */
  speaker: string | null;
  ambiguous: boolean;
}

/** One string object per roster key: results remembered under it are then found by identity, not by comparing texts. */
const rosterKeys = new Map<string, string>();
function interned(key: string): string {
  const known = rosterKeys.get(key);
  if (known !== undefined) return known;
  if (rosterKeys.size > 1000) rosterKeys.clear();
  rosterKeys.set(key, key);
  return key;
}

/** Resolves `Mike`, `@mike`, `mike.johnson`, `Mike J.` to a full name among the known people. */
export class Roster {
  private readonly speakers: string[] = [];
  /** The speakers' names normalized, and indexed (a transcript may name hundreds of people who are not attendees). */
  private readonly speakerNames: string[] = [];
  private readonly speakerIndex = new NameIndex();
  /** Names are resolved once per roster: a long transcript names the same few people thousands of times. */
  private readonly resolved = new Map<string, Resolution>();
  private readonly refs = new Map<string, Omit<PersonRef, 'span'>>();
  private readonly attendeeNames: string[];
  /** An attendee's handle, where the role is one (`Bob Jones (@bjones)`), normalized; else null. */
  private readonly attendeeHandles: Array<string | null>;
  /** Who the attendees are, as a text: what name resolution depends on (for remembering results). */
  readonly key: string;
  private readonly scopes = new Map<string | null, [string?, string?]>();

  constructor(readonly attendees: Attendee[]) {
    this.attendeeNames = attendees.map((a) => normalizeName(a.name));
    this.attendeeHandles = attendees.map((a) => (a.role && /^@[^\s@]+$/.test(a.role) ? normalizeName(a.role) : null));
    this.key = interned(this.attendeeNames.map((name, i) => (this.attendeeHandles[i] ? `${name} @${this.attendeeHandles[i]}` : name)).join('\u0000'));
  }

  /** One string object per roster, meeting date and kind of reading: the context under which results are remembered. */
  scope(meetingDate: string | null, withOwner: boolean): string {
    let pair = this.scopes.get(meetingDate);
    if (!pair) this.scopes.set(meetingDate, (pair = []));
    const at = withOwner ? 1 : 0;
    return (pair[at] ??= `${meetingDate}|${withOwner}|${this.key}`);
  }

  get known(): boolean {
    return this.attendees.length > 0;
  }

  /** Learns the name of a speaker who is not an attendee; false if it was known. */
  addSpeaker(fullName: string): boolean {
    const key = normalizeName(fullName);
    if (this.speakerIndex.exactly(key).length) return false;
    this.speakerIndex.add(key, this.speakers.length);
    this.speakerNames.push(key);
    this.speakers.push(fullName);
    this.resolved.clear();
    this.refs.clear();
    return true;
  }

  resolve(written: string): Resolution {
    let resolution = this.resolved.get(written);
    if (!resolution) {
      resolution = this.lookUp(written);
      this.resolved.set(written, resolution);
    }
    return { ...resolution };
  }

  private lookUp(written: string): Resolution {
    const query = normalizeName(plainText(written));
    if (!query) return { attendee: null, speaker: null, ambiguous: false };
    // `@bjones` for `Bob Jones (@bjones)`: the handle the attendee list gives.
    const byHandle = written.trimStart().startsWith('@') ? this.attendees.filter((_, i) => this.attendeeHandles[i] === query) : [];
    if (byHandle.length === 1) return { attendee: byHandle[0], speaker: null, ambiguous: false };
    const attendees = matchNames(query, this.attendees, this.attendeeNames);
    if (attendees.length === 1) return { attendee: attendees[0], speaker: null, ambiguous: false };
    if (attendees.length > 1) return { attendee: null, speaker: null, ambiguous: true };
    const speakers = matchNames(query, this.speakers, this.speakerNames, this.speakerIndex);
    return { attendee: null, speaker: speakers.length === 1 ? speakers[0] : null, ambiguous: speakers.length > 1 };
  }

  /** Whether `written` names an attendee, or, where the notes list none, is a full name (`Alice Smith`; `Standup` is none). */
  namesPerson(written: string): boolean {
    return this.resolve(written).attendee !== null || (!this.known && /\s/.test(written) && looksLikeName(written));
  }

  /** A person reference for a name written at `span`. */
  ref(written: string, span: Span): PersonRef {
    let known = this.refs.get(written);
    if (!known) {
      const { attendee, speaker } = this.resolve(written);
      const plain = plainText(written);
      // `@alice & @bob`: kept as written, named by the attendees the handles are (`Alice Moreau & Bob Stone`).
      const handles = HANDLE_PAIR.test(plain);
      const clean = handles ? plain : plain.replace(/^@/, '');
      const name = handles ? plain.replace(HANDLES, (_, lead: string, handle: string) => lead + (this.resolve(`@${handle}`).attendee?.name ?? handle)) : clean;
      this.refs.set(written, (known = { written: clean, name: attendee?.name ?? speaker ?? name, attendee }));
    }
    return { written: known.written, name: known.name, attendee: known.attendee, span };
  }

  /** Attendees ordered by how close their name is to `written` (for "pick an owner" fixes). */
  nearest(written: string): Attendee[] {
    const query = normalizeName(written);
    // Each distance worked out once, not at every comparison of the sort.
    const distances = new Map(this.attendees.map((a, i) => [a, nameDistance(query, this.attendeeNames[i])]));
    return [...this.attendees].sort((a, b) => distances.get(a)! - distances.get(b)!);
  }
}

/** Whether a name as written could be resolved to `fullName` were it a speaker the roster knew. */
export function couldName(written: string, fullName: string): boolean {
  return matchNames(normalizeName(plainText(written)), [fullName], [normalizeName(fullName)]).length > 0;
}

/** The candidates whose (normalized) names match the query; `index`, when given, narrows which are looked at. */
function matchNames<T>(query: string, candidates: T[], names: string[], index?: NameIndex): T[] {
  const among = (indices: number[] | null, test: (i: number) => boolean): T[] =>
    indices ? indices.filter(test).map((i) => candidates[i]) : candidates.filter((_, i) => test(i));
  const exact = among(index ? index.exactly(query) : null, (i) => names[i] === query);
  if (exact.length) return exact;
  const words = query.split(' ');
  // Whole words from the start (`mike`, `mike johnson`), the last one possibly an initial (`mike j`).
  const byWords = among(index ? index.byFirstWord(words[0]) : null, (i) => {
    const nameWords = names[i].split(' ');
    if (words.length > nameWords.length) return false;
    return words.every((w, k) => (k === words.length - 1 && w.length <= 2 && words.length > 1 ? nameWords[k].startsWith(w) : nameWords[k] === w));
  });
  if (byWords.length) return byWords;
  // `@jon` for Jonas, `mikejohnson` for Mike Johnson: a plain prefix of the full name.
  if (query.length < 3) return [];
  const bare = query.replace(/ /g, '');
  return among(index ? index.byStart(bare) : null, (i) => names[i].startsWith(query) || names[i].replace(/ /g, '').startsWith(bare));
}

/**
 * Names by what `matchNames` requires of a match: the whole name, the first word (a match by words
 * starts with it), or the first two letters without blanks (a prefix match has them): a transcript
 * may name hundreds of speakers, each resolved against all the others.
 */
class NameIndex {
  private readonly whole = new Map<string, number[]>();
  private readonly first = new Map<string, number[]>();
  private readonly start = new Map<string, number[]>();

  add(name: string, i: number): void {
    for (const [map, key] of [
      [this.whole, name],
      [this.first, name.split(' ')[0]],
      [this.start, name.replace(/ /g, '').slice(0, 2)],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    }
  }

  exactly(name: string): number[] {
    return this.whole.get(name) ?? [];
  }

  byFirstWord(word: string): number[] {
    return this.first.get(word) ?? [];
  }

  byStart(bare: string): number[] {
    return this.start.get(bare.slice(0, 2)) ?? [];
  }
}

/** Edit distance on the shorter of full name and first name, so `Mikey` is nearest to `Mike Johnson`. */
function nameDistance(query: string, name: string): number {
  const first = name.split(' ')[0];
  return Math.min(levenshtein(query, name), levenshtein(query, first));
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
