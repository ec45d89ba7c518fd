// A fuzz run of the real language server (dist/server.js) over JSON-RPC: random documents and
// random edit sequences (insertions, deletions, whole-text replacements, out-of-order versions,
// clicks on lenses computed on older text, quick fixes), asking after every step for diagnostics,
// lenses, code actions and symbols (and hover, inlay hints, completion, folding and rename where a
// cursor might be). The server must stay up and answer every request, with ranges inside the
// document and edits that change only the item they were meant for.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { CodeAction, CodeLens, Diagnostic, DocumentSymbol, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotes } from '../../server/src/core/analyze';
import { completionExtent } from '../../server/src/core/edits/undoComplete';
import { fileNameOf } from '../../server/src/lsp/store';
import { ServerCommands } from '../../server/src/protocol';
import { TestClient } from '../lsp/testClient';
import { anyNotes, junkText, notesLine, wellFormedNotes } from './generators';

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Steps per case (each followed by the four requests). */
  steps?: number;
  /** Longest wait for one answer. */
  requestTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface FuzzFailure {
  case: number;
  step: number;
  operation: string;
  message: string;
}

export interface FuzzReport {
  cases: number;
  steps: number;
  requests: number;
  commandsApplied: number;
  fixesApplied: number;
  failures: FuzzFailure[];
  restarts: number;
  seconds: number;
  latencyMs: { median: number; p95: number; max: number };
  /** The request that took longest, and the case to repeat it with (FUZZ_SEED=seed FUZZ_CASES=1). */
  slowest: { ms: number; what: string; seed: number; step: number } | null;
}

type Operation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace-all'; text: string }
  | { kind: 'out-of-order'; at: number; text: string; back: number }
  | { kind: 'click'; pick: number; stale: boolean }
  | { kind: 'fix'; pick: number }
  | { kind: 'reopen-document' };

const insertText = fc.oneof(notesLine.map((l) => `${l}\n`), junkText, fc.constantFrom('\n', '\r\n', '\r', '- ', '[x] ', '| ', ': ', 'I will ', ' by Friday', '✅', '😀', '~~'));
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 120 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace-all' as const), text: anyNotes }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('out-of-order' as const), at: fc.nat(), text: insertText, back: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('click' as const), pick: fc.nat(), stale: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fix' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reopen-document' as const }) },
);
const scenario = (steps: number) => fc.record({ text: fc.oneof({ weight: 3, arbitrary: anyNotes }, { weight: 1, arbitrary: wellFormedNotes }), operations: fc.array(operation, { minLength: 1, maxLength: steps }), name: fc.constantFrom('notes.md', 'réunion 2025-03-10.md', 'standup notes.txt', '会议.md') });

