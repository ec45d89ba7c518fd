// The last line of defence: an error that escapes every handler (a timer, an event) is written to
// the output channel and the server keeps serving, rather than taking every notes feature down with
// it. A server that keeps failing exits, and the client starts a fresh one.
import type { Connection } from 'vscode-languageserver';

const WINDOW_MS = 60_000;
const MAX_ERRORS_PER_WINDOW = 20;

export function installProcessGuards(connection: Connection, exit: (code: number) => void = (code) => process.exit(code)): void {
  let recent: number[] = [];
  const report = (kind: string, error: unknown) => {
    const message = `${kind}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    try {
      connection.console.error(message);
    } catch {
      process.stderr.write(`${message}\n`);
    }
    const now = Date.now();
    recent = [...recent.filter((t) => now - t < WINDOW_MS), now];
    if (recent.length > MAX_ERRORS_PER_WINDOW) {
      process.stderr.write(`meeting-notes: ${recent.length} unexpected errors within a minute; exiting so that the editor restarts the server\n`);
      exit(1);
    }
  };
  process.on('uncaughtException', (error) => report('unexpected error', error));
  process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
}
