import type { Roster } from './extract/people';
import { type KeptReading, kept, readDocument } from './extract/reading';
import type { EntryDraft } from './extract/walk';
import { linkTwins, recordCues, recordDecisions } from './match/link';
import type { ActionItem, Decision, NotesModel, Section, Statement, StatementCue } from './model';
import type { FlatDocument } from './parse/blocks';
import { type BlockCache, readBlocks } from './parse/readBlocks';
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

/** The reading of each document's latest version, by the block cache that holds its blocks. */
const readings = new WeakMap<BlockCache, KeptReading>();

/** The model of a document from its blocks (exported so that tests can build it from a whole-document parse). */
export function buildModel(text: string, flat: FlatDocument, options: AnalyzeOptions = {}): NotesModel {
  const lines = createLineIndex(text);
  const previous = options.blocks && readings.get(options.blocks);
  const reading = readDocument(text, flat, options.fileName, (offset) => lines.positionAt(offset).line, previous);
  if (options.blocks) readings.set(options.blocks, kept(reading));

  const sections: Section[] = [];
  const statements: Statement[] = [];
  const items: ActionItem[] = [];
  const decisions: Decision[] = [];
  const ids = new Map<string, number>(); // one id space per file, across meetings

  reading.regions.forEach((region, r) => {
    const content = reading.contents[r];
    const meeting = region.meeting.index;
    sections.push(...content.sections);
    statements.push(...content.statements);

    const entryItems: ActionItem[] = [];
    const entryDecisions: Decision[] = [];
    for (const entry of content.entries) {
      if (entry.kind === 'decisions') entryDecisions.push(decisionFromEntry(entry, meeting));
      else entryItems.push(itemFromEntry(entry, meeting, region.roster));
    }

    const cues = content.statements.flatMap((s) => s.cues);
    const promises = cues.filter((c) => c.kind !== 'decision');
    const spokenDecisions = cues.filter((c) => c.kind === 'decision');
    assignIds(entryItems, 'summary', ids);
    linkTwins(entryItems);
    const unrecorded = recordCues(promises, entryItems);
    const unrecordedDecisions = recordDecisions(spokenDecisions, entryDecisions);
    shareMentionsWithTwins(entryItems);

    const spokenItems = unrecorded.map((cue) => itemFromCue(cue, meeting));
    assignIds(spokenItems, 'transcript', ids);
    items.push(...entryItems, ...spokenItems);
    decisions.push(...entryDecisions, ...unrecordedDecisions.map((cue) => decisionFromCue(cue, meeting)));
  });

  items.sort((a, b) => a.span.start - b.span.start);
  decisions.sort((a, b) => a.span.start - b.span.start);
  decisions.forEach((d, i) => (d.id = `d${i + 1}`));

  const meetings = reading.regions.map((r) => r.meeting);
  const dated = meetings.some((m) => m.date !== null);
  const looksLikeNotes =
    statements.length > 0 || meetings.some((m) => m.attendeesKnown) || (dated && (sections.length > 0 || items.length > 0));
  return { text, meetings, sections, statements, items, decisions, looksLikeNotes, lines };
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
  const byId = new Map(items.map((i) => [i.id, i]));
  const own = new Map(items.map((i) => [i, [...i.mentions]]));
  for (const item of items) {
    for (const id of item.linked) {
      for (const cue of own.get(byId.get(id)!) ?? []) if (!item.mentions.includes(cue)) item.mentions.push(cue);
    }
    item.mentions.sort((a, b) => a.span.start - b.span.start);
  }
}

/** Ids from content, not position, so an item keeps its id while the text around it changes. */
function assignIds(items: ActionItem[], source: string, seen: Map<string, number>): void {
  for (const item of items) {
    const key = `${source}|${item.kind}|${normalizeName(item.owner?.name ?? '')}|${item.task.toLowerCase()}`;
    const base = hash(key);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    item.id = count === 1 ? base : `${base}-${count}`;
  }
}

/** FNV-1a, 32 bits, in base 36. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}
