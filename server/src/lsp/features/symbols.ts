import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from '../vscodeLanguageServer';
import type { NotesModel, Span } from '../../core/model';
import { toRange } from '../convert';

/** Meetings, each with its decisions, action items and commitments (the Outline view). */
export function documentSymbols(model: NotesModel): DocumentSymbol[] {
  const symbol = (name: string, detail: string, kind: SymbolKind, span: Span, children: DocumentSymbol[] = []): DocumentSymbol => ({
    name: name.trim() || '(empty)',
    detail,
    kind,
    range: toRange(model, span),
    selectionRange: toRange(model, span),
    children,
  });
  return model.meetings.map((meeting) => {
    const children = [
      ...model.decisions.filter((d) => d.meeting === meeting.index).map((d) => ({ at: d.span.start, s: symbol(d.text, 'decision', SymbolKind.Event, d.span) })),
      ...model.items
        .filter((i) => i.meeting === meeting.index)
        .map((i) => ({
          at: i.span.start,
          s: symbol(`${i.owner ? `${i.owner.name}: ` : ''}${i.task}`, [i.kind === 'commitment' ? 'commitment' : 'action item', i.due?.date ?? i.due?.text, i.status === 'done' ? 'done' : ''].filter(Boolean).join(' · '), i.kind === 'commitment' ? SymbolKind.Key : SymbolKind.Field, i.span),
        })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((c) => c.s);
    // The meeting spans its whole text, so every child range lies inside it, as LSP requires.
    return symbol(meeting.title, meeting.date ?? '', SymbolKind.Namespace, meeting.span, children);
  });
}
