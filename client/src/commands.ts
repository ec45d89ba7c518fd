import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { type ItemCommandArgs, ServerCommands, type WorkspaceActionItem } from '../../server/src/protocol';
import { type GroupBy, type ViewOptions, ownersOf } from './logic/grouping';
import { itemsAsMarkdown } from './logic/rows';
import { ItemNode } from './tree/nodes';
import type { ActionItemsProvider } from './tree/provider';

/** The palette, title-bar, inline and context-menu commands of the Action Items view. */
export function registerCommands(
  client: LanguageClient,
  provider: ActionItemsProvider,
  setOptions: (options: Partial<ViewOptions>) => void,
  refresh: () => Promise<void>,
): vscode.Disposable[] {
  /** The items a command acts on: the clicked row (and the other selected rows), or the item at the cursor. */
  const target = (node?: unknown, selected?: unknown[]): WorkspaceActionItem[] => {
    const nodes = selected?.length ? selected : node ? [node] : [];
    const items = nodes.filter((n): n is ItemNode => n instanceof ItemNode).map((n) => n.item);
    if (items.length) return items;
    const editor = vscode.window.activeTextEditor;
    if (!editor) return [];
    const uri = editor.document.uri.toString();
    const line = editor.selection.active.line;
    const here = provider.items.filter((i) => i.uri === uri && i.range.start.line <= line && line <= i.range.end.line);
    return here.slice(0, 1);
  };

  const runOnItems = async (serverCommand: string, node?: unknown, selected?: unknown[]) => {
    const items = target(node, selected);
    if (!items.length) {
      void vscode.window.showInformationMessage('Select an action item in the Action Items view, or put the cursor on one in the notes.');
      return;
    }
    // One at a time: each edit is computed on the text the previous one left.
    for (const item of items) {
      const args: ItemCommandArgs = { uri: item.uri, itemId: item.id, version: item.version };
      await client.sendRequest(ExecuteCommandRequest.type, { command: serverCommand, arguments: [args] });
    }
  };

  const groupBy = (value: GroupBy) => () => setOptions({ groupBy: value });

  return [
    vscode.commands.registerCommand('meetingNotes.refresh', refresh),
    vscode.commands.registerCommand('meetingNotes.groupByOwner', groupBy('owner')),
    vscode.commands.registerCommand('meetingNotes.groupByDue', groupBy('due')),
    vscode.commands.registerCommand('meetingNotes.groupByMeeting', groupBy('meeting')),
    vscode.commands.registerCommand('meetingNotes.groupBySeries', groupBy('series')),
    vscode.commands.registerCommand('meetingNotes.showDone', () => setOptions({ showDone: true })),
    vscode.commands.registerCommand('meetingNotes.hideDone', () => setOptions({ showDone: false })),
    vscode.commands.registerCommand('meetingNotes.filterOwner', async () => {
      const owner = await vscode.window.showQuickPick(ownersOf(provider.items), { placeHolder: 'Show only the action items of…' });
      if (owner) setOptions({ owner });
    }),
    vscode.commands.registerCommand('meetingNotes.clearOwnerFilter', () => setOptions({ owner: null })),
    vscode.commands.registerCommand('meetingNotes.markComplete', (node?: unknown, selected?: unknown[]) => runOnItems(ServerCommands.markComplete, node, selected)),
    vscode.commands.registerCommand('meetingNotes.reopen', (node?: unknown, selected?: unknown[]) => runOnItems(ServerCommands.reopen, node, selected)),
    vscode.commands.registerCommand('meetingNotes.addToSummary', (node?: unknown, selected?: unknown[]) => runOnItems(ServerCommands.recordInSummary, node, selected)),
    vscode.commands.registerCommand('meetingNotes.goToItem', async (node?: unknown) => {
      const [item] = target(node);
      if (!item) return;
      const range = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(item.uri), { selection: range, preview: true });
    }),
    vscode.commands.registerCommand('meetingNotes.copyAsMarkdown', async (node?: unknown, selected?: unknown[]) => {
      const items = target(node, selected);
      if (!items.length) return;
      await vscode.env.clipboard.writeText(itemsAsMarkdown(items));
      void vscode.window.setStatusBarMessage(`Copied ${items.length} action item${items.length === 1 ? '' : 's'} as Markdown`, 3000);
    }),
  ];
}
