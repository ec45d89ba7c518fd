import type { Roster } from './extract/people';
import { type KeptReading, kept, readDocument } from './extract/reading';
import type { EntryDraft } from './extract/walk';
import { linkTwins, recordCues, recordDecisions } from './match/link';
import type { ActionItem, Decision, LineIndex, NotesModel, StatementCue } from './model';
import type { FlatDocument } from './parse/blocks';
import { type BlockCache, readBlocks } from './parse/readBlocks';
import { forgetTextChange } from './text/common';
import { createLineIndex } from './text/lineIndex';
import { normalizeName } from './text/plain';

export interface AnalyzeOptions {
  /** The file's name or path: its date (`2025-03-10-sync.md`) is the last resort for the meeting date. */
  fileName?: string;
  /**
   * The parsed blocks of this document's previous versions: only blocks that changed are parsed
   * again, and the model is patched from the previous version's (for `buildModel`: the cache the
   * blocks were just read with).
   */
  blocks?: BlockCache;
}

/** Reads a notes document into its model: meetings, statements, decisions, action items and their links. */
export function analyzeNotes(text: string, options: AnalyzeOptions = {}): NotesModel {
  return buildModel(text, readBlocks(text, options.blocks), options);
}

/** The reading, line table and item ids of each document's latest version, by the block cache that holds its blocks. */
const readings = new WeakMap<BlockCache, { reading: KeptReading; lines: LineIndex; idBases: IdBases }>();

/** The model of a document from its blocks (exported so that tests can build it from a whole-document parse). */
export function buildModel(text: string, flat: FlatDocument, options: AnalyzeOptions = {}): NotesModel {
  const previous = options.blocks && readings.get(options.blocks);
  // Patching moves the previous reading's statements where they are: it is not kept meanwhile, so
  // that a patch that fails half-way leaves nothing to patch from (the next version is read in full).
  if (options.blocks) readings.delete(options.blocks);
  const lines = createLineIndex(text, previous?.lines);
  const reading = readDocument(text, flat, options.fileName, (offset) => lines.positionAt(offset).line, previous?.reading);
  forgetTextChange(); // the block reader, the line table and the reading have asked for it
  const idBases = previous?.idBases ?? new IdBases();
  if (options.blocks) readings.set(options.blocks, { reading: kept(reading), lines, idBases });

  const items: ActionItem[] = [];
  const decisions: Decision[] = [];
  const ids = new Map<string, number>(); // one id space per file, across meetings

  // Indexed loops over statements, not `for…of`: a long transcript has thousands, read at every keystroke.
  reading.regions.forEach((region, r) => {
    const content = reading.contents[r];
    const meeting = region.meeting.index;
    const entryItems: ActionItem[] = [];
    const entryDecisions: Decision[] = [];
    for (const entry of content.entries) {
      if (entry.kind === 'decisions') entryDecisions.push(decisionFromEntry(entry, meeting));
      else entryItems.push(itemFromEntry(entry, meeting, region.roster));
    }

    const promises: StatementCue[] = [];
    const spokenDecisions: StatementCue[] = [];
    const { statements } = content;
    for (let i = 0; i < statements.length; i++) {
      const { cues } = statements[i];
      for (let c = 0; c < cues.length; c++) (cues[c].kind === 'decision' ? spokenDecisions : promises).push(cues[c]);
    }
    assignIds(entryItems, 'summary', ids, idBases);
    linkTwins(entryItems);
    const unrecorded = recordCues(promises, entryItems);
    const unrecordedDecisions = recordDecisions(spokenDecisions, entryDecisions);
    shareMentionsWithTwins(entryItems);

    const spokenItems = unrecorded.map((cue) => itemFromCue(cue, meeting));
    assignIds(spokenItems, 'transcript', ids, idBases);
    for (const item of entryItems) items.push(item);
    for (const item of spokenItems) items.push(item);
    for (const decision of entryDecisions) decisions.push(decision);
    for (const cue of unrecordedDecisions) decisions.push(decisionFromCue(cue, meeting));
  });

  const sections = joined(reading.contents.map((c) => c.sections));
  const statements = joined(reading.contents.map((c) => c.statements));
  items.sort((a, b) => a.span.start - b.span.start);
  decisions.sort((a, b) => a.span.start - b.span.start);
  decisions.forEach((d, i) => (d.id = `d${i + 1}`));
  idBases.trim(items.length);

  const meetings = reading.regions.map((r) => r.meeting);
  const dated = meetings.some((m) => m.date !== null);
  const looksLikeNotes =
    statements.length > 0 || meetings.some((m) => m.attendeesKnown) || (dated && (sections.length > 0 || items.length > 0));
  return { text, meetings, sections, statements, items, decisions, looksLikeNotes, lines };
}

/** The lists one after another, copied at once when there is one (a long transcript is one meeting). */
function joined<T>(lists: T[][]): T[] {
  if (lists.length === 1) return lists[0].slice();
  // Loops, not `push(...list)`: a long transcript's tens of thousands of statements would be
  // passed as arguments (too many for the engine's stack on a very long one).
  const all: T[] = [];
  for (const list of lists) for (let i = 0; i < list.length; i++) all.push(list[i]);
  return all;
}

function itemFromEntry(entry: EntryDraft, meeting: number, roster: Roster): ActionItem {
  const { parsed } = entry;
  return {
    id: '',
    meeting,
    kind: entry.kind === 'commitments' ? 'commitment' : 'action',
    source: 'summary',
    owner: parsed.owner ? roster.ref(parsed.owner.written, parsed.owner.span) : null,
    task: parsed.task,
    due: parsed.due,
    status: parsed.done ? 'done' : 'open',
    doneDate: parsed.doneDate,
    span: { start: entry.layout.boxAt, end: Math.max(entry.layout.boxAt, entry.layout.doneAt) },
    layout: entry.layout,
    mentions: [],
    linked: [],
    statement: null,
  };
}

