import type { SeriesIndex } from '../../core/series';
import type { ActionItemsResult, ItemSeries, WorkspaceActionItem } from '../../protocol';
import type { WorkspaceFile } from '../store';

/** The action items of the given files, as the tree view and other clients get them. */
export function workspaceItems(files: WorkspaceFile[], series?: SeriesIndex): WorkspaceActionItem[] {
  return files.flatMap((file) => fileItems(file, series));
}

/** The action items of one file. */
export function fileItems({ uri, version, digest }: WorkspaceFile, series?: SeriesIndex): WorkspaceActionItem[] {
  return digest.items.map((item) => {
    const meeting = digest.meetings[item.meeting];
    return {
      id: item.id,
      uri,
      range: digest.lines.rangeOf(item.span),
      owner: item.owner?.name ?? null,
      task: item.task,
      due: item.due ? { text: item.due.text, date: item.due.date, vague: item.due.vague } : null,
      status: item.status,
      kind: item.kind,
      source: item.source,
      meeting: { title: meeting.title, date: meeting.date, index: meeting.index },
      linked: [...item.linked],
      version,
      series: series ? itemSeries(series, uri, item.id) : null,
    };
  });
}

export function itemSeries(series: SeriesIndex, uri: string, itemId: string): ItemSeries | null {
  const info = series.item(uri, itemId);
  if (!info) return null;
  const later = info.next ? info.thread.entries[info.thread.entries.length - 1] : null;
  return {
    id: info.series.id,
    title: info.series.title,
    waited: info.waited,
    carriedTo: later ? { uri: later.file, date: later.meeting.date, status: later.status } : null,
    dropped: info.omittedIn !== null,
  };
}

export function actionItemsResult(files: WorkspaceFile[], today: string, skipped: ActionItemsResult['skipped'], complete: boolean, series?: SeriesIndex): ActionItemsResult {
  return { today, items: workspaceItems(files, series), skipped, complete };
}
