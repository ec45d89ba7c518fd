// Writes the TextMate grammars in syntaxes/ from the readable patterns below (String.raw, no JSON
// escaping). The JSON files are committed because VS Code loads them as they are; a unit test
// checks they match this script. After changing a pattern: `node scripts/build-grammar.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = String.raw`[\p{L}][\p{L}\p{M}.'’-]*(?: [\p{L}][\p{L}\p{M}.'’-]*){0,3}`;
const FULL_NAME = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){1,3}`;
const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\.?`;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const DATE = [
  String.raw`\d{4}-\d{2}-\d{2}`,
  String.raw`${MONTH}\s+${DAY}(?:,?\s+\d{4})?`,
  String.raw`${DAY}\s+${MONTH}(?:,?\s+\d{4})?`,
  String.raw`(?:eod|cob|eop)\s+(?:${WEEKDAY})`,
  String.raw`today|tomorrow|tonight|eod|eow|eop|close of (?:business|play)|end of (?:the |this |next )?(?:day|week|month|sprint|quarter)|end of q[1-4]`,
  String.raw`thanksgiving|christmas(?: eve)?|new year['’]s(?: eve| day)?`,
  String.raw`\d{1,2}(?:st|nd|rd|th)`,
  String.raw`(?:this|over the|next) weekend`,
  String.raw`(?:this|next)\s+(?:week|month|${WEEKDAY})`,
  String.raw`in (?:a|one|two|three|four|\d+) (?:days?|weeks?|months?)`,
  WEEKDAY,
].join('|');
const FIELDS = String.raw`(?i:attendees|participants|present|date|owner|facilitator|note ?taker)`;
const SECTIONS = String.raw`action items|actions|next steps|to ?do|follow[- ]?ups|follow[- ]?up (?:tasks|items|actions)|new action items|status of last week['’]s action items|decisions|key decisions|decided|commitments`;

/** Capture groups 1..n named in order (null leaves a group unnamed). */
const captures = (...names) => Object.fromEntries(names.flatMap((name, i) => (name ? [[String(i + 1), { name }]] : [])));
const N = (scope) => `${scope}.meeting-notes`;

/** An optional task-list box before an entry's owner: two groups, checked and unchecked. */
const BOX = String.raw`(?:(?:(\[[xX]\])|(\[ \]))\s+)?`;
const BOX_SCOPES = [`${N('markup.inserted.checkbox.checked')} ${N('constant.language.checkbox')}`, N('constant.language.checkbox.unchecked')];

