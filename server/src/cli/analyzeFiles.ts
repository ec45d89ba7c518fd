import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { analyzeNotes } from '../core/analyze';
import { decodeNotes } from '../core/decode';
import type { NotesDiagnostic, NotesModel } from '../core/model';
import { diagnose } from '../core/rules';
import { type SeriesIndex, buildSeries } from '../core/series';
import { discoverNotes } from '../files/discover';
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

export interface AnalyzedFiles {
  files: AnalyzedFile[];
  skipped: SkippedFile[];
  /** The meeting series among the files, by each file's shown path. */
  series: SeriesIndex;
}

/**
 * Reads and analyses every notes file under the paths; files that are not notes text are skipped
 * with a reason. The files are read together: a meeting series across them is judged as one.
 */
export function analyzeFiles(options: CommonOptions, cwd: string): AnalyzedFiles {
  const files: AnalyzedFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const found of discoverNotes(options.paths, cwd)) {
    const path = relative(cwd, found.path).split(sep).join('/') || found.path;
    let bytes: Buffer;
    try {
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
    try {
      const model = analyzeNotes(decoded.text, { fileName: found.path });
      // Files found in folders must look like meeting notes; a README's TODO list is not one.
      if (!found.explicit && !model.looksLikeNotes) continue;
      files.push({ path, model, diagnostics: [] });
    } catch (error) {
      skipped.push({ path, reason: `could not be analysed (${(error as Error).message}); please report this` });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const series = buildSeries(files.map((f) => ({ file: f.path, model: f.model })));
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
