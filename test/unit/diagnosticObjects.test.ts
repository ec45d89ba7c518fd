import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { judge } from '../../server/src/core/rules';
import { toDiagnostics } from '../../server/src/lsp/convert';
import { DiagnosticReports } from '../../server/src/lsp/diagnosticReports';
import { sample } from '../helpers/notes';

// A pull whose findings did not change is answered "unchanged": the diagnostics that read the same
// as the last report's are that report's objects, so nothing new is kept and the check is at once.
describe('diagnostics as LSP objects', () => {
  const model = sample();
  const convert = (today: string, previous?: readonly Diagnostic[]) => toDiagnostics(model, judge(model, { today }), previous);

  it('are the last report\'s objects where they read the same, and new ones where they do not', () => {
    const first = convert('2024-02-01');
    const again = convert('2024-02-01', first);
    assert.ok(first.length > 5);
    assert.ok(again.every((d, i) => d === first[i]));
    // Two weeks later the overdue findings say so; the others are the same objects.
    const later = convert('2024-02-15', first);
    const renewed = later.flatMap((d, i) => (d === first[i] ? [] : [i]));
    assert.ok(renewed.length > 0 && renewed.length < later.length);
    for (const i of renewed) assert.notDeepEqual(later[i], first[i]);
    assert.deepEqual(later, convert('2024-02-15'), 'the same as converted afresh');
  });

  it('make an unchanged report when all are reused, and a full one when any is not', () => {
    const reports = new DiagnosticReports();
    const first = reports.report('file:///a.txt', convert('2024-02-01'), undefined);
    assert.equal(first.kind, 'full');
    const same = reports.report('file:///a.txt', convert('2024-02-01', reports.lastItems('file:///a.txt')), first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });
    const later = reports.report('file:///a.txt', convert('2024-02-15', reports.lastItems('file:///a.txt')), first.resultId);
    assert.equal(later.kind, 'full');
  });
});
