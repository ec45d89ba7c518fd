import { type Dirent, existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

// Caption files (`.vtt`, `.srt`) are transcripts: what was promised in them is read too. (The same
// extensions as protocol.ts's NOTES_FILES_GLOB.)
export const NOTES_EXTENSIONS = ['.md', '.markdown', '.txt', '.vtt', '.srt'];
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Discovered {
  /** Absolute path. */
  path: string;
  /** Named on the command line rather than found in a folder. */
  explicit: boolean;
}

export class PathError extends Error {}

/**
 * The notes files under the given paths: files as given, folders searched for `.md` and `.txt`
 * files, skipping `node_modules`, `.git` and what `.gitignore` files ignore. Symbolic links are
 * followed only when they point inside the folder being searched, and never in a loop.
 */
export function discoverNotes(paths: string[], cwd = process.cwd()): Discovered[] {
  const found = new Map<string, Discovered>();
  // A file reached by two names (a symbolic link to it, or given twice) is read once.
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean, real = realPath(path)) => {
    if (found.has(path) || seen.has(real)) return;
    seen.add(real);
    found.set(path, { path, explicit });
  };
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new PathError(`cannot read '${given}': ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
    }
    if (stats.isFile()) {
      add(path, true);
    } else if (stats.isDirectory()) {
      for (const file of walk(path)) add(file.path, false, file.real);
    } else {
      throw new PathError(`cannot read '${given}': not a file or folder`);
    }
  }
  return [...found.values()];
}

interface IgnoreLayer {
  dir: string;
  rules: Ignore;
}

/**
 * The notes files under a folder, in a stable order. `accept` sees each file's path relative to
 * the folder (with `/`), so callers can apply their own globs.
 */
export function walkFolder(root: string, accept: (relativePath: string) => boolean = () => true): string[] {
  // Every path found starts with the root and a separator: the rest is its relative path.
  const skip = root.endsWith(sep) ? root.length : root.length + 1;
  return walk(root)
    .map((file) => file.path)
    .filter((path) => accept(sep === '/' ? path.slice(skip) : path.slice(skip).split(sep).join('/')));
}

/** The notes files under a folder, each with its real path (worked out from its folder's, not asked of the system for each file). */
function walk(root: string): Array<{ path: string; real: string }> {
  const realRoot = realpathSync(root);
  const files: Array<{ path: string; real: string }> = [];
  const visited = new Set<string>();
  const seenFiles = new Set<string>(); // real paths: a file and a link to it are one file

  const visit = (dir: string, layers: IgnoreLayer[]) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink loop
    visited.add(real);
    const here = readIgnore(dir);
    const active = here ? [...layers, here] : layers;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to report from it
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Children's paths by joining strings: an entry's name has no separator, and `join` would
    // normalise the whole path again for each of thousands of files.
    const dirPrefix = dir.endsWith(sep) ? dir : dir + sep;
    const realPrefix = real.endsWith(sep) ? real : real + sep;
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const path = dirPrefix + entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let realFile = realPrefix + entry.name;
      if (entry.isSymbolicLink()) {
        const target = safeTarget(path, realRoot);
        if (!target) continue;
        isDir = target.stats.isDirectory();
        isFile = target.stats.isFile();
        realFile = target.real;
      }
      if (isIgnored(active, path, isDir)) continue;
      if (isDir) visit(path, active);
      else if (isFile && NOTES_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !seenFiles.has(realFile)) {
        seenFiles.add(realFile);
        files.push({ path, real: realFile });
      }
    }
  };

  visit(root, ancestorsIgnore(root));
  return files;
}

/** A symlink's target, when it stays inside the searched folder. */
function safeTarget(path: string, realRoot: string) {
  try {
    const real = realpathSync(path);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    return { real, stats: statSync(real) };
  } catch {
    return null; // dangling link
  }
}

function readIgnore(dir: string): IgnoreLayer | null {
  const file = join(dir, '.gitignore');
  if (!exists(file)) return null;
  try {
    return { dir, rules: ignore().add(readFileSync(file, 'utf8')) };
  } catch {
    return null;
  }
}

/** Whether a path exists; false too when it may not be looked at (permissions). */
function exists(path: string): boolean {
  try {
    return existsSync(path);
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * `.gitignore` files of the folders above the searched one, up to the repository's root. None when
 * they ignore the searched folder itself: a folder that is opened or named explicitly is searched
 * (a workspace under an ignored `build/` or `.cache/`), as VS Code's search and ripgrep do.
 */
function ancestorsIgnore(root: string): IgnoreLayer[] {
  const layers: IgnoreLayer[] = [];
  if (exists(join(root, '.git'))) return layers;
  let dir = dirname(root);
  for (let depth = 0; depth < 64 && dir !== dirname(dir); depth++, dir = dirname(dir)) {
    const layer = readIgnore(dir);
    if (layer) layers.unshift(layer);
    if (exists(join(dir, '.git'))) return isIgnored(layers, root, true) ? [] : layers;
  }
  return []; // not in a repository: no outside rules apply
}

function isIgnored(layers: IgnoreLayer[], path: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const rel = relative(layer.dir, path).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
