// `npm run test:fuzz`: the core's properties with many generated cases, the pathological inputs with
// their timings, then a long fuzz run of the real server over JSON-RPC. Prints how many cases ran
// and how many failed; exits 1 on a failure.
//   FUZZ_RUNS   cases per core property (default 1000)
//   FUZZ_CASES  server fuzz cases (default 2000)
//   FUZZ_SEED   seed (default: a new one, printed, so that a failing run can be repeated)
import fc from 'fast-check';
import { analyzeNotes } from '../../server/src/core/analyze';
import { diagnose } from '../../server/src/core/rules';
import { CORE_PROPERTIES } from './coreProperties';
import { checkModel } from './invariants';
import { longRunCases, superlinearRuns } from './longRuns';
import { PATHOLOGICAL } from './pathological';
import { fuzzServer } from './serverFuzz';

async function main(): Promise<void> {
  const runs = Number(process.env.FUZZ_RUNS ?? 1000);
  const cases = Number(process.env.FUZZ_CASES ?? 2000);
  const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 1_000_000_000 : Number(process.env.FUZZ_SEED);
  // FUZZ_PARTS=server (or core, pathological, runs, a comma list) runs only those parts.
  const parts = new Set((process.env.FUZZ_PARTS ?? 'core,pathological,runs,server').split(','));
  console.log(`fuzz seed ${seed} (repeat with FUZZ_SEED=${seed})`);
  let failed = 0;

  if (parts.has('core')) console.log(`\ncore properties, ${runs} cases each`);
  for (const { name, property, runs: scale = 1 } of parts.has('core') ? CORE_PROPERTIES : []) {
    const started = Date.now();
    const numRuns = Math.max(1, Math.round(runs * scale));
    const details = fc.check(property(), { numRuns, seed, endOnFailure: false });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  ${details.failed ? 'FAIL' : 'ok  '} ${name}: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures, ${seconds} s`);
    if (details.failed) {
      failed++;
      console.log(`       counterexample (shrunk ${details.numShrinks} times): ${JSON.stringify(details.counterexample).slice(0, 2000)}`);
      console.log(`       ${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance).split('\n').slice(0, 12).join('\n       ')}`);
    }
  }

  if (parts.has('pathological')) console.log('\npathological inputs (the time is the analysis alone)');
  for (const c of parts.has('pathological') ? PATHOLOGICAL : []) {
    const text = c.text();
    const started = performance.now();
    let outcome = 'ok  ';
    let detail = '';
    try {
      const model = analyzeNotes(text, { fileName: 'notes.md' });
      const diagnostics = diagnose(model, { today: '2025-03-12' });
      detail = `${(performance.now() - started).toFixed(0)} ms`;
      checkModel(model, diagnostics);
      c.expect(model, diagnostics);
    } catch (error) {
      outcome = 'FAIL';
      detail += ` ${(error as Error).message.split('\n')[0]}`;
      failed++;
    }
    console.log(`  ${outcome} ${c.name}: ${(text.length / 1024).toFixed(0)} KB, ${detail}`);
  }

  if (parts.has('runs')) {
    const cases = longRunCases();
    const started = Date.now();
    const slow = superlinearRuns(cases);
    console.log(`\nlong runs of one character in each shape of line: ${cases.length} cases, ${slow.length} read in more than linear time, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (const s of slow) console.log(`  FAIL ${s.name}: ${s.ms.toFixed(0)} ms, ${s.doubledMs.toFixed(0)} ms with a run twice as long`);
    failed += slow.length;
  }

  if (parts.has('server')) {
    console.log(`\nserver over JSON-RPC, ${cases} cases`);
    const report = await fuzzServer({ cases, seed, log: (line) => console.log(`  ${line}`) });
    console.log(`  ${report.cases} cases, ${report.steps} edit steps, ${report.requests} requests, ${report.commandsApplied} commands and ${report.fixesApplied} quick fixes applied`);
    console.log(`  ${report.failures.length} failures, ${report.restarts} server restarts, ${report.seconds.toFixed(0)} s; answer time median ${report.latencyMs.median} ms, p95 ${report.latencyMs.p95} ms, max ${report.latencyMs.max} ms`);
    if (report.slowest) console.log(`  the slowest: ${report.slowest.what}, ${report.slowest.ms} ms, at step ${report.slowest.step} of the case of seed ${report.slowest.seed}`);
    failed += report.failures.length;
  }
  console.log(`\n${failed ? `FAILED: ${failed}` : 'no failures'}`);
  process.exitCode = failed ? 1 : 0;
}

void main();
