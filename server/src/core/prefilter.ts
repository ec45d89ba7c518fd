import { dateFromFileName } from './dates/meetingDate';

// A cheap test, run on a file's text before any parsing, that rules out files which cannot be
// meeting notes (READMEs, design docs, changelogs), so that indexing a large repository parses only
// the candidates. It must never rule out a file the analysis would call notes: each test below
// covers one way `looksLikeNotes` can become true (a property test checks this on random edits).
//
//   a statement        `[05:00] Name:` (a time), `**Name:**` (bold and a colon), `Decision: …`
//   attendees          front matter `attendees:`, an `Attendees:` line, an Attendees heading
//   a dated summary    a date (a digit, or one in the file name) and a section or a task item

const TIME = /\d:\d\d/;
const CUE_LINE = /(?:decision|decided|action\s+items?|todo|follow[\s-]?up)[^:\n]{0,60}:/i;
const ATTENDEES = /attendees|attendance|participants|present|people|who\s+was\s+there/i;
const SECTION = /decision|decided|commitment|action|next\s+steps?|to\s*-?\s*dos?|follow[\s-]*ups?|\btasks?\b|\bais\b|assignments|who\s+does\s+what/i;
const TASK_ITEM = /\[[ xX]\]/;

/** False only when the text cannot be meeting notes: the analysis would say `looksLikeNotes: false`. */
export function mayBeNotes(text: string, fileName?: string): boolean {
  if (TIME.test(text) || CUE_LINE.test(text)) return true;
  if ((text.includes('**') || text.includes('__')) && text.includes(':')) return true;
  // Headings are read without inline markup (`**Attendees**`): look at the words without it.
  const words = text.replace(/[*_~`\\]/g, '').replace(/\s+/g, ' ');
  if (ATTENDEES.test(words)) return true;
  const dated = /\d/.test(text) || (fileName !== undefined && dateFromFileName(fileName) !== null);
  return dated && (SECTION.test(words) || TASK_ITEM.test(text) || text.includes('|'));
}
