import type { PersonRef, Statement, StatementCue } from '../model';
import { type CueContext, type FoundCue, addresseeIn, findCues, requestIn, workAsked } from './cues';
import type { Roster } from './people';
import { isWritten } from './statement';

/** Finds the cues of every statement of a meeting (kept in `statement.cues`); returns them all, in order. */
export function readCues(statements: Statement[], meetingDate: string | null, roster: Roster): StatementCue[] {
  const cues: StatementCue[] = [];
  for (let i = 0; i < statements.length; i++) cues.push(...readStatementCues(statements, i, meetingDate, roster));
  return cues;
}

/**
 * Finds the cues of statement `i` (which may answer a request in the statement before it, and that
 * request point at work named in the one before that) and keeps them in it.
 */
export function readStatementCues(statements: Statement[], i: number, meetingDate: string | null, roster: Roster): StatementCue[] {
  const statement = statements[i];
  const previous = statements[i - 1];
  const otherSpeaker = previous && (!previous.speaker || !statement.speaker || previous.speaker.name !== statement.speaker.name);
  const context = new StatementContext(meetingDate, roster, otherSpeaker ? previous : null, statements[i - 2] ?? null, statement);
  const found = findCues(statement.text, statement.textStart, context);
  statement.cues = found.map((cue) => toStatementCue(cue, statement, roster));
  return statement.cues;
}

/** The context of a statement's cues; the request it may answer is only looked for when asked (`I'll take that`). */
class StatementContext implements CueContext {
  readonly withOwner = true;

  constructor(
    readonly meetingDate: string | null,
    readonly roster: Roster,
    private readonly previous: Statement | null,
    private readonly earlier: Statement | null,
    private readonly statement: Statement,
  ) {}

  /** Written notes (`Decision: …`, `Carol will …`), not speech. */
  get noted(): boolean {
    return isWritten(this.statement);
  }

  /** The request, when the previous speaker made it of this one by name (`Alice, can you …?`). */
  get addressedRequest(): string | null {
    const { speaker } = this.statement;
    const addressee = this.previous && speaker ? addresseeIn(this.previous.text) : null;
    return addressee && speaker && isSpeaker(this.roster, addressee, speaker) ? this.previousRequest : null;
  }

  /** Worked out once: a statement that answers is asked for it again as its cues are read. */
  private asked: string | null | undefined;

  get previousRequest(): string | null {
    if (this.asked === undefined) {
      const request = this.previous ? requestIn(this.previous.text) : null;
      this.asked = request && workAsked(request, this.earlier?.text ?? null, this.meetingDate);
    }
    return this.asked;
  }
}

/** Whether a name as written (`Alice`, `@amoreau`) is the speaker's. */
function isSpeaker(roster: Roster, written: string, speaker: PersonRef): boolean {
  const { attendee } = roster.resolve(written);
  if (attendee || speaker.attendee) return attendee?.name === speaker.attendee?.name;
  return written.replace(/^@/, '').toLowerCase() === speaker.name.toLowerCase();
}

function toStatementCue(cue: FoundCue, statement: Statement, roster: Roster): StatementCue {
  let owner: PersonRef | null = null;
  if (cue.owner === 'speaker') owner = statement.speaker;
  else if (cue.owner) owner = roster.ref(cue.owner.written, cue.owner.span);
  return { kind: cue.kind, task: cue.task, sentence: cue.sentence, span: cue.span, owner, due: cue.due, statement };
}
