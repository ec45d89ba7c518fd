// The language server (dist/serverMain.js, loaded by dist/server.js). The transport comes from the command line:
// `--node-ipc` (VS Code), `--stdio` (Neovim, Helix, …) or `--socket=PORT`.
import { ProposedFeatures, createConnection } from './lsp/vscodeLanguageServer';
import { startServer } from './lsp/notesServer';
import { installProcessGuards } from './lsp/processGuards';

const connection = createConnection(ProposedFeatures.all);
installProcessGuards(connection);
startServer(connection);
