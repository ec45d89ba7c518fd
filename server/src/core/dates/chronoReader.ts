import * as chrono from 'chrono-node';

// chrono's casual English, the reader of calendar dates in notes, with one change for speed that
// gives the same results: its two "duration ago / later" parsers (`3 days ago`, `2 weeks from
// now`) only look at texts that have what their patterns end with. Their patterns are huge, and V8
// compiling them to machine code at their first use takes about 110 ms: the first document opened
// in a session, or the first keystroke that makes such a text, would wait for that, for words it
// does not contain.

/**
 * What those patterns end with: a number (digits, `one`…`twelve`, `a`, `an`, `few`, `several`,
 * `half`, `the`, `couple`, `of`), up to three blanks, one of chrono's time units (`d`, `hrs`,
 * `weeks`, `qtr`…), up to five blanks and one of their end words. So this passes every text they
 * match, and few others: with any word as the unit it passed `the rollout` (`the`, `roll`, `out`)
 * and `the release after`, and the first such keystroke of a session waited ~110 ms for the
 * compiling; before that a letter before an end word was enough (`Due:c Before production`).
 */
const DURATION_WORDS =
  /(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an?|few|several|half|the|couple|of)\s{0,3}(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|mon|mos|months?|qtr|quarters?|y|yrs?|years?)\s{0,5}(?:ago|before|earlier|later|after|from now|henceforth|forward|out)(?=\W|$)/i;
/** The end words in the source of those parsers' patterns. */
const DURATION_PATTERN_SOURCE = /ago\|before\|earlier|later\|after\|from now/;
const NEVER = /(?!)/;

/** Whether a text may hold a duration before or after now (`3 days ago`): else those parsers are not run on it. */
export function mayHoldDuration(text: string): boolean {
  return DURATION_WORDS.test(text);
}

export const casualEnglish: chrono.Chrono = gateDurationParsers(chrono.casual.clone());

function gateDurationParsers(reader: chrono.Chrono): chrono.Chrono {
  reader.parsers = reader.parsers.map((parser) => {
    if (!DURATION_PATTERN_SOURCE.test(innerSource(parser))) return parser;
    const gated: chrono.Parser = {
      pattern: (context) => (mayHoldDuration(context.text) ? parser.pattern(context) : NEVER),
      extract: (context, match) => parser.extract(context, match),
    };
    return gated;
  });
  return reader;
}

/** The source of a parser's own pattern (chrono adds a word-boundary prefix around it), or ''. */
function innerSource(parser: chrono.Parser): string {
  try {
    const inner = (parser as { innerPattern?: (context: unknown) => RegExp }).innerPattern;
    return inner?.call(parser, { option: {} }).source ?? '';
  } catch {
    return ''; // a parser whose pattern needs a real context is not one of them
  }
}
