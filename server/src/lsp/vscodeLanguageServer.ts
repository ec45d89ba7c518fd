// The values the server takes from vscode-languageserver, imported here once. The package is
// CommonJS: in the bundle, each module importing it copies its ~320 exports when the server
// starts (~0.5 ms a module); importing its types directly costs nothing.
export {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  FoldingRangeKind,
  InsertTextFormat,
  MarkupKind,
  ProgressType,
  ProposedFeatures,
  ResponseError,
  SymbolKind,
  SymbolTag,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
} from 'vscode-languageserver/node';