export async function fuzzServer(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => undefined);
  const timeout = options.requestTimeoutMs ?? 20000;
  const started = Date.now();
  const report: FuzzReport = { cases: 0, steps: 0, requests: 0, commandsApplied: 0, fixesApplied: 0, failures: [], restarts: 0, seconds: 0, latencyMs: { median: 0, p95: 0, max: 0 }, slowest: null };
  const latencies: number[] = [];
  let where = { seed: options.seed, step: 0 };
  let client = await TestClient.start({ pull: true, today: '2025-03-12' });

  const ask = async <T>(what: string, request: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([request(), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeout} ms`)), timeout)))]);
    } finally {
      clearTimeout(timer);
      report.requests++;
      const ms = performance.now() - t0;
      latencies.push(ms);
      if (ms > (report.slowest?.ms ?? 0)) report.slowest = { ms: Math.round(ms), what, ...where };
    }
  };

  for (let n = 0; n < options.cases; n++) {
    const [input] = fc.sample(scenario(options.steps ?? 6), { seed: options.seed + n, numRuns: 1 });
    if (process.env.FUZZ_INPUT) writeFileSync(process.env.FUZZ_INPUT, JSON.stringify(input, null, 1)); // the last case's document and operations
    const uri = `file:///fuzz/${n}/${encodeURIComponent(input.name)}`;
    let step = 0;
    where = { seed: options.seed + n, step };
    let operationName = 'open';
    let staleLenses: CodeLens[] = [];
    const logsBefore = client.logs.length;
    try {
      client.open(uri, input.text);
      await checkAll(client, uri, ask, n * 7919);
      for (const op of input.operations) {
        step++;
        where = { seed: options.seed + n, step };
        operationName = op.kind;
        const document = client.documents.get(uri)!;
        const text = document.getText();
        const at = (value: number) => document.positionAt(text.length ? value % (text.length + 1) : 0);
        switch (op.kind) {
          case 'insert': {
            const position = at(op.at);
            client.change(uri, [{ range: { start: position, end: position }, text: op.text }]);
            break;
          }
          case 'delete': {
            const start = text.length ? op.at % (text.length + 1) : 0;
            client.change(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(start + op.length) }, text: '' }]);
            break;
          }
          case 'replace-all':
            client.replace(uri, op.text);
            break;
          case 'out-of-order': {
            // A change that arrives with an older version number than the one before it.
            const position = at(op.at);
            client.change(uri, [{ range: { start: position, end: position }, text: op.text }], Math.max(0, document.version - op.back));
            break;
          }
          case 'click': {
            const lenses = op.stale && staleLenses.length ? staleLenses : await ask('codeLens', () => client.codeLenses(uri));
            const clickable = lenses.filter((l) => [ServerCommands.markComplete, ServerCommands.reopen, ServerCommands.recordInSummary].includes(l.command?.command as never));
            if (clickable.length) report.commandsApplied += (await click(client, uri, clickable[op.pick % clickable.length], ask)) ? 1 : 0;
            break;
          }
          case 'fix': {
            const diagnostics = await ask('diagnostics', () => client.pullDiagnostics(uri));
            const actions: CodeAction[] = diagnostics.length ? await ask('codeAction', () => client.codeActions(uri, [diagnostics[op.pick % diagnostics.length]])) : [];
            if (actions.length) {
              const action = actions[op.pick % actions.length];
              checkWorkspaceEdit(client.documents.get(uri)!, action.edit?.documentChanges as TextDocumentEdit[] | undefined, `fix "${action.title}"`);
              if (client.applyAction(action).applied) report.fixesApplied++;
            }
            break;
          }
          case 'reopen-document':
            client.close(uri);
            client.open(uri, text);
            break;
        }
        staleLenses = (await checkAll(client, uri, ask, n * 7919 + step * 104_729)).lenses;
        report.steps++;
      }
      if (n % 10 === 9) await ask('actionItems', () => client.actionItems());
      // The server contains a failing analysis or feature (an empty answer, logged): still a bug.
      const failed = client.logs.slice(logsBefore).find((line) => / failed: /.test(line));
      if (failed) throw new Error(`the server logged: ${failed.split('\n').slice(0, 4).join(' | ')}`);
      client.close(uri);
    } catch (error) {
      const failure = { case: n, step, operation: operationName, message: (error as Error).message };
      report.failures.push(failure);
      log(`FAIL case ${n} (seed ${options.seed + n}) step ${step} ${operationName}: ${failure.message}`);
      if (!client.alive) {
        log('the server died; starting a new one');
        report.restarts++;
        client = await TestClient.start({ pull: true, today: '2025-03-12' });
      } else if (client.documents.has(uri)) {
        client.close(uri);
      }
    }
    report.cases++;
    if ((n + 1) % 100 === 0) log(`${n + 1} cases, ${report.requests} requests, ${report.failures.length} failures`);
  }
  if (!client.alive) report.failures.push({ case: options.cases, step: 0, operation: 'end', message: 'the server is not running at the end of the run' });
  await client.stop();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  report.latencyMs = { median: at(0.5), p95: at(0.95), max: Math.round(latencies[latencies.length - 1] ?? 0) };
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

type Ask = <T>(what: string, request: () => Promise<T>) => Promise<T>;

/**
 * The requests an editor makes after a change (diagnostics, lenses, code actions, symbols), and those
 * it makes where the cursor is (`probe`: hover, inlay hints, completion, folding, rename), each checked.
 */
