// A real LSP client (vscode-languageserver-protocol) driving `journey lsp --stdio` as an editor
// does: open, change and save documents, wait for the problems of a version, send requests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { BIN } from './helpers.js';

/** The server in a workspace, with the problems it publishes per document. */
export class Editor {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  private readonly waiters: { uri: string; version?: number; done: (d: Diagnostic[]) => void }[] = [];
  readonly stderr: string[] = [];
  private versions = new Map<string, number>();

  /** `command`: how to start the server (default: this repository's bin). */
  constructor(
    readonly root: string,
    command: string[] = [BIN, 'lsp', '--stdio'],
  ) {
    this.child = spawn(process.execPath, command, { cwd: root, stdio: 'pipe' });
    this.child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      for (const waiter of this.waiters.filter((w) => w.uri === params.uri && (w.version === undefined || w.version === params.version))) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.done(params.diagnostics);
      }
    });
    this.connection.listen();
  }

  async start(): Promise<Record<string, unknown>> {
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(this.root).href, capabilities: {} });
    await this.connection.sendNotification('initialized', {});
    return (result as { capabilities: Record<string, unknown> }).capabilities;
  }

  uri = (file: string) => pathToFileURL(join(this.root, file)).href;

  private published(uri: string, version?: number): Promise<Diagnostic[]> {
    return new Promise((done) => this.waiters.push({ uri, version, done }));
  }

  /** Opens a document and resolves with its first problems. */
  open(file: string, text: string): Promise<Diagnostic[]> {
    const uri = file.startsWith('file:') ? file : this.uri(file);
    this.versions.set(uri, 1);
    const published = this.published(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** Replaces a document's text and resolves with the problems of that version. */
  change(file: string, text: string): Promise<Diagnostic[]> {
    const uri = this.uri(file);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.published(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return published;
  }

  /** Saves a file (written to disk first) and resolves with the next problems of `watch`. */
  save(file: string, text: string, watch: string): Promise<Diagnostic[]> {
    writeFileSync(join(this.root, file), text);
    const published = this.published(this.uri(watch));
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri: this.uri(file) } });
    return published;
  }

  request<R>(method: string, file: string, line?: number, character?: number, extra: object = {}): Promise<R> {
    const position = line === undefined ? {} : { position: { line, character } };
    return this.connection.sendRequest(method, { textDocument: { uri: this.uri(file) }, ...position, ...extra }) as Promise<R>;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => this.child.once('exit', (code) => done(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

