import { findDuePhrase } from '../dates/findDue';
import { pointsElsewhere } from '../match/terms';
import { Memo } from '../memo';
import type { CueKind, DueDate, Span } from '../model';
import { capitalize, plainText, trimEndChars, trimStartChars } from '../text/plain';
import { moveSpan } from '../text/span';
import { type EntryContext, moveDue, parseEntryText } from './entry';
import { notedPromise } from './noted';
import { splitSentences } from './statement';

/** A cue found in spoken text, before it is tied to its statement. */
export interface FoundCue {
  kind: CueKind;
  task: string;
  sentence: string;
  span: Span;
  /** `speaker` for first-person cues and `Action item for me`. */
  owner: { written: string; span: Span } | 'speaker' | null;
  due: DueDate | null;
}

export interface CueContext extends EntryContext {
  /** The request the previous speaker made (`Can someone update the runbook?`), for `I'll take that`. */
  previousRequest: string | null;
  /**
   * Written notes rather than speech (a statement of no speaker): a sentence opening with a person's
   * promise (`Carol will update the runbook`) is theirs.
   */
  noted?: boolean;
  /**
   * The request the previous speaker made of this one by name (`Alice, can you draft it by Friday?`),
   * which a yes alone (`Sure thing.`) takes on.
   */
  addressedRequest?: string | null;
}