async function checkAll(client: TestClient, uri: string, ask: Ask, probe: number): Promise<{ lenses: CodeLens[] }> {
  const document = client.documents.get(uri)!;
  const diagnostics: Diagnostic[] = await ask('diagnostics', () => client.pullDiagnostics(uri));
  diagnostics.forEach((d) => checkRange(document, d.range, `diagnostic ${d.code}`));
  const lenses: CodeLens[] = await ask('codeLens', () => client.codeLenses(uri));
  lenses.forEach((l) => checkRange(document, l.range, `lens ${l.command?.title}`));
  const actions: CodeAction[] = await ask('codeAction', () => client.codeActions(uri, diagnostics));
  const source: CodeAction[] = await ask('codeAction', () => client.codeActions(uri, [], ['source']));
  for (const action of [...actions, ...source]) checkWorkspaceEdit(document, action.edit?.documentChanges as TextDocumentEdit[] | undefined, `action "${action.title}"`);
  const symbols: DocumentSymbol[] = await ask('documentSymbol', () => client.symbols(uri));
  const checkSymbol = (s: DocumentSymbol, parent?: DocumentSymbol) => {
    checkRange(document, s.range, `symbol ${s.name}`);
    checkRange(document, s.selectionRange, `symbol ${s.name}`);
    if (!contains(s.range, s.selectionRange)) throw new Error(`symbol ${s.name}: selection outside its range`);
    if (parent && !contains(parent.range, s.range)) throw new Error(`symbol ${s.name}: outside its parent ${parent.name}`);
    s.children?.forEach((c) => checkSymbol(c, s));
  };
  symbols.forEach((s) => checkSymbol(s));

  const at = document.positionAt(probe % (document.getText().length + 1));
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  const hover = await ask('hover', () => client.hover(uri, at));
  if (hover?.range) checkRange(document, hover.range, 'hover');
  for (const hint of await ask('inlayHint', () => client.inlayHints(uri, whole))) checkRange(document, { start: hint.position, end: hint.position }, 'inlay hint');
  const completion = await ask('completion', () => client.completion(uri, at));
  for (const item of completion?.items ?? []) {
    const edit = item.textEdit as { range?: Range; insert?: Range; replace?: Range } | undefined;
    for (const range of [edit?.range, edit?.insert, edit?.replace]) if (range) checkRange(document, range, `completion ${item.label}`);
  }
  const lineCount = document.lineCount;
  for (const fold of await ask('foldingRange', () => client.foldingRanges(uri))) {
    if (fold.startLine < 0 || fold.endLine >= lineCount || fold.startLine > fold.endLine) throw new Error(`folding range ${fold.startLine}-${fold.endLine} outside ${lineCount} lines`);
  }
  const rename = await ask('prepareRename', () => client.prepareRename(uri, at));
  if (rename?.range) checkRange(document, rename.range, 'prepareRename');
  if (!client.alive) throw new Error('the server exited');
  return { lenses };
}

/** Runs a lens's command and checks that the edit changed that item (and its twin) and nothing else. */
async function click(client: TestClient, uri: string, lens: CodeLens, ask: Ask): Promise<boolean> {
  const before = client.text(uri);
  const edits = client.appliedEdits.length;
  const args = lens.command!.arguments![0] as { itemId: string };
  const result = await ask('executeCommand', () => client.executeCommand(lens.command!.command, lens.command!.arguments!));
  if (typeof result !== 'boolean') throw new Error(`command answered ${JSON.stringify(result)}`);
  if (client.appliedEdits.length > edits + 1) throw new Error('one click sent more than one workspace edit');
  const sent = client.appliedEdits[edits];
  if (!result || !sent) return false;
  const changes = sent.edit.documentChanges as TextDocumentEdit[];
  checkWorkspaceEdit(TextDocument.create(uri, 'markdown', changes[0].textDocument.version ?? 0, before), changes, `command ${lens.command!.command}`);
  const after = client.text(uri);
  try {
    checkClick(before, after, lens, args.itemId, uri, changes[0].edits as TextEdit[]);
  } catch (error) {
    if (process.env.FUZZ_DUMP) writeFileSync(process.env.FUZZ_DUMP, JSON.stringify({ before, after, command: lens.command, itemId: args.itemId }, null, 1));
    throw new Error(`${(error as Error).message}\n${changedLines(before, after)}`);
  }
  return true;
}

