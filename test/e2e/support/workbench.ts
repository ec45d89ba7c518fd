// Drives the VS Code workbench the way a person does (palette, keyboard, clicks) and reads what
// it shows from the DOM: editor lines, squiggles, code lenses, the Problems panel, the Action
// Items tree. Editor and lists render only what is on screen, so readers reveal lines first and
// scroll lists; callers wrap reads in `eventually` because everything updates asynchronously.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Problem } from './expected';
import { eventually } from './poll';
import { RESULTS_DIR } from './session';

export interface PanelProblem extends Problem {
  file: string;
  source: string;
}

export interface TreeRow {
  label: string;
  description: string;
  /** The codicon name of the row's icon (`warning`, `pass-filled`, `person`…). */
  icon: string;
  /** Whether VS Code decorates the row as a file (problem colour and count). */
  decorated: boolean;
}

export interface TreeGroup extends TreeRow {
  items: TreeRow[];
}

export interface Token {
  text: string;
  color: string;
  bold: boolean;
}

interface RenderedLine {
  spans: Array<Token & { injected: boolean }>;
  squiggles: string[];
  /** The `widgetid` of the code lens row above the line. */
  lens: string | null;
}

/** What the browser reports for one row of a list or tree (fields absent in that kind of row are ''). */
interface RawRow {
  index: number;
  level: number;
  last: boolean;
  label: string;
  description: string;
  icon: string;
  decorated: boolean;
  message: string;
  code: string;
  source: string;
  position: string;
  severity: string;
}

const EDITOR = '.part.editor .editor-group-container.active .monaco-editor';
const QUICK_INPUT = '.quick-input-widget';
const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
const SEVERITIES: Record<string, Problem['severity']> = { error: 'error', warning: 'warning', info: 'information' };

export class Workbench {
  constructor(readonly page: Page) {}

  // ------------------------------------------------------------------ commands and editors

