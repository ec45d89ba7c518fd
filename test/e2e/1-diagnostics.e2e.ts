import { strict as assert } from 'node:assert';
import { expectedProblems } from './support/expected';
import { SAMPLE, originalText, workbench } from './support/hooks';
import { eventually } from './support/poll';

const SQUIGGLE: Record<string, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

describe('1. Opening the sample notes', () => {
  it('lists the problems `meeting-notes check` reports for it in the Problems panel, with squiggles on their lines', async () => {
    const wb = workbench();
    const expected = expectedProblems(originalText(SAMPLE), SAMPLE);
    assert.ok(expected.length >= 10, 'the sample has problems to show');

    await wb.openFile(SAMPLE);
    const shown = await eventually(async () => {
      const problems = await wb.problems(SAMPLE);
      assert.deepEqual(problems.map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message })), expected);
      return problems;
    });
    assert.ok(shown.every((p) => p.source === 'meeting-notes'), 'every entry names the extension as its source');

    // Each line with problems carries squiggles of their severities; the lines between carry none.
    const lines = [...new Set(expected.map((p) => p.line))];
    for (const line of lines) {
      await wb.goTo(line);
      const severities = [...new Set(expected.filter((p) => p.line === line).map((p) => SQUIGGLE[p.severity]!))].sort();
      await eventually(async () => assert.deepEqual([...new Set(await wb.squiggles(line))], severities, `squiggles on line ${line}`));
    }
    for (let line = lines[0]!; line <= lines[lines.length - 1]!; line++) {
      if (lines.includes(line)) continue;
      const drawn = await wb.squiggles(line).catch(async () => {
        await wb.goTo(line); // not on screen yet
        return wb.squiggles(line);
      });
      assert.deepEqual(drawn, [], `no squiggle on line ${line}`);
    }

    await wb.goTo(111);
    await wb.screenshot('1-diagnostics');
  });
});