function itemFromCue(cue: StatementCue, meeting: number): ActionItem {
  return {
    id: '',
    meeting,
    kind: cue.kind === 'commitment' ? 'commitment' : 'action',
    source: 'transcript',
    owner: cue.owner,
    task: cue.task,
    due: cue.due,
    status: 'open',
    doneDate: null,
    span: cue.span,
    layout: null,
    mentions: [],
    linked: [],
    statement: cue.statement,
  };
}

function decisionFromEntry(entry: EntryDraft, meeting: number): Decision {
  return { id: '', meeting, text: entry.parsed.task, source: 'summary', span: { start: entry.layout.boxAt, end: entry.layout.doneAt }, mentions: [], statement: null };
}

function decisionFromCue(cue: StatementCue, meeting: number): Decision {
  return { id: '', meeting, text: cue.task, source: 'transcript', span: cue.span, mentions: [], statement: cue.statement };
}

/** Twins record the same statements: `go to where it was said` works from either. */
function shareMentionsWithTwins(items: ActionItem[]): void {
  // Links go both ways, so the twins of linked items are linked items too.
  const linked = items.filter((i) => i.linked.length > 0);
  if (linked.length > 0) {
    const byId = new Map<string, number>();
    // Mentions are only added after an item's own: its first `own[k]` are its own.
    const own = new Int32Array(linked.length);
    linked.forEach((item, k) => {
      byId.set(item.id, k);
      own[k] = item.mentions.length;
    });
    for (const item of linked) {
      for (const id of item.linked) {
        const k = byId.get(id);
        if (k === undefined) continue;
        const twin = linked[k];
        for (let m = 0; m < own[k]; m++) if (!item.mentions.includes(twin.mentions[m])) item.mentions.push(twin.mentions[m]);
      }
    }
  }
  for (const item of items) sortByStart(item.mentions);
}

/**
 * Sorted in place by insertion (stable, as `sort`): an item is mentioned a few times at most, and
 * the engine's sort copies the list, for hundreds of items at every keystroke.
 */
function sortByStart(cues: StatementCue[]): void {
  if (cues.length > 16) {
    cues.sort(byStart);
    return;
  }
  for (let i = 1; i < cues.length; i++) {
    const cue = cues[i];
    let j = i - 1;
    for (; j >= 0 && byStart(cues[j], cue) > 0; j--) cues[j + 1] = cues[j];
    cues[j + 1] = cue;
  }
}

const byStart = (a: StatementCue, b: StatementCue) => a.span.start - b.span.start;

/** Ids from content, not position, so an item keeps its id while the text around it changes. */
function assignIds(items: ActionItem[], source: string, seen: Map<string, number>, bases: IdBases): void {
  for (const item of items) {
    const base = bases.get(source, item.kind, item.owner?.name ?? '', item.task);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    item.id = count === 1 ? base : `${base}-${count}`;
  }
}

/**
 * Id bases remembered by task text (with what else they were worked out from), for a document's
 * next versions: an edit of a long document leaves nearly all of its thousand tasks as they were,
 * the same strings, found at once instead of hashed again at every keystroke.
 */
class IdBases {
  /** By task, the bases worked out for it (a task is often written twice: as an action item and as a commitment, by other owners). */
  private readonly byTask = new Map<string, IdBase[]>();
  private count = 0;

  get(source: string, kind: string, owner: string, task: string): string {
    let known = this.byTask.get(task);
    if (known) {
      for (const b of known) if (b.source === source && b.kind === kind && b.owner === owner) return b.base;
    } else this.byTask.set(task, (known = []));
    const base = idBase(source, kind, owner, task);
    known.push({ source, kind, owner, base });
    this.count++;
    return base;
  }

  /** Forgets them all once they are far more than the document's items (tasks edited or gone). */
  trim(items: number): void {
    if (this.count > 2 * items + 256) {
      this.byTask.clear();
      this.count = 0;
    }
  }
}

interface IdBase {
  source: string;
  kind: string;
  owner: string;
  base: string;
}

const FNV_OFFSET = 0x811c9dc5;
const BAR = 124; // '|'

/**
 * The hash (FNV-1a, 32 bits, in base 36) of `source|kind|owner|task` with the owner's name
 * normalized and the task in lower case, worked out without building that text (a long document
 * has a thousand items, hashed again at every keystroke).
 */
function idBase(source: string, kind: string, owner: string, task: string): string {
  let h = fnv(FNV_OFFSET, source);
  h = fnvCode(h, BAR);
  h = fnv(h, kind);
  h = fnvCode(h, BAR);
  h = fnv(h, normalizeName(owner));
  h = fnvCode(h, BAR);
  h = fnvLowerCase(h, task);
  return (h >>> 0).toString(36).padStart(7, '0');
}

function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = fnvCode(h, text.charCodeAt(i));
  return h;
}

function fnvCode(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** `fnv(h, text.toLowerCase())`: ASCII is lowered here; other text by the engine, whole (lower case may depend on the letters around). */
function fnvLowerCase(h: number, text: string): number {
  const start = h;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 128) return fnv(start, text.toLowerCase());
    if (code >= 65 && code <= 90) code += 32;
    h = fnvCode(h, code);
  }
  return h;
}
