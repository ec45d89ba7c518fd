import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeNotes } from '../../server/src/core/analyze';
import { diagnose } from '../../server/src/core/rules';
import { buildSeries } from '../../server/src/core/series';
import { goldenLines } from '../helpers/golden';
import { ROOT } from '../helpers/notes';

// Folders of examples/ that hold one meeting series, and the day each is judged on.
const SERIES: Record<string, string> = {
  'platform-weekly': '2025-10-22',
  'payments-standup': '2025-11-19',
};

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');

describe('golden: every example series reads as expected', () => {
  for (const [folder, today] of Object.entries(SERIES)) {
    it(folder, () => {
      const dir = join(ROOT, 'examples', folder);
      const sources = readdirSync(dir)
        .filter((f) => /\.(md|txt)$/.test(f))
        .sort()
        .map((file) => ({ file, model: analyzeNotes(readFileSync(join(dir, file), 'utf8'), { fileName: file }) }));
      const index = buildSeries(sources);
      const lineOf = (file: string, itemId: string) => {
        const model = sources.find((s) => s.file === file)!.model;
        return model.lines.positionAt(model.items.find((i) => i.id === itemId)!.span.start).line + 1;
      };
      const out = [`# examples/${folder}, judged on ${today}`];
      for (const series of index.series) {
        out.push(`series "${series.title}" · ${series.meetings.map((m) => `${m.date} ${m.file}${m.hasStatusList ? ' (status list)' : ''}`).join(', ')}`);
        for (const thread of series.threads) out.push(`work ${thread.entries.map((e) => `${e.file}:${lineOf(e.file, e.itemId)} ${e.status}`).join(' → ')}`);
      }
      for (const { file, model } of sources) {
        out.push('', `## ${file}`, ...goldenLines(model, diagnose(model, { today, series: { index, file } })));
      }
      const actual = out.join('\n') + '\n';
      const expectedPath = join(EXPECTED, `${folder}.series.golden.txt`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, actual);
      assert.ok(existsSync(expectedPath), `no golden file for ${folder}: run UPDATE_GOLDEN=1 npm test and review it`);
      assert.equal(actual, readFileSync(expectedPath, 'utf8'));
    });
  }
});
