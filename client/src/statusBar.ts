import * as vscode from 'vscode';

/** `☑ 11 open · ⚠ 2 overdue` in the status bar; a click opens the Action Items view. */
export class ItemsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('meetingNotes.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Meeting Notes: action items';
    this.item.command = 'meetingNotes.actionItems.focus';
  }

  update(open: number, overdue: number): void {
    if (!open && !overdue) {
      this.item.hide();
      return;
    }
    this.item.text = `$(checklist) ${open} open${overdue ? ` · $(warning) ${overdue} overdue` : ''}`;
    this.item.tooltip = `${open} open action item${open === 1 ? '' : 's'}${overdue ? `, ${overdue} overdue` : ''} in this workspace's meeting notes`;
    this.item.backgroundColor = overdue ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
