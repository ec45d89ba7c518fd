import type { NotesModel } from './model';
import { createLineIndex } from './text/lineIndex';

// A model as JSON, for the command line's cache. The model is a graph (a statement's cues point
// back to it, items point to cues, several items to one attendee): objects seen more than once get
// an `$id` and later places a `{ $ref }`, so reading it back restores the same sharing. The text
// and its line index are not stored: they come from the file, read again when the cache is used.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function encodeModel(model: NotesModel): Json {
  const { text: _text, lines: _lines, ...rest } = model;
  const seen = new Map<object, number>(); // object → times reached
  const count = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    const times = (seen.get(value) ?? 0) + 1;
    seen.set(value, times);
    if (times > 1) return;
    for (const child of Array.isArray(value) ? value : Object.values(value)) count(child);
  };
  count(rest);
  const ids = new Map<object, number>();
  const encode = (value: unknown): Json => {
    if (value === null || typeof value !== 'object') return typeof value === 'function' || value === undefined ? null : (value as Json);
    const id = ids.get(value);
    if (id !== undefined) return { $ref: id };
    const shared = seen.get(value)! > 1;
    if (shared) ids.set(value, ids.size);
    if (Array.isArray(value)) {
      const items = value.map(encode);
      return shared ? { $id: ids.get(value)!, $items: items } : items;
    }
    const out: { [key: string]: Json } = shared ? { $id: ids.get(value)! } : {};
    for (const [key, child] of Object.entries(value)) if (child !== undefined && typeof child !== 'function') out[key] = encode(child);
    return out;
  };
  return encode(rest);
}

/** The model of `text` from `encodeModel`'s output; throws on data of another shape. */
export function decodeModel(text: string, data: unknown): NotesModel {
  const objects = new Map<number, object>();
  const decode = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(decode);
    const record = value as Record<string, unknown>;
    if (typeof record.$ref === 'number') {
      const target = objects.get(record.$ref);
      if (!target) throw new Error('cached model refers to an unknown object');
      return target;
    }
    if (typeof record.$id === 'number' && Array.isArray(record.$items)) {
      const array: unknown[] = [];
      objects.set(record.$id, array);
      for (const item of record.$items) array.push(decode(item));
      return array;
    }
    const out: Record<string, unknown> = {};
    if (typeof record.$id === 'number') objects.set(record.$id, out);
    for (const [key, child] of Object.entries(record)) if (key !== '$id') out[key] = decode(child);
    return out;
  };
  const model = decode(data) as NotesModel;
  if (!model || typeof model !== 'object' || !Array.isArray(model.items) || !Array.isArray(model.meetings) || !Array.isArray(model.statements)) {
    throw new Error('cached model has another shape');
  }
  return { ...model, text, lines: createLineIndex(text) };
}