const repository = {
  'transcript-line': {
    patterns: [
      {
        comment: '[05:00] Tom Bradley: … and [1:02:03] Name: …',
        match: String.raw`^\s*(\[)(\d{1,2}:\d{2}(?::\d{2})?)(\])\s*(?:(${NAME})\s*(:)(?=\s|$))?`,
        captures: captures(N('punctuation.definition.timestamp.begin'), N('constant.numeric.timestamp'), N('punctuation.definition.timestamp.end'), N('entity.name.tag.speaker'), N('punctuation.separator.speaker')),
      },
      {
        comment: 'Ben Okafor [00:08:10]: … (the stamp after the name, as some exports write it)',
        match: String.raw`^\s*(${NAME})\s*(\[)(\d{1,2}:\d{2}(?::\d{2})?)(\])\s*(:)?(?=\s|$)`,
        captures: captures(N('entity.name.tag.speaker'), N('punctuation.definition.timestamp.begin'), N('constant.numeric.timestamp'), N('punctuation.definition.timestamp.end'), N('punctuation.separator.speaker')),
      },
      {
        comment: 'Ana Souza  0:05 or **Ana Souza** 10:32 AM alone on a line, the words under it (a full name: `Standup 9:30` is none)',
        match: String.raw`^\s*(?:((\*\*)(${FULL_NAME})(\*\*))|(${FULL_NAME}))\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)\s*$`,
        captures: captures(N('markup.bold'), N('punctuation.definition.bold'), N('entity.name.tag.speaker'), N('punctuation.definition.bold'), N('entity.name.tag.speaker'), N('constant.numeric.timestamp')),
      },
      {
        comment: '[Ana Souza] 10:02:15 alone on a line, the words under it (Zoom\'s saved transcript)',
        match: String.raw`^\s*(\[)(${NAME})(\])[ \t]+(\d{1,2}:\d{2}(?::\d{2})?)\s*$`,
        captures: captures(N('punctuation.definition.speaker.begin'), N('entity.name.tag.speaker'), N('punctuation.definition.speaker.end'), N('constant.numeric.timestamp')),
      },
      {
        comment: '<v Ana Souza>… : a WebVTT caption\'s voice (Teams), `<v.loud Ana>` with classes',
        match: String.raw`^\s*(<v(?:\.[\w-]+)*)[ \t]+([^<>\n]{1,60}?)[ \t]*(>)`,
        captures: captures(N('punctuation.definition.tag.voice.begin'), N('entity.name.tag.speaker'), N('punctuation.definition.tag.voice.end')),
      },
      {
        comment: '00:01:05.000 --> 00:01:09.500: a caption\'s timing line (WebVTT, SRT)',
        match: String.raw`^\s*((?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{1,3})[ \t]+(-->)[ \t]+((?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{1,3})`,
        captures: captures(N('constant.numeric.timestamp'), N('punctuation.separator.timing'), N('constant.numeric.timestamp')),
      },
      {
        comment: '**Tom Bradley:** … (not **Date:**, a field; still bold: markup.bold, as markdown itself would scope it)',
        match: String.raw`^\s*(\*\*)(?!${FIELDS}:)(${NAME})(:)(\*\*)(?=\s|$)`,
        name: N('markup.bold'),
        captures: captures(N('punctuation.definition.bold'), N('entity.name.tag.speaker'), N('punctuation.separator.speaker'), N('punctuation.definition.bold')),
      },
    ],
  },
  field: {
    patterns: [
      {
        comment: '**Date:** … (still bold, as in the speaker pattern)',
        match: String.raw`^\s*(\*\*)(${FIELDS})(:)(\*\*)(?=\s)`,
        name: N('markup.bold'),
        captures: captures(N('punctuation.definition.bold'), N('keyword.other.field'), N('punctuation.separator.field'), N('punctuation.definition.bold')),
      },
      {
        comment: 'Attendees: …',
        match: String.raw`^\s*(?:\*\*)?(${FIELDS})(:)(?:\*\*)?(?=\s)`,
        captures: captures(N('keyword.other.field'), N('punctuation.separator.field')),
      },
    ],
  },
  'section-header': {
    patterns: [
      {
        comment: 'ACTION ITEMS: and Next steps: on a line of their own',
        match: String.raw`^\s*((?i:${SECTIONS}))\s*(:)\s*$`,
        captures: captures(`${N('markup.heading.section')} ${N('entity.name.section')}`, N('punctuation.separator.section')),
      },
    ],
  },
  'entry-start': {
    patterns: [
      {
        comment: '1. Mike: … and - [x] @jonas: … in plain-text lists',
        match: String.raw`^\s*([-*+]|\d{1,3}[.)])\s+${BOX}(@?${NAME})(:)(?=\s)`,
        captures: captures(N('punctuation.definition.list.begin'), ...BOX_SCOPES, N('entity.name.tag.owner'), N('punctuation.separator.owner')),
      },
      {
        comment: '☐ Bob Jones: … as rich-text editors copy their checklists',
        match: String.raw`^\s*(?:([☑☒])|(☐))\s+(@?${NAME})(:)(?=\s)`,
        captures: captures(...BOX_SCOPES, N('entity.name.tag.owner'), N('punctuation.separator.owner')),
      },
    ],
  },
  inline: { patterns: [{ include: '#cue' }, { include: '#due' }, { include: '#done' }, { include: '#handle' }] },
  cue: {
    patterns: [
      { match: String.raw`(?i)\b(decision)(:)`, captures: captures(N('keyword.other.cue.decision'), N('punctuation.separator.cue')) },
      {
        match: String.raw`(?i)\b(action (?:item|point))(?:\s+(for)\s+(me|@?${NAME}))?\s*(:)`,
        captures: captures(N('keyword.other.cue.action'), N('keyword.other.cue.action'), N('entity.name.tag.owner'), N('punctuation.separator.cue')),
      },
      {
        comment: 'AI: … and AI(@bjones): …, as open-source meeting notes abbreviate action items (in capitals); AP: … for action points',
        match: String.raw`(?<![\w@])(A[IP])(?:\s*\((@?${NAME})\))?\s*(:)`,
        captures: captures(N('keyword.other.cue.action'), N('entity.name.tag.owner'), N('punctuation.separator.cue')),
      },
      {
        comment: 'first-person commitments, not negations',
        match: String.raw`\b(I (?:commit to|will|am going to)|I['’](?:ll|m going to))\b(?!\s+(?:not|never)\b)`,
        captures: captures(N('keyword.other.cue.commitment')),
      },
    ],
  },
  due: {
    patterns: [
      {
        comment: 'Due: Tomorrow, (due: 2025-03-12), | Due: … : any words, vague ones too',
        match: String.raw`(?i)\b(due)\s*(:)\s*([^|()\n✅]*[^|()\n✅\s])`,
        captures: captures(N('keyword.other.due'), N('punctuation.separator.due'), N('constant.numeric.date.due')),
      },
      {
        comment: 'by February 3rd, before Friday, until end of week, due the 15th',
        match: String.raw`(?i)\b(by|before|until|no later than|due|eta)\s+((?:the\s+)?(?:${DATE}))(?![\w-])`,
        captures: captures(N('keyword.other.due'), N('constant.numeric.date.due')),
      },
      {
        comment: 'w/c 24 Nov, week commencing 3 March, the week of Nov 24: a due date of its own',
        match: String.raw`(?i)(?<![\w/])((?:w/c|week commencing|the week of)\s+(?:${MONTH}\s+${DAY}|${DAY}\s+${MONTH}))(?![\w-])`,
        captures: captures(N('constant.numeric.date.due')),
      },
      { match: String.raw`(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])`, name: N('constant.numeric.date') },
    ],
  },
  done: {
    patterns: [
      { match: String.raw`(✅)\s*(\d{4}-\d{2}-\d{2})?`, captures: captures(N('markup.inserted.done'), `${N('markup.inserted.done')} ${N('constant.numeric.date')}`) },
      // A box followed by `Owner:` is left to the list-entry patterns, which colour both.
      { match: String.raw`(?<=^|\s)\[[xX]\](?=\s)(?!\s+@?${NAME}:\s)`, name: `${N('markup.inserted.checkbox.checked')} ${N('constant.language.checkbox')}` },
      { match: String.raw`(?<=^|\s)\[ \](?=\s)(?!\s+@?${NAME}:\s)`, name: N('constant.language.checkbox.unchecked') },
      // Ballot boxes opening a line, as rich-text editors copy their checklists.
      { match: String.raw`^\s*[☑☒](?=\s)`, name: `${N('markup.inserted.checkbox.checked')} ${N('constant.language.checkbox')}` },
      { match: String.raw`^\s*☐(?=\s)`, name: N('constant.language.checkbox.unchecked') },
    ],
  },
  handle: {
    patterns: [
      {
        match: String.raw`(?<![\w.@])(@)([\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[\p{L}\p{N}_])`,
        captures: captures(N('punctuation.definition.handle'), N('entity.name.tag.owner')),
      },
    ],
  },
  strike: { patterns: [{ match: String.raw`(~~)[^~\n]+(~~)`, name: N('markup.strikethrough') }] },
};

