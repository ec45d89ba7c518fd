import * as chrono from 'chrono-node';

// chrono's casual English, the reader of calendar dates in notes, with one change for speed that
// gives the same results: its two "duration ago / later" parsers (`3 days ago`, `2 weeks from
// now`) only look at texts that have one of their words. Their patterns are huge, and V8 compiling
// them to machine code at their second use takes about 300 ms: the first document opened in a
// session would wait for that, for words it does not contain.

/** A time unit (letters) and one of the words those parsers end with: without it they cannot match. */
const DURATION_WORDS = /[a-z]\s{0,5}(?:ago|before|earlier|later|after|from now|henceforth|forward|out)(?=\W|$)/i;
/** The end words in the source of those parsers' patterns. */
const DURATION_PATTERN_SOURCE = /ago\|before\|earlier|later\|after\|from now/;
const NEVER = /(?!)/;

export const casualEnglish: chrono.Chrono = gateDurationParsers(chrono.casual.clone());

function gateDurationParsers(reader: chrono.Chrono): chrono.Chrono {
  reader.parsers = reader.parsers.map((parser) => {
    if (!DURATION_PATTERN_SOURCE.test(innerSource(parser))) return parser;
    const gated: chrono.Parser = {
      pattern: (context) => (DURATION_WORDS.test(context.text) ? parser.pattern(context) : NEVER),
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
