// Hover text (markdown): a due date's day and distance, a person's role and open items, where an
// item was said, and where a spoken promise or decision was recorded.
import type { ActionItem, Decision, NotesModel, Span, StatementCue } from '../model';
import {
  dayAndDate,
  distance,
  dueStanding,
  dueWithoutDay,
  escapeMarkdown,
  isRelative,
  itemLine,
  itemStanding,
  kindLabel,
  lineLink,
  longDate,
  whenSaid,
} from './describe';
import { isWritten } from '../extract/statement';
import { type Target, recordersOf, targetAt } from './locate';
import { type DigestDoc, type NotesDoc, type PersonMention, itemsOwnedBy, roleOf } from './people';
import type { DigestItem } from '../digest';

export interface HoverText {
  span: Span;
  markdown: string;
}

/** At most this many items are listed in a person's hover; the rest are counted. */
const MAX_LISTED = 10;

export function hoverAt(docs: DigestDoc[], doc: NotesDoc, offset: number, today: string): HoverText | null {
  const target = targetAt(doc.model, offset);
  if (!target) return null;
  const markdown = describeTarget(target, docs, doc, today);
  return markdown ? { span: spanOf(target), markdown } : null;
}

function spanOf(target: Target): Span {
  switch (target.kind) {
    case 'due':
      return target.due.span;
    case 'person':
      return target.mention.span;
    default:
      return target.span;
  }
}

function describeTarget(target: Target, docs: DigestDoc[], doc: NotesDoc, today: string): string | null {
  const { model, uri } = doc;
  switch (target.kind) {
    case 'due':
      return dueHover(target, model, today);
    case 'person':
      return personHover(target.mention, docs, model, today);
    case 'item':
      return itemHover(target.item, uri, model, today);
    case 'decision':
      return decisionHover(target.decision, uri, model);
    case 'statement':
      return statementHover(target.cues, uri, model);
  }
}

function dueHover(target: Extract<Target, { kind: 'due' }>, model: NotesModel, today: string): string {
  const { due, item } = target;
  const meetingDate = model.meetings[target.meeting]?.date ?? null;
  if (!due.date) return `**Due: ${escapeMarkdown(due.text)}**\n\n${dueWithoutDay(due, meetingDate)}`;
  const lines = [`**${longDate(due.date)}** · \`${due.date}\``];
  const standing = item ? dueStanding(today, due.date, item.status) : distance(today, due.date);
  lines.push(`${capitalFirst(standing)}${item?.status === 'done' ? ' (done)' : ''}`);
  if (isRelative(due) && meetingDate) lines.push(`"${escapeMarkdown(due.text)}" counted from the meeting on ${dayAndDate(meetingDate)}`);
  return lines.join('\n\n');
}

function personHover(mention: PersonMention, docs: DigestDoc[], model: NotesModel, today: string): string {
  const role = roleOf(docs, mention.key, { model, meeting: mention.meeting });
  const meeting = model.meetings[mention.meeting];
  const header = [`**${escapeMarkdown(mention.name)}**`];
  if (role) header.push(escapeMarkdown(role));
  else if (meeting?.attendeesKnown && !mention.attendee) header.push('not among the attendees');
  const owned = itemsOwnedBy(docs, mention.key);
  const open = withoutTwins(owned.filter(({ item }) => item.status === 'open'));
  const done = withoutTwins(owned.filter(({ item }) => item.status === 'done')).length;
  const lines = [header.join(' · ')];
  const doneNote = done ? ` (${done} done)` : '';
  if (!open.length) {
    lines.push(`No open items${doneNote}.`);
    return lines.join('\n\n');
  }
  const files = new Set(open.map((o) => o.doc.uri)).size;
  lines.push(`${open.length} open item${open.length === 1 ? '' : 's'}${files > 1 ? ` in ${files} files` : ' across the workspace'}${doneNote}:`);
  const listed = open.slice(0, MAX_LISTED).map(({ doc, item }) => {
    const line = doc.model.lines.positionAt(item.span.start).line + 1;
    return `- ${escapeMarkdown(item.task)} · ${itemStanding(item, today)} · ${lineLink(doc.uri, line)}`;
  });
  if (open.length > MAX_LISTED) listed.push(`- … and ${open.length - MAX_LISTED} more`);
  lines.push(listed.join('\n'));
  return lines.join('\n\n');
}

