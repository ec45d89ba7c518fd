// Where people are written in the notes (attendee lists, speakers, owners, @handles), and who a
// person is across the workspace. A person's identity is their full name, compared loosely
// (case, accents and separators do not matter), so `Mike` resolved to `Mike Johnson` in one file
// and `Mike Johnson` speaking in another are the same person.
import type { NamedPeople, NotesDigest } from '../digest';
import { Roster, isGroupName } from '../extract/people';
import type { NotesModel, PersonRef, Span } from '../model';
import { normalizeName, wholeWordIndex } from '../text/plain';

/** A notes file as the editor features see it. */
export interface NotesDoc {
  uri: string;
  model: NotesModel;
}

/** A notes file as the features that read every file see it: its digest (a full model is one). */
export interface DigestDoc {
  uri: string;
  model: NotesDigest;
}

export type MentionRole = 'attendee' | 'speaker' | 'owner' | 'handle';

export interface PersonMention {
  /** The person's identity: their full name, normalised. */
  key: string;
  /** Their full name as best known (the attendee's name when the written form resolves to one). */
  name: string;
  role: MentionRole;
  /** Exactly the written name, with the `@` of a handle. */
  span: Span;
  meeting: number;
  /** True when the name resolves to an attendee of its meeting (or is one). */
  attendee: boolean;
}

export const personKey = (name: string): string => normalizeName(name);

const cache = new WeakMap<NotesModel, PersonMention[]>();

/** Every place a person is named in one document, in document order, without overlaps. Cached per model. */
export function mentionsIn(model: NotesModel): PersonMention[] {
  const cached = cache.get(model);
  if (cached) return cached;
  const found = new Map<number, PersonMention>();
  const add = (mention: PersonMention | null) => {
    if (mention && !found.has(mention.span.start) && !isGroupName(mention.name)) found.set(mention.span.start, mention);
  };
  const fromRef = (ref: PersonRef | null, role: MentionRole, meeting: number) =>
    ref ? { key: personKey(ref.name), name: ref.name, role, span: nameSpan(model.text, ref.span), meeting, attendee: ref.attendee !== null } : null;

  const frontMatter = frontMatterNames(model.text, model.meetings.flatMap((m) => m.attendees.filter((a) => !a.span).map((a) => a.name)));
  for (const meeting of model.meetings) {
    for (const attendee of meeting.attendees) {
      const span = attendee.span ?? frontMatter.get(attendee.name) ?? null;
      if (span) add({ key: personKey(attendee.name), name: attendee.name, role: 'attendee', span: nameSpan(model.text, span), meeting: meeting.index, attendee: true });
    }
  }
  for (const statement of model.statements) {
    add(fromRef(statement.speaker, 'speaker', statement.meeting));
    for (const cue of statement.cues) add(fromRef(cue.owner, 'owner', statement.meeting));
  }
  for (const item of model.items) add(fromRef(item.owner, 'owner', item.meeting));
  for (const handle of handlesIn(model)) add(handle);

  const mentions = [...found.values()].sort((a, b) => a.span.start - b.span.start);
  // Two mentions never overlap (an owner `@Jonas` and the handle scan find the same text).
  const result = mentions.filter((m, i) => i === 0 || m.span.start >= mentions[i - 1].span.end);
  cache.set(model, result);
  return result;
}

/** The person named at an offset (the cursor may sit right after the name). */
export function personAt(model: NotesModel, offset: number): PersonMention | null {
  return mentionsIn(model).find((m) => m.span.start <= offset && offset <= m.span.end) ?? null;
}

/** Where a document or digest lists a person among its attendees. */
export function attendeeLines(model: NotesDigest, key: string): Span[] {
  return placesOf(model).filter((m) => m.role === 'attendee' && m.key === key).map((m) => m.span);
}

/** A person's name where a file names them: a mention without its meeting. */
export type NamePlace = Pick<PersonMention, 'key' | 'name' | 'role' | 'span'>;