  /** Runs a command from the palette (F1) by its title, as listed there (`Category: Title`). */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator(`${QUICK_INPUT} input`);
    const row = this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { has: this.page.locator('.label-name', { hasText: exactly(title) }) }).first();
    await eventually(async () => {
      await this.page.keyboard.press('Escape'); // whatever quick input or widget was open
      await this.page.keyboard.press('F1');
      await input.waitFor({ timeout: 5000 });
      await input.fill(`>${title}`);
      await row.click({ timeout: 5000 });
    });
    await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
  }

  /** Opens a file of the workspace with Quick Open (Ctrl+P), as a user types its name. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator(`${QUICK_INPUT} input`);
    await input.waitFor();
    await input.fill(name);
    await this.page.locator(`${QUICK_INPUT} .monaco-list-row`, { has: this.page.locator('.label-name', { hasText: exactly(name) }) }).first().click();
    await this.page.locator(`.tabs-container .tab.active[data-resource-name=${JSON.stringify(name)}]`).waitFor();
    await this.page.locator(`${EDITOR} .view-line`).first().waitFor();
  }

  /** Puts the cursor at a 1-based line and column (Go to Line, Ctrl+G), which also scrolls it into view. */
  async goTo(line: number, column = 1): Promise<void> {
    await eventually(async () => {
      await this.page.keyboard.press('Control+G');
      const input = this.page.locator(`${QUICK_INPUT} input`);
      await input.waitFor();
      await input.fill(`:${line}:${column}`);
      await this.page.keyboard.press('Enter');
      await this.page.locator(QUICK_INPUT).waitFor({ state: 'hidden' });
      await this.page.locator('[id="status.editor.selection"]', { hasText: new RegExp(`^\\s*Ln ${line}, Col ${column}\\b`) }).waitFor({ timeout: 5000 });
    });
  }

  /** Saves the active editor (Ctrl+S) and waits until it is no longer dirty, i.e. the file is written. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
  }

  /** Undo (Ctrl+Z) in the active editor. */
  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+1'); // focus the editor, wherever the focus was
    await this.page.keyboard.press('Control+Z');
  }

  /**
   * What the editor draws for a 1-based line: its pieces of text with their style (injected text,
   * such as an inlay hint `Fri 2025-03-07`, marked: it is not in the file), the severities of the
   * squiggles on it and the code lens row above it. The line must be on screen: `goTo` it first.
   */
  private async renderedLine(line: number): Promise<RenderedLine> {
    // (Inline functions only: a named one would be wrapped in the test compiler's `__name` helper,
    // which the page does not have.)
    const found = await this.page.evaluate(
      ([selector, line]) => {
        const editor = document.querySelector(selector as string);
        const number = [...(editor?.querySelectorAll('.margin-view-overlays .line-numbers') ?? [])].find((e) => e.textContent?.trim() === String(line));
        const top = (number?.parentElement as HTMLElement | null | undefined)?.style.top;
        const view = [...(editor?.querySelectorAll<HTMLElement>('.view-lines > .view-line') ?? [])].find((e) => e.style.top === top);
        if (!editor || !number || !top || !view) return null;
        const overlay = [...editor.querySelectorAll<HTMLElement>('.view-overlays > div')].find((e) => e.style.top === top);
        const lineTop = number.getBoundingClientRect().top;
        const lens = [...editor.querySelectorAll('.codelens-decoration')].find((e) => {
          const box = e.getBoundingClientRect();
          return getComputedStyle(e).visibility !== 'hidden' && box.height > 0 && Math.abs(box.bottom - lineTop) <= 3;
        });
        return {
          spans: [...view.querySelectorAll(':scope > span > span')].map((s) => ({
            text: (s.textContent ?? '').replace(/\u00a0/g, ' '),
            color: getComputedStyle(s).color,
            bold: Number(getComputedStyle(s).fontWeight) >= 600,
            injected: /\bdyn-rule-/.test(s.className),
          })),
          squiggles: [...(overlay?.querySelectorAll('[class*="squiggly-"]') ?? [])].map((e) => /squiggly-(error|warning|info|hint)\b/.exec(e.className)?.[1] ?? '').filter(Boolean),
          lens: lens?.getAttribute('widgetid') ?? null,
        };
      },
      [EDITOR, line] as const,
    );
    if (!found) throw new Error(`line ${line} is not on screen`);
    return found;
  }

  /** The text of a 1-based line as the editor shows it, inlay hints left out (the line must be on screen). */
  async lineText(line: number): Promise<string> {
    return (await this.renderedLine(line)).spans.filter((s) => !s.injected).map((s) => s.text).join('');
  }

  /** Severities of the squiggles drawn on a 1-based line (`warning`, `info`, …); the line must be on screen. */
  async squiggles(line: number): Promise<string[]> {
    return (await this.renderedLine(line)).squiggles.sort();
  }

  /** The coloured pieces of a 1-based line, inlay hints left out (the line must be on screen). */
  async tokens(line: number): Promise<Token[]> {
    // The editor splits long runs of one style into several spans: join them back.
    return (await this.renderedLine(line)).spans.reduce<Token[]>((joined, { text, color, bold, injected }) => {
      const last = joined[joined.length - 1];
      if (injected) return joined;
      if (last && last.color === color && last.bold === bold) last.text += text;
      else joined.push({ text, color, bold });
      return joined;
    }, []);
  }

  /** The code lens row drawn above a 1-based line (the line must be on screen). */
  async lensAbove(line: number): Promise<Locator> {
    const { lens } = await this.renderedLine(line);
    if (!lens) throw new Error(`no code lens above line ${line}`);
    return this.page.locator(`${EDITOR} .codelens-decoration[widgetid=${JSON.stringify(lens)}]`);
  }

  /** Opens the quick fixes at the cursor (Ctrl+.) and applies the one with this title. */
  async applyQuickFix(title: string): Promise<void> {
    const fix = this.page.locator('.action-widget .monaco-list-row[role="option"]', { has: this.page.locator('.title', { hasText: exactly(title) }) });
    await eventually(async () => {
      await this.page.keyboard.press('Control+.');
      await fix.click({ timeout: 5000 }).catch(async (error: Error) => {
        await this.page.keyboard.press('Escape'); // the menu without it (fixes still being computed)
        throw error;
      });
    });
    await this.page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'hidden' });
  }

  /** The cursor position the status bar shows, such as `Ln 19, Col 1`. */
  async cursor(): Promise<string> {
    return ((await this.page.locator('[id="status.editor.selection"]').textContent()) ?? '').trim();
  }

  /** The name of the file in the active editor tab. */
  async activeFile(): Promise<string | null> {
    return this.page.locator('.tabs-container .tab.active').getAttribute('data-resource-name');
  }

  // ------------------------------------------------------------------ Problems panel

  /** The Problems panel's entries for one file. */
  async problems(fileName: string): Promise<PanelProblem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    // With no problems at all the panel shows a message instead of its tree.
    if (await this.page.locator('.markers-panel .monaco-list-row').count() === 0) return [];
    const rows = await this.readList(this.page.locator('.markers-panel .monaco-list').first());
    const problems: PanelProblem[] = [];
    let file = '';
    for (const row of rows) {
      if (row.level === 1) file = row.label;
      else if (row.level === 2 && file === fileName) {
        const [, line, column] = /Ln (\d+), Col (\d+)/.exec(row.position) ?? [];
        const severity = Object.entries(SEVERITIES).find(([cls]) => row.severity.split(/\s+/).includes(cls))?.[1];
        if (!line || !column || !severity) throw new Error(`unreadable problem row: ${JSON.stringify(row)}`);
        problems.push({ file, line: Number(line), column: Number(column), severity, code: row.code, message: row.message, source: row.source });
      }
    }
    return problems.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
  }

  // ------------------------------------------------------------------ Action Items view

  private activityItem(): Locator {
    return this.page.locator('.activitybar li.action-item', { has: this.page.locator('a[aria-label^="Meeting Notes"]') });
  }

  /** Shows the Action Items view: a click on its activity-bar icon (unless it is showing already). */
  async openActionItems(): Promise<void> {
    const item = this.activityItem();
    if (!(await item.evaluate((e) => e.classList.contains('checked')))) await item.click();
    await this.actionItemsList().waitFor();
  }

  private actionItemsList(): Locator {
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator('.pane-header[aria-label="Action Items Section"]') }).locator('.monaco-list').first();
  }

  /** The number on the activity-bar icon, or null when it shows none. */
  async badge(): Promise<string | null> {
    const badge = this.activityItem().locator('.badge');
    if (!(await badge.isVisible())) return null;
    return ((await badge.locator('.badge-content').textContent()) ?? '').trim();
  }

  /** The tree of the Action Items view: its groups and their rows (every row, scrolling as needed). */
  async actionItems(): Promise<TreeGroup[]> {
    await this.openActionItems();
    const groups: TreeGroup[] = [];
    for (const row of await this.readList(this.actionItemsList())) {
      const shown = { label: row.label, description: row.description, icon: /codicon-(?!colored)([\w-]+)/.exec(row.icon)?.[1] ?? '', decorated: row.decorated };
      if (row.level === 1) groups.push({ ...shown, items: [] });
      else groups[groups.length - 1]?.items.push(shown);
    }
    return groups;
  }

  /** Clicks a row of the Action Items view by its label (the row must be on screen). */
  async clickActionItem(label: string): Promise<void> {
    await this.actionItemsList().locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: exactly(label) }) }).click();
  }

  /**
   * The tooltip of the first item row of the Action Items view, shown as a keyboard user asks for
   * it (the view focused, Ctrl+K Ctrl+I on the row; the session's hover delay keeps the pointer's
   * hovers away): its text.
   */
  async firstActionItemTooltip(): Promise<string> {
    await this.runCommand('Meeting Notes: Focus on Action Items View');
    await this.page.keyboard.press('Home'); // the first group
    await this.page.keyboard.press('ArrowDown'); // its first item
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.workbench-hover').filter({ visible: true }).last();
    try {
      await hover.waitFor({ timeout: 5000 });
      // It says "Loading..." until the extension has made the tooltip.
      return await eventually(async () => {
        const text = (await hover.innerText()).trim();
        if (/^Loading/.test(text)) throw new Error('the tooltip is still loading');
        return text;
      }, 5000);
    } finally {
      await this.dismiss();
    }
  }

  /** Clicks a button of the view's title bar by its label (`Show Done Items`, `Refresh`…). */
  async clickViewAction(label: string): Promise<void> {
    await this.openActionItems();
    await this.page.locator(`.part.sidebar .composite.title a.action-label[aria-label=${JSON.stringify(label)}]`).filter({ visible: true }).click();
  }

  /** Picks Group By → `Group by <what>` in the view's title bar. */
  async groupBy(what: 'Owner' | 'Due Date' | 'Meeting'): Promise<void> {
    await this.clickViewAction('Group By');
    await this.page.locator('.context-view .monaco-menu .action-label', { hasText: exactly(`Group by ${what}`) }).click();
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'detached' });
  }

  /** Shows or hides done items with the title-bar toggle. */
  async showDoneItems(show: boolean): Promise<void> {
    const [now, next] = show ? ['Show Done Items', 'Hide Done Items'] : ['Hide Done Items', 'Show Done Items'];
    await this.openActionItems();
    const title = this.page.locator('.part.sidebar .composite.title');
    if (await title.locator(`a.action-label[aria-label="${now}"]`).filter({ visible: true }).count()) await this.clickViewAction(now);
    await title.locator(`a.action-label[aria-label="${next}"]`).filter({ visible: true }).waitFor();
  }

  // ------------------------------------------------------------------ lists, screenshots

  /**
   * Every row of a virtualised list or tree (only the visible rows are in the DOM): scrolls from
   * the top with the mouse wheel, collecting rows by index, until the last row has been seen.
   */
  private async readList(list: Locator): Promise<RawRow[]> {
    // (Inline functions only, as in renderedLine.)
    const collect = () =>
      list.evaluate((root) =>
        [...root.querySelectorAll<HTMLElement>('.monaco-list-rows > .monaco-list-row')].map((row) => {
          const [label, description, message, code, source, position] = ['.label-name', '.label-description', '.marker-message', '.marker-code', '.marker-source', '.marker-line'].map((selector) =>
            (row.querySelector(selector)?.textContent ?? '').trim(),
          );
          return {
            index: Number(row.dataset.index),
            level: Number(row.getAttribute('aria-level') ?? 1),
            last: row.dataset.lastElement === 'true',
            label: label!,
            description: description!,
            icon: row.querySelector('.custom-view-tree-node-item-icon')?.className ?? '',
            decorated: /monaco-decoration-/.test(row.querySelector('.monaco-icon-label')?.className ?? ''),
            message: message!,
            code: code!,
            source: source!,
            position: position!,
            severity: row.querySelector('.marker-icon')?.className ?? '',
          };
        }),
      );
    // Scrolls with the mouse wheel over the list (the session disables tooltips, which would
    // otherwise pop up under the pointer and take the wheel). A wheel event scrolls one notch
    // (50 px), whatever its delta; the list renders in the next animation frames.
    const box = await list.boundingBox();
    if (!box) throw new Error('the list is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
    const scroll = async (notches: number) => {
      for (let i = 0; i < Math.abs(notches); i++) await this.page.mouse.wheel(0, Math.sign(notches) * 100);
      await list.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    };
    const perPage = Math.max(1, Math.floor((box.height * 0.6) / 50));
    let rows = await collect();
    for (let step = 0; rows.length && !rows.some((r) => r.index === 0); step++) {
      if (step === 100) throw new Error('the list does not scroll to its top');
      await scroll(-4 * perPage);
      rows = await collect();
    }
    const seen = new Map<number, RawRow>();
    for (let step = 0; ; step++) {
      for (const row of rows) seen.set(row.index, row);
      if (!rows.length || rows.some((r) => r.last)) break;
      if (step === 200) throw new Error('the list does not scroll to its end');
      await scroll(perPage);
      rows = await collect();
    }
    if (seen.size && Math.max(...seen.keys()) !== seen.size - 1) throw new Error('rows were skipped while scrolling the list');
    // Back to the top, as the list was before it was read.
    for (let step = 0; rows.length && !rows.some((r) => r.index === 0) && step < 100; step++) {
      await scroll(-4 * perPage);
      rows = await collect();
    }
    await this.moveMouseAway();
    return [...seen.values()].sort((a, b) => a.index - b.index);
  }

  /** Drags the sash at the side bar's right edge so the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const bar = await this.page.locator('.part.sidebar').boundingBox();
    if (!bar) throw new Error('the side bar is not showing');
    const edge = bar.x + bar.width;
    await this.page.mouse.move(edge, bar.y + bar.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(bar.x + width, bar.y + bar.height / 2, { steps: 5 });
    await this.page.mouse.up();
    await eventually(async () => {
      const now = await this.page.locator('.part.sidebar').boundingBox();
      if (!now || Math.abs(now.width - width) > 4) throw new Error(`the side bar is ${now?.width} px wide, not ${width}`);
    }, 5000);
    await this.moveMouseAway();
  }

  /** Parks the pointer on an empty part of the title bar, so no hover covers what a screenshot shows. */
  async moveMouseAway(): Promise<void> {
    const size = this.page.viewportSize();
    await this.page.mouse.move((size?.width ?? 1600) * 0.85, 12);
  }

  /** Saves a screenshot of the whole window as test-results/<name>.png. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const path = join(RESULTS_DIR, `${name}.png`);
    await this.moveMouseAway();
    await this.page.screenshot({ path });
    return path;
  }

  /** Closes menus, widgets and the quick input, whatever is open. */
  async dismiss(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }
}
