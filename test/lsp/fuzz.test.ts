// A short, deterministic fuzz run of the real server (the long one is `npm run test:fuzz`).
import { strict as assert } from 'node:assert';
import { fuzzServer } from '../fuzz/serverFuzz';

describe('language server under random documents and edits (short fuzz run)', function () {
  this.timeout(120_000);

  it('stays up and answers every request with ranges inside the document and edits on the right item', async () => {
    const cases = Number(process.env.FUZZ_CASES_SHORT ?? 30);
    const report = await fuzzServer({ cases, seed: 61, steps: 5 });
    assert.deepEqual(report.failures, []);
    assert.equal(report.cases, cases);
    assert.ok(report.requests > cases * 5, `${report.requests} requests`);
  });
});
