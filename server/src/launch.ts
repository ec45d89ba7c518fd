// The language server's entry point (dist/server.js): a few lines that load the server bundle
// (dist/serverMain.js). With `--code-cache=DIR` (VS Code's client passes the extension's storage
// folder) the bundle's compiled code is kept in DIR and reused at the next start: V8 then skips
// compiling the bundle (40–95 ms of a 300–450 ms start on the development machine). Without it,
// or when anything about the cache fails, the bundle is simply required.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

const MAIN = join(__dirname, 'serverMain.js');
/** The bundle's hash, put in by the build (scripts/build.mjs) so that a start need not work it out. */
declare const __SERVER_BUNDLE_HASH__: string | undefined;
/** Written once the first analyses have run, so that their functions are in the cache too (tests shorten it). */
const WRITE_AFTER_MS = Number(process.env.MEETING_NOTES_CODE_CACHE_DELAY_MS) || 3000;

function codeCacheDir(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--code-cache=')) return argv[i].slice('--code-cache='.length) || null;
    if (argv[i] === '--code-cache') return argv[i + 1] ?? null;
  }
  return null;
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** The bundle compiled as a CommonJS module's wrapper, with the cached code when V8 accepts it. */
function compileWithCache(dir: string, bundleHash: string): ModuleWrapper {
  const source = readFileSync(MAIN, 'utf8');
  // V8 rejects code cached by another engine but checks only the length of the source, so the name
  // of the cache says which bundle (its hash, and its size should the file be changed by hand).
  const file = join(dir, `server-${bundleHash}-${statSync(MAIN).size}-${process.version}-${process.arch}.v8cache`);
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(file);
  } catch {
    // none yet
  }
  const script = new Script(Module.wrap(source), { filename: MAIN, cachedData: cached });
  if (!cached || script.cachedDataRejected) {
    setTimeout(() => writeCache(dir, file, () => script.createCachedData()), WRITE_AFTER_MS).unref();
  }
  return script.runInThisContext() as ModuleWrapper;
}

/** Runs a compiled bundle as `require` would. */
function run(wrapper: ModuleWrapper): void {
  const main = new Module(MAIN, module);
  main.filename = MAIN;
  wrapper.call(main.exports, main.exports, createRequire(MAIN), main, MAIN, dirname(MAIN));
}

/** Writes the cache next to no other version's (older ones are removed); a failure only costs the speed-up. */
function writeCache(dir: string, file: string, data: () => Buffer): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) if (/^server-[0-9a-f]{16}(?:-.*)?\.v8cache$/.test(name) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data());
    renameSync(temporary, file);
  } catch {
    // read-only or full disk: start without the cache
  }
}

// V8 first runs a regular expression in its interpreter and compiles it to machine code once it is
// used again; the notes reader's patterns (and the date parser's) are all used again at once, so
// compiling them straight away saves the interpreted round: the first analysis of a session takes
// ~115 ms instead of ~180 ms here, and later ones are unchanged. Set before any of them exists.
setFlagsFromString('--no-regexp-tier-up');
// How the heap grows is set by the server for the workspace it indexes (lsp/heapGrowth.ts).

const dir = codeCacheDir(process.argv);
let compiled: ModuleWrapper | null = null;
// Without the build's hash of the bundle (a build by other means) there is no telling caches apart.
if (dir && typeof __SERVER_BUNDLE_HASH__ === 'string') {
  try {
    compiled = compileWithCache(dir, __SERVER_BUNDLE_HASH__);
  } catch {
    // an unreadable cache folder: a plain load below
  }
}
if (compiled) run(compiled);
else require(MAIN);
