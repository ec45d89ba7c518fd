import type { NotesModel } from './model';
import { createLineIndex } from './text/lineIndex';
import { flattenLines } from './text/plain';

// A model as JSON: what the index caches store (the server's and the command line's) and what the
// index workers send the server. The model is a graph (a statement's cues point back to it, items
// point to cues, several items to one attendee): objects seen more than once get an `$id` and later
// places a `{ $ref }`, so reading it back restores the same sharing. The text, its line index and
// the statements' texts are not stored (unless their reading blanked inline HTML): they come from
// the file, read again when the cache is used.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeModel(model: ModelWithoutText): Json {
  const { text: _text, lines: _lines, ...rest } = model as Partial<NotesModel>;
  const seen = new Map<object, number>(); // object → times reached
  const count = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    const times = (seen.get(value) ?? 0) + 1;
    seen.set(value, times);
    if (times > 1) return;
    if (Array.isArray(value)) for (const child of value) count(child);
    else for (const key in value) count((value as Record<string, unknown>)[key]);
  };
  count(rest);
  const ids = new Map<object, number>();
  const encode = (value: unknown): Json => {
    if (value === null || typeof value !== 'object') return typeof value === 'function' || value === undefined ? null : (value as Json);
    const known = ids.get(value);
    if (known !== undefined) return { $ref: known };
    const shared = seen.get(value)! > 1;
    const id = ids.size;
    if (shared) ids.set(value, id);
    if (Array.isArray(value)) {
      const items = value.map(encode);
      return shared ? { $items: items, $id: id } : items;
    }
    const out: { [key: string]: Json } = {};
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined && typeof child !== 'function') out[key] = encode(child);
    }
    if (shared) out.$id = id; // last: reading it back removes it, and removing the last key is cheap
    return out;
  };
  const encoded = encode(rest) as { statements?: Json };
  // A statement's text is its part of the file's text (read again from it): not stored twice,
  // unless the reading blanked some of it (inline HTML).
  const statements = encoded.statements as Json[] | { $items: Json[] } | undefined;
  const text = (model as Partial<NotesModel>).text;
  ((Array.isArray(statements) ? statements : statements?.$items) ?? []).forEach((statement, i) => {
    const source = model.statements[i];
    if (!statement || typeof statement !== 'object' || Array.isArray(statement)) return;
    if (text === undefined || !source || source.text === spokenText(text, source)) delete statement.text;
  });
  return encoded as Json;
}

/** Names, dates and short tasks recur across a workspace's files: one copy of each is kept. */
const SHARED_STRING_LENGTH = 48;
const SHARED_STRINGS_MAX = 100_000;
let sharedStrings = new Map<string, string>();

function shared(value: string): string {
  const known = sharedStrings.get(value);
  if (known !== undefined) return known;
  if (sharedStrings.size >= SHARED_STRINGS_MAX) sharedStrings = new Map(); // bounded: start again
  sharedStrings.set(value, value);
  return value;
}

/** A model read back from `encodeModel`'s output, still without the text of its file. */
export type ModelWithoutText = Omit<NotesModel, 'text' | 'lines'>;

/**
 * The model of `text` from `encodeModel`'s output (freshly parsed JSON, which is taken over: its
 * objects become the model's, so that nothing is copied); throws on data of another shape.
 */
export function decodeModel(text: string, data: unknown): NotesModel {
  return withText(decodeWithoutText(data), text);
}

/** `decodeModel` in two steps: the data first (throws on another shape), the file's text when it comes. */
export function decodeWithoutText(data: unknown): ModelWithoutText {
  const objects: object[] = [];
  const decode = (value: unknown): unknown => {
    if (typeof value === 'string') return value.length > 10 && value.length <= SHARED_STRING_LENGTH ? shared(value) : value; // V8 already shares the shortest
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = decode(value[i]);
      return value;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'number') {
      const target = objects[record.$ref];
      if (!target) throw new Error('cached model refers to an unknown object');
      return target;
    }
    const id = record.$id;
    if (typeof id === 'number') {
      if (Array.isArray(record.$items)) {
        const array = record.$items as unknown[];
        objects[id] = array;
        for (let i = 0; i < array.length; i++) array[i] = decode(array[i]);
        return array;
      }
      objects[id] = record;
      delete record.$id;
    }
    for (const key in record) record[key] = decode(record[key]);
    return record;
  };
  const model = decode(data) as ModelWithoutText;
  if (!model || typeof model !== 'object' || !Array.isArray(model.items) || !Array.isArray(model.meetings) || !Array.isArray(model.statements)) {
    throw new Error('cached model has another shape');
  }
  for (const statement of model.statements) {
    if (typeof statement.textStart !== 'number' || typeof statement.span?.end !== 'number') throw new Error('cached model has another shape');
  }
  return model;
}

/** The model completed with its file's text (it is taken over, not copied). */
export function withText(data: ModelWithoutText, text: string): NotesModel {
  const model = data as NotesModel;
  for (const statement of model.statements) if (typeof statement.text !== 'string') statement.text = spokenText(text, statement);
  model.text = text;
  model.lines = createLineIndex(text);
  return model;
}

/** A statement's words as the file has them (what its text is unless inline HTML in it was blanked). */
function spokenText(text: string, statement: { textStart: number; span: { end: number } }): string {
  return flattenLines(text.slice(statement.textStart, statement.span.end));
}
