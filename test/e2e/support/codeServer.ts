// Starts and stops code-server (VS Code's server with its web workbench) for the e2e tests.
// It runs in its own process group, so stopping it also ends the extension host, the language
// server and the file watchers it started; the group is killed when this process exits, however
// it exits.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Toolchain } from './toolchain';

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own config file (written there when missing). */
  configFile: string;
  /** The processes' environment: code-server passes it on to the extension host and the language server. */
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

const LISTENING = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/;

/** Runs code-server with `args` until it exits; resolves with its output, rejects on failure. */
export function runCodeServer(toolchain: Toolchain, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(toolchain.node24, [toolchain.codeServer, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const untrack = trackGroup(child);
    let output = '';
    child.stdout!.on('data', (d: Buffer) => (output += d));
    child.stderr!.on('data', (d: Buffer) => (output += d));
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      untrack();
      if (code === 0) resolve(output);
      else reject(new Error(`code-server ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

export class CodeServer {
  private exited = false;
  private readonly log: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly untrack: () => void,
  ) {
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.log.push(`[code-server exited: ${signal ?? `code ${code}`}]`);
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => this.log.push(...d.split('\n').filter(Boolean)));
    }
  }

  /** Starts code-server on a free port of 127.0.0.1 and resolves with its address once it listens. */
  static async start(toolchain: Toolchain, options: CodeServerOptions): Promise<{ server: CodeServer; url: string }> {
    const args = [
      toolchain.codeServer,
      ...['--auth', 'none', '--bind-addr', '127.0.0.1:0'],
      ...['--disable-telemetry', '--disable-update-check', '--disable-getting-started-override'],
      ...['--config', options.configFile, '--user-data-dir', options.userDataDir, '--extensions-dir', options.extensionsDir],
      options.folder,
    ];
    const child = spawn(toolchain.node24, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const server = new CodeServer(child, trackGroup(child));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within ${options.timeoutMs} ms:\n${server.lastLines()}`)), options.timeoutMs);
      const check = () => {
        const found = server.log.map((line) => LISTENING.exec(line)).find(Boolean);
        if (found) done(() => resolve(found[1]!));
        else if (server.exited) done(() => reject(new Error(`code-server exited before listening:\n${server.lastLines()}`)));
      };
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        child.off('exit', check);
        settle();
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      child.on('exit', check);
      child.on('error', (error) => done(() => reject(error)));
    }).catch(async (error) => {
      await server.stop();
      throw error;
    });
    return { server, url };
  }

  /** The last lines code-server printed, for failure messages. */
  lastLines(count = 40): string {
    return this.log.slice(-count).join('\n');
  }

  /** Ends code-server and everything it started: SIGTERM to the group, SIGKILL to what is left after 5 s. */
  async stop(): Promise<void> {
    if (!this.exited) {
      killGroup(this.child, 'SIGTERM');
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    }
    // Children of the group may outlive its leader (an extension host finishing its shutdown).
    killGroup(this.child, 'SIGKILL');
    this.untrack();
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

// Groups to kill when this process exits, whatever the reason: a failed test, an exception, Ctrl+C.
const groups = new Set<ChildProcess>();
let handlersInstalled = false;

function trackGroup(child: ChildProcess): () => void {
  groups.add(child);
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('exit', () => {
      for (const group of groups) killGroup(group, 'SIGKILL');
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        for (const group of groups) killGroup(group, 'SIGKILL');
        process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
      });
    }
  }
  return () => groups.delete(child);
}
