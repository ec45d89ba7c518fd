// Bundles the entry points with esbuild. Runs on `npm install` (prepare) and before tests.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** A hash of the analysis sources: cached results (index cache, `--cache`) of other sources are not used. */
function sourceHash(dir) {
  const hash = createHash('sha1');
  const visit = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  visit(dir);
  return hash.digest('hex').slice(0, 12);
}

/**
 * Node modules the server needs only after its first diagnostics (hashing, worker threads, the
 * cache's file writes) or never (vscode-languageserver's module resolution starts processes):
 * loading them takes ~30 ms of a ~200 ms start here. An import of one gets an object whose
 * properties (the module's exports, listed here by the Node that builds: the bundle targets Node
 * 20, which has every export the server uses) require the module when first read.
 */
const DEFERRED_BUILTINS = ['crypto', 'child_process', 'worker_threads', 'fs/promises'];
const requireHere = createRequire(import.meta.url);

/** @type {import('esbuild').Plugin} */
const deferBuiltins = {
  name: 'defer-builtins',
  setup(build) {
    const names = DEFERRED_BUILTINS.flatMap((name) => [name, `node:${name}`]);
    const filter = new RegExp(`^(${names.map((n) => n.replace('/', '\\/')).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'deferred-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'deferred-builtin' },
    );
    build.onLoad({ filter: /.*/, namespace: 'deferred-builtin' }, (args) => ({
      contents: `let loaded;
const load = () => (loaded ??= require(${JSON.stringify(args.path)}));
for (const key of ${JSON.stringify(Object.keys(requireHere(args.path)))}) {
  Object.defineProperty(module.exports, key, { get: () => load()[key], enumerable: true });
}`,
      loader: 'js',
    }));
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __ANALYZER_SOURCE_HASH__: JSON.stringify(sourceHash('server/src/core')) },
};

/**
 * dist/server.js only loads dist/serverMain.js, the server itself, through a code cache when given
 * one; the cache is named by the bundle's hash, worked out here (after each build of the bundle,
 * watching too) so that a start need not hash 0.7–1.5 MB.
 */
const buildLauncher = {
  name: 'build-launcher',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length) return;
      const bundleHash = createHash('sha1').update(readFileSync('dist/serverMain.js')).digest('hex').slice(0, 16);
      await esbuild.build({ ...common, entryPoints: ['server/src/launch.ts'], outfile: 'dist/server.js', define: { ...common.define, __SERVER_BUNDLE_HASH__: JSON.stringify(bundleHash) } });
    });
  },
};

const builds = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/serverMain.js', plugins: [deferBuiltins, buildLauncher] },
  // The language server's index worker: its own file, started by dist/server.js on worker threads.
  { entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  // The worker that finds a workspace's files: a bundle of its own, small, so that it starts at once.
  { entryPoints: ['server/src/discoverWorker.ts'], outfile: 'dist/discoverWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  chmodSync('dist/cli.js', 0o755);
}
