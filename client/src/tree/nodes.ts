import * as vscode from 'vscode';
import type { WorkspaceActionItem } from '../../../server/src/protocol';
import { type GroupBy, type ItemGroup, startsExpanded } from '../logic/grouping';
import { itemState, rowDescription, rowTooltip } from '../logic/rows';

export interface NodeContext {
  today: string;
  groupBy: GroupBy;
}

/** A node of the Action Items tree; each kind of node knows how it is shown. */
export abstract class TreeNode {
  abstract readonly id: string;
  abstract toTreeItem(context: NodeContext): vscode.TreeItem;
  children(): TreeNode[] {
    return [];
  }
}

export class GroupNode extends TreeNode {
  readonly id: string;

  private readonly expanded: boolean;

  constructor(readonly group: ItemGroup) {
    super();
    this.expanded = startsExpanded(group);
    // VS Code keeps a node's state by its id, whatever the state it is given later: a group that
    // first showed a few items (a large workspace being read) would stay open as it grows. A large
    // group is another node, so it starts collapsed once it is large.
    this.id = this.expanded ? group.key : `${group.key}~large`;
  }

  override children(): TreeNode[] {
    return this.group.items.map((item) => new ItemNode(item, this.id));
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.label, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [this.group.description, `${this.group.items.length}`].filter(Boolean).join(' · ');
    item.contextValue = 'group';
    const { key } = this.group;
    item.iconPath = new vscode.ThemeIcon(key.startsWith('owner:') ? 'person' : key.startsWith('meeting:') ? 'calendar' : key.startsWith('series:') ? 'history' : key === 'due:overdue' ? 'warning' : 'clock');
    return item;
  }
}

const ICONS = {
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  unrecorded: new vscode.ThemeIcon('comment-unresolved', new vscode.ThemeColor('list.warningForeground')),
  action: new vscode.ThemeIcon('circle-large-outline'),
  commitment: new vscode.ThemeIcon('pinned'),
};

export class ItemNode extends TreeNode {
  readonly id: string;

  constructor(readonly item: WorkspaceActionItem, parentKey: string) {
    super();
    // Unique per group: the same item may sit under several meetings of a series later on.
    this.id = `${parentKey}/${item.uri}#${item.id}`;
  }

  toTreeItem({ today, groupBy }: NodeContext): vscode.TreeItem {
    const state = itemState(this.item, today);
    const row = new vscode.TreeItem(this.item.task || '(no task text)', vscode.TreeItemCollapsibleState.None);
    row.id = this.id;
    row.description = rowDescription(this.item, today, groupBy);
    // No tooltip here: VS Code asks for it on hover (`tooltip`), so that a refresh of a large
    // workspace's tree does not write (and send to the window) tens of thousands of them.
    row.iconPath = state === 'open' ? ICONS[this.item.kind] : ICONS[state];
    row.contextValue = state === 'done' ? 'item.done' : state === 'unrecorded' ? 'item.unrecorded' : 'item.open';
    // No resourceUri: VS Code would decorate every row with its file's problem colour and count,
    // so an item due next month would look as alarming as the overdue one above it.
    row.command = { command: 'meetingNotes.goToItem', title: 'Go to item', arguments: [this] };
    return row;
  }

  /** The row's tooltip, asked for when the pointer rests on it. */
  tooltip(today: string): vscode.MarkdownString {
    return new vscode.MarkdownString(rowTooltip(this.item, today));
  }
}
