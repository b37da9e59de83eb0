// Starts `relc lsp` for .rel files. Everything the editor shows (errors,
// completion, hover, rename, formatting, semantic colours) comes from the
// server; this file only launches it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("relc").get("path", "relc");
  client = new LanguageClient(
    "relc",
    "relc",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "rel" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
