// Tokenizes text with the extension's TextMate grammars, through the same engine VS Code uses
// (vscode-textmate + the Oniguruma WASM build), so tests see the scopes a theme colours.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, type IGrammar, Registry, parseRawGrammar } from 'vscode-textmate';

const root = join(__dirname, '..', '..');
const require = createRequire(__filename);

/**
 * A stand-in for VS Code's markdown grammar with the scopes our injections key on: fenced code,
 * HTML comments, block quotes, and list items whose text is a paragraph starting right after the
 * marker (where the list-entry injection anchors with \\G), as VS Code's grammar tokenizes them.
 */
const MARKDOWN_HOST = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^\\s*(```|~~~)', end: '^\\s*\\1', name: 'markup.fenced_code.block.markdown' },
    { begin: '<!--', end: '-->', name: 'comment.block.html' },
    { match: '^\\s*(#{1,6})\\s+(.*)$', name: 'markup.heading.markdown' },
    { begin: '^\\s*>\\s?', end: '$', name: 'markup.quote.markdown', patterns: [{ include: '#list' }] },
    { include: '#list' },
  ],
  repository: {
    list: {
      begin: '(^|\\G)\\s*([-*+]|\\d+[.)])\\s',
      end: '$',
      name: 'markup.list.unnumbered.markdown',
      patterns: [{ begin: '\\G(?=\\S)', end: '$', name: 'meta.paragraph.markdown' }],
    },
  },
};

const grammarFiles: Record<string, string> = {
  'text.meeting-notes': 'syntaxes/meeting-notes.tmLanguage.json',
  'markdown.meeting-notes.injection': 'syntaxes/meeting-notes.markdown-injection.tmLanguage.json',
  'markdown.meeting-notes.list-injection': 'syntaxes/meeting-notes.markdown-list-injection.tmLanguage.json',
};

let registry: Registry | undefined;

function load(): Registry {
  if (registry) return registry;
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  const ready = oniguruma.loadWASM(wasm);
  registry = new Registry({
    onigLib: ready.then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    })),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return parseRawGrammar(JSON.stringify(MARKDOWN_HOST), 'markdown.json');
      const file = grammarFiles[scopeName];
      return file ? parseRawGrammar(readFileSync(join(root, file), 'utf8'), join(root, file)) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['markdown.meeting-notes.injection', 'markdown.meeting-notes.list-injection'] : []),
  });
  return registry;
}

export interface Token {
  text: string;
  scopes: string[];
}

/** Every token of every line, with its scope stack (outermost first). */
export async function tokenize(text: string, language: 'plaintext' | 'markdown'): Promise<Token[][]> {
  const grammar: IGrammar | null = await load().loadGrammar(language === 'plaintext' ? 'text.meeting-notes' : 'text.html.markdown');
  if (!grammar) throw new Error(`no grammar for ${language}`);
  let state = INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** `text → scope` for the tokens that carry one of our scopes, e.g. `05:00 → constant.numeric.timestamp`. */
export function scoped(lines: Token[][]): string[][] {
  return lines.map((tokens) =>
    tokens.flatMap((t) => {
      const ours = t.scopes.filter((s) => s.endsWith('.meeting-notes') && s !== 'text.meeting-notes').map((s) => s.replace(/\.meeting-notes$/, ''));
      return ours.length && t.text.trim() ? [`${t.text} → ${ours.join(' ')}`] : [];
    }),
  );
}
