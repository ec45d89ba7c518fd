import type { FileSummary } from '../../core/summary';
import type { ActionItemsResult, WorkspaceActionItem } from '../../protocol';

/** A notes file as the workspace listing sees it: an open document's summary, or an indexed file's. */
export interface SummarizedFile {
  uri: string;
  /** The editor's version for an open document; null for a file read from disk. */
  version: number | null;
  summary: FileSummary;
}

/** The action items of the given files, as the tree view and other clients get them. */
export function workspaceItems(files: SummarizedFile[]): WorkspaceActionItem[] {
  return files.flatMap(({ uri, version, summary }) =>
    summary.items.map((item) => {
      const meeting = summary.meetings[item.meeting];
      return {
        id: item.id,
        uri,
        range: item.range,
        owner: item.owner,
        task: item.task,
        due: item.due,
        status: item.status,
        kind: item.kind,
        source: item.source,
        meeting: { title: meeting?.title ?? '', date: meeting?.date ?? null, index: item.meeting },
        linked: [...item.linked],
        version,
      };
    }),
  );
}

export function actionItemsResult(files: SummarizedFile[], today: string, skipped: ActionItemsResult['skipped'], complete: boolean): ActionItemsResult {
  return { today, items: workspaceItems(files), skipped, complete };
}
