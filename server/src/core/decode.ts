// Deciding whether bytes are notes text at all, before anything parses them.

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

// Made at first use: a strict decoder takes ~2 ms to create, and a server reading only the
// editor's documents never needs one.
let utf8: InstanceType<typeof TextDecoder> | undefined;

/** UTF-8 text (a BOM is dropped), or why the file is skipped: too big, binary, not UTF-8. */
export function decodeNotes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): Decoded {
  const big = tooBig(bytes.length, maxBytes);
  if (big) return { ok: false, reason: big };
  // Text never holds NUL bytes; binary files nearly always do, early on.
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file' };
  try {
    return { ok: true, text: (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not UTF-8 text' };
  }
}

/** Why a file of that size is skipped, or null when it is small enough (checked before reading it). */
export function tooBig(size: number, maxBytes = DEFAULT_MAX_FILE_BYTES): string | null {
  return size > maxBytes ? `${megabytes(size)} is over the ${megabytes(maxBytes)} limit` : null;
}

function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
