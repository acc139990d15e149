// A thin client: starts `journey lsp --stdio` from the project's own node_modules and adds two
// commands. Everything a map needs (problems, fixes, hover, completion, formatting) is the server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { commandArgs, journeyBin, serverModule } = require('./server.js');

let client;

async function activate(context) {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file' && serverModule(f.uri.fsPath));
  if (!folder) {
    void vscode.window.showInformationMessage('Journey maps: install journey-maps in this project (npm install --save-dev journey-maps) to check maps as you type.');
    return;
  }
  const server = serverModule(folder.uri.fsPath);
  const run = { module: server.module, args: server.args, transport: TransportKind.stdio, options: { cwd: server.cwd } };
  client = new LanguageClient('journey', 'Journey maps', { run, debug: run }, {
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,csv,json,png,jpg,jpeg,webp}') },
  });
  await client.start();
  context.subscriptions.push(client);

  // preview and build run the same bin with VS Code's own Node, as a task the user sees and can stop.
  const runJourney = (command) => () => {
    const file = vscode.window.activeTextEditor?.document.uri.fsPath;
    if (!file) return void vscode.window.showWarningMessage('Journey maps: open a map first.');
    const bin = journeyBin(folder.uri.fsPath);
    const execution = new vscode.ProcessExecution(process.execPath, [bin, ...commandArgs(command, file)], { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
    const task = new vscode.Task({ type: 'journey', command }, folder, `journey ${command}`, 'journey', execution);
    void vscode.tasks.executeTask(task);
  };
  context.subscriptions.push(vscode.commands.registerCommand('journey.preview', runJourney('preview')), vscode.commands.registerCommand('journey.build', runJourney('build')));
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
