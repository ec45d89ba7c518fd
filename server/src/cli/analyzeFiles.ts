import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { analyzeNotes } from '../core/analyze';
import { decodeNotes } from '../core/decode';
import type { NotesDiagnostic, NotesModel } from '../core/model';
import { mayBeNotes } from '../core/prefilter';
import { diagnose } from '../core/rules';
import { decodeModel, encodeModel } from '../core/serialize';
import { type SeriesIndex, buildSeries, workToKeep } from '../core/series';
import { ANALYZER_VERSION } from '../core/version';
import { discoverNotes } from '../files/discover';
import { type FileStat, IndexCache, freshness } from '../index/cache';
import { SeriesMemory } from '../index/seriesMemory';
import type { CommonOptions } from './args';

export interface AnalyzedFile {
  /** As shown: relative to the working folder, with `/`. */
  path: string;
  model: NotesModel;
  diagnostics: NotesDiagnostic[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

/** A model as its JSON text (`encodeModel`): reading it back takes the parsed objects over, so the cache keeps the text. */
type EncodedModel = string;

export interface AnalyzedFiles {
  files: AnalyzedFile[];
  skipped: SkippedFile[];
  /** The meeting series among the files, by each file's shown path. */
  series: SeriesIndex;
}

/**
 * Reads and analyses every notes file under the paths; files that are not notes text are skipped
 * with a reason. The files are read together: a meeting series across them is judged as one. With
 * `--cache DIR`, a file's analysis is reused while the file is unchanged.
 */
export function analyzeFiles(options: CommonOptions, cwd: string, warn: (message: string) => void = () => undefined): AnalyzedFiles {
  const files: AnalyzedFile[] = [];
  const skipped: SkippedFile[] = [];
  const cacheDir = options.cache ? resolve(cwd, options.cache) : null;
  const cache = cacheDir
    ? new IndexCache<EncodedModel>(cacheDir, {
        kind: 'models',
        analyzer: ANALYZER_VERSION,
        pack: (json) => json,
        unpack: (json) => json,
        log: warn,
      }).load()
    : null;
  // Each file's content hash (with a cache): the series check remembered work by them.
  const stamps = new Map<string, string>();
  for (const found of discoverNotes(options.paths, cwd)) {
    const path = relative(cwd, found.path).split(sep).join('/') || found.path;
    let bytes: Buffer;
    let stat: FileStat;
    try {
      const s = statSync(found.path);
      stat = { size: s.size, mtimeMs: s.mtimeMs };
      bytes = readFileSync(found.path);
    } catch (error) {
      skipped.push({ path, reason: (error as Error).message });
      continue;
    }
    const decoded = decodeNotes(bytes);
    if (!decoded.ok) {
      skipped.push({ path, reason: decoded.reason });
      continue;
    }
    // Files found in folders must look like meeting notes; a README's TODO list is not one.
    if (!found.explicit && !mayBeNotes(decoded.text, found.path)) continue;
    try {
      let model: NotesModel;
      if (cache) {
        const cached = cachedModel(cache, found.path, stat, bytes, decoded.text);
        stamps.set(path, cached.hash);
        model = cached.model;
      } else {
        model = analyzeNotes(decoded.text, { fileName: found.path });
      }
      if (!found.explicit && !model.looksLikeNotes) continue;
      files.push({ path, model, diagnostics: [] });
    } catch (error) {
      skipped.push({ path, reason: `could not be analysed (${(error as Error).message}); please report this` });
    }
  }
  cache?.flushSync();
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const sources = files.map((f) => ({ file: f.path, model: f.model, stamp: stamps.get(f.path) }));
  // With a cache, the work followed through each series is kept next to it, as the server keeps it.
  const memory = cacheDir ? new SeriesMemory(join(cacheDir, 'series.json'), ANALYZER_VERSION, warn) : null;
  const remembered = memory?.load() ?? undefined;
  const series = buildSeries(sources, undefined, remembered);
  if (memory) {
    const work = workToKeep(series, sources, remembered);
    if (work) memory.saveSync(work);
  }
  const judged = files.filter((file) => {
    try {
      file.diagnostics = diagnose(file.model, {
        today: options.today,
        dueSoonDays: options.dueSoonDays,
        severities: options.severities,
        series: { index: series, file: file.path },
        carriedOverAfter: options.carriedOverAfter,
      });
      return true;
    } catch (error) {
      skipped.push({ path: file.path, reason: `could not be analysed (${(error as Error).message}); please report this` });
      return false;
    }
  });
  return { files: judged, skipped, series };
}

/** The model from the cache when the file is unchanged (same size and time, or same content), else analysed and remembered; with the content's hash. */
function cachedModel(cache: IndexCache<EncodedModel>, path: string, stat: FileStat, bytes: Buffer, text: string): { model: NotesModel; hash: string } {
  const entry = cache.get(path);
  const fresh = freshness(entry, stat);
  const hash = fresh === 'fresh' ? entry!.hash : createHash('sha1').update(bytes).digest('hex');
  if (entry?.value && entry.hash === hash) {
    try {
      const model = decodeModel(text, JSON.parse(entry.value));
      if (fresh !== 'fresh') cache.set(path, { ...entry, ...stat, checkedAt: Date.now() });
      return { model, hash };
    } catch {
      // an entry of another shape: analyse again
    }
  }
  const model = analyzeNotes(text, { fileName: path });
  cache.set(path, { ...stat, hash, checkedAt: Date.now(), value: JSON.stringify(encodeModel(model)) });
  return { model, hash };
}
