// What must hold for any model and any edit, whatever the input: the checks shared by the property
// tests and the fuzz runs. Each throws an Error that says what broke and where.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes } from '../../server/src/core/analyze';
import { type TextEdit, applyEdits, assignOwner, markComplete, recordInSummary, reopen, setDueDate } from '../../server/src/core/edits';
import type { NotesDiagnostic, NotesModel, Span } from '../../server/src/core/model';
import { diagnose } from '../../server/src/core/rules';

/** Every span the model and its diagnostics report, with a label saying what it is. */
export function spansOf(model: NotesModel, diagnostics: NotesDiagnostic[] = []): Array<[string, Span]> {
  const spans: Array<[string, Span]> = [];
  const add = (label: string, span: Span | null | undefined) => span && spans.push([label, span]);
  model.meetings.forEach((m, i) => {
    add(`meeting ${i}`, m.span);
    m.attendees.forEach((a) => add(`attendee ${a.name}`, a.span));
  });
  for (const s of model.sections) add(`section ${s.title}`, s.headerSpan);
  for (const s of model.statements) {
    add('statement', s.span);
    add('speaker', s.speaker?.span);
    for (const c of s.cues) add(`cue ${c.task}`, c.span);
  }
  for (const item of model.items) {
    add(`item ${item.id}`, item.span);
    add('owner', item.owner?.span);
    add('due', item.due?.span);
    const l = item.layout;
    if (l) {
      for (const [k, v] of Object.entries({ span: l.span, checkbox: l.checkbox, doneMarker: l.doneMarker, statusText: l.statusText })) add(`layout.${k}`, v);
      for (const [k, v] of Object.entries({ after: l.after, boxAt: l.boxAt, doneAt: l.doneAt, ownerAt: l.ownerAt, dueAt: l.dueAt })) add(`layout.${k}`, { start: v, end: v });
      l.strike?.forEach((s) => add('layout.strike', s));
      l.table?.cells.forEach((c) => add('layout.cell', c));
    }
  }
  for (const d of model.decisions) add(`decision ${d.id}`, d.span);
  for (const s of model.sections) add(`section insertAt`, { start: s.insertAt, end: s.insertAt });
  for (const d of diagnostics) add(`diagnostic ${d.code}`, d.span);
  return spans;
}

/**
 * Every span lies inside the text, and the server's line index agrees with the one editors use
 * (vscode-languageserver-textdocument) on every position it reports.
 */
export function checkModel(model: NotesModel, diagnostics: NotesDiagnostic[] = []): void {
  const { text } = model;
  const document = TextDocument.create('file:///check.md', 'markdown', 1, text);
  if (model.lines.lineCount !== document.lineCount) throw new Error(`line count ${model.lines.lineCount}, editors count ${document.lineCount}`);
  for (const [label, span] of spansOf(model, diagnostics)) {
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
      throw new Error(`${label}: span ${span.start}..${span.end} is not inside the text (length ${text.length})`);
    }
    for (const offset of [span.start, span.end]) {
      const ours = model.lines.positionAt(offset);
      const theirs = document.positionAt(offset);
      if (ours.line !== theirs.line || ours.character !== theirs.character) {
        throw new Error(`${label}: offset ${offset} is ${ours.line}:${ours.character} for the server but ${theirs.line}:${theirs.character} for an editor`);
      }
    }
  }
}

/** Edits are inside the text, do not overlap, and never cut a surrogate pair or a `\r\n`. */
export function checkEdits(text: string, edits: TextEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  sorted.forEach((edit, i) => {
    const { start, end } = edit.span;
    if (start < 0 || start > end || end > text.length) throw new Error(`${what}: edit ${start}..${end} outside the text`);
    if (i > 0 && sorted[i - 1].span.end > start) throw new Error(`${what}: edits overlap at ${start}`);
    for (const at of [start, end]) {
      if (at > 0 && at < text.length) {
        const before = text.charCodeAt(at - 1);
        const after = text.charCodeAt(at);
        if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) throw new Error(`${what}: edit at ${at} cuts a surrogate pair`);
        if (before === 13 && after === 10) throw new Error(`${what}: edit at ${at} cuts a \\r\\n`);
      }
    }
  });
}

/** Analyses, diagnoses and computes every edit of every item, checking each result. */
export function analyzeAndCheck(text: string, today = '2025-03-12'): NotesModel {
  const model = analyzeNotes(text, { fileName: '2025-03-10-fuzz.md' });
  const diagnostics = diagnose(model, { today });
  checkModel(model, diagnostics);
  const options = { today, writeDoneDate: true };
  for (const item of model.items) {
    const all: Array<[string, TextEdit[]]> = [
      ['complete', markComplete(model, item.id, options)],
      ['reopen', reopen(model, item.id)],
      ['due', setDueDate(model, item.id, '2025-04-01')],
      ['owner', assignOwner(model, item.id, 'Priya Shah')],
      ['record', recordInSummary(model, item.id)],
    ];
    for (const [kind, edits] of all) {
      checkEdits(text, edits, `${kind} ${item.id} "${item.task}"`);
      applyEdits(text, edits);
    }
  }
  for (const decision of model.decisions) checkEdits(text, recordInSummary(model, decision.id), `record ${decision.id}`);
  return model;
}

/**
 * What a reader sees in a model, without offsets: items, decisions, meetings and diagnostics with
 * their line and column. Equal for the `\n`, `\r\n` and `\r` versions of a text.
 */
export function projection(model: NotesModel, today = '2025-03-12'): unknown {
  const at = (span: Span) => {
    const r = model.lines.rangeOf(span);
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
  };
  return {
    looksLikeNotes: model.looksLikeNotes,
    meetings: model.meetings.map((m) => ({ title: m.title, date: m.date, line: m.line, attendees: m.attendees.map((a) => `${a.name}/${a.role}`), at: at(m.span) })),
    sections: model.sections.map((s) => `${s.kind} ${s.title} ${at(s.headerSpan)}`),
    statements: model.statements.map((s) => `${s.time} ${s.speaker?.name} ${s.text.replace(/\s+/g, ' ')} ${at(s.span)}`),
    items: model.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      source: i.source,
      owner: i.owner?.name ?? null,
      task: i.task,
      due: i.due && { text: i.due.text.replace(/\s+/g, ' '), date: i.due.date, vague: i.due.vague, at: at(i.due.span) },
      status: i.status,
      at: at(i.span),
      linked: i.linked,
    })),
    decisions: model.decisions.map((d) => `${d.source} ${d.text} ${at(d.span)}`),
    diagnostics: diagnose(model, { today }).map((d) => `${d.code} ${at(d.span)} ${d.message}`),
  };
}
