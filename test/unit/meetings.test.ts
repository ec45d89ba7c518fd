import { strict as assert } from 'node:assert';
import { Roster } from '../../server/src/core/extract/people';
import { analyze, notes } from '../helpers/notes';

const meetingOf = (text: string, fileName?: string) => analyze(text, fileName).meetings.map((m) => `${m.title} | ${m.date ?? '-'} (${m.dateSource ?? '-'})`);
const attendeesOf = (text: string) => analyze(text).meetings[0].attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name));

describe('meetings', () => {
  describe('title and date, first found wins', () => {
    it('front matter first', () => {
      assert.deepEqual(meetingOf(notes('---', 'title: Platform sync', 'date: 2025-03-10', '---', '# Other — 2025-01-01', 'Date: 2025-02-02'), '2024-01-01-x.md'), ['Platform sync | 2025-03-10 (front-matter)']);
    });
    it('then a `Date:` line, bold or not', () => {
      assert.deepEqual(meetingOf(notes('# Retro — 2025-01-01', '**Date:** March 4, 2025')), ['Retro | 2025-03-04 (date-line)']);
      // Notion's page property, with its time.
      assert.deepEqual(meetingOf(notes('# Weekly Eng Sync', '', 'Created: November 24, 2026 10:00 AM', 'Participants: Alice Smith')), ['Weekly Eng Sync | 2026-11-24 (date-line)']);
    });
    it('then a date alone on the line under the title heading (as Google Docs writes meeting notes), not a date among words', () => {
      assert.deepEqual(meetingOf(notes('# Platform sync', 'Nov 24, 2026', '', 'Attendees: Ana')), ['Platform sync | 2026-11-24 (date-line)']);
      assert.deepEqual(meetingOf(notes('# Platform sync', 'Monday, November 24, 2026')), ['Platform sync | 2026-11-24 (date-line)']);
      assert.deepEqual(meetingOf(notes('# Platform sync', 'We met on Nov 24, 2026')), ['Platform sync | - (-)']);
    });
    it('then the date in the title line', () => {
      assert.deepEqual(meetingOf('Engineering Architecture Review - January 29, 2024\nAttendees: Mike'), ['Engineering Architecture Review | 2024-01-29 (title)']);
      assert.deepEqual(meetingOf('# Café Ops Weekly – 3 March 2025'), ['Café Ops Weekly | 2025-03-03 (title)']);
    });
    it('then a heading that is only a date', () => {
      assert.deepEqual(meetingOf(notes('# Weekly sync', '', '## 2025-10-06', '- [ ] Mike: x')), ['Weekly sync | 2025-10-06 (heading)']);
    });
    it('then the file name', () => {
      assert.deepEqual(meetingOf('# Platform\n\n- [ ] Mike: x', 'notes/2025-03-10-platform.md'), ['Platform | 2025-03-10 (file-name)']);
      assert.deepEqual(meetingOf('[00:01] Mike: hi', '2025-03-10-platform-sync.md'), ['Platform sync | 2025-03-10 (file-name)']);
    });
    it('has no date when none is written', () => {
      assert.deepEqual(meetingOf('# Retro\n\n- [ ] Mike: do it tomorrow'), ['Retro | - (-)']);
      assert.equal(analyze('# Retro\n\n## Action items\n- Mike: do it - Due: tomorrow').items[0].due?.date, null);
    });
  });

  it('reads a U+FEFF inside a document as its text (not as a byte order mark), whatever its line ends', () => {
    // A part of the document is read on its own: a U+FEFF opening it was skipped as the byte order
    // mark of a document (the title below it found), but not where a lone `\r` kept it inside the part before.
    const read = (eol: string) => analyze(['', '', '\uFEFF', 'Platform sync', '', '- [ ] Tom: fix the deploy scripts'].join(eol), 'notes.md');
    const lf = read('\n');
    for (const eol of ['\r\n', '\r']) {
      const other = read(eol);
      assert.deepEqual(other.meetings.map((m) => [m.title, m.line]), lf.meetings.map((m) => [m.title, m.line]), JSON.stringify(eol));
      assert.deepEqual(other.items.map((i) => i.task), lf.items.map((i) => i.task));
    }
    assert.deepEqual(lf.items.map((i) => i.task), ['Fix the deploy scripts']);
  });

  describe('several meetings in one file', () => {
    const log = notes(
      '# Team log',
      'Attendees: Ana, Ben',
      '',
      '## 2025-10-06',
      '- [ ] Ana: draft the plan - Due: Friday',
      '',
      '## Sprint review - March 4, 2025',
      'Attendees: Ana, Ben, Cleo',
      '- [ ] Cleo: demo - Due: Tomorrow',
    );
    it('starts a meeting at each dated heading, with its own date and attendees', () => {
      const model = analyze(log);
      assert.deepEqual(
        model.meetings.map((m) => `${m.title} | ${m.date} | ${m.attendees.map((a) => a.name).join(', ')}`),
        ['Team log | 2025-10-06 | Ana, Ben', 'Sprint review | 2025-03-04 | Ana, Ben, Cleo'],
      );
    });
    it('resolves relative dates under a heading against that meeting', () => {
      assert.deepEqual(analyze(log).items.map((i) => `${i.meeting} ${i.due?.date}`), ['0 2025-10-10', '1 2025-03-05']);
    });
  });

  describe('attendees', () => {
    it('stops reading names under an Attendees heading at a header line such as `COMMITMENTS:`', () => {
      const model = analyze('## Attendees\nPriya Shah, Tom Bradley\nCOMMITMENTS:\nTom to fix the flaky test by Friday');
      assert.deepEqual(model.meetings[0].attendees.map((a) => a.name), ['Priya Shah', 'Tom Bradley']);
      assert.deepEqual(model.items.map((i) => `${i.kind} ${i.owner?.name} | ${i.task}`), ['commitment Tom Bradley | Fix the flaky test']);
    });

    it('never counts a done mark as part of a name (Mark complete on a task line under Attendees)', () => {
      const names = (text: string) => analyze(text).meetings[0].attendees.map((a) => a.name);
      assert.deepEqual(names('## Attendees\n- [x] Priya Shah ✅ 2025-03-14\n- [ ] Tom Bradley ✔'), ['Priya Shah', 'Tom Bradley']);
    });
    it('from an attendee line with roles', () => {
      assert.deepEqual(attendeesOf('Attendees: Mike Johnson (Engineering Lead), David Kim, @jonas'), ['Mike Johnson (Engineering Lead)', 'David Kim', 'jonas']);
      assert.deepEqual(attendeesOf('**Participants:** Ana and Ben; Cleo (PM, Growth)'), ['Ana', 'Ben', 'Cleo (PM, Growth)']);
      assert.deepEqual(attendeesOf('Present: Sara Lind, Tomás Ruiz'), ['Sara Lind', 'Tomás Ruiz']);
    });
    it('from Google Meet\'s `Invited` line: its people as links, or as names copied with nothing between them (first and last name each)', () => {
      const invited = (line: string) => analyze(notes('# Platform sync', '', line, '', 'Maya Chen and Leo Park discussed the cutover.')).meetings[0].attendees.map((a) => a.name);
      assert.deepEqual(invited('Invited [Maya Chen](mailto:maya@example.com) [Leo Park](mailto:leo@example.com)'), ['Maya Chen', 'Leo Park']);
      assert.deepEqual(invited('Invited Maya Chen Leo Park Ana Costa'), ['Maya Chen', 'Leo Park', 'Ana Costa']);
      // Words that do not pair up into names are no list of people, nor is a sentence.
      assert.deepEqual(invited('Invited Maya Chen Leo'), []);
      assert.deepEqual(invited('Invited guests will present the demo'), []);
    });
    it('from front matter, as a list or a comma string', () => {
      assert.deepEqual(attendeesOf(notes('---', 'attendees:', '  - Priya Shah (SRE)', '  - Jonas', '---')), ['Priya Shah (SRE)', 'Jonas']);
      assert.deepEqual(attendeesOf(notes('---', 'attendees: Priya Shah, Jonas Weber', '---')), ['Priya Shah', 'Jonas Weber']);
    });
    it('from a list under an Attendees heading or header line', () => {
      assert.deepEqual(attendeesOf(notes('## Attendees', '- Priya Shah (SRE)', '- Jonas Weber', '', '## Notes', '- not a person')), ['Priya Shah (SRE)', 'Jonas Weber']);
      assert.deepEqual(attendeesOf(notes('Attendees:', '- Priya Shah', '- Jonas Weber')), ['Priya Shah', 'Jonas Weber']);
    });

    it('from a list item with its role after a dash or a comma (one person per item)', () => {
      assert.deepEqual(attendeesOf(notes('## Attendees', '- Ana Souza — EM', '- Chen Li, SRE', '- Ben Okafor (Backend, Payments)', '- @dmitri')), ['Ana Souza (EM)', 'Chen Li (SRE)', 'Ben Okafor (Backend, Payments)', 'dmitri']);
      // On a line of names, a comma still separates people.
      assert.deepEqual(attendeesOf('Attendees: Chen Li, SRE Team'), ['Chen Li', 'SRE Team']);
    });
  });

  describe('people', () => {
    const roster = new Roster(['Mike Johnson', 'Michael Chen', 'Jonas Weber', 'José Núñez'].map((name) => ({ name, role: null, span: null })));
    const who = (written: string) => roster.resolve(written).attendee?.name ?? (roster.resolve(written).ambiguous ? 'ambiguous' : null);
    it('names an attendee by first name, handle or full name, in any case and without accents', () => {
      assert.equal(who('Mike'), 'Mike Johnson');
      assert.equal(who('@jonas'), 'Jonas Weber');
      assert.equal(who('mike.johnson'), 'Mike Johnson');
      assert.equal(who('Mike J.'), 'Mike Johnson');
      assert.equal(who('jose'), 'José Núñez');
      assert.equal(who('MICHAEL CHEN'), 'Michael Chen');
      assert.equal(who('@jon'), 'Jonas Weber');
    });
    it('names nobody for an unknown or ambiguous name', () => {
      assert.equal(who('Sarah'), null);
      assert.equal(who('Mi'), null);
      assert.equal(new Roster([{ name: 'Mike Johnson', role: null, span: null }, { name: 'Mike Chen', role: null, span: null }]).resolve('Mike').ambiguous, true);
    });
    it('names a speaker who is not an attendee the same ways, once heard, among hundreds of them', () => {
      const speakers = new Roster([]);
      for (let i = 0; i < 300; i++) speakers.addSpeaker(`Guest${i} Visitor${i}`);
      for (const name of ['Mike Johnson', 'Michael Chen', 'Jonas Weber', 'José Núñez']) speakers.addSpeaker(name);
      assert.equal(speakers.addSpeaker('mike johnson'), false, 'known already');
      const heard = (written: string) => speakers.resolve(written).speaker ?? (speakers.resolve(written).ambiguous ? 'ambiguous' : null);
      assert.equal(heard('Mike'), 'Mike Johnson');
      assert.equal(heard('@jonas'), 'Jonas Weber');
      assert.equal(heard('mike.johnson'), 'Mike Johnson');
      assert.equal(heard('Mike J.'), 'Mike Johnson');
      assert.equal(heard('jose'), 'José Núñez');
      assert.equal(heard('@jon'), 'Jonas Weber');
      assert.equal(heard('guest12'), 'Guest12 Visitor12');
      assert.equal(heard('guest1'), 'Guest1 Visitor1', 'a whole word before a prefix');
      assert.equal(heard('guest1v'), 'Guest1 Visitor1');
      assert.equal(heard('gue'), 'ambiguous');
      assert.equal(heard('Sarah'), null);
    });
    it('orders attendees by how close their name is, for owner fixes', () => {
      assert.deepEqual(roster.nearest('Jonah').map((a) => a.name).slice(0, 1), ['Jonas Weber']);
      assert.deepEqual(roster.nearest('Mikey').map((a) => a.name).slice(0, 1), ['Mike Johnson']);
    });
  });
});
