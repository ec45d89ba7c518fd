import { strict as assert } from 'node:assert';
import { expectedItemsWith, expectedProblems } from './support/expected';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE, languageServerArgs, languageServerPids, originalText, workbench, workspace } from './support/hooks';
import { eventually } from './support/poll';
import type { Workbench } from './support/workbench';

const problemsOf = async (wb: Workbench) => (await wb.problems(SAMPLE)).map(({ line, column, severity, code, message }) => ({ line, column, severity, code, message }));
const tasksShown = async (wb: Workbench) => (await wb.actionItems()).flatMap((g) => g.items.map((i) => i.label)).sort();

describe('8. When the language server dies', () => {
  it('is restarted: the problems and the view come back and follow the next edit', async () => {
    const wb = workbench();
    const original = originalText(SAMPLE);
    const open = expectedItemsWith(workspace(), {}, 'open').map((i) => i.task).sort();

    await wb.openFile(SAMPLE);
    await wb.openActionItems();
    await wb.showDoneItems(false);
    await wb.groupBy('Owner');
    await eventually(async () => assert.deepEqual(await problemsOf(wb), expectedProblems(original, SAMPLE)));
    await eventually(async () => assert.deepEqual(await tasksShown(wb), open));

    const [crashed, ...others] = languageServerPids();
    assert.ok(crashed !== undefined && others.length === 0, 'one language server runs');
    process.kill(crashed, 'SIGKILL');

    const restarted = await eventually(async () => {
      const pids = languageServerPids();
      assert.equal(pids.length, 1, 'a new server runs');
      assert.notEqual(pids[0], crashed);
      return pids[0]!;
    });
    await eventually(async () => assert.deepEqual(await problemsOf(wb), expectedProblems(original, SAMPLE)));
    await eventually(async () => assert.deepEqual(await tasksShown(wb), open));

    // The new server reads the editor's text: an edit (unsaved) shows in the problems and the view.
    const lines = original.split('\n');
    assert.equal(lines[110], '4. Tom: WebSocket infrastructure ready - Due: February 3');
    const editedLine = '4. Tom: WebSocket infrastructure ready by the team - Due: February 3';
    const edited = [...lines.slice(0, 110), editedLine, ...lines.slice(111)].join('\n');
    await wb.goTo(111, lines[110]!.indexOf(' - Due') + 1);
    await wb.page.keyboard.type(' by the team');
    await eventually(async () => assert.equal(await wb.lineText(111), editedLine));
    await eventually(async () => assert.deepEqual(await problemsOf(wb), expectedProblems(edited, SAMPLE)));
    const openAfterEdit = expectedItemsWith(workspace(), { [SAMPLE]: edited }, 'open').map((i) => i.task).sort();
    assert.ok(openAfterEdit.includes('WebSocket infrastructure ready by the team'));
    await eventually(async () => assert.deepEqual(await tasksShown(wb), openAfterEdit));
    assert.deepEqual(languageServerPids(), [restarted], 'the restarted server is the one answering');
    await wb.screenshot('8-recovery');
  });

  it('starts from its compiled code kept in the extension\'s storage, outside the workspace', async () => {
    // VS Code's client passes the folder; the server writes V8's code cache there a few seconds after starting.
    const servers = languageServerArgs();
    assert.equal(servers.length, 1, 'one language server runs');
    const option = servers[0]!.find((arg) => arg.startsWith('--code-cache='));
    assert.ok(option, `the server is started with --code-cache (${servers[0]!.join(' ')})`);
    const dir = option.slice('--code-cache='.length);
    assert.ok(!dir.startsWith(workspace()), 'not in the notes folder');
    const cached = await eventually(async () => {
      const files = existsSync(dir) ? readdirSync(dir).filter((name) => /^server-[0-9a-f]{16}-.*\.v8cache$/.test(name)) : [];
      assert.equal(files.length, 1, `one code cache in ${dir}`);
      return join(dir, files[0]!);
    });
    assert.ok(statSync(cached).size > 100_000, 'compiled code, not an empty file');
  });

  it('runs with two malloc arenas (the peak memory of a large index depends on it)', () => {
    const [pid, ...others] = languageServerPids();
    assert.ok(pid !== undefined && others.length === 0, 'one language server runs');
    const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    assert.ok(environment.includes('MALLOC_ARENA_MAX=2'), 'MALLOC_ARENA_MAX=2 in the server\'s environment');
    assert.ok(environment.some((entry) => entry.startsWith('PATH=')), 'and the editor\'s environment besides');
  });
});
