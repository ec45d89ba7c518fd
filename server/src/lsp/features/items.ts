import type { ActionItemsResult, WorkspaceActionItem } from '../../protocol';
import { toRange } from '../convert';
import type { NotesFile } from '../store';

/** The action items of the given files, as the tree view and other clients get them. */
export function workspaceItems(files: NotesFile[]): WorkspaceActionItem[] {
  return files.flatMap(({ uri, version, model }) =>
    model.items.map((item) => {
      const meeting = model.meetings[item.meeting];
      return {
        id: item.id,
        uri,
        range: toRange(model, item.span),
        owner: item.owner?.name ?? null,
        task: item.task,
        due: item.due ? { text: item.due.text, date: item.due.date, vague: item.due.vague } : null,
        status: item.status,
        kind: item.kind,
        source: item.source,
        meeting: { title: meeting.title, date: meeting.date, index: meeting.index },
        linked: [...item.linked],
        version,
      };
    }),
  );
}

export function actionItemsResult(files: NotesFile[], today: string, skipped: ActionItemsResult['skipped'], complete: boolean): ActionItemsResult {
  return { today, items: workspaceItems(files), skipped, complete };
}
