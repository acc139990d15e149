// The VS Code extension (editors/vscode): it finds the project's own journey and starts its server,
// which is tested here for real (the way the client starts it), and it packages as a .vsix.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from './lsp-client.js';
import { ROOT, tempDir } from './helpers.js';

const EXTENSION = join(ROOT, 'editors', 'vscode');
const { journeyBin, serverModule, commandArgs } = createRequire(import.meta.url)(join(EXTENSION, 'server.js')) as {
  journeyBin: (folder: string) => string | undefined;
  serverModule: (folder: string) => { module: string; args: string[]; cwd: string } | undefined;
  commandArgs: (command: string, file: string) => string[];
};

const editors: Editor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) if (editor.child.exitCode === null) editor.child.kill();
});

describe('the VS Code extension', () => {
  it('starts the server of the journey the project installed, and that server checks a map', async () => {
    const workspace = tempDir();
    expect(serverModule(workspace)).toBeUndefined(); // nothing installed: no server, never a global one
    mkdirSync(join(workspace, 'node_modules'));
    symlinkSync(ROOT, join(workspace, 'node_modules', 'journey-maps'));
    const server = serverModule(workspace)!;
    expect(server).toEqual({ module: join(workspace, 'node_modules', 'journey-maps', 'bin', 'journey.js'), args: ['lsp'], cwd: workspace });
    // The client runs the module with --stdio appended (TransportKind.stdio).
    const editor = new Editor(workspace, [server.module, ...server.args, '--stdio']);
    editors.push(editor);
    const capabilities = await editor.start();
    expect(capabilities).toMatchObject({ hoverProvider: true, documentFormattingProvider: true, definitionProvider: true });
    const map = 'template: current-state\ntitle: T\nstages:\n  - name: A\n    thinkng: x\n';
    writeFileSync(join(workspace, 'map.yaml'), map);
    const problems = await editor.open('map.yaml', map);
    expect(problems.filter((d) => d.severity === 1).map((d) => d.message)).toEqual(['unknown key `thinkng`: did you mean `thinking`?']);
    expect(await editor.stop()).toBe(0);

    expect(journeyBin(workspace)).toBe(server.module);
    expect(commandArgs('preview', '/w/map.yaml')).toEqual(['preview', '/w/map.yaml', '--open']);
    expect(commandArgs('build', '/w/map.yaml')).toEqual(['build', '/w/map.yaml']);
  });

  it('packages as a .vsix with its manifest, the bundled client and the map schema', () => {
    const out = execFileSync(process.execPath, [join(EXTENSION, 'package.mjs')], { encoding: 'utf8' }).trim();
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', 'extension.vsixmanifest', 'extension/dist/extension.js', 'extension/journey.schema.json', 'extension/package.json']);
    const manifest = JSON.parse(strFromU8(files['extension/package.json']!)) as { main: string; dependencies?: unknown; contributes: { commands: { command: string }[] } };
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.contributes.commands.map((c) => c.command)).toEqual(['journey.preview', 'journey.build']);
    expect(strFromU8(files['extension.vsixmanifest']!)).toContain('Id="journey-maps-vscode" Version="0.1.0" Publisher="journey-maps"');
    // The client is bundled (no node_modules in the package) and leaves only `vscode` to the editor.
    const bundle = strFromU8(files['extension/dist/extension.js']!);
    expect(bundle).toContain('require("vscode")');
    expect(bundle).not.toMatch(/require\("vscode-languageclient/);
    expect(JSON.parse(strFromU8(files['extension/journey.schema.json']!)).$schema).toMatch(/2020-12/);
  });
});
