// Bundles the entry points with esbuild. Runs on `npm install` (prepare) and before tests.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, readdirSync } from 'node:fs';
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

const builds = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // dist/server.js only loads dist/serverMain.js, the server itself (through a code cache when given one).
  { entryPoints: ['server/src/launch.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/serverMain.js' },
  // The language server's index worker: its own file, started by dist/server.js on worker threads.
  { entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
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