/** An action item and its COMMITMENTS twin are one piece of work: listed once. */
function withoutTwins<T extends { doc: DigestDoc; item: DigestItem }>(entries: T[]): T[] {
  const seen = new Set<string>();
  return entries.filter(({ doc, item }) => {
    if (item.linked.some((id) => seen.has(`${doc.uri}#${id}`))) return false;
    seen.add(`${doc.uri}#${item.id}`);
    return true;
  });
}

function itemHover(item: ActionItem, uri: string, model: NotesModel, today: string): string {
  const how = item.statement && isWritten(item.statement) ? 'in the notes' : 'said';
  const heading = item.source === 'transcript' ? `**${capitalFirst(kindLabel(item))}** (${how}, not in the summary)` : `**${capitalFirst(kindLabel(item))}**`;
  const lines = [`${heading} · ${escapeMarkdown(itemLine(item, today))}`];
  const said = item.source === 'transcript' && item.statement ? item.statement.cues.filter((c) => c.span.start === item.span.start) : item.mentions;
  lines.push(...saidLines(said, uri, model));
  return lines.join('\n\n');
}

function decisionHover(decision: Decision, uri: string, model: NotesModel): string {
  const heading = decision.source === 'transcript' ? '**Decision** (said, not in the summary)' : '**Decision**';
  const said = decision.source === 'transcript' && decision.statement ? decision.statement.cues.filter((c) => c.span.start === decision.span.start) : decision.mentions;
  return [heading, ...saidLines(said, uri, model)].join('\n\n');
}

/** `Said at 07:30 by Mike Johnson (line 34):` and the sentence as a quote; or that it never was. */
function saidLines(cues: StatementCue[], uri: string, model: NotesModel): string[] {
  if (!cues.length) return model.statements.length ? ['Not found in the transcript.'] : [];
  const seen = new Set<number>();
  const lines: string[] = [];
  for (const cue of cues) {
    if (seen.has(cue.statement.span.start)) continue;
    seen.add(cue.statement.span.start);
    const line = model.lines.positionAt(cue.statement.span.start).line + 1;
    const when = whenSaid(cue.statement);
    const verb = isWritten(cue.statement) ? 'Written' : 'Said';
    lines.push(`${verb} ${when ? `${escapeMarkdown(when)} ` : ''}(${lineLink(uri, line, `line ${line}`)}):\n> ${escapeMarkdown(cue.sentence)}`);
  }
  return lines;
}

function statementHover(cues: StatementCue[], uri: string, model: NotesModel): string | null {
  if (!cues.length) return null;
  const { items, decisions } = recordersOf(model, cues);
  const entries = [
    ...decisions.map((d) => ({ at: d.span.start, text: `decision: ${escapeMarkdown(d.text)}` })),
    ...items.map((i) => ({ at: i.span.start, text: `${kindLabel(i)}: ${escapeMarkdown(i.task)}${i.owner ? ` · ${escapeMarkdown(i.owner.name)}` : ''}${i.status === 'done' ? ' · done' : ''}` })),
  ].sort((a, b) => a.at - b.at);
  if (!entries.length) return null;
  const list = entries.map((e) => {
    const line = model.lines.positionAt(e.at).line + 1;
    return `- ${lineLink(uri, line, `line ${line}`)}: ${e.text}`;
  });
  return `**Recorded in the summary**\n\n${list.join('\n')}`;
}

function capitalFirst(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
