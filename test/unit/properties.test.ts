// Property-based tests of the analysis core (fast-check), short and deterministic here;
// `npm run test:fuzz` runs the same properties with many more cases (FUZZ_RUNS, FUZZ_SEED).
import fc from 'fast-check';
import { CORE_PROPERTIES } from '../fuzz/coreProperties';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === undefined ? 20240129 : Number(process.env.FUZZ_SEED);

describe('properties of the analysis (fast-check)', function () {
  this.timeout(600_000);
  for (const { name, property, runs = 1 } of CORE_PROPERTIES) {
    it(name, () => fc.assert(property(), { numRuns: Math.round(RUNS * runs), seed: SEED, endOnFailure: true }));
  }
});
