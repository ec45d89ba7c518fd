// Go to definition and find references. A summary entry's "definition" is where it was said in
// the transcript; a statement's is the entry that records it. A person's definition is their
// attendee line; their references are every item they own, across the workspace.
import type { ActionItem, Decision, NotesModel, Span, StatementCue } from '../model';
import { entrySpan, recordersOf, targetAt } from './locate';
import { type DigestDoc, type NotesDoc, attendeeLines, itemsOwnedBy } from './people';

export interface Place {
  doc: DigestDoc;
  span: Span;
}

/** `docs`: the workspace's files that may name a person, as digests (a full model is one). */
export function definitionAt(docs: DigestDoc[], doc: NotesDoc, offset: number): Place[] {
  const target = targetAt(doc.model, offset, { dates: false });
  if (!target) return [];
  const here = (spans: Span[]) => unique(spans).map((span) => ({ doc, span }));
  switch (target.kind) {
    case 'item':
      return target.item.source === 'summary' ? here(said(target.item.mentions)) : here(recordersOfCue(doc.model, target.item));
    case 'decision':
      return here(said(target.decision.mentions));
    case 'statement': {
      const { items, decisions } = recordersOf(doc.model, target.cues);
      return here([...decisions.map((d) => d.span), ...items.map((i) => i.span)].sort((a, b) => a.start - b.start));
    }
    case 'person': {
      const own = attendeeLines(doc.model, target.mention.key).map((span) => ({ doc, span }));
      if (own.length) return own;
      return docs.flatMap((d) => (d.uri === doc.uri ? [] : attendeeLines(d.model, target.mention.key).map((span) => ({ doc: d, span }))));
    }
    case 'due':
      return [];
  }
}

export function referencesAt(docs: DigestDoc[], doc: NotesDoc, offset: number, includeDeclaration: boolean): Place[] {
  const target = targetAt(doc.model, offset, { dates: false });
  if (!target) return [];
  if (target.kind === 'person') {
    const declarations = includeDeclaration ? docs.flatMap((d) => attendeeLines(d.model, target.mention.key).map((span) => ({ doc: d, span }))) : [];
    const owned = itemsOwnedBy(docs, target.mention.key).map(({ doc: d, item }) => ({ doc: d, span: entrySpan(item) }));
    const order = new Map(docs.map((d, i) => [d.uri, i]));
    return [...declarations, ...owned].sort((a, b) => (order.get(a.doc.uri) ?? -1) - (order.get(b.doc.uri) ?? -1) || a.span.start - b.span.start);
  }
  if (target.kind === 'due') return [];
  // An entry, its twin, and the statements they record, or a statement and the entries recording it.
  const group = target.kind === 'statement' ? groupOfCues(doc.model, target.cues) : groupOf(doc.model, target.kind === 'item' ? target.item : target.decision);
  const declaration = target.span;
  const spans = unique(group).filter((span) => includeDeclaration || !(span.start <= declaration.start && declaration.end <= span.end));
  return spans.map((span) => ({ doc, span }));
}

/** Where each cue was said: the sentence, within its statement. */
function said(cues: StatementCue[]): Span[] {
  return cues.map((c) => sentenceSpan(c));
}

/** A cue's span starts after its cue words (`Decision:`); the sentence reads better as a target. */
function sentenceSpan(cue: StatementCue): Span {
  const start = Math.max(cue.statement.textStart, cue.span.end - cue.sentence.length);
  return { start, end: cue.span.end };
}

function recordersOfCue(model: NotesModel, item: ActionItem): Span[] {
  const cues = item.statement?.cues.filter((c) => c.span.start === item.span.start) ?? [];
  const { items, decisions } = recordersOf(model, cues);
  return [...items, ...decisions].map((e) => e.span);
}

function groupOf(model: NotesModel, entry: ActionItem | Decision): Span[] {
  if (entry.source === 'transcript') return [entry.span];
  const cues = entry.mentions;
  const twins = 'linked' in entry ? model.items.filter((i) => entry.linked.includes(i.id)) : [];
  const { items, decisions } = recordersOf(model, cues);
  const entries = [entry, ...twins, ...items, ...decisions].map((e) => ('layout' in e ? entrySpan(e) : e.span));
  return [...entries, ...said(cues)].sort((a, b) => a.start - b.start);
}

function groupOfCues(model: NotesModel, cues: StatementCue[]): Span[] {
  const { items, decisions } = recordersOf(model, cues);
  return [...said(cues), ...items.map(entrySpan), ...decisions.map((d) => d.span)].sort((a, b) => a.start - b.start);
}

function unique(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
