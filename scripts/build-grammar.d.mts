/** The grammars scripts/build-grammar.mjs writes, by file name in syntaxes/. */
export const grammars: Record<string, object>;
/** A grammar as its committed JSON text. */
export function render(grammar: object): string;