const ROLES: readonly MentionRole[] = ['attendee', 'speaker', 'owner', 'handle'];

/** Mentions as a digest keeps them: JSON text of `[names, [name, role, start, end, …]]`. */
export function packPlaces(mentions: readonly NamePlace[]): string {
  const index = new Map<string, number>();
  const rows: number[] = [];
  for (const { name, role, span } of mentions) {
    let at = index.get(name);
    if (at === undefined) index.set(name, (at = index.size));
    rows.push(at, ROLE_INDEX[role], span.start, span.end);
  }
  return JSON.stringify([[...index.keys()], rows]);
}

const ROLE_INDEX = Object.fromEntries(ROLES.map((role, i) => [role, i])) as Record<MentionRole, number>;

const unpacked = new WeakMap<NotesDigest, readonly NamePlace[]>();

/** Where a document or digest names people: a full model's `mentionsIn`, a digest's places unpacked (once). */
export function placesOf(model: NotesDigest): readonly NamePlace[] {
  if (model.places === undefined) return mentionsIn(model as NotesModel);
  let places = unpacked.get(model);
  if (!places) unpacked.set(model, (places = unpackPlaces(model.places)));
  return places;
}

/** `packPlaces`' text read back; throws on text of another shape. */
function unpackPlaces(packed: string): NamePlace[] {
  const [names, rows] = JSON.parse(packed) as [unknown, unknown];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string') || !Array.isArray(rows) || rows.length % 4) throw new Error('digest has another shape');
  const places: NamePlace[] = [];
  for (let i = 0; i < rows.length; i += 4) {
    const [name, role, start, end] = [names[rows[i]] as string | undefined, ROLES[rows[i + 1]], rows[i + 2], rows[i + 3]];
    if (name === undefined || role === undefined || typeof start !== 'number' || typeof end !== 'number') throw new Error('digest has another shape');
    places.push({ key: personKey(name), name, role, span: { start, end } });
  }
  return places;
}

const named = new WeakMap<NotesModel, NamedPeople>();

/**
 * Who a document names: the key of every attendee, speaker and owner (a handle names an attendee),
 * and the speakers' names as `mentionsIn` has them. Read from the model's references, without the
 * places `mentionsIn` finds (the index works this out for every file it reads).
 */
export function namedPeople(model: NotesModel): NamedPeople {
  let found = named.get(model);
  if (found) return found;
  const keys = new Set<string>();
  const speakers = new Set<string>();
  for (const meeting of model.meetings) for (const a of meeting.attendees) keys.add(personKey(a.name));
  for (const statement of model.statements) {
    if (statement.speaker) {
      keys.add(personKey(statement.speaker.name));
      if (!isGroupName(statement.speaker.name)) speakers.add(statement.speaker.name);
    }
    for (const cue of statement.cues) if (cue.owner) keys.add(personKey(cue.owner.name));
  }
  for (const item of model.items) if (item.owner) keys.add(personKey(item.owner.name));
  named.set(model, (found = { keys: [...keys], speakers: [...speakers] }));
  return found;
}

/** Who a document or digest names. */
export function peopleOf(model: NotesDigest): NamedPeople {
  return model.people ?? namedPeople(model as NotesModel);
}

/** Every mention of a person across the documents. */
export function mentionsOf<D extends DigestDoc>(docs: D[], key: string): Array<{ doc: D; mention: NamePlace }> {
  return docs.flatMap((doc) => placesOf(doc.model).filter((m) => m.key === key).map((mention) => ({ doc, mention })));
}

/** Items owned by a person across the documents, in file and document order. */
export function itemsOwnedBy<D extends DigestDoc>(docs: D[], key: string): Array<{ doc: D; item: D['model']['items'][number] }> {
  return docs.flatMap((doc) => doc.model.items.filter((i) => i.owner && personKey(i.owner.name) === key).map((item) => ({ doc, item })));
}