const SCHEMA = 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json';

export const grammars = {
  'meeting-notes.tmLanguage.json': {
    $schema: SCHEMA,
    name: 'Meeting Notes (plain text)',
    scopeName: 'text.meeting-notes',
    patterns: ['#transcript-line', '#field', '#section-header', '#entry-start', '#inline', '#strike'].map((include) => ({ include })),
    repository,
  },
  'meeting-notes.markdown-injection.tmLanguage.json': {
    $schema: SCHEMA,
    name: 'Meeting Notes (markdown injection)',
    scopeName: 'markdown.meeting-notes.injection',
    // Not inside code, raw HTML, block quotes or front matter: nothing there counts as notes.
    injectionSelector: 'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -markup.quote -comment -meta.embedded',
    patterns: ['#transcript-line', '#field', '#section-header', '#inline'].map((part) => ({ include: `text.meeting-notes${part}` })),
  },
  'meeting-notes.markdown-list-injection.tmLanguage.json': {
    $schema: SCHEMA,
    name: 'Meeting Notes (owners of markdown list entries)',
    scopeName: 'markdown.meeting-notes.list-injection',
    // The owner right after a list marker: markdown's list paragraph starts there, where \G anchors.
    injectionSelector: 'L:text.html.markdown markup.list meta.paragraph.markdown -markup.quote',
    patterns: [
      {
        match: String.raw`\G${BOX}(@?${NAME})(:)(?=\s)`,
        captures: captures(...BOX_SCOPES, N('entity.name.tag.owner'), N('punctuation.separator.owner')),
      },
    ],
  },
};

export const render = (grammar) => `${JSON.stringify(grammar, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'syntaxes');
  for (const [file, grammar] of Object.entries(grammars)) {
    const path = join(dir, file);
    const text = render(grammar);
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {}
    if (old !== text) writeFileSync(path, text);
    console.log(`${old === text ? 'unchanged' : 'wrote'} syntaxes/${file}`);
  }
}
