import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEVERITIES, DIAGNOSTIC_CODES } from '../../server/src/core/rules';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';
import { ROOT } from '../helpers/notes';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;

describe('extension manifest (package.json) matches the code', () => {
  it('offers a severity setting for every diagnostic code, with the rule’s default', () => {
    const severity = properties['meetingNotes.severity'].properties;
    assert.deepEqual(Object.keys(severity), [...DIAGNOSTIC_CODES]);
    for (const code of DIAGNOSTIC_CODES) assert.equal(severity[code].default, DEFAULT_SEVERITIES[code], code);
  });

  it('documents every diagnostic code in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of DIAGNOSTIC_CODES) assert.match(readme, new RegExp(`\\n\\| \`${code}\` \\| ${DEFAULT_SEVERITIES[code]} \\|`), code);
  });

  it('gives the settings the server’s defaults', () => {
    assert.equal(properties['meetingNotes.dueSoonDays'].default, DEFAULT_SETTINGS.dueSoonDays);
    assert.equal(properties['meetingNotes.carriedOverAfter'].default, DEFAULT_SETTINGS.carriedOverAfter);
  });

  it('declares every command the client registers, and each Group By command in the menu', () => {
    const registered = [...readFileSync(join(ROOT, 'client', 'src', 'commands.ts'), 'utf8').matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]);
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(registered.filter((c) => !declared.includes(c)), []);
    const menu = manifest.contributes.menus['meetingNotes.groupBy'].map((m: { command: string }) => m.command);
    assert.deepEqual(menu, ['meetingNotes.groupByOwner', 'meetingNotes.groupByDue', 'meetingNotes.groupByMeeting', 'meetingNotes.groupBySeries']);
  });
});
