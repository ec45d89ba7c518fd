import { strict as assert } from 'node:assert';
import { fixesFor } from '../../server/src/core/edits/fixes';
import { diagnose } from '../../server/src/core/rules';
import { analyze, notes } from '../helpers/notes';

const HEADER = ['Sync - January 29, 2024', 'Attendees: Tom Bradley (DevOps), Mike Johnson (Lead), Priya Shah'];

/** The cues said in one line of transcript, as `kind owner | task | due`. */
function cues(line: string): string[] {
  const model = analyze(notes(...HEADER, '', line));
  return model.statements.flatMap((s) => s.cues.map((c) => `${c.kind} ${c.owner?.name ?? '-'} | ${c.task} | ${c.due ? `${c.due.text}=${c.due.date ?? 'vague'}` : '-'}`));
}

/** Each sentence said by Tom, heard as the commitments given (`task | due`). */
function assertTomHeard(heard: Array<[said: string, commitments: string[]]>): void {
  for (const [said, expected] of heard) {
    assert.deepEqual(
      cues(`[05:00] Tom Bradley: ${said}`),
      expected.map((cue) => `commitment Tom Bradley | ${cue}`),
      said,
    );
  }
}

describe('transcript statements', () => {
  it('reads every speaker form', () => {
    const model = analyze(notes(...HEADER, '', '[05:00] Tom Bradley: hello', '', '[1:02:03] Mike Johnson: hi', '', '**Priya:** hey', '', 'Tom: plain', '', '[17:30] Mike: short name'));
    assert.deepEqual(
      model.statements.map((s) => `${s.time ?? '-'} ${s.speaker?.name}: ${s.text}`),
      ['05:00 Tom Bradley: hello', '1:02:03 Mike Johnson: hi', '- Priya Shah: hey', '- Tom Bradley: plain', '17:30 Mike Johnson: short name'],
    );
  });

  it('reads a stamp written after the speaker (`Tom Bradley [00:08:10]: …`), so the words are that speaker\'s', () => {
    const model = analyze(notes(...HEADER, '', '[05:00] Mike Johnson: I will send the agenda by Friday.', 'Tom Bradley [00:08:10]: I will ping legal by Friday.', '**Priya** (09:30) I will book the room tomorrow.', 'Tom [99:99]: not a time.'));
    assert.deepEqual(
      model.statements.map((s) => `${s.time ?? '-'} ${s.speaker?.name}: ${s.text}`),
      ['05:00 Mike Johnson: I will send the agenda by Friday.', '00:08:10 Tom Bradley: I will ping legal by Friday.', '09:30 Priya Shah: I will book the room tomorrow. Tom [99:99]: not a time.'],
    );
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Mike Johnson: Send the agenda', 'Tom Bradley: Ping legal', 'Priya Shah: Book the room']);
  });

  it('reads a name and a time alone on a line as the head of the words under it (`Ana Souza  0:05`, as Otter and Teams export)', () => {
    const lines = ['Tom Bradley  0:05', "I'll send the agenda by Friday.", '', 'Mike  1:02:03', 'Sounds good.', 'I will review the contract Monday.', '', 'Standup 9:30', 'we met.'];
    const model = analyze(notes(...HEADER, '', ...lines));
    assert.deepEqual(
      model.statements.map((s) => `${s.time} ${s.speaker?.name}: ${s.text}`),
      ["0:05 Tom Bradley: I'll send the agenda by Friday.", '1:02:03 Mike Johnson: Sounds good. I will review the contract Monday.'],
    );
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Tom Bradley: Send the agenda', 'Mike Johnson: Review the contract']);
    // Zoom's saved transcript: the name in brackets, then the time.
    const zoom = analyze(notes('Vendor call - 2025-06-02', '', '[Ana Souza] 10:02:15', "I'll send the agenda by Friday.", '', '[Ben] 10:02:40', 'Sounds good.'));
    assert.deepEqual(zoom.statements.map((s) => `${s.time} ${s.speaker?.name}: ${s.text}`), ["10:02:15 Ana Souza: I'll send the agenda by Friday.", '10:02:40 Ben: Sounds good.']);
    // Where the notes name no attendees, a full name is enough; a single word is not.
    const unnamed = analyze(notes('Vendor sync - 2025-06-02', '', 'Ana Souza  0:05', "I'll send the agenda by Friday.", '', 'Standup 9:30', 'I will check.'));
    assert.deepEqual(unnamed.statements.map((s) => `${s.speaker?.name}: ${s.text}`), ["Ana Souza: I'll send the agenda by Friday."]);
  });

  it('reads a chat’s messages as copied (`**Mike Johnson** 10:32 AM`, the words under it)', () => {
    const lines = ['**Mike Johnson** 10:32 AM', 'can someone check the alert thresholds?', '', 'Priya Shah 10:33 pm', "on it. I'll have new thresholds up by EOD tomorrow"];
    const model = analyze(notes(...HEADER, '', ...lines));
    assert.deepEqual(model.statements.map((s) => `${s.time} ${s.speaker?.name}: ${s.text}`), ['10:32 AM Mike Johnson: can someone check the alert thresholds?', "10:33 PM Priya Shah: on it. I'll have new thresholds up by EOD tomorrow"]);
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} | ${i.due?.date}`), ['Priya Shah: Have new thresholds up | 2024-01-30']);
  });

  it('reads captions pasted as they are: WebVTT voices (`<v Tom Bradley>…</v>`, as Teams writes them) and SRT, timed by their timing lines', () => {
    const vtt = ['WEBVTT', '', '1f0c/12-0', '00:00:01.000 --> 00:00:05.000', "<v Tom Bradley>I'll send the deck", 'by Friday.</v>', '', '00:01:06.500 --> 00:01:09.000', '<v.loud Mike>Decision: we ship the beta on March 20.</v>'];
    const model = analyze(notes(...HEADER, '', ...vtt));
    assert.deepEqual(
      model.statements.map((s) => `${s.time} ${s.speaker?.name}: ${s.text.trim()}`),
      ["00:00:01 Tom Bradley: I'll send the deck by Friday.", '00:01:06 Mike Johnson: Decision: we ship the beta on March 20.'],
    );
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.date})`), ['Tom Bradley: Send the deck (2024-02-02)']);
    const srt = ['1', '00:00:01,000 --> 00:00:05,000', 'Priya Shah: I will book the room tomorrow.', '', '2', '00:00:06,000 --> 00:00:08,000', 'Tom: Sounds good.'];
    assert.deepEqual(
      analyze(notes(...HEADER, '', ...srt)).statements.map((s) => `${s.time} ${s.speaker?.name}: ${s.text}`),
      ['00:00:01 Priya Shah: I will book the room tomorrow.', '00:00:06 Tom Bradley: Sounds good.'],
    );
  });

  it('does not read inline HTML in speech: a comment says nothing, tags are not words', () => {
    const model = analyze(notes(...HEADER, '', '[05:00] Tom Bradley: I will fix the login bug <!-- by Friday --> soon.', '[05:10] Mike: I will <b>review</b> the cache PR by Monday.'));
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.text ?? '-'})`), ['Tom Bradley: Fix the login bug soon (-)', 'Mike Johnson: Review the cache PR (Monday)']);
  });

  it('reads a standup written per person: the lines under a heading that is only a person\'s name are theirs', () => {
    const standup = ['## 🧑‍💻 Tom', '- Yesterday: rotated the keys', "- Today: I'll wire up the password reset", '- Blockers: none', '', '### Mike Johnson:', "I'm going to fix the flaky CI job by Wednesday.", '', '[05:00] Priya Shah: I will book the room tomorrow.', '', '## Notes', "- I'll look at it later", '', '## Carla', "- I'll write the docs by Friday", '', "## Priya's update", "- I'll order the badges by Friday"];
    const model = analyze(notes(...HEADER, '', ...standup));
    assert.deepEqual(
      model.statements.map((s) => `${s.speaker?.name}: ${s.text}`),
      ['Tom Bradley: Yesterday: rotated the keys', "Tom Bradley: Today: I'll wire up the password reset", 'Tom Bradley: Blockers: none', "Mike Johnson: I'm going to fix the flaky CI job by Wednesday.", 'Priya Shah: I will book the room tomorrow.', "Priya Shah: I'll order the badges by Friday"],
    );
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} (${i.due?.date ?? '-'})`), ['Tom Bradley: Wire up the password reset (-)', 'Mike Johnson: Fix the flaky CI job (2024-01-31)', 'Priya Shah: Book the room (2024-01-30)', 'Priya Shah: Order the badges (2024-02-02)']);
    // The speaker is where the heading names them.
    const tom = model.statements[0].speaker!;
    assert.equal(model.text.slice(tom.span.start, tom.span.end), 'Tom');
    // Where the notes list no attendees, a full name is enough; the title heading is no person.
    const unlisted = analyze(notes('# Ana Souza', '', '## Bob Jones', "- I'll send the deck by Friday", '', '## Bob', "- I'll call the vendor"));
    assert.deepEqual(unlisted.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Bob Jones: Send the deck']);
  });

  it('reads a standup whose people are named by a line of their own (`**Tom**`, `Mike:`), ending a part at a bold name of no one known', () => {
    const standup = ['**Tom**', "- Today: I'll wire up the password reset by Wednesday", '', 'Mike:', "- I'm going to fix the flaky CI job by Thursday", '', '**Carla**', "- I'll write the docs by Friday", '', 'Action items:', '- [ ] Mike: rotate the keys', '', '**Priya Shah:**', "- Today: I will book the room tomorrow", '- [ ] Order the badges'];
    const model = analyze(notes(...HEADER, '', ...standup));
    assert.deepEqual(model.statements.map((s) => `${s.speaker?.name}: ${s.text}`), ["Tom Bradley: Today: I'll wire up the password reset by Wednesday", "Mike Johnson: I'm going to fix the flaky CI job by Thursday", 'Priya Shah: Today: I will book the room tomorrow']);
    assert.deepEqual(model.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task}`), ['Tom Bradley: Wire up the password reset', 'Mike Johnson: Fix the flaky CI job', 'Mike Johnson: Rotate the keys', 'Priya Shah: Book the room', 'Priya Shah: Order the badges']);
    // Priya's part ends the section of the header line: her checkbox is hers, not an entry of that section.
    const [actions] = model.sections;
    assert.equal(model.text.slice(actions.headerSpan.start, actions.insertAt), 'Action items:\n- [ ] Mike: rotate the keys');
  });

  it('reads a person\'s line with their standup on the lines right under it, in one paragraph', () => {
    const standup = ['**Tom**', 'Yesterday: rotated the keys', "Today: I'll wire up the password reset by Wednesday", 'Mike Johnson:', "I'm going to fix the flaky CI job by Thursday", '**Carla**', "I'll write the docs by Friday"];
    const model = analyze(notes(...HEADER, '', ...standup));
    assert.deepEqual(model.statements.map((s) => `${s.speaker?.name}: ${s.text}`), ['Tom Bradley: Yesterday: rotated the keys', "Tom Bradley: Today: I'll wire up the password reset by Wednesday", "Mike Johnson: I'm going to fix the flaky CI job by Thursday"]);
    assert.deepEqual(model.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task}`), ['Tom Bradley: Wire up the password reset', 'Mike Johnson: Fix the flaky CI job']);
    // In single stars, as Slack's standup bots write a name in bold; an unknown name there ends the last person's part.
    const slack = analyze(notes(...HEADER, '', '*Tom*', "Today: I'll wire up the password reset by Wednesday", '_Carla_', "I'll write the docs by Friday"));
    assert.deepEqual(slack.items.map((i) => `${i.owner?.name ?? '-'}: ${i.task}`), ['Tom Bradley: Wire up the password reset']);
  });

  it('reads who sent each message of a saved Zoom chat (`10:02:15 From Tom Bradley to Everyone: …`)', () => {
    const chat = ["10:02:15 From Tom Bradley to Everyone: I'll write the timeline by Friday.", '10:03:40 From Priya Shah : I can add the alert thresholds by Monday.', "10:04:10 From Mike Johnson to Priya Shah (Direct Message): I'll review them."];
    const model = analyze(notes(...HEADER, '', ...chat));
    assert.deepEqual(model.statements.map((s) => `${s.time} ${s.speaker?.name}: ${s.text}`), ["10:02:15 Tom Bradley: I'll write the timeline by Friday.", '10:03:40 Priya Shah: I can add the alert thresholds by Monday.', "10:04:10 Mike Johnson: I'll review them."]);
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Tom Bradley: Write the timeline', 'Priya Shah: Add the alert thresholds', 'Mike Johnson: Review them']);
  });

  it('starts a statement at a stamp in brackets that is no time (`[10:75]`, a slip), without a time', () => {
    const model = analyze(notes(...HEADER, '', '[10:05] Tom Bradley: I will fix the build by Friday.', '[10:75] Priya: I will update the runbook by Monday.', '(9:99) Mike: ok', '10:75 Mike: not bracketed'));
    assert.deepEqual(
      model.statements.map((s) => `${s.time ?? '-'} ${s.speaker?.name}: ${s.text}`),
      ['10:05 Tom Bradley: I will fix the build by Friday.', '- Priya Shah: I will update the runbook by Monday.', '- Mike Johnson: ok 10:75 Mike: not bracketed'],
    );
    assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Tom Bradley: Fix the build', 'Priya Shah: Update the runbook']);
  });

  it('does not take `Name: text` for speech when Name is no attendee', () => {
    const model = analyze(notes(...HEADER, '', 'Budget: we are over by 10%', '', 'Sarah: not here today'));
    assert.deepEqual(model.statements, []);
  });

  it('continues a statement over the lines that follow it in the same paragraph', () => {
    const model = analyze(notes(...HEADER, '', '[05:00] Tom Bradley: I have the numbers.', 'I commit to having the load balancers ready', 'by February 3rd.'));
    assert.equal(model.statements.length, 1);
    assert.deepEqual(model.statements[0].cues.map((c) => `${c.task} ${c.due?.date}`), ['The load balancers ready 2024-02-03']);
  });

  it('cuts a statement into the same sentences whatever ends its lines (\\r\\n is two blanks after a stop)', () => {
    const lines = [...HEADER, '', "[01:15] Tom Bradley: I'm going to draft the capacity plan by end of month.", '00] Mike Johnson: I rotated the certificates.'];
    const tasks = (text: string) => analyze(text).items.map((i) => i.task);
    const lf = tasks(lines.join('\n'));
    assert.deepEqual(tasks(lines.join('\r\n')), lf);
    assert.deepEqual(tasks(lines.join('\r')), lf);
    assert.equal(lf.length, 1);
    assert.match(lf[0], /^Draft the capacity plan\b/);
  });

  it("reads a request said over two lines the same whatever ends them (what `I'll take that` takes on)", () => {
    const lines = [...HEADER, '', '**Mike:** Can someone write up', 'the query log analysis?', "**Priya:** I'll take that."];
    const tasks = (text: string) => analyze(text).items.map((i) => i.task);
    assert.deepEqual(tasks(lines.join('\n')), ['Write up the query log analysis']);
    assert.deepEqual(tasks(lines.join('\r\n')), ['Write up the query log analysis']);
  });

  describe('commitments', () => {
    const positives: Array<[string, string]> = [
      ['[05:00] Tom Bradley: I commit to having the WebSocket infrastructure ready by February 3rd for Phase 1.', 'commitment Tom Bradley | The WebSocket infrastructure ready for Phase 1 | February 3rd=2024-02-03'],
      ["[05:00] Tom Bradley: Yeah. I'll run cleanup over the weekend.", 'commitment Tom Bradley | Run cleanup | over the weekend=2024-02-04'],
      ['[05:00] Tom Bradley: I will send the report tomorrow.', 'commitment Tom Bradley | Send the report | tomorrow=2024-01-30'],
      ["[05:00] Tom Bradley: I'm going to draft the plan by end of month.", 'commitment Tom Bradley | Draft the plan | end of month=2024-01-31'],
      ['[05:00] Tom Bradley: I can have the numbers by Friday.', 'commitment Tom Bradley | Have the numbers | Friday=2024-02-02'],
      ['[05:00] Tom Bradley: Sure, I’ll add a PII scrubbing step.', 'commitment Tom Bradley | Add a PII scrubbing step | -'],
      ['[05:00] Tom Bradley: I commit to implementing cost optimization before we go to production.', 'commitment Tom Bradley | Implementing cost optimization | before we go to production=vague'],
      ['[05:00] Tom Bradley: I will review the Q1 roadmap in two weeks.', 'commitment Tom Bradley | Review the Q1 roadmap | in two weeks=2024-02-12'],
      ["[05:00] Tom Bradley: I'll get it done in 3 days.", 'commitment Tom Bradley | Get it done | in 3 days=2024-02-01'],
      // With a date, these say what the speaker will do too.
      ['[05:00] Tom Bradley: I need to update the runbook by Friday.', 'commitment Tom Bradley | Update the runbook | Friday=2024-02-02'],
      ['[05:00] Tom Bradley: I have to finish the migration by Friday.', 'commitment Tom Bradley | Finish the migration | Friday=2024-02-02'],
      ['[05:00] Tom Bradley: Let me draft the RFC by Wednesday.', 'commitment Tom Bradley | Draft the RFC | Wednesday=2024-01-31'],
      // An adverb after the cue is how it was said, not the work.
      ["[05:00] Tom Bradley: I'll also rotate the runner tokens.", 'commitment Tom Bradley | Rotate the runner tokens | -'],
      ['[05:00] Tom Bradley: I will definitely go ahead and book the room tomorrow.', 'commitment Tom Bradley | Book the room | tomorrow=2024-01-30'],
      // Confirming something is work (`I'll confirm that` only agrees: below).
      ["[05:00] Tom Bradley: I'll confirm the support rota for launch week.", 'commitment Tom Bradley | Confirm the support rota for launch week | -'],
    ];
    for (const [line, expected] of positives) it(`hears: ${line.slice(20)}`, () => assert.deepEqual(cues(line), [expected]));

    it('takes `Will do` and `Let me take that` as taking a request on, and `Will do` alone as nothing', () => {
      const answered = (answer: string) => analyze(notes(...HEADER, '', '[10:00] Mike Johnson: Can someone update the runbook?', '', `[10:05] Priya Shah: ${answer}`)).items.map((i) => `${i.owner?.name}: ${i.task} | ${i.due?.date ?? '-'}`);
      assert.deepEqual(answered('Will do.'), ['Priya Shah: Update the runbook | -']);
      assert.deepEqual(answered('Sure, will do by Friday.'), ['Priya Shah: Update the runbook | 2024-02-02']);
      assert.deepEqual(answered('Let me take that.'), ['Priya Shah: Update the runbook | -']);
      assert.deepEqual(answered('That will do.'), []);
      assert.deepEqual(cues('[05:00] Tom Bradley: Will do.'), []);
    });

    it('reads a promise with its `I` left out (`Will send the deck by Friday.`, `Priya: will check with legal`), not `Will` the person', () => {
      assertTomHeard([
        ['Will send the deck by Friday.', ['Send the deck | Friday=2024-02-02']],
        ['will check with legal tomorrow', ['Check with legal | tomorrow=2024-01-30']],
        ['Gonna fix the cache bug tomorrow.', ['Fix the cache bug | tomorrow=2024-01-30']],
        ['Will discuss the budget with finance by Friday.', ['Discuss the budget with finance | Friday=2024-02-02']],
        ['Will is going to handle the rollout.', []],
        ['Will thinks we should wait.', []],
        ['Will that work for everyone?', []],
        ['Will be out on Friday.', []],
        ['Will need a hand with the migration.', []],
      ]);
      assert.deepEqual(cues('Priya: will check with legal by Friday'), ['commitment Priya Shah | Check with legal | Friday=2024-02-02']);
      // A standup's plan for the day, its `I` left out.
      assert.deepEqual(cues('Priya: Today: will finish the rota by Friday'), ['commitment Priya Shah | Finish the rota | Friday=2024-02-02']);
      assert.deepEqual(cues('Priya: Today: will is out'), []);
      // Where someone called Will is at the meeting, `Will handle the rollout` may be about him.
      const withWill = analyze(notes('Sync - January 29, 2024', 'Attendees: Tom Bradley, Will Turner', '', '[05:00] Tom Bradley: Will handle the rollout by Friday.'));
      assert.deepEqual(withWill.items, []);
    });

    it('reads a promise said over two lines the same whatever ends them (fuzz seed 980000014)', () => {
      for (const end of ['\n', '\r\n']) {
        const model = analyze(notes(...HEADER, '', "[05:00] Tom Bradley: I'll send the deck (the one for sales", 'tomorrow).').replace(/\n/g, end));
        assert.deepEqual(model.items.map((i) => `${i.task} | ${i.due?.date}`), ['Send the deck (the one for sales) | 2024-01-30'], JSON.stringify(end));
      }
    });

    it('takes a yes alone (`Sure thing.`) as taking on a request made of the speaker by name, and as nothing otherwise', () => {
      const answered = (request: string, answer: string, who = 'Priya Shah') =>
        analyze(notes(...HEADER, '', `[10:00] Mike Johnson: ${request}`, '', `[10:05] ${who}: ${answer}`)).items.map((i) => `${i.owner?.name}: ${i.task} | ${i.due?.date ?? '-'} | ${i.span.start}`);
      const at = notes(...HEADER, '', '[10:00] Mike Johnson: x', '', '[10:05] Priya Shah: ').length;
      for (const request of ['The runbook is stale. Priya, can you update it by Friday?', 'Can you update the runbook by Friday, Priya?', 'Could you update the runbook by Friday, @priya?']) {
        const said = answered(request, 'Sure thing.');
        const expected = request.includes('stale') ? 'Update it' : 'Update the runbook';
        assert.deepEqual(said, [`Priya Shah: ${expected} | 2024-02-02 | ${at + request.length - 1}`], request);
      }
      assert.deepEqual(answered('Priya, can you update the runbook?', 'Yep, can do!').map((i) => i.split(' | ').slice(0, 2).join(' | ')), ['Priya Shah: Update the runbook | -']);
      // Not made of this speaker, or of no one by name: a yes may only agree.
      assert.deepEqual(answered('Tom, can you update the runbook by Friday?', 'Sure.'), []);
      assert.deepEqual(answered('Can someone update the runbook by Friday?', 'Sure.'), []);
      assert.deepEqual(answered('Priya, does that make sense?', 'Yes.'), []);
      // More than a yes is read as it says.
      assert.deepEqual(answered('Priya, can you update the runbook?', 'Sure, but not this week.'), []);
    });

    it('does not take running the meeting for promises, and keeps the work said the same way', () => {
      const talk = [
        "OK, I'll share my screen. I'll go first and keep it short.",
        "I'll hand it over to Priya now.",
        "I'll start with the incident. I'll try to keep this under five minutes.",
        "I'll drop off at half past, I have another call.",
        "I'll just say one more thing: the pager was noisy.",
        "I'll let Priya answer that. I'll put the link in the chat.",
        "I'll kick us off. I'll wrap up here.",
        "I'm going to push back on that a little. I'll second what Priya said though.",
        "I'll echo that. I'll play devil's advocate for a second.",
        "I'll try. I'll do my best. I'll take your word for it.",
        "I'll believe it when I see it. I'll answer that quickly. I'll explain why.",
        "I'll leave that to Mike. I'll allow it.",
        "I'll move on to the next item. I'll come back to that at the end. I'll make a note of it. I'm going to call it here.",
        "I'll probably join late on Thursday. I'll know more after the vendor call. I'll remain on call this week.",
      ];
      for (const said of talk) assert.deepEqual(cues(`[05:00] Tom Bradley: ${said}`), [], said);
      const work: Array<[string, string]> = [
        ["I'll go ahead and file the ticket by Friday.", 'File the ticket | Friday=2024-02-02'],
        ["I'll kick off the migration on Monday.", 'Kick off the migration | Monday=2024-01-29'],
        ["I'll hand over the keys to ops by Friday.", 'Hand over the keys to ops | Friday=2024-02-02'],
        ["I'll start the load test tomorrow.", 'Start the load test | tomorrow=2024-01-30'],
        ["I'll join the later call with the vendor by Friday.", 'Join the later call with the vendor | Friday=2024-02-02'],
        ["I'll add a retry to the client by Friday.", 'Add a retry to the client | Friday=2024-02-02'],
        ["I'll explain the new rota in the wiki by Friday.", 'Explain the new rota in the wiki | Friday=2024-02-02'],
        // `get` goes only before what is made ready (`get the infra ready`), not from `get back to you`.
        ["I'll get back to you on that by Friday.", 'Get back to you on that | Friday=2024-02-02'],
      ];
      assertTomHeard(work.map(([said, cue]) => [said, [cue]]));
    });

    it('hears each promise joined on in one sentence, with its own date; a promise that refers back dates the one before', () => {
      const heard: Array<[string, string[]]> = [
        ["I'm going to bisect the upgrade tomorrow and I'll post findings in #infra by EOW.", ['Bisect the upgrade | tomorrow=2024-01-30', 'Post findings in #infra | EOW=2024-02-02']],
        ["I'll fix the build, then I'll ping Mike, and I will update the runbook by Friday.", ['Fix the build | -', 'Ping Mike | -', 'Update the runbook | Friday=2024-02-02']],
        ["I'll fix the flaky test and I'll have it done by Friday.", ['Fix the flaky test | Friday=2024-02-02']],
        // A cue that is no promise ends the clause before it; one that depends on a condition too.
        ["I'll fix it but I can't test it.", ['Fix it | -']],
        ["I'll deploy today, and if it breaks I'll roll back.", ['Deploy | today=2024-01-29']],
        // Not joined on: part of the first promise.
        ["I'll make sure I can hit Friday.", ['Make sure I can hit | Friday=2024-02-02']],
      ];
      assertTomHeard(heard);
    });

    it('hears a second task joined on without its own cue after a task closed by its date', () => {
      const heard: Array<[string, string[]]> = [
        ["I'll file it today and scope it next sprint.", ['File it | today=2024-01-29', 'Scope it | next sprint=vague']],
        ["I'll draft the RFC by Wednesday and circulate it by Friday.", ['Draft the RFC | Wednesday=2024-01-31', 'Circulate it | Friday=2024-02-02']],
        ["I'll write the migration on Monday, and then run it in staging on Wednesday.", ['Write the migration | Monday=2024-01-29', 'Run it in staging | Wednesday=2024-01-31']],
        // The first task's verb, said once.
        ["I'll ship the beta by Friday and the GA by March 30.", ['Ship the beta | Friday=2024-02-02', 'Ship the GA | March 30=2024-03-30']],
        // Its own modal goes on; with no date of its own, the second task has none.
        ['Sure, I will look at the pin by Friday, and will do the docs.', ['Look at the pin | Friday=2024-02-02', 'Do the docs | -']],
        // What another subject does, reporting back and no work at all are no part of the promise.
        ["I'll send the notes tomorrow and then we can discuss.", ['Send the notes | tomorrow=2024-01-30']],
        ["I'll fix the login crash by Thursday, then we cut the release.", ['Fix the login crash | Thursday=2024-02-01']],
        ["I'll send the notes tomorrow and Mike will review them.", ['Send the notes | tomorrow=2024-01-30']],
        ["I'll fix the bug by Friday and the docs are due Monday.", ['Fix the bug | Friday=2024-02-02']],
        ["I'll look at the logs today and report back.", ['Look at the logs | today=2024-01-29']],
        ["I'll deploy it tomorrow and see what happens.", ['Deploy it | tomorrow=2024-01-30']],
        // One task: no date closes the first part.
        ["I'll review and merge the cache PR by Thursday.", ['Review and merge the cache PR | Thursday=2024-02-01']],
        ["I'll draft the RFC and circulate it by Friday.", ['Draft the RFC and circulate it | Friday=2024-02-02']],
      ];
      assertTomHeard(heard);
    });

    it("takes the request that `I'll take that` answers as its task", () => {
      const model = analyze(notes(...HEADER, '', '[10:00] Mike Johnson: Can someone update the runbook for cache outages?', '', "[10:05] Priya Shah: I'll take that."));
      assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task}`), ['Priya Shah: Update the runbook for cache outages']);
    });

    it('takes the request as the task of a promise that takes it on in other words (`I’ll dig into it this week and report back`), with that promise’s date', () => {
      const answered = (answer: string) =>
        analyze(notes(...HEADER, '', '[10:00] Mike Johnson: Priya, could you look into the staging deploy times?', `[10:05] Priya Shah: ${answer}`)).items.map((i) => `${i.task} | ${i.due?.date ?? '-'}`);
      assert.deepEqual(answered("Yep, I'll dig into it this week and report back at the next retro."), ['Look into the staging deploy times | 2024-02-02']);
      assert.deepEqual(answered("Sure, I'll look at it tomorrow."), ['Look into the staging deploy times | 2024-01-30']);
      assert.deepEqual(answered('I will fix it.'), ['Look into the staging deploy times | -']);
      // Words of its own after `and`, or a pointing phrase that says more, keep the promise's own task.
      assert.deepEqual(answered("I'll take that into account."), []);
      assert.deepEqual(answered("I'll check the dashboards and fix it by Friday."), ['Check the dashboards and fix it | 2024-02-02']);
    });

    it('leaves out whom a request is addressed to, and a please, when it becomes a task', () => {
      const asked = (request: string) => analyze(notes(...HEADER, '', `[10:00] Mike Johnson: ${request}`, '', "[10:05] Priya Shah: Sure, I'll take that.")).items.map((i) => i.task);
      assert.deepEqual(asked('Can you take the load test, Priya?'), ['Take the load test']);
      assert.deepEqual(asked('Could you update the runbook, Priya Shah, please?'), ['Update the runbook']);
      assert.deepEqual(asked('Can someone write up the outage, @priya?'), ['Write up the outage']);
      assert.deepEqual(asked('Priya, can you review the Q1 plan for Acme?'), ['Review the Q1 plan for Acme']);
      // Words after a comma that are not a name or a please stay: they are part of the task.
      assert.deepEqual(asked('Can someone check the logs, metrics and traces?'), ['Check the logs, metrics and traces']);
    });

    it('counts a hyphenated word once when it matches what was said with an entry', () => {
      const listed = (entry: string) =>
        analyze(notes(...HEADER, '', "[10:00] Priya Shah: I'll load-test the retries against staging by Friday.", '', '## Action items', entry)).items.map((i) => `${i.source} ${i.task}`);
      // One word in common, `load-test`: other work.
      assert.deepEqual(listed('- Priya: share the load-test dashboard'), ['transcript Load-test the retries against staging', 'summary Share the load-test dashboard']);
      // The same work, written apart or together.
      assert.deepEqual(listed('- Priya: load test the staging retries - Due: Friday'), ['summary Load test the staging retries']);
    });

    it('takes a promise that points at work named elsewhere (`Own that`) for the entry of its owner and date', () => {
      const said = ['[10:00] Mike Johnson: The on-call handbook is stale. Who can own that?', '', '[10:05] Priya Shah: I can do it by Friday.', '', '## Action items'];
      const recorded = analyze(notes(...HEADER, '', ...said, '- Mike: book the room - Due: Friday', '- On-call handbook → Priya, Friday'));
      assert.deepEqual(recorded.items.map((i) => `${i.source} ${i.owner?.name}: ${i.task} | ${i.due?.date}`), ['summary Mike Johnson: Book the room | 2024-02-02', 'summary Priya Shah: On-call handbook | 2024-02-02']);
      assert.deepEqual(recorded.items[1].mentions.map((cue) => cue.sentence), ['I can do it by Friday.']);
      // Another date (or another owner) is not that entry: the promise stays uncaptured.
      const other = analyze(notes(...HEADER, '', ...said, '- On-call handbook → Priya, Monday'));
      assert.deepEqual(other.items.map((i) => `${i.source} ${i.owner?.name}: ${i.task}`), ['transcript Priya Shah: Own that', 'summary Priya Shah: On-call handbook']);
    });

    it('takes such a promise for its owner’s one entry that records nothing said and gives no other date', () => {
      const said = ['[10:00] Mike Johnson: The staging hosts are still on the old kernel.', '[10:01] Priya Shah: Can you take it, Mike?', '[10:02] Mike Johnson: Sure, I will do it today.', '', '## Action items'];
      const listed = (...entries: string[]) => analyze(notes(...HEADER, '', ...said, ...entries));
      const one = listed('- Mike: Patch the staging hosts', '- Priya: Book the room');
      assert.deepEqual(one.items.map((i) => `${i.source} ${i.owner?.name}: ${i.task} | ${i.mentions.map((c) => c.sentence).join(' ')}`), [
        'summary Mike Johnson: Patch the staging hosts | Sure, I will do it today.',
        'summary Priya Shah: Book the room | ',
      ]);
      // The entry has no date; the transcript gave one: its missing date is offered as said.
      const missing = diagnose(one, { today: '2024-01-29' }).filter((d) => d.code === 'missing-due-date');
      assert.deepEqual(missing.map((d) => d.message), ['"Patch the staging hosts" (Mike Johnson) has no due date', '"Book the room" (Priya Shah) has no due date']);
      const fixes = fixesFor(one, 'missing-due-date', missing[0].data, '2024-01-29', { today: '2024-01-29', writeDoneDate: true });
      assert.equal(fixes[0].title, 'Set the due date to 2024-01-29 (said "today")');
      // Two such entries, or one with another date: nothing says which, the promise stays uncaptured.
      for (const entries of [['- Mike: Patch the staging hosts', '- Mike: Book the room'], ['- Mike: Patch the staging hosts - Due: Friday']]) {
        assert.deepEqual(listed(...entries).items.filter((i) => i.source === 'transcript').map((i) => `${i.owner?.name}: ${i.task}`), ['Mike Johnson: Take it'], entries.join());
      }
      // An entry and its COMMITMENTS twin are one piece of work.
      const twins = listed('- Mike: Patch the staging hosts', '', '## Commitments', '- Mike: patch the staging hosts');
      assert.deepEqual(twins.items.map((i) => `${i.source} ${i.kind} ${i.mentions.length}`), ['summary action 1', 'summary commitment 1']);
    });

    it('reads the work and the date a request asks for, a request that points back at the work proposed before it, and a promise that points back at one in the sentence before', () => {
      const said = (...lines: string[]) => analyze(notes(...HEADER, '', ...lines)).items.map((i) => `${i.owner?.name}: ${i.task} | ${i.due?.date ?? '-'}`);
      assert.deepEqual(said('[10:00] Mike Johnson: Can someone update the runbook by Friday?', "[10:05] Priya Shah: I'll take that."), ['Priya Shah: Update the runbook | 2024-02-02']);
      assert.deepEqual(said('[10:00] Priya Shah: I should probably also ping the bank about the settlement delays.', '[10:01] Mike Johnson: Can you do that today?', '[10:02] Priya Shah: Yep, will do.'), ['Priya Shah: Ping the bank about the settlement delays | 2024-01-29']);
      assert.deepEqual(said("[10:00] Mike Johnson: Let's have Priya own the PCI audit prep.", "[10:01] Priya Shah: Sure, I'll own that. I'll get it to you by end of next week."), ['Priya Shah: Own the PCI audit prep | 2024-02-09']);
      assert.deepEqual(said("[10:00] Priya Shah: I'd be happy to write the postmortem, I can have it done by Wednesday."), ['Priya Shah: Write the postmortem | 2024-01-31']);
      assert.deepEqual(said('[10:00] Mike Johnson: Priya, can you send the vendor the signed contract?', '[10:01] Priya Shah: On it.'), ['Priya Shah: Send the vendor the signed contract | -']);
      assert.deepEqual(said('[10:00] Mike Johnson: Can someone rotate the keys?', '[10:01] Priya Shah: I am on it.'), ['Priya Shah: Rotate the keys | -']);
      // A promise taken back as it is made is none; `on it` in other words is no answer.
      assert.deepEqual(said("[10:00] Priya Shah: I'll try to get the dashboard fixed, no promises though."), []);
      assert.deepEqual(said('[10:00] Mike Johnson: Can someone rotate the keys?', '[10:01] Priya Shah: The team is on it.'), []);
    });

    it("dates the request taken on with the promise joined on to `I'll take that`", () => {
      const model = analyze(notes(...HEADER, '', '[10:00] Mike Johnson: Can someone update the runbook?', '', "[10:05] Priya Shah: I'll take that, and I can have it by Friday."));
      assert.deepEqual(model.items.map((i) => `${i.owner?.name}: ${i.task} | ${i.due?.date}`), ['Priya Shah: Update the runbook | 2024-02-02']);
    });

    const negatives = [
      "[05:00] Tom Bradley: I'll confirm that.",
      '[05:00] Tom Bradley: I rotated the certificates yesterday.',
      '[05:00] Tom Bradley: I already finished the migration.',
      "[05:00] Tom Bradley: Should I'll take the pager this week?",
      "[05:00] Tom Bradley: Can I take the pager?",
      "[05:00] Tom Bradley: I won't have time for the audit.",
      "[05:00] Tom Bradley: I can't keep updating tests for every change.",
      '[05:00] Tom Bradley: I will not be able to join on Friday.',
      '[05:00] Tom Bradley: If we had more budget, I would hire a contractor.',
      "[05:00] Tom Bradley: If it breaks again, I'll roll it back.",
      '[05:00] Tom Bradley: I can work with that.',
      '[05:00] Tom Bradley: I can do the infrastructure but not the application code.',
      "[05:00] Tom Bradley: I'll be out next week.",
      "[05:00] Tom Bradley: I'll be honest, this is hard.",
      "[05:00] Tom Bradley: I'll keep that in mind.",
      "[05:00] Tom Bradley: We'll need load balancers.",
      '[05:00] Tom Bradley: Let me think about this...',
      '[05:00] Tom Bradley: Let me know by Friday.',
      '[05:00] Tom Bradley: Let me check with legal.',
      '[05:00] Tom Bradley: I need to think.',
      '[05:00] Tom Bradley: I need to be out by Friday.',
    ];
    for (const line of negatives) it(`does not hear a commitment in: ${line.slice(20)}`, () => assert.deepEqual(cues(line), []));
  });

  describe('decisions and action items', () => {
    it('reads `Decision:` mid-statement, with the commitment said in it', () => {
      assert.deepEqual(cues("[12:00] Mike Johnson: This is a sales decision. Decision: I'll escalate to Sarah with our recommendation. For now, David continues."), [
        "decision - | I'll escalate to Sarah with our recommendation | -",
        'commitment Mike Johnson | Escalate to Sarah with our recommendation | -',
      ]);
    });

    it('reads action items for the speaker, for a named attendee and for nobody', () => {
      assert.deepEqual(cues('[07:30] Mike Johnson: Good. Action item for me: test connection pool optimizations by tomorrow.'), ['action Mike Johnson | Test connection pool optimizations | tomorrow=2024-01-30']);
      assert.deepEqual(cues('[07:30] Mike Johnson: Action item for Priya: check the alert thresholds by next Monday.'), ['action Priya Shah | Check the alert thresholds | next Monday=2024-02-05']);
      assert.deepEqual(cues('[07:30] Mike Johnson: Action item: update the status page.'), ['action - | Update the status page | -']);
      // Action points, as British teams write them, and their `AP:`.
      assert.deepEqual(cues('[07:30] Mike Johnson: Action point: Priya to chase the vendor by Friday.'), ['action Priya Shah | Chase the vendor | Friday=2024-02-02']);
      assert.deepEqual(cues('[07:30] Tom Bradley: AP for me: rotate the certs by Thursday.'), ['action Tom Bradley | Rotate the certs | Thursday=2024-02-01']);
      assert.deepEqual(cues('AP: Mike to book the room.'), ['action Mike Johnson | Book the room | -']);
      assert.deepEqual(cues('[07:30] Tom Bradley: The AP: is down again.'), []);
    });

    it('reads action items as open-source meeting notes write them (`AI(@handle): …`, `AI: Name to …`, `Action item (@handle): …`), with handles the attendee list gives', () => {
      const lines = ['Attendees:', '- Alice Smith (@alice)', '- Bob Jones (@bjones)', '', '- [Alice] KEP-1234 status', '  - AI(@bjones): review the KEP by Friday', '  - AI: Alice to update the graduation criteria', '  - Action item (@alice): ping the API reviewers', '  - AI @bjones file an issue for the flaky job', '  - OpenAI: not a cue', '  - ai: not one either', '', '[00:10] Alice Smith: We talked about AI: the hype is real.'];
      const model = analyze(notes('# SIG Node weekly — 2024-01-29', '', ...lines));
      assert.deepEqual(model.items.map((i) => `${i.kind} ${i.owner?.attendee?.name ?? i.owner?.name ?? '-'} | ${i.task} | ${i.due?.date ?? '-'}`), [
        'action Bob Jones | Review the KEP | 2024-02-02',
        'action Alice Smith | Update the graduation criteria | -',
        'action Alice Smith | Ping the API reviewers | -',
        'action Bob Jones | File an issue for the flaky job | -',
      ]);
    });

    it('reads a cue line with no speaker', () => {
      assert.deepEqual(cues('Decision: we ship on Monday.'), ['decision - | We ship on Monday | -']);
    });

    it('resolves relative dates in speech against the meeting date', () => {
      assert.deepEqual(cues('[07:30] Tom Bradley: I will patch the hosts on Thursday.'), ['commitment Tom Bradley | Patch the hosts | Thursday=2024-02-01']);
    });
  });
});
