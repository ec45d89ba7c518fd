import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { analyzeNotes } from '../core/analyze';
import { decodeNotes } from '../core/decode';
import type { NotesDiagnostic, NotesModel } from '../core/model';
import { diagnose } from '../core/rules';
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

/** Reads and analyses every notes file under the paths; files that are not notes text are skipped with a reason. */
export function analyzeFiles(options: CommonOptions, cwd: string): { files: AnalyzedFile[]; skipped: SkippedFile[] } {
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
      const diagnostics = diagnose(model, { today: options.today, dueSoonDays: options.dueSoonDays, severities: options.severities });
      files.push({ path, model, diagnostics });
    } catch (error) {
      skipped.push({ path, reason: `could not be analysed (${(error as Error).message}); please report this` });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}
