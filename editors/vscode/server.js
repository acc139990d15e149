// Where the journey of a workspace is: the project's own installed package, never a global one, so
// the editor checks maps with the same version CI does. Free of the vscode module, for tests.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

/** The journey-maps bin of a workspace folder, if the project installed it. */
function journeyBin(folder) {
  const candidates = [join(folder, 'node_modules', 'journey-maps', 'bin', 'journey.js')];
  return candidates.find((path) => existsSync(path));
}

/** How to start the language server: the bin as a Node module, talking over stdio. */
function serverModule(folder) {
  const bin = journeyBin(folder);
  return bin && { module: bin, args: ['lsp'], cwd: folder };
}

/** The arguments of `journey preview` and `journey build` for one map. */
const commandArgs = (command, file) => (command === 'preview' ? ['preview', file, '--open'] : ['build', file]);

module.exports = { journeyBin, serverModule, commandArgs };