/** A person's role (`Engineering Lead`), from the given meeting's attendees first, then any notes. */
export function roleOf(docs: DigestDoc[], key: string, near?: { model: NotesDigest; meeting: number }): string | null {
  const inMeeting = near?.model.meetings[near.meeting]?.attendees.find((a) => personKey(a.name) === key)?.role;
  if (inMeeting) return inMeeting;
  for (const doc of docs) for (const meeting of doc.model.meetings) for (const a of meeting.attendees) if (a.role && personKey(a.name) === key) return a.role;
  return null;
}

/** Everyone known in the workspace (attendees first, then speakers and owners), one entry per person. */
export function workspacePeople(docs: DigestDoc[]): Array<{ key: string; name: string; role: string | null }> {
  const people = new Map<string, { key: string; name: string; role: string | null }>();
  for (const doc of docs) for (const meeting of doc.model.meetings) for (const a of meeting.attendees) {
    const key = personKey(a.name);
    if (!people.has(key)) people.set(key, { key, name: a.name, role: a.role });
  }
  for (const doc of docs) {
    for (const name of peopleOf(doc.model).speakers) {
      const key = personKey(name);
      if (!people.has(key)) people.set(key, { key, name, role: null });
    }
  }
  return [...people.values()];
}

/** The name itself within a reference's span (an owner cell `**Mike**` holds more than the name). */
function nameSpan(text: string, span: Span): Span {
  const written = text.slice(span.start, span.end);
  const m = /^[\s*_]*(@?[\p{L}\p{N}][\s\S]*?)[\s*_.]*$/u.exec(written);
  if (!m) return span;
  const start = span.start + written.indexOf(m[1]);
  return { start, end: start + m[1].length };
}

/** `@jonas` in spoken text and summary entries, when it names an attendee of that meeting. */
function handlesIn(model: NotesModel): PersonMention[] {
  if (!model.text.includes('@')) return []; // most notes have none
  const rosters = model.meetings.map((m) => new Roster(m.attendees));
  const regions: Array<{ span: Span; meeting: number }> = [
    ...model.statements.map((s) => ({ span: { start: s.textStart, end: s.span.end }, meeting: s.meeting })),
    ...model.items.filter((i) => i.layout).map((i) => ({ span: i.layout!.span, meeting: i.meeting })),
    ...model.decisions.filter((d) => d.source === 'summary').map((d) => ({ span: d.span, meeting: d.meeting })),
  ];
  const mentions: PersonMention[] = [];
  for (const region of regions) {
    const text = model.text.slice(region.span.start, region.span.end);
    if (!text.includes('@')) continue;
    for (const m of text.matchAll(/(?<![\p{L}\p{N}_.@])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])/gu)) {
      const attendee = rosters[region.meeting]?.resolve(m[1]).attendee;
      if (!attendee) continue;
      const start = region.span.start + m.index!;
      mentions.push({ key: personKey(attendee.name), name: attendee.name, role: 'handle', span: { start, end: start + m[0].length }, meeting: region.meeting, attendee: true });
    }
  }
  return mentions;
}

/**
 * Where front-matter attendees are written (under `attendees:`, as a list, a flow list or a comma
 * string). The model keeps no span for them, so each name is found again in that key's YAML text.
 */
export function frontMatterNames(text: string, names: string[]): Map<string, Span> {
  const spans = new Map<string, Span>();
  if (!names.length) return spans;
  const block = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!block) return spans;
  const bodyStart = block.index + block[0].indexOf(block[1]);
  // The key's value runs until the next top-level key.
  const key = /^(?:attendees|participants)[ \t]*:(.*(?:\r?\n(?![^\s-]).*)*)/im.exec(block[1]);
  if (!key) return spans;
  const valueStart = bodyStart + key.index + key[0].length - key[1].length;
  const value = key[1];
  for (const name of new Set(names)) {
    const at = wholeWordIndex(value, name);
    if (at >= 0) spans.set(name, { start: valueStart + at, end: valueStart + at + name.length });
  }
  return spans;
}
