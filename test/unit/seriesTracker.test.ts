import { strict as assert } from 'node:assert';
import { SeriesTracker } from '../../server/src/lsp/series';
import { type WorkspaceSource, workspaceSource } from '../../server/src/lsp/store';
import { analyze, notes } from '../helpers/notes';

// While a workspace is indexed, open documents' requests share the series as last worked out
// rather than working every series out again for each keystroke.
describe('series tracker', () => {
  const weekly = (date: string) =>
    notes(`# Platform weekly — ${date}`, 'Attendees: Priya Shah, Jonas Weber', '', '## Action items', '', '- [ ] Priya: publish the on-call handbook - Due: 2025-10-24');
  const file = (name: string, date: string): WorkspaceSource => workspaceSource(`file:///notes/${name}`, null, analyze(weekly(date), name));

  it('while indexing, serves no series until they are first worked out, then the newest', () => {
    let files = [file('2025-10-06-weekly.md', '2025-10-06'), file('2025-10-13-weekly.md', '2025-10-13')];
    const tracker = new SeriesTracker({ digests: () => files, digestOf: (uri) => files.find((f) => f.uri === uri) });
    const first = tracker.whileIndexing();
    assert.deepEqual(first.series, [], 'nothing worked out while files arrive');
    files = [...files, file('2025-10-20-weekly.md', '2025-10-20')];
    assert.equal(tracker.whileIndexing(), first, 'not worked out for a new file');
    const now = tracker.current();
    assert.notEqual(now, first);
    assert.deepEqual(now.seriesOf(files[1].uri).map((s) => s.meetings.map((m) => m.date)), [['2025-10-06', '2025-10-13', '2025-10-20']]);
    assert.equal(tracker.whileIndexing(), now, 'then serves the newest');
  });

  it('once indexed, every request gets the series of the files as they are', () => {
    let files = [file('2025-10-06-weekly.md', '2025-10-06')];
    const tracker = new SeriesTracker({ digests: () => files, digestOf: (uri) => files.find((f) => f.uri === uri) });
    const first = tracker.current();
    files = [...files, file('2025-10-13-weekly.md', '2025-10-13')];
    assert.notEqual(tracker.current(), first);
    assert.equal(tracker.current().seriesOf(files[0].uri).length, 1);
  });

  it('works the series out in slices when a scan ends, serving the previous ones until then', async () => {
    const a = file('2025-10-06-weekly.md', '2025-10-06');
    const b = file('2025-10-13-weekly.md', '2025-10-13');
    let files = [a];
    const tracker = new SeriesTracker({ digests: () => files, digestOf: (uri) => files.find((f) => f.uri === uri) });
    const first = tracker.whileIndexing();
    files = [a, b];
    const settling = tracker.settle();
    assert.equal(tracker.settled, false);
    assert.equal(tracker.whileIndexing(), first);
    await settling;
    assert.equal(tracker.settled, true);
    const settled = tracker.whileIndexing();
    assert.deepEqual(settled.seriesOf(b.uri).map((s) => s.meetings.map((m) => m.date)), [['2025-10-06', '2025-10-13']]);
    assert.equal(tracker.current(), settled, 'nothing changed since: not worked out again');
  });

  it('counts as mates of a file that reports work done the files near it, until a change after it reports none', () => {
    const standupText = (said: string) => notes('# Standup — 2025-10-14', 'Attendees: Priya Shah', '', `Priya: ${said}`);
    const standup = (said: string) => workspaceSource('file:///notes/standups/2025-10-14.md', 1, analyze(standupText(said), '2025-10-14.md'));
    const weekly = file('2025-10-06-weekly.md', '2025-10-06');
    const otherTeam = 'file:///elsewhere/team-b/notes/2025-10-06.md';
    let files = [weekly, standup('Yesterday I published the on-call handbook.')];
    const tracker = new SeriesTracker({ digests: () => files, digestOf: (uri) => files.find((f) => f.uri === uri) });
    const mate = tracker.matesOf([files[1].uri]);
    assert.deepEqual([mate(weekly.uri), mate(otherTeam)], [true, false]);
    files = [weekly, standup('Today I will publish the on-call handbook.')];
    assert.equal(tracker.matesOf([files[1].uri])(weekly.uri), true, 'its report taken back: the weekly is judged again');
    files = [weekly, standup('Today I will publish it, and then the rota.')];
    assert.equal(tracker.matesOf([files[1].uri])(weekly.uri), false, 'no report before or after the change');
  });

  it("reads the changed files' reports only when a file outside their series is asked about, and not for a changed file itself", () => {
    const standupText = notes('# Standup — 2025-10-14', 'Attendees: Priya Shah', '', 'Priya: Yesterday I published the on-call handbook.');
    const standup = workspaceSource('file:///notes/standups/2025-10-14.md', 1, analyze(standupText, '2025-10-14.md'));
    const weekly = file('2025-10-06-weekly.md', '2025-10-06');
    const files = [weekly, standup];
    const read: string[] = [];
    const tracker = new SeriesTracker({ digests: () => files, digestOf: (uri) => (read.push(uri), files.find((f) => f.uri === uri)) });
    const mate = tracker.matesOf([standup.uri]);
    assert.equal(mate(standup.uri), false, 'its own findings follow its change: no refresh for its own report');
    assert.deepEqual(read, [], 'nothing read for it');
    assert.equal(mate(weekly.uri), true, 'the weekly near it is judged again');
    assert.equal(mate('file:///elsewhere/team-b/notes/2025-10-06.md'), false);
    assert.deepEqual(read, [standup.uri], 'its reports read once, when first needed');
    const both = tracker.matesOf([standup.uri, weekly.uri]);
    assert.equal(both(weekly.uri), true, "changed together: the standup's report still counts for the weekly");
  });
});
