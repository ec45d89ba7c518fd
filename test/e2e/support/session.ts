// One e2e session: a copy of examples/, the packaged extension installed into a fresh extensions
// folder, code-server with a throwaway user-data folder, and headless Chromium showing it. The
// tests share it (starting VS Code takes a while on a small machine); each test leaves the notes
// as it found them.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { ROOT } from '../../helpers/notes';
import { CodeServer, runCodeServer } from './codeServer';
import { loadToolchain } from './toolchain';

/**
 * The day the language server judges due dates against (`MEETING_NOTES_TODAY`), and the CLI's
 * `--today` for the expected results: the Monday after the sample meeting, when it reconvenes.
 * Some items are overdue then, some due today, this week or later, whatever the real date is.
 */
export const E2E_TODAY = '2024-02-05';

export const VSIX = join(ROOT, 'meeting-notes-actions.vsix');
export const RESULTS_DIR = join(ROOT, 'test-results');

/** Bounds every wait of the suite; generous, because two cores are shared with other work. */
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 60_000);

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  // Nothing pops up under the pointer and covers what a test clicks, scrolls or photographs.
  'editor.hover.enabled': false,
  'workbench.hover.delay': 3_600_000,
  'editor.stickyScroll.enabled': false,
  'workbench.tree.enableStickyScroll': false,
  // The workspace stays untrusted (Restricted Mode), as a freshly cloned repository is: the
  // extension declares that it works there. No prompt and no banner ask about it.
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

export class Session {
  private constructor(
    readonly page: Page,
    /** The folder the workbench shows: a copy of examples/. */
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    private readonly tmp: string,
    private readonly removeTmp: () => void,
  ) {}

  /**
   * Starts VS Code on a copy of examples/, or (`folder`) on a folder as it is, with the packaged
   * extension (or another `.vsix`).
   */
  static async start(options: { folder?: string; vsix?: string } = {}): Promise<Session> {
    const vsix = options.vsix ?? VSIX;
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: \`npm run test:e2e\` packages it (npm run package)`);
    const toolchain = loadToolchain();
    const tmp = mkdtempSync(join(tmpdir(), 'meeting-notes-e2e-'));
    // Removed by stop(), or when the process exits some other way (Ctrl+C, a crash), after
    // codeServer.ts has killed the processes that write into it.
    const removeTmp = () => {
      if (process.env.E2E_KEEP_TMP !== '1') rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
    };
    process.on('exit', removeTmp);
    const workspace = options.folder ?? join(tmp, 'examples');
    if (!options.folder) cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    const userDataDir = join(tmp, 'user-data');
    const extensionsDir = join(tmp, 'extensions');
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir);
    writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    // Config, logs and IPC sockets of code-server and Chromium stay inside tmp, removed at the end.
    const xdg = join(tmp, 'xdg');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      XDG_RUNTIME_DIR: join(xdg, 'runtime'),
      MEETING_NOTES_TODAY: E2E_TODAY,
    };
    mkdirSync(env.XDG_RUNTIME_DIR!, { recursive: true, mode: 0o700 });
    const dirs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', join(tmp, 'config.yaml')];

    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      await runCodeServer(toolchain, [...dirs, '--install-extension', vsix, '--force'], env, TIMEOUT_MS * 2);
      const started = await CodeServer.start(toolchain, { folder: workspace, userDataDir, extensionsDir, configFile: join(tmp, 'config.yaml'), env, timeoutMs: TIMEOUT_MS });
      server = started.server;
      browser = await chromium.launch({
        executablePath: toolchain.chromium,
        headless: true,
        env,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
        timeout: TIMEOUT_MS,
      });
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      context.setDefaultTimeout(TIMEOUT_MS);
      const page = await context.newPage();
      await page.goto(started.url, { timeout: TIMEOUT_MS * 2 });
      await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT_MS * 2 });
      return new Session(page, workspace, browser, server, tmp, removeTmp);
    } catch (error) {
      if (server && error instanceof Error) error.message += `\ncode-server output (last lines):\n${server.lastLines()}`;
      await browser?.close().catch(() => {});
      await server?.stop();
      removeTmp();
      process.off('exit', removeTmp);
      throw error;
    }
  }

  /** The process ids of the extension's language servers now running (read from /proc). */
  languageServerPids(): number[] {
    return this.languageServers().map((server) => server.pid);
  }

  /** The extension's language servers now running, with their command lines. */
  languageServers(): Array<{ pid: number; args: string[] }> {
    const script = join(this.tmp, 'extensions');
    return this.processes((args) => args.some((arg) => arg.startsWith(script) && arg.endsWith(`${sep}dist${sep}server.js`)));
  }

  /** The process id of the session's extension host (its environment points into the session's folder), or null. */
  extensionHostPid(): number | null {
    const own = this.processes((args, pid) => args.includes('--type=extensionHost') && readFileSync(`/proc/${pid}/environ`, 'utf8').includes(this.tmp));
    return own[0]?.pid ?? null;
  }

  /** The processes now running (read from /proc) that `matches` picks, with their command lines. */
  private processes(matches: (args: string[], pid: string) => boolean): Array<{ pid: number; args: string[] }> {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .flatMap((pid) => {
        try {
          const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          return matches(args, pid) ? [{ pid: Number(pid), args }] : [];
        } catch {
          return []; // ended meanwhile
        }
      });
  }

  /** code-server's last output lines, to explain a failure. */
  serverLog(): string {
    return this.server.lastLines();
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.server.stop();
    if (process.env.E2E_KEEP_TMP === '1') console.log(`    (kept ${this.tmp})`);
    this.removeTmp();
    process.off('exit', this.removeTmp);
  }
}