function checkClick(before: string, after: string, lens: CodeLens, itemId: string, uri: string, edits: TextEdit[]): void {
  const command = lens.command!.command;
  // Read as the server reads it: under the file's name (its date may come from it), not its URI.
  const old = analyzeNotes(before, { fileName: fileNameOf(uri) });
  const target = old.items.find((i) => i.id === itemId);
  if (!target) throw new Error(`the command edited, but item ${itemId} was not in the text it edited`);
  if (command !== ServerCommands.markComplete && command !== ServerCommands.reopen) return;
  if (after.split(/\r\n|\r|\n/).length !== before.split(/\r\n|\r|\n/).length) throw new Error('completing or reopening added or removed a line');
  // Every edit lies on the lines of the item clicked or of its twin (a heading's Status field under it too): never on a shifted line.
  const lines = [target, ...target.linked.map((id) => old.items.find((i) => i.id === id)!)].map((i) => {
    const span = i.layout ? completionExtent(i.layout) : i.span;
    return { from: old.lines.positionAt(span.start).line, to: old.lines.positionAt(span.end).line };
  });
  for (const edit of edits) {
    if (!lines.some((l) => edit.range.start.line >= l.from && edit.range.end.line <= l.to)) {
      throw new Error(`${command} on "${target.task}" (lines ${lines.map((l) => `${l.from + 1}-${l.to + 1}`).join(', ')}) edited line ${edit.range.start.line + 1}`);
    }
  }
  const expected = command === ServerCommands.markComplete ? 'done' : 'open';
  const changed = analyzeNotes(after, { fileName: fileNameOf(uri) }).items.find((i) => i.id === target.id);
  if (changed && changed.status !== expected) throw new Error(`"${target.task}" is ${changed.status} after ${command}`);
}

/** The lines a click changed, before and after (for the failure report). */
function changedLines(before: string, after: string): string {
  const a = before.split(/\r\n|\r|\n/);
  const b = after.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 12; i++) {
    if (a[i] !== b[i]) out.push(`    line ${i + 1}: ${JSON.stringify(a[i])?.slice(0, 300)}\n        now: ${JSON.stringify(b[i])?.slice(0, 300)}`);
  }
  return out.join('\n');
}

function checkWorkspaceEdit(document: TextDocument, changes: TextDocumentEdit[] | undefined, what: string): void {
  if (!changes) return;
  if (changes.length !== 1) throw new Error(`${what}: ${changes.length} document changes instead of one`);
  const [change] = changes;
  if (change.textDocument.uri !== document.uri) throw new Error(`${what}: edits another document`);
  if (change.textDocument.version !== document.version) throw new Error(`${what}: computed for version ${change.textDocument.version}, the document is at ${document.version}`);
  const text = document.getText();
  const spans = (change.edits as TextEdit[]).map((e) => {
    checkRange(document, e.range, what);
    return { start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end) };
  });
  spans.sort((a, b) => a.start - b.start);
  spans.forEach((s, i) => {
    if (i > 0 && spans[i - 1].end > s.start) throw new Error(`${what}: edits overlap`);
    for (const offset of [s.start, s.end]) {
      const before = text.charCodeAt(offset - 1);
      const after = text.charCodeAt(offset);
      if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) throw new Error(`${what}: cuts a surrogate pair`);
      if (before === 13 && after === 10) throw new Error(`${what}: cuts a \\r\\n`);
    }
  });
}

/** A range lies inside the document: lines that exist, characters within their line. */
function checkRange(document: TextDocument, range: Range, what: string): void {
  const lines = document.getText().split(/\r\n|\r|\n/);
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= lines.length || p.character > lines[p.line].length) {
      throw new Error(`${what}: position ${p.line}:${p.character} is outside the document (${lines.length} lines${p.line < lines.length ? `, that one ${lines[p.line].length} long` : ''})`);
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) throw new Error(`${what}: range ends before it starts`);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
