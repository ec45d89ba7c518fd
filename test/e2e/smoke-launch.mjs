#!/usr/bin/env node
// Smoke test of the e2e toolchain installed by test/e2e/install.sh: starts
// code-server (with Node 24) on 127.0.0.1:PORT opening FOLDER, opens it in
// headless Debian Chromium through playwright-core, waits for the VS Code
// workbench and takes a screenshot. code-server is always stopped at the end,
// on failure too.
//
// Usage: node test/e2e/smoke-launch.mjs PORT FOLDER [SCREENSHOT.png]
//   (default screenshot: /tmp/e2e-proof.png)
// Reads NODE24, CODE_SERVER, PLAYWRIGHT_CORE_DIR, CHROMIUM from the environment,
// else from ${E2E_CACHE:-<repo>/.cache/e2e}/env.sh.
// Env: SMOKE_TIMEOUT_MS (default 120000) bounds each wait; SMOKE_KEEP_TMP=1
// keeps the temporary dir (user data with VS Code logs under user-data/logs,
// extensions dir); on failure the last code-server output lines are printed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [portArg, folderArg, shotArg = '/tmp/e2e-proof.png'] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port <= 0 || port > 65535 || !folderArg) {
  console.error('usage: node test/e2e/smoke-launch.mjs PORT FOLDER [SCREENSHOT.png]');
  process.exit(2);
}
const folder = resolve(folderArg);
if (!existsSync(folder)) {
  console.error(`smoke: folder not found: ${folder}`);
  process.exit(2);
}
const TIMEOUT = Number(process.env.SMOKE_TIMEOUT_MS || 120_000);

function loadEnv() {
  const names = ['NODE24', 'CODE_SERVER', 'PLAYWRIGHT_CORE_DIR', 'CHROMIUM'];
  const env = Object.fromEntries(names.map((n) => [n, process.env[n]]));
  if (names.every((n) => env[n])) return env;
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const file = join(process.env.E2E_CACHE || join(repo, '.cache', 'e2e'), 'env.sh');
  if (!existsSync(file)) throw new Error(`${file} missing: run test/e2e/install.sh first`);
  for (const m of readFileSync(file, 'utf8').matchAll(/^export (\w+)='([^']*)'$/gm)) {
    if (names.includes(m[1]) && !env[m[1]]) env[m[1]] = m[2];
  }
  for (const n of names) if (!env[n]) throw new Error(`${n} not set and not in ${file}`);
  return env;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log('smoke:', ...a);

let server; // code-server child process (leader of its own process group)
let serverExited = false;
let browser;
let tmp;
const serverLog = [];

async function stopServer() {
  if (!server || serverExited) return;
  const killGroup = (sig) => {
    try {
      process.kill(-server.pid, sig); // the whole group: extension host, pty host, watchers
    } catch {
      /* already gone */
    }
  };
  killGroup('SIGTERM');
  for (let i = 0; i < 50 && !serverExited; i++) await sleep(100);
  killGroup('SIGKILL'); // leftovers of the group, if any
  for (let i = 0; i < 20 && !serverExited; i++) await sleep(100);
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  await stopServer();
  if (tmp) {
    if (process.env.SMOKE_KEEP_TMP === '1') log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`got ${sig}, stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

async function waitHttp(url) {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (serverExited) throw new Error('code-server exited before listening');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${url}`);
}

async function main() {
  const env = loadEnv();
  tmp = mkdtempSync(join(tmpdir(), 'e2e-smoke-'));
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // Quiet, deterministic workbench: no trust prompt, no welcome page, no
  // network-y background work.
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.enableExperiments': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );

  // Keep code-server's and Chromium's config, logs, crash reports and IPC
  // sockets (vscode-ipc-*.sock) inside tmp, which is removed at the end.
  const isolatedEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(tmp, 'xdg', 'config'),
    XDG_DATA_HOME: join(tmp, 'xdg', 'data'),
    XDG_CACHE_HOME: join(tmp, 'xdg', 'cache'),
    XDG_RUNTIME_DIR: join(tmp, 'xdg', 'runtime'),
  };
  mkdirSync(isolatedEnv.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });

  const args = [
    env.CODE_SERVER,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--config', join(tmp, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    folder,
  ];
  log(`starting: ${env.NODE24} ${args.join(' ')}`);
  server = spawn(env.NODE24, args, {
    detached: true, // own process group, killed as a whole in stopServer()
    stdio: ['ignore', 'pipe', 'pipe'],
    env: isolatedEnv,
  });
  server.on('exit', (code, sig) => {
    serverExited = true;
    serverLog.push(`[code-server exited: code=${code} signal=${sig}]`);
  });
  for (const s of [server.stdout, server.stderr]) {
    s.setEncoding('utf8');
    s.on('data', (d) => serverLog.push(...d.split('\n').filter(Boolean)));
  }

  const url = `http://127.0.0.1:${port}/`;
  await waitHttp(`${url}healthz`);
  log(`code-server is up at ${url}`);

  const require = createRequire(import.meta.url);
  const { chromium } = require(env.PLAYWRIGHT_CORE_DIR);
  browser = await chromium.launch({
    executablePath: env.CHROMIUM,
    headless: true,
    env: isolatedEnv,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url, { timeout: TIMEOUT });
  await page.waitForSelector('.monaco-workbench', { timeout: TIMEOUT });
  // The explorer listing the folder shows the workbench is really usable.
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: TIMEOUT });
  await sleep(2000); // let late notifications/layout settle for the picture
  await page.screenshot({ path: shotArg });
  log(`workbench up; title "${await page.title()}"; screenshot ${shotArg}`);
  if (pageErrors.length) log(`page errors (${pageErrors.length}):\n  ${pageErrors.join('\n  ')}`);
}

let ok = false;
try {
  await main();
  ok = true;
} catch (e) {
  console.error(`smoke: FAILED: ${e?.stack || e}`);
  console.error(`smoke: code-server output (last 40 lines):\n${serverLog.slice(-40).join('\n')}`);
} finally {
  await cleanup();
}
log(ok ? 'passed' : 'failed');
process.exit(ok ? 0 : 1);
