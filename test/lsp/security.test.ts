// The language server run confined (reads only the workspace folder, no child processes, network
// trapped): a whole session works, reads nothing outside the folder and never reaches the network.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { confinedNodeArgs, networkAttempts } from '../helpers/confined';
import { ROOT, SAMPLE_PATH } from '../helpers/notes';
import { TestClient } from './testClient';

describe('language server, confined: no network, no processes, nothing read outside the workspace', function () {
  this.timeout(60000);
  let dir: string;
  let client: TestClient | undefined;
  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'meeting-notes-confined-')));
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a whole session', async () => {
    const workspace = join(dir, 'workspace ✓');
    const outside = join(dir, 'outside');
    mkdirSync(workspace);
    mkdirSync(outside);
    copyFileSync(SAMPLE_PATH, join(workspace, 'architecture-review-2024-01-29.txt'));
    copyFileSync(join(ROOT, 'examples', 'design-review-search.md'), join(outside, 'private.md'));
    symlinkSync(outside, join(workspace, 'outside'));
    symlinkSync(join(outside, 'private.md'), join(workspace, 'private.md'));
    symlinkSync(workspace, join(workspace, 'loop'));
    const log = join(dir, 'network.log');
    client = await TestClient.start({ pull: true, folder: pathToFileURL(workspace).toString(), nodeArgs: confinedNodeArgs([workspace]), env: { FORBID_NETWORK_LOG: log } });
    const uri = pathToFileURL(join(workspace, 'architecture-review-2024-01-29.txt')).toString();
    let items = await client.actionItems();
    for (const deadline = Date.now() + 15000; !(items.complete && items.items.length) && Date.now() < deadline; ) items = await client.actionItems();
    assert.deepEqual([...new Set(items.items.map((i) => i.uri))], [uri]);
    client.open(uri, readFileSync(join(workspace, 'architecture-review-2024-01-29.txt'), 'utf8'), 'plaintext');
    assert.equal((await client.pullDiagnostics(uri)).length, 10);
    const lens = (await client.codeLenses(uri)).find((l) => l.command?.title === 'Mark complete')!;
    assert.equal(await client.executeCommand(lens.command!.command, lens.command!.arguments!), true);
    assert.ok((await client.codeActions(uri, [], ['source'])).length > 0);
    assert.ok((await client.symbols(uri)).length > 0);
    assert.ok(client.alive);
    assert.deepEqual(networkAttempts(log), []);
    assert.deepEqual(client.logs.filter((l) => /error|denied|failed/i.test(l)), []);
  });
});
