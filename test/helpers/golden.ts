import type { NotesDiagnostic, NotesModel } from '../../server/src/core/model';

/** The model and diagnostics of a file as readable lines, for golden files a reviewer can read. */
export function goldenLines(model: NotesModel, diagnostics: NotesDiagnostic[]): string[] {
  const line = (offset: number) => model.lines.positionAt(offset).line + 1;
  const due = (d: { text: string; date: string | null; vague: boolean } | null) =>
    d ? ` · due ${d.text} = ${d.date ?? (d.vague ? 'vague' : 'unresolved')}` : '';
  const out: string[] = [];
  for (const m of model.meetings) {
    const people = m.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ') || 'no attendees listed';
    out.push(`meeting ${m.line + 1} "${m.title}" · ${m.date ?? 'no date'}${m.dateSource ? ` (${m.dateSource})` : ''} · ${people}`);
  }
  for (const s of model.sections) out.push(`section ${line(s.headerSpan.start)} ${s.kind} "${s.title}"`);
  for (const s of model.statements) {
    for (const c of s.cues) {
      const who = s.speaker ? `${s.time ? `[${s.time}] ` : ''}${s.speaker.name}` : '(no speaker)';
      out.push(`said ${line(c.span.start)} ${who} · ${c.kind} "${c.task}"${c.owner && c.owner !== s.speaker ? ` for ${c.owner.name}` : ''}${due(c.due)}`);
    }
  }
  const byId = new Map(model.items.map((i) => [i.id, i]));
  for (const i of model.items) {
    const parts = [
      `item ${line(i.span.start)} ${i.kind}${i.source === 'transcript' ? ' (transcript only)' : ''}`,
      i.owner?.name ?? 'no owner',
      `"${i.task}"${due(i.due)}`,
      i.status + (i.doneDate ? ` ${i.doneDate}` : ''),
    ];
    if (i.mentions.length) parts.push(`said at ${i.mentions.map((c) => line(c.span.start)).join(', ')}`);
    if (i.linked.length) parts.push(`linked to ${i.linked.map((id) => line(byId.get(id)!.span.start)).join(', ')}`);
    out.push(parts.join(' · '));
  }
  for (const d of model.decisions) {
    out.push(`decision ${line(d.span.start)}${d.source === 'transcript' ? ' (transcript only)' : ''} "${d.text}"${d.mentions.length ? ` · said at ${d.mentions.map((c) => line(c.span.start)).join(', ')}` : ''}`);
  }
  for (const d of diagnostics) {
    const at = model.lines.positionAt(d.span.start);
    out.push(`${at.line + 1}:${at.character + 1} ${d.severity} ${d.code} ${d.message}`);
  }
  return out;
}
