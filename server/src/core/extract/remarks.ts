import { type EntryContext, parseEntryText } from './entry';

// Summaries written as plain lines mix remarks in with their tasks: a closing courtesy (`Thanks
// everyone!`), an overall impression (`Overall the team is happy with progress. Maya will send the
// notes by Wednesday.`). Such a sentence is no task: a line of them is no entry, and a line that
// opens with them is read from the sentence after. A sentence that names an owner or a due date is
// read as a task whatever its first word (`Overall budget review by Friday`).

/** How a remark opens; the word must end there (`Thanksgiving rota` is a task). */
const REMARK =
  /^(?:overall|in general|generally|all in all|in summary|to summari[sz]e|to sum up|on the whole|thanks|thank you|many thanks|cheers|great (?:work|job|progress|meeting|discussion|session)|good (?:work|job|progress|meeting|discussion|session)|nice work|well done|meeting (?:adjourned|ended|closed)|end of (?:the )?(?:meeting|notes))(?![\p{L}\p{N}])/iu;
/** A sentence's end: its mark and the blanks after it, before a capital, a digit, a handle or the end of the text. */
// (From the start of a run of stops only: a long run is not read again from each of its stops.)
const SENTENCE_END = /(?<![.!?…])[.!?…]+(?:\s+(?=[\p{Lu}\p{N}@])|\s*$)/gu;

/** How many characters of a line's `text` (read at `base`) are remarks before its task: all of them when it has none. */
export function remarksBefore(text: string, base: number, ctx: EntryContext): number {
  let at = 0;
  while (at < text.length && REMARK.test(text.slice(at))) {
    SENTENCE_END.lastIndex = at;
    const end = SENTENCE_END.exec(text);
    const next = end ? end.index + end[0].length : text.length;
    const sentence = parseEntryText(text.slice(at, next), base + at, ctx);
    if (sentence.owner || sentence.due) break;
    at = next;
  }
  return at;
}
