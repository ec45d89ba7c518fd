// Running the product confined: Node's permission model (file reads only where allowed; no child
// processes) plus a preload that makes any network use throw and records it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './notes';

const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';

/** Node options that allow reading only `readable` (plus the product's own files) and trap the network. */
export function confinedNodeArgs(readable: string[]): string[] {
  return [
    PERMISSION_FLAG,
    ...[join(ROOT, 'dist'), join(ROOT, 'test', 'helpers', 'forbidNetwork.cjs'), ...readable].map((path) => `--allow-fs-read=${path}`),
    // Worker threads run our own code only; allowed so that background indexing may use them.
    '--allow-worker',
    ...(process.allowedNodeEnvironmentFlags.has('--disable-warning') ? ['--disable-warning=ExperimentalWarning', '--disable-warning=SecurityWarning'] : []),
    '--require',
    join(ROOT, 'test', 'helpers', 'forbidNetwork.cjs'),
  ];
}

/** The network uses the trap recorded in `log`, if any. */
export function networkAttempts(log: string): string[] {
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
}
