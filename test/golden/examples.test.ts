import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeNotes } from '../../server/src/core/analyze';
import { diagnose } from '../../server/src/core/rules';
import { goldenLines } from '../helpers/golden';
import { ROOT } from '../helpers/notes';

// The day each example is judged on: a few days after its meeting, so overdue and due-soon both show.
const TODAY: Record<string, string> = {
  'architecture-review-2024-01-29.txt': '2024-02-01',
  '2025-03-10-platform-sync.md': '2025-03-13',
  'incident-review-cache-outage.md': '2025-09-18',
  'design-review-search.md': '2025-03-07',
  'infra-weekly-log.md': '2025-10-15',
  'standup-2025-11-03.txt': '2025-11-04',
  'team-standup-2025-11-10.md': '2025-11-12',
  'vendor-call-captions-2025-11-12.md': '2025-11-13',
  'backend-weekly-recap-2025-11-13.md': '2025-11-17',
  'release-readiness-2025-11-20.md': '2025-11-24',
  'mobile-sync-otter-2025-11-18.txt': '2025-11-21',
};

const EXAMPLES = join(ROOT, 'examples');
const EXPECTED = join(ROOT, 'test', 'golden', 'expected');

describe('golden: every example reads as expected', () => {
  const files = readdirSync(EXAMPLES).filter((f) => /\.(md|txt)$/.test(f));

  it('has a judging day for every example', () => {
    assert.deepEqual(files.filter((f) => !TODAY[f]), []);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      const model = analyzeNotes(text, { fileName: file });
      const actual = [`# ${file}, judged on ${TODAY[file]}`, ...goldenLines(model, diagnose(model, { today: TODAY[file] }))].join('\n') + '\n';
      const expectedPath = join(EXPECTED, `${file}.golden.txt`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, actual);
      assert.ok(existsSync(expectedPath), `no golden file for ${file}: run UPDATE_GOLDEN=1 npm test and review it`);
      assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    });
  }
});
