// Mocha root hooks of the e2e suite (loaded with --require): one VS Code session for all tests,
// a screenshot when a test fails, the notes put back after each test, everything stopped at the end.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../../helpers/notes';
import { RESULTS_DIR, Session, TIMEOUT_MS } from './session';
import { Workbench } from './workbench';

/** The real sample notes, the one most tests work on. */
export const SAMPLE = 'architecture-review-2024-01-29.txt';

let session: Session | undefined;
let bench: Workbench | undefined;

export function workbench(): Workbench {
  if (!bench) throw new Error('the e2e session did not start (see the "before all" hook)');
  return bench;
}

/** The workspace folder VS Code shows (a copy of examples/). */
export function workspace(): string {
  if (!session) throw new Error('the e2e session did not start (see the "before all" hook)');
  return session.workspace;
}

/** The process ids of the extension's language servers now running. */
export function languageServerPids(): number[] {
  if (!session) throw new Error('the e2e session did not start (see the "before all" hook)');
  return session.languageServerPids();
}

/** The command lines of the extension's language servers now running. */
export function languageServerArgs(): string[][] {
  if (!session) throw new Error('the e2e session did not start (see the "before all" hook)');
  return session.languageServers().map((server) => server.args);
}

/** A notes file's text as the repository has it (`name` relative to examples/). */
export function originalText(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}

/** A notes file's text as it is on disk in the workspace (what VS Code saved). */
export function savedText(name: string): string {
  return readFileSync(join(workspace(), name), 'utf8');
}

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/** Puts every notes file back as the repository has it, on disk and in the editors. */
async function restoreNotes(wb: Workbench): Promise<void> {
  await wb.dismiss();
  const changed = new Set<string>();
  const examples = join(ROOT, 'examples');
  for (const name of readdirSync(examples, { recursive: true, encoding: 'utf8' })) {
    if (statSync(join(examples, name)).isDirectory() || savedText(name) === originalText(name)) continue;
    writeFileSync(join(workspace(), name), originalText(name));
    changed.add(basename(name)); // as the editor tab names it
  }
  const tabs = wb.page.locator('.tabs-container .tab');
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    const name = (await tab.getAttribute('data-resource-name')) ?? '';
    if (changed.has(name) || (await tab.evaluate((e) => e.classList.contains('dirty')))) {
      await tab.click();
      await wb.runCommand('File: Revert File');
      await tab.and(wb.page.locator('.dirty')).waitFor({ state: 'detached' });
    }
  }
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(TIMEOUT_MS * 6);
    const started = Date.now();
    rmSync(RESULTS_DIR, { recursive: true, force: true }); // only this run's screenshots
    session = await Session.start();
    bench = new Workbench(session.page);
    // The extension is active and has read the workspace once its status bar item shows.
    await session.page.locator('[id="meeting-notes.meeting-notes-actions.meetingNotes.status"]').waitFor({ timeout: TIMEOUT_MS * 2 });
    await bench.resizeSideBar(420); // room for the rows' due dates, in the screenshots too
    console.log(`    (VS Code ready with the extension after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  },

  async afterEach(this: Mocha.Context) {
    this.timeout(TIMEOUT_MS * 2);
    const test = this.currentTest;
    if (!bench || !session) return;
    if (test?.state === 'failed') {
      const shot = await bench.screenshot(`failed-${slug(test.fullTitle())}`).catch((e: Error) => `(no screenshot: ${e.message})`);
      console.log(`    screenshot of the failure: ${shot}\n    code-server's last lines:\n${session.serverLog().replace(/^/gm, '      ')}`);
    }
    await restoreNotes(bench);
  },

  async afterAll(this: Mocha.Context) {
    this.timeout(TIMEOUT_MS);
    await session?.stop();
    session = undefined;
    bench = undefined;
  },
};
