import { pathToFileURL } from 'node:url';

/** An absolute POSIX path made only of characters a file URI keeps as they are, already normal (no `.`, `..` or empty segments: none starts with a dot). */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+\/?$/;

/**
 * The `file:` URI of an absolute path, as `pathToFileURL(path).href` gives it. Most paths of a
 * workspace are plain (letters, digits, `.`, `_`, `-`): theirs is the path after `file://`, without
 * the URL parser (~2.5 µs a path, 25 ms of a start with 10,000 files).
 */
export function fileUri(path: string): string {
  return process.platform !== 'win32' && PLAIN_PATH.test(path) ? `file://${path}` : pathToFileURL(path).href;
}
