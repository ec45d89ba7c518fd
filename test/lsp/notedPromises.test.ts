import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers/notes';
import { TestClient } from './testClient';

const PATH = join(ROOT, 'examples', '2025-03-10-platform-sync.md');
const uncaptured = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'uncaptured-commitment').map((d) => `${d.range.start.line + 1}: ${d.message}`);

describe('language server: promises written in the discussion notes', function () {
  this.timeout(30000);
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('reports the one no entry records, records it with its quick fix, and follows a line typed into a promise', async () => {
    const c = (client = await TestClient.start({ pull: true, today: '2025-03-13' }));
    const uri = pathToFileURL(PATH).toString();
    c.open(uri, readFileSync(PATH, 'utf8'));
    const lines = c.text(uri).split('\n');
    const priya = lines.indexOf('- Priya to share the rollback timeline with support by Thursday.');
    assert.deepEqual(uncaptured(await c.pullDiagnostics(uri)), [`${priya + 1}: Priya Shah committed to "Share the rollback timeline with support" (Thursday), but no summary entry records it`]);

    const hover = (await c.hover(uri, { line: priya, character: 12 }))?.contents as { value: string } | undefined;
    assert.equal(
      hover?.value.replace(/\(file:[^)]*#/g, '(…#'),
      '**Commitment** (in the notes, not in the summary) · Priya Shah · due Thu 2025-03-13 · today\n\nWritten ([line 21](…#L21)):\n> Priya to share the rollback timeline with support by Thursday.',
    );

    // Jonas's promise is his entry's: the entry's lens goes to where the notes say it.
    const jonas = lines.indexOf('- Jonas will investigate the cache hit rate by Wednesday.');
    const entry = lines.indexOf('- [ ] @Jonas investigate remote cache hit rate (due: 2025-03-12)');
    const definition = await c.definition(uri, { line: entry, character: 25 });
    assert.ok(definition?.some((l) => l.range.start.line === jonas), JSON.stringify(definition));

    const [diagnostic] = (await c.pullDiagnostics(uri)).filter((d) => d.code === 'uncaptured-commitment');
    const actions = await c.codeActions(uri, [diagnostic]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false])[0], ['Add to ACTION ITEMS', true]);
    assert.deepEqual(c.applyAction(actions[0]), { applied: true });
    assert.ok(c.text(uri).includes('\n- [ ] Priya: Share the rollback timeline with support - Due: 2025-03-13\n'), c.text(uri));
    assert.deepEqual(uncaptured(await c.pullDiagnostics(uri)), []);

    // A line of the discussion typed into a promise, as a user writes it: her entry records it.
    const marta = c.text(uri).split('\n').indexOf('- Marta wants to move the flaky integration suite to its own job.');
    c.edit(uri, { start: { line: marta, character: 8 }, end: { line: marta, character: 16 } }, 'will');
    assert.equal(c.text(uri).split('\n')[marta], '- Marta will move the flaky integration suite to its own job.');
    assert.deepEqual(uncaptured(await c.pullDiagnostics(uri)), []);
    // A new promise that nothing records.
    c.edit(uri, { start: { line: marta, character: 0 }, end: { line: marta, character: 0 } }, '- Wei will write the migration FAQ by Friday\n');
    assert.deepEqual(uncaptured(await c.pullDiagnostics(uri)), [`${marta + 1}: Wei Zhang committed to "Write the migration FAQ" (Friday), but no summary entry records it`]);
  });
});
