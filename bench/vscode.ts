// The Action Items view in a real VS Code (code-server and headless Chromium, the end-to-end
// tests' toolchain) on the benchmark's 10,000-file workspace: how long until the view shows the
// whole listing, and how much CPU the extension host spent until then (the tree's share of the
// work: the language server runs in a process of its own).
//
//   bash test/e2e/install.sh && npm run package && npm run bench:vscode [-- --vsix OTHER.vsix] [--runs N] [--screenshot PNG]
//
// Needs the corpus `npm run bench` generates (bench/corpus/workspace-10000). Each run starts VS Code
// afresh (a new user-data folder, so a cold index).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../test/helpers/notes';
import { Session } from '../test/e2e/support/session';
import { Workbench } from '../test/e2e/support/workbench';

const WORKSPACE = join(ROOT, 'bench', 'corpus', 'workspace-10000');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (100 Hz)
}

async function once(vsix: string | undefined): Promise<{ serverMs: number; firstRowsMs: number; completeMs: number; hostCpuS: number; groups: number }> {
  const session = await Session.start({ folder: WORKSPACE, vsix });
  try {
    const start = performance.now();
    let serverMs = 0;
    const watch = setInterval(() => {
      if (!serverMs && session.languageServerPids().length) serverMs = performance.now() - start;
    }, 20);
    // The view is opened at once; the page is read from the start (the view's pane is not there
    // until VS Code has shown it).
    const opening = new Workbench(session.page).openActionItems();
    let firstRowsMs = 0;
    for (;;) {
      const { rows, reading } = await session.page.evaluate(() => {
        const pane = [...document.querySelectorAll<HTMLElement>('.part.sidebar .pane')].find((p) => p.querySelector('.pane-header[aria-label="Action Items Section"]'));
        return { rows: pane?.querySelectorAll('.monaco-list-row').length ?? 0, reading: !pane || /Reading the workspace/.test(pane.innerText) };
      });
      const now = performance.now() - start;
      if (rows && !firstRowsMs) firstRowsMs = now;
      if (rows && !reading) break;
      if (now > 300_000) throw new Error('the view did not complete in 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await opening;
    const pane = session.page.locator('.part.sidebar .pane', { has: session.page.locator('.pane-header[aria-label="Action Items Section"]') });
    const completeMs = performance.now() - start;
    clearInterval(watch);
    const pid = session.extensionHostPid();
    const groups = await pane.locator('.monaco-list-row[aria-level="1"]').count();
    const screenshot = option('screenshot');
    if (screenshot) await session.page.screenshot({ path: screenshot });
    return { serverMs, firstRowsMs, completeMs, hostCpuS: pid ? cpuSeconds(pid) : NaN, groups };
  } finally {
    await session.stop();
  }
}

async function main(): Promise<void> {
  const vsix = option('vsix');
  const runs = Number(option('runs') ?? 3);
  for (let run = 1; run <= runs; run++) {
    const r = await once(vsix);
    console.log(`run ${run}: language server started ${(r.serverMs / 1000).toFixed(1)} s, first rows ${(r.firstRowsMs / 1000).toFixed(1)} s, complete ${(r.completeMs / 1000).toFixed(1)} s after the workbench loaded; extension host CPU ${r.hostCpuS.toFixed(1)} s; ${r.groups} groups shown`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