const DECISION = /(?:^|[\s(])(?:(?:final|key)\s+)?(?:decision|decided)\s*:\s*/iu;
const AGREED = /^agreed\s*:\s*/iu;
const ACTION = /(?:^|[\s(])(?:action\s+(?:items?|points?)|action|todo|to-do|follow[\s-]?up)(?:\s+for\s+([^:]{1,40}?)|\s*\(\s*([^():\n]{1,40}?)\s*\))?\s*:\s*/iu;
/**
 * `AI: …`, `AI(@bjones): …`, `AI @bjones file …`, `AP for me: …`: an action item (or point) as
 * meeting notes abbreviate it, opening the sentence (`We talked about AI: …` is about something else).
 */
const ACTION_AI = /^\s*A[IP](?:(?:\s+for\s+|\s*\(\s*)([^():\n]{1,40}?)\s*\)?\s*:|\s*:|\s+(@[\p{L}\p{N}][\p{L}\p{N}._-]*)(?=\s))\s*/u;
const COMMITMENT =
  /(?<![\p{L}'’])(I\s+commit\s+to|I\s+promise\s+to|I\s+plan\s+to|I\s+volunteer\s+to|I\s*['’]m\s+committing\s+to|I\s*['’]ll|I\s+will|I\s*['’]m\s+going\s+to|I\s+am\s+going\s+to|I\s*['’]m\s+gonna|I\s+shall|I\s+can|I\s*['’]m\s+on\s+it|I\s+am\s+on\s+it|I\s*['’]d\s+be\s+happy\s+to|I\s*['’]m\s+happy\s+to|let\s+me|I\s+need\s+to|I\s+have\s+to|I\s*['’]ve\s+got\s+to|will(?=\s+do(?![\p{L}]))|on\s+it(?=\s*[.!]*\s*$)|^(?:(?:today|tomorrow|this\s+week|next|plans?)\s*[:–—-]\s*)?(?:will|gonna)(?=\s+\p{Ll}))(?![\p{L}])/giu;
const NO_PROMISES = /(?<![\p{L}])(?:no\s+promises?|can['’]?t\s+promise|not\s+promising)(?![\p{L}])/iu;
/** A yes opening an answer (`Sure, …`, `Yep …`). */
const YES = String.raw`(?:sure|ok|okay|yes|yep|yeah|absolutely|definitely|got\s+it)\s*[,!.]?\s+`;
/** What may come before `will do` or `on it` for it to be a promise: nothing, or a yes (`Sure, will do`), not `That will do`. */
const WILL_DO_OPENER = new RegExp(String.raw`^\s*(?:${YES})?$`, 'iu');
/** A yes and nothing else (`Sure thing.`, `Yep, can do!`): a promise only as the answer to a request made of the speaker by name. */
const YES_ALONE = /^\s*(?:(?:sure(?:\s+thing)?|yes|yep|yeah|yup|ok(?:ay)?|absolutely|definitely|of\s+course|can\s+do|you\s+got\s+it|no\s+problem|sounds\s+good|happy\s+to)(?:\s*[,!.]\s*|\s+|\s*$))+$/iu;
/** A sentence that only takes work on (`On it.`, `Sure, will do!`, `I'm on it.`): the work is said elsewhere. */
const TAKES_ON_ONLY = new RegExp(String.raw`^\s*(?:${YES})?(?:I\s*['’]m\s+|I\s+am\s+)?(?:on\s+it|will\s+do)\s*[.!]*\s*$`, 'iu');
/** Cues that are promises only with a date (`I can have it by Friday`, `Let me draft it by Wednesday`), or, for `Let me`, taking a request on. */
const DATED_ONLY = /^(?:I\s+can|let\s+me|I\s+need\s+to|I\s+have\s+to|I\s*['’]ve\s+got\s+to)$/iu;
/** What follows `Let me` that is no work the speaker takes on (`Let me know by Friday` asks the others). */
const LET_ME_SAY = /^\s+(?:know|think|see|check\s+if|say|ask\s+(?:you|a\s+question)|share\s+my\s+screen|explain|recap|summari[sz]e|jump\s+in|guess|understand|be\b)/iu;
/** What can follow a cue without making it a promise (`I'll be honest`, `I'll need help`, `I can't`). */
const NOT_A_PROMISE =
  /^(?:\s*(?:n['’]t|not|never)\b|['’]t\b|\s+(?:say|admit|tell\s+you|add\s+that|note\s+that|mention|pass|stop|leave\s+it|wait|defer|grant|give\s+you\s+that|go\s+with|assume|bet|guess|think|need|see|hear|know|remain|imagine|understand|confirm(?!\s+(?:the|a|an|with|our|their|his|her)\s)|live\s+with|work\s+with\s+that|accept|agree|(?:take|keep|bear)\s+(?:that|it|this)\s+(?:into\s+account|in\s+mind)|be(?!\s+(?:done|ready|finished|responsible|handling|working|taking|owning|driving|leading|sending|updating|reviewing|writing|setting|looking|running|preparing|drafting))))\b/iu;
/**
 * Running the meeting or taking part in the talk, not work to track (`I'll share my screen`, `I'll
 * go first`, `I'll hand it over to Priya`, `I'll push back on that`, `I'll do my best`): what
 * transcripts are full of. After the cue, with an adverb or two before it (`I'll just say…`).
 */
const MEETING_TALK = new RegExp(
  String.raw`^\s+(?:(?:just|quickly|briefly|first|now|then|also|probably|actually|maybe)\s+)*(?:` +
    [
      String.raw`share\s+(?:my|the|your|our)\s+screen|(?:stop|start)\s+sharing|present\s+(?:my|the)\s+screen`,
      String.raw`go\s+(?:first|next|last|quickly)|go\s+ahead(?!\s+and\b)|start\s+(?:with|by|us\s+off)|(?:kick|start)\s+(?:it|us|things)\s+off|kick\s+off(?=\s*(?:[.,;:!?]|$|\s+(?:now|with|by)\b))|begin\s+(?:with|by)`,
      String.raw`(?:try\s+to\s+)?keep\s+(?:it|this|that|things|my\s+update)\s+(?:short|brief|quick|under)|be\s+(?:quick|brief)`,
      String.raw`(?:hand|pass|turn|give)\s+(?:it|this|things)\s+(?:over|back)\b|(?:hand|pass|turn)\s+(?:over|back)\s+to\s+(?:\p{Lu}|you\b|him\b|her\b|them\b)|let\s+(?:\p{Lu}[\p{L}'’-]*|you|him|her|them|others)\s+(?:go|take\s+(?:it|this|that|over)|speak|talk|answer|jump\s+in|continue|weigh\s+in)`,
      String.raw`join\s+(?:(?:a\s+(?:bit|little|few\s+minutes)\s+)?late|later)(?![\p{L}])|(?:drop|hop|jump|sign|log)\s+(?:off|out)(?=\s*(?:[.,;:!?]|$|\s+(?:now|early|soon|at|in|after|for|then|because|a\s+bit)\b))|head\s+out|leave\s+(?:early|now|you|it\s+there|it\s+at\s+that)`,
      String.raw`move\s+(?:on|along|us\s+along|to\s+the\s+next)|come\s+back\s+to\s+(?:that|this|it)(?=\s*(?:[.,;:!?]|$|\s+(?:in\s+a\s+(?:sec|second|minute|moment|bit)|at\s+the\s+end)\b))|call\s+(?:it|time)(?=\s*(?:[.,;:!?]|$|\s+(?:here|there|now|a\s+day)\b))|make\s+a\s+note|read\s+(?:it|them|that|this)\s+out`,
      String.raw`say|mention|note\s+that|add\s+(?:one|that|something|to\s+that)|repeat|summari[sz]e|recap|(?:mute|unmute)|wrap\s+(?:it\s+|things\s+)?up(?=\s*(?:[.,;:!?]|$|\s+(?:now|here|there|with|by|then)\b))`,
      String.raw`(?:put|paste|drop|post)\s+(?:it|that|this|the\s+link|a\s+link|the\s+doc)\s+in\s+(?:the\s+)?chat|take\s+(?:the\s+)?(?:notes|minutes)`,
      // Taking part in the talk: agreeing, objecting, answering.
      String.raw`push\s+back|second|echo|play\s+devil['’]?s\s+advocate|chime\s+in|jump\s+in|bite|allow\s+(?:it|that)|believe|take\s+(?:your|his|her|their)\s+word`,
      String.raw`answer\s+(?:that|this|it|your|the\s+question)|explain(?=\s*(?:[.,;:!?]|$|\s+(?:why|how|what|that|this|it|a\s+bit|more|briefly|quickly|myself)\b))`,
      String.raw`try(?=\s*(?:[.,;:!?]|$))|do\s+my\s+best|leave\s+(?:that|it|this)\s+(?:to|with|for)`,
    ].join('|') +
    ')(?![\\p{L}])',
  'iu',
);

/**
 * `Will send the deck by Friday.`, `gonna fix it tomorrow`, a standup's `Today: will finish the
 * docs` (the `I` left out, as people say and notes write after a speaker's name): a promise when
 * the word after is a verb's plain form, not
 * `Will is …`, `Will thinks …` (Will, a person), and no attendee is called Will.
 */
function elidedPromise(cue: string, after: string, ctx: CueContext): boolean {
  if (/^\s+do(?![\p{L}])/u.test(after)) return true; // `Will do`: read as it always was
  if (NOT_A_PLAIN_VERB.test(after)) return false;
  return !(cue === 'Will' && ctx.roster.resolve('Will').attendee);
}

/** A word after `Will` that no plain verb is: `is`, `has`, `thinks` (not `discuss`, `focus`). */
const NOT_A_PLAIN_VERB = /^\s+(?:is|was|has|had|and|or|\p{Ll}*(?<![su])s)(?![\p{L}])/u;

/** A question, or a promise taken back as it is made (`I'll try to fix the dashboard, no promises though`): no promise in the sentence. */
function takenBack(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || NO_PROMISES.test(sentence);
}

/** Whether what follows a cue says it is no promise: a negation, words that take nothing on, or running the meeting. */
function noPromiseAfter(after: string): boolean {
  return NOT_A_PROMISE.test(after) || MEETING_TALK.test(after);
}

const CONDITION = /\b(?:if|unless|whether|in\s+case|as\s+long\s+as|provided)\b/iu;
/** What takes on work named elsewhere (`take that`, `dig into it`): the request it answers says what. */
const ACCEPTANCE =
  /^\s*(?:take|own|handle|grab|do|pick\s+up|cover|tackle|fix|check|chase|look\s+into|look\s+at|dig\s+into|deal\s+with|sort\s+out|take\s+care\s+of|follow\s+up\s+on|work\s+on|jump\s+on)\s+(?:that|it|this|this\s+one|that\s+one|one)(?:\s+(?:on|up|out))?\s*[.!]?$|^\s*on\s+it\s*[.!]?$|^\s*do\s*[.!]?$|^\s*[.!]*\s*$/iu;
/** The `and` after which a promise goes on (`dig into it this week and report back`); `(?<!\s)`: linear on long blanks. */
const AND_THEN = /(?<!\s)\s+and\s+/iu;
const REQUEST_OPENER =
  /^(?:(?:so|ok(?:ay)?|also|and)\s*,?\s+)?(?:(?:can|could|would|will)\s+(?:someone|somebody|anyone|anybody|you|one\s+of\s+you)\s+(?:please\s+)?|who\s+(?:can|could|will|wants\s+to)\s+|(?:someone|somebody|anyone)\s+(?:needs\s+to|should|has\s+to|must)\s+|(?:we|someone)\s+need\s+(?:someone\s+)?to\s+|please\s+|let['’]?s\s+have\s+(?:\p{Lu}[\p{L}'’-]*|you|someone|somebody)\s+|I['’]d\s+like\s+(?:\p{Lu}[\p{L}'’-]*|you|someone|somebody)\s+to\s+)/iu;

const statementCues = new Memo<{ cues: FoundCue[]; answersRequest: boolean }>();
/** The same for written notes, which read the same words otherwise (`Carol will …` is a promise of Carol's there only). */
const notedCues = new Memo<{ cues: FoundCue[]; answersRequest: boolean }>();
const requests = new Memo<{ request: string; addressee: string | null } | null>();

/**
 * Decisions, action items and first-person commitments in one statement's text. `previousRequest`
 * is only read when the statement answers one (`I'll take that`), so it may be a getter.
 */
export function findCues(text: string, base: number, ctx: CueContext): FoundCue[] {
  const found = (ctx.noted ? notedCues : statementCues).get(
    () => {
      const probe = { answersRequest: false };
      const cues = readCues(text, 0, { meetingDate: ctx.meetingDate, roster: ctx.roster, withOwner: ctx.withOwner, previousRequest: null, noted: ctx.noted }, probe);
      return { cues, answersRequest: probe.answersRequest };
    },
    text,
    ctx.roster.scope(ctx.meetingDate, ctx.withOwner),
  );
  if (found.answersRequest && (ctx.previousRequest || ctx.addressedRequest)) return readCues(text, base, ctx, { answersRequest: false });
  return found.cues.map((cue) => movedCue(cue, base));
}

function movedCue(cue: FoundCue, base: number): FoundCue {
  const move = (span: Span): Span => moveSpan(span, base);
  const owner = cue.owner && cue.owner !== 'speaker' ? { written: cue.owner.written, span: move(cue.owner.span) } : cue.owner;
  return { kind: cue.kind, task: cue.task, sentence: cue.sentence, span: move(cue.span), owner, due: cue.due && moveDue(cue.due, base) };
}

function readCues(text: string, base: number, ctx: CueContext, probe: { answersRequest: boolean }): FoundCue[] {
  if (YES_ALONE.test(text)) {
    probe.answersRequest = true;
    const asked = ctx.addressedRequest;
    return asked ? nonEmpty(yesCue(text, base, asked, ctx)) : [];
  }
  const cues: FoundCue[] = [];
  for (const sentence of splitSentences(text)) {
    const at = base + sentence.start;
    const decision = DECISION.exec(sentence.text) ?? AGREED.exec(sentence.text);
    if (decision) {
      const from = decision.index + decision[0].length;
      const said = sentence.text.slice(from);
      if (said.trim()) {
        cues.push({ kind: 'decision', task: clauseText(said), sentence: sentence.text, span: { start: at + from, end: at + sentence.text.length }, owner: null, due: null });
      }
    }
    const action = ACTION.exec(sentence.text) ?? ACTION_AI.exec(sentence.text);
    if (action && !decision) {
      cues.push(actionCue(sentence.text, at, action, ctx));
      continue;
    }
    const promises = (ctx.noted ? notedPromiseCues(sentence.text, at, ctx, probe) : null) ?? commitmentCues(sentence.text, at, ctx, probe);
    const before = cues[cues.length - 1];
    const [first] = promises;
    if (first && before?.kind === 'commitment' && before.owner === 'speaker' && first.owner === 'speaker') {
      // `I'll own that. I'll get it to you by Friday.`: a promise that only refers back dates the one before it.
      if (pointsElsewhere(first.task)) {
        cues[cues.length - 1] = { ...before, span: { start: before.span.start, end: first.span.end }, due: before.due ?? first.due };
        promises.shift();
      } else if (TAKES_ON_ONLY.test(before.sentence)) {
        // `On it. I'll have new thresholds up by EOD.`: the next promise says what was taken on.
        cues.pop();
      }
    }
    cues.push(...promises);
  }
  return cues;
}

/** `Action item for me: test the pool by tomorrow`: the rest reads like a summary entry. */
function actionCue(sentence: string, at: number, m: RegExpExecArray, ctx: CueContext): FoundCue {
  const from = m.index + m[0].length;
  const entry = parseEntryText(sentence.slice(from), at + from, ctx);
  let owner: FoundCue['owner'] = entry.owner;
  const named = (m[1] ?? m[2])?.trim();
  if (named) {
    const start = at + sentence.indexOf(named, m.index);
    owner = /^(?:me|myself)$/i.test(named) ? 'speaker' : { written: named, span: { start, end: start + named.length } };
  }
  return { kind: 'action', task: capitalize(entry.task), sentence, span: { start: at + from, end: at + sentence.length }, owner, due: entry.due };
}

/**
 * The first-person promises in a sentence: one per cue, each running to where the next cue is joined
 * on (`I'll bisect it tomorrow and I'll post findings by EOW` is two promises with their own dates;
 * in `I'll fix it but I can't test it` the second is no promise, and the first is `fix it`). A
 * promise that only refers back (`…, and I'll have it done by Friday`) dates the one before it.
 */
function commitmentCues(sentence: string, at: number, ctx: CueContext, probe: { answersRequest: boolean }): FoundCue[] {
  if (takenBack(sentence)) return [];
  // Where the first condition word is: a cue after it is conditional (found once, and only for a sentence with a cue).
  let condition: number | undefined;
  const clauses: Array<{ cue: RegExpExecArray; end: number; promise: boolean }> = [];
  COMMITMENT.lastIndex = 0;
  for (let m = COMMITMENT.exec(sentence); m; m = COMMITMENT.exec(sentence)) {
    // (Checked here, not in a lookbehind: one run back to the sentence's start at every position was quadratic.)
    if (/^(?:will|on\s+it)$/i.test(m[0]) && !WILL_DO_OPENER.test(sentence.slice(0, m.index))) continue;
    if (m.index === 0 && /(?:^|\s)(?:will|gonna)$/i.test(m[0]) && !elidedPromise(m[0], sentence.slice(m[0].length), ctx)) continue;
    condition ??= CONDITION.exec(sentence)?.index ?? Infinity;
    const last = clauses[clauses.length - 1];
    const gap = last ? sentence.slice(last.cue.index + last.cue[0].length, m.index) : '';
    const joint = last ? (JOINED_ON.exec(gap) ?? JOINED_CONDITION.exec(gap)) : null;
    // A cue not joined on to the one before is part of its clause (`I'll make sure I can …`).
    if (last && !joint) continue;
    if (last && joint) last.end = last.cue.index + last.cue[0].length + joint.index;
    clauses.push({ cue: m, end: sentence.length, promise: !noPromiseAfter(sentence.slice(m.index + m[0].length)) && condition > m.index });
  }
  const cues: FoundCue[] = [];
  for (const clause of clauses) {
    if (!clause.promise) continue;
    const [cue, ...joined] = commitmentCue(sentence, at, clause.cue, clause.end, ctx, probe);
    const before = cues[cues.length - 1];
    if (cue && before && pointsElsewhere(cue.task)) {
      cues[cues.length - 1] = { ...before, span: { start: before.span.start, end: cue.span.end }, due: before.due ?? cue.due };
    } else if (cue) cues.push(cue);
    cues.push(...joined);
  }
  return cues;
}

/**
 * What joins a second cue on to a first: `, and`, `; then`, ` but`, … before its `I'll`. (`(?<!\s)`:
 * the same leftmost match, without trying again from every blank of a long run.)
 */
const JOINED_ON = /(?<!\s)(?:\s*[,;]\s*(?:(?:and|then|but|plus|also|so)\s+)*|\s+(?:and|then|but|plus|also|so)\s+(?:(?:then|also)\s+)*)$/iu;
/** The same before a condition that the next cue depends on: `I'll deploy today, and if it breaks I'll …`. */
const JOINED_CONDITION = /(?<!\s)(?:\s*[,;]\s*(?:(?:and|but|so)\s+)?|\s+(?:and|but|so)\s+)(?=(?:if|unless|in\s+case|as\s+long\s+as|provided)\b)/iu;

/**
 * The promise of one cue, and the promises joined on to it without a cue of their own. A task
 * closed by its own date and followed by `and` and another verb is two promises (`I'll file it
 * today and scope it next sprint`); what another subject does after it is no part of it (`I'll send
 * the notes tomorrow and then we can discuss`).
 */
function commitmentCue(sentence: string, at: number, m: CueAt, clauseEnd: number, ctx: CueContext, probe: { answersRequest: boolean }): FoundCue[] {
  const clauseStart = m.index + m[0].length;
  const cue = m[0].replace(/\s+/g, ' ');
  const split = splitAtDatedTask(sentence.slice(clauseStart, clauseEnd), at + clauseStart, ctx);
  if (!split) return nonEmpty(promiseOf(sentence, at, m, clauseEnd, ctx, probe));
  const first = promiseOf(sentence, at, m, clauseStart + split.headEnd, ctx, probe);
  if (!first || split.tail === null) return nonEmpty(first);
  const tailStart = at + clauseStart + split.tail.start;
  const tail = sentence.slice(clauseStart + split.tail.start, clauseEnd);
  const due = findDuePhrase(tail, tailStart, ctx.meetingDate, { atEnd: false, allowBare: true });
  const words = due ? tail.slice(0, due.cut.start - tailStart) + tail.slice(due.cut.end - tailStart) : tail;
  // Still a promise only with a date of its own where the cue needs one (`I can … by Friday and …`).
  if (!due && DATED_ONLY.test(cue)) return [first];
  // Its `it` is left as said: with the first task's words in it, the entry of the first would record it too.
  const task = clauseText(split.tail.verb ? `${split.tail.verb} ${words}` : words);
  if (!task) return [first];
  return [first, { kind: 'commitment', task, sentence, span: { start: tailStart, end: at + clauseEnd }, owner: 'speaker', due: due?.due ?? null }];
}

const nonEmpty = (cue: FoundCue | null): FoundCue[] => (cue ? [cue] : []);

/** A promise's cue words (`I'll`, `Carol agreed to`) and where in the sentence they start, as a match of COMMITMENT gives them. */
type CueAt = Pick<RegExpExecArray, 0 | 'index'>;

/**
 * The promises of a sentence of written notes that opens with a person's (`Carol agreed to update the
 * runbook by Dec 1`): read as a first-person promise is, owned by that person; null when it opens
 * with none.
 */
function notedPromiseCues(sentence: string, at: number, ctx: CueContext, probe: { answersRequest: boolean }): FoundCue[] | null {
  const noted = notedPromise(sentence, ctx.roster);
  if (!noted) return null;
  if (takenBack(sentence) || noPromiseAfter(sentence.slice(noted.cue.length))) return [];
  const cue: CueAt = { 0: noted.cue, index: 0 };
  const owner = { written: noted.person.written, span: { start: at + noted.person.start, end: at + noted.person.end } };
  return commitmentCue(sentence, at, cue, sentence.length, ctx, probe).map((found) => ({ ...found, owner }));
}

/**
 * `and`, `, and`, `and then`, `and also` between two tasks. Linear on long runs of blanks: `(?<!\s)`
 * starts it once per run, and its blanks are read one way (`\s*,?\s+` could split a run two ways
 * and tried every split: a 100,000-blank statement took 4 s).
 */
const AND_NEXT = /(?<!\s)(?:\s*,\s*|\s+)and\s+(?:(?:then|also)\s+)?/giu;
/** How many `and`s of one promise are tried as the end of a dated task (each reads the words before it for a date). */
const MAX_JOINS = 8;
/** Another subject after `and` (`we can discuss`, `Alice will review it`): not the speaker's promise. */
const OTHER_SUBJECT =
  /^(?:we|you|they|he|she|I|someone|somebody|everyone|everybody|people|(?:the|a|an|our|my|your|their|this|that|these|those)(?:\s+[\p{L}\p{N}'’-]+){1,3}?|\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)?)(?:\s+(?:will|would|can|could|should|shall|may|might|must|need|needs|is|are|was|were|has|have|had|do|does|did|wants?|gets?|takes?)\b|['’](?:ll|re|ve|d|s)\b)/u;
/** Saying how the work went (`… today and report back`), or no work at all (`… and see`): part of the task before it. */
const REPORTING_BACK =
  /^(?:(?:then|also)\s+)?(?:report\s+back|get\s+back\s+to|circle\s+back|loop\s+back|let\s+[\p{L}@.]+(?:\s+[\p{L}]+)?\s+know|keep\s+[\p{L}@.]+(?:\s+[\p{L}]+)?\s+(?:posted|updated|informed|in\s+the\s+loop)|hope|pray)\b/iu;
/** A noun phrase where a second task would start with its verb: the first task's verb is meant. */
const ELIDED_VERB = /^(?:the|a|an|our|my|your|their|its|this|that|these|those)\s/iu;
/** What opens a noun phrase, not a verb: `… by Friday and the cache PR by Monday` is left whole. */
const NOT_A_VERB = /^(?:the|a|an|our|my|your|their|his|her|its|this|that|these|those|some|all|both|each|every|any|no|not|to|for|with|in|on|at|of|from|so|maybe|hopefully|probably|if|when|once|after|before|\d|\p{Lu})/u;

/**
 * Where a promise's clause is cut after a task closed by its own date: `headEnd`, the end of the
 * first task with its date, and `tail`, where the next task starts (null: what follows is someone
 * else's). Null when the clause is one task.
 */
function splitAtDatedTask(clause: string, base: number, ctx: CueContext): { headEnd: number; tail: { start: number; verb?: string } | null } | null {
  AND_NEXT.lastIndex = 0;
  let tries = 0;
  for (let m = AND_NEXT.exec(clause); m && tries++ < MAX_JOINS; m = AND_NEXT.exec(clause)) {
    const head = clause.slice(0, m.index);
    const due = findDuePhrase(head, base, ctx.meetingDate, { atEnd: true, allowBare: true });
    if (!due || !head.slice(0, due.cut.start - base).trim()) continue;
    if (ACCEPTANCE.test(head.slice(0, due.cut.start - base) + head.slice(due.cut.end - base))) return null; // `dig into it this week and report back`: one promise
    const rest = clause.slice(m.index + m[0].length);
    if (OTHER_SUBJECT.test(rest) || REPORTING_BACK.test(rest) || noPromiseAfter(` ${rest}`)) return { headEnd: m.index, tail: null };
    if (ELIDED_VERB.test(rest) && findDuePhrase(rest, 0, ctx.meetingDate, { atEnd: true, allowBare: true })) {
      // `fix the login bug by Friday and the cache PR by Monday`: the second task is the first one's verb, said once.
      return { headEnd: m.index, tail: { start: m.index + m[0].length, verb: /^\s*(\S+)/u.exec(head)![1] } };
    }
    if (NOT_A_VERB.test(rest) || !/^\p{Ll}/u.test(rest)) continue;
    // `…, and will do the docs`: the speaker's own modal goes on, the task starts after it.
    const modal = /^(?:(?:will|shall|would|can|also|then|gonna|(?:am\s+)?going\s+to)\s+)*/iu.exec(rest)![0].length;
    return { headEnd: m.index, tail: { start: m.index + m[0].length + modal } };
  }
  return null;
}

/** `…, then we cut the release`: what others do next is no part of the promise. (`(?<![\s,;])`: linear on long blanks.) */
const OTHERS_NEXT = /(?<![\s,;])[\s,;]*\s(?:and\s+)?then\s+(?:we|they|you|he|she|someone|everyone|everybody|the\s+team)(?![\p{L}])/iu;

function promiseOf(sentence: string, at: number, m: CueAt, end: number, ctx: CueContext, probe: { answersRequest: boolean }): FoundCue | null {
  const clauseStart = m.index + m[0].length;
  const others = OTHERS_NEXT.exec(sentence.slice(clauseStart, end));
  const clauseEnd = others ? clauseStart + others.index : end;
  const after = sentence.slice(clauseStart, clauseEnd);
  let found = findDuePhrase(after, at + clauseStart, ctx.meetingDate, { atEnd: false, allowBare: true });
  const cue = m[0].replace(/\s+/g, ' ');
  if (/^let me$/i.test(cue) && LET_ME_SAY.test(after)) return null;
  if (DATED_ONLY.test(cue) && !found && !(/^let me$/i.test(cue) && ACCEPTANCE.test(after))) return null;
  const withoutDue = (words: string, due: typeof found) => (due ? words.slice(0, due.cut.start - at - clauseStart) + words.slice(due.cut.end - at - clauseStart) : words);
  const clause = withoutDue(after, found);
  // `having the infra ready` → `the infra ready`, but `get it done` keeps its verb: `it done` says nothing;
  // an adverb before the work is how it was said (`I'll also rotate…`, `I will definitely go ahead and book…`).
  let task = clauseText(clause.replace(/^\s*(?:(?:also|just|then|quickly|probably|definitely|certainly|actually|really|personally|go\s+ahead\s+and)\s+)*(?:to\s+)?(?:(?:having|get|getting)\s+(?!(?:it|this|that|them|these|those|back|in|on|to|with|started|going|together|around|through|up|out|down|over|rid|a|an)\b))?/i, ''));
  let accepts = ACCEPTANCE.test(clause);
  const then = accepts ? null : AND_THEN.exec(after);
  if (then) {
    // `I'll dig into it this week and report back`: the part before `and` takes the work on, with its date.
    const head = after.slice(0, then.index);
    const headDue = found ? null : findDuePhrase(head, at + clauseStart, ctx.meetingDate, { atEnd: false, allowBare: true });
    if (ACCEPTANCE.test(withoutDue(head, headDue))) {
      accepts = true;
      found ??= headDue;
    }
  }
  let due = found?.due ?? null;
  if (accepts) {
    probe.answersRequest = true;
    const asked = ctx.previousRequest;
    if (asked) {
      // The request's date is the promise's (`Can someone update the runbook by Friday?` `I'll take that.`),
      // kept where it was taken on: the request is another statement.
      const work = apartFromDue(asked, ctx.meetingDate);
      task = clauseText(work.words);
      if (!due && work.due) due = { ...work.due.due, span: { start: at + m.index, end: at + clauseEnd } };
    }
    // `Will do`, `On it` say what they take on only after a request.
    else if (/^(?:will|on it)$/i.test(cue)) return null;
  }
  if (!task) return null;
  return { kind: 'commitment', task, sentence, span: { start: at + m.index, end: at + clauseEnd }, owner: 'speaker', due };
}

/** `Sure thing.` answering `Alice, can you draft a proposal by Friday?`: the request's work and date, taken on where the yes is. */
function yesCue(text: string, base: number, asked: string, ctx: CueContext): FoundCue | null {
  const work = apartFromDue(asked, ctx.meetingDate);
  const task = clauseText(work.words);
  if (!task) return null;
  const sentence = text.trim();
  const start = base + text.indexOf(sentence);
  const span = { start, end: start + sentence.length };
  return { kind: 'commitment', task, sentence, span, owner: 'speaker', due: work.due && { ...work.due.due, span } };
}

/** A request's words without its due date, and the date. */
function apartFromDue(request: string, meetingDate: string | null): { words: string; due: ReturnType<typeof findDuePhrase> } {
  const due = findDuePhrase(request, 0, meetingDate, { atEnd: false, allowBare: true });
  return { words: due ? request.slice(0, due.cut.start) + request.slice(due.cut.end) : request, due };
}

function clauseText(text: string): string {
  return capitalize(trimStartChars(trimEndChars(plainText(text), /[\s.,;:!…]/u), /[\s,;:]/));
}

/**
 * Whom a request ends by addressing, and a please (`…, Ben?`, `…, Ben Okafor, please?`, `…, @ben?`):
 * said to the listener, not part of the work. Only a name (capitalised words, a handle) or a please
 * is taken off: `check the logs, metrics and traces` keeps its list.
 */
const TRAILING_ADDRESS = /,\s*(?:please|(@[\w.-]+|\p{Lu}[\p{Ll}'’-]*(?:\s+\p{Lu}[\p{Ll}'’-]*){0,2}))$/u;

/** The request without whom it ends by addressing (and a please), and that addressee (`…, Ben, please` → `Ben`). */
function withoutAddress(request: string): { rest: string; addressee: string | null } {
  let rest = request;
  let addressee: string | null = null;
  for (let m = TRAILING_ADDRESS.exec(rest); m; m = TRAILING_ADDRESS.exec(rest)) {
    addressee ??= m[1] ?? null;
    rest = rest.slice(0, m.index);
  }
  return { rest, addressee };
}

/** What a statement says should be done (`I should probably ping the bank`, `We need to rotate the keys`): the work, or null. */
const INTENTION = /^(?:(?:so|and|also|ok(?:ay)?|oh)\s*,?\s+)?(?:I|we|someone|somebody)\s+(?:should|need\s+to|have\s+to|must|ought\s+to|could|might\s+want\s+to)\s+(?:(?:probably|also|really|maybe|just|definitely|still)\s+)*(?=\p{Ll})/iu;

/**
 * The work a request is about. One that only points at it (`Can you do that today?`) asks for what
 * the statement before it said should be done (`I should probably ping the bank`), by its date.
 */
export function workAsked(request: string, earlier: string | null, meetingDate: string | null): string {
  if (earlier === null) return request;
  const { words, due } = apartFromDue(request, meetingDate);
  if (!pointsElsewhere(words.trim())) return request;
  const sentences = splitSentences(earlier);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const intention = INTENTION.exec(sentences[i].text);
    if (!intention) continue;
    const work = trimEndChars(sentences[i].text.slice(intention[0].length), /[?.!\s]/).replace(/\s+/g, ' ');
    return due ? `${work} ${request.slice(due.cut.start, due.cut.end).replace(/\s+/g, ' ').trim()}` : work;
  }
  return request;
}

/** The request in a statement that `I'll take that` answers: `Can someone update the runbook?`. */
export function requestIn(text: string): string | null {
  return requests.get(() => readRequest(text), text)?.request ?? null;
}

/** Whom the request in a statement names as its addressee (`Alice, can you …?`, `Can you …, @alice?`), as written. */
export function addresseeIn(text: string): string | null {
  return requests.get(() => readRequest(text), text)?.addressee ?? null;
}

/** `Alice, can you …`: a name opening a request. */
const ADDRESS_BEFORE = /^([\p{L} ]{1,30}),\s+(?=(?:can|could|would|will|please)\b)/iu;

function readRequest(text: string): { request: string; addressee: string | null } | null {
  const sentences = splitSentences(text);
  for (let i = sentences.length - 1; i >= 0; i--) {
    const before = ADDRESS_BEFORE.exec(sentences[i].text);
    const sentence = before ? sentences[i].text.slice(before[0].length) : sentences[i].text;
    const opener = REQUEST_OPENER.exec(sentence);
    if (opener || /\?\s*$/.test(sentence)) {
      // Blanks collapsed: a request said over two lines reads the same whatever ends them.
      const { rest: request, addressee } = withoutAddress(trimEndChars(sentence.slice(opener ? opener[0].length : 0), /[?.!\s]/).replace(/\s+/g, ' '));
      if (request && opener) return { request, addressee: before?.[1].trim() ?? addressee };
    }
  }
  return null;
}
