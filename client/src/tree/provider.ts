import * as vscode from 'vscode';
import type { ActionItemsResult } from '../../../server/src/protocol';
import { type ViewOptions, groupItems } from '../logic/grouping';
import { isOverdue } from '../logic/dueLabels';
import { GroupNode, ItemNode, type TreeNode } from './nodes';

/** The Action Items tree: it holds the latest items from the server and delegates rows to node classes. */
export class ActionItemsProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: ActionItemsResult = { today: '', items: [], skipped: [], complete: false };
  private roots: GroupNode[] = [];

  constructor(private options: ViewOptions) {}

  get items() {
    return this.result.items;
  }

  get today() {
    return this.result.today;
  }

  get viewOptions(): ViewOptions {
    return this.options;
  }

  setItems(result: ActionItemsResult): void {
    this.result = result;
    this.rebuild();
  }

  setOptions(options: Partial<ViewOptions>): void {
    this.options = { ...this.options, ...options };
    this.rebuild();
  }

  overdueCount(): number {
    return this.result.items.filter((i) => isOverdue(i, this.result.today)).length;
  }

  private rebuild(): void {
    this.roots = groupItems(this.result.items, this.options, this.result.today).map((g) => new GroupNode(g));
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.toTreeItem({ today: this.result.today, groupBy: this.options.groupBy });
  }

  /** Fills in what rows leave out until VS Code needs it: an item's tooltip, on hover. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node instanceof ItemNode && item.tooltip === undefined) item.tooltip = node.tooltip(this.result.today);
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    // An empty root list shows the view's welcome content.
    return node ? node.children() : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node instanceof ItemNode) return this.roots.find((g) => node.id.startsWith(`${g.id}/`));
    return undefined;
  }
}
