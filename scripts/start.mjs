// `npm start`: opens a copy of examples/ with the extension. Uses a local VS Code (`code` on PATH)
// with the extension loaded from this folder; without one, installs (once, cached) and starts
// code-server on 127.0.0.1 with the packaged extension and prints the address to open.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'start');
const workspace = join(cache, 'examples');
const port = Number(process.env.PORT ?? 8765);

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

// A fresh copy each time, so trying things out never changes the repository's examples.
rmSync(workspace, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
cpSync(join(root, 'examples'), workspace, { recursive: true });

if (onPath('code') && !process.env.MEETING_NOTES_USE_CODE_SERVER) {
  run('node', ['scripts/build.mjs']);
  console.log(`Opening ${workspace} in VS Code with the extension from ${root}`);
  run('code', ['--new-window', `--extensionDevelopmentPath=${root}`, workspace]);
  process.exit(0);
}

console.log('No `code` on PATH: using code-server (VS Code in the browser).');
run('bash', [join(root, 'test', 'e2e', 'install.sh')]);
const env = Object.fromEntries(
  [...readFileSync(join(process.env.E2E_CACHE || join(root, '.cache', 'e2e'), 'env.sh'), 'utf8').matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]),
);
run('npm', ['run', 'package', '--silent']);
const home = join(cache, 'code-server');
const userData = join(home, 'user-data');
const extensions = join(home, 'extensions');
mkdirSync(join(userData, 'User'), { recursive: true });
const settings = join(userData, 'User', 'settings.json');
if (!existsSync(settings)) writeFileSync(settings, JSON.stringify({ 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true }, null, 2));
const isolated = { ...process.env, XDG_CONFIG_HOME: join(home, 'xdg-config'), XDG_DATA_HOME: join(home, 'xdg-data') };
execFileSync(env.NODE24, [env.CODE_SERVER, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', join(root, 'meeting-notes-actions.vsix'), '--force'], { stdio: 'inherit', env: isolated });
const server = spawn(
  env.NODE24,
  [env.CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--config', join(home, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions, workspace],
  { stdio: ['ignore', 'ignore', 'inherit'], env: isolated },
);
console.log(`\nMeeting Notes is running in code-server: open http://127.0.0.1:${port}/ in a browser (Ctrl+C to stop).`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
