import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeNotes } from '../../server/src/core/analyze';
import type { ActionItem, NotesModel } from '../../server/src/core/model';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLE_PATH = join(ROOT, 'examples', 'architecture-review-2024-01-29.txt');

export function sample(): NotesModel {
  return analyzeNotes(readFileSync(SAMPLE_PATH, 'utf8'), { fileName: SAMPLE_PATH });
}

/** Builds notes from lines, so tests read like the notes they test. */
export function notes(...lines: string[]): string {
  return lines.join('\n');
}

export function analyze(text: string, fileName?: string): NotesModel {
  return analyzeNotes(text, fileName ? { fileName } : {});
}

/** 1-based line of an offset, as users and the CLI count. */
export function lineOf(model: NotesModel, offset: number): number {
  return model.lines.positionAt(offset).line + 1;
}

/** An item as one readable line: `108 action Mike Johnson | Test Redis… | Tomorrow=2024-01-30 | open`. */
export function itemLine(model: NotesModel, item: ActionItem): string {
  const due = item.due ? `${item.due.text}=${item.due.date ?? (item.due.vague ? 'vague' : '?')}` : '-';
  return `${lineOf(model, item.span.start)} ${item.kind} ${item.source} ${item.owner?.name ?? '-'} | ${item.task} | ${due} | ${item.status}`;
}

export function onlyItem(model: NotesModel): ActionItem {
  if (model.items.length !== 1) throw new Error(`expected one item, got ${model.items.length}: ${model.items.map((i) => i.task).join('; ')}`);
  return model.items[0];
}
