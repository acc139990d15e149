// A minimal Language Server Protocol client over stdio, to drive yaml-language-server the way an
// editor does: open a document, wait for its diagnostics, ask for completions and hovers.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
}

export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly waiters: { uri: string; done: (d: LspDiagnostic[]) => void }[] = [];

  constructor() {
    const bin = createRequire(import.meta.url).resolve('yaml-language-server/bin/yaml-language-server');
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  async start(rootDir: string): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(rootDir).href, capabilities: { workspace: { configuration: true } } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  open(file: string, text: string): Promise<LspDiagnostic[]> {
    const uri = pathToFileURL(file).href;
    this.diagnostics.delete(uri);
    const published = new Promise<LspDiagnostic[]>((done) => this.waiters.push({ uri, done }));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  completion(file: string, line: number, character: number): Promise<{ items: { label: string; documentation?: unknown }[] } | { label: string }[]> {
    return this.request('textDocument/completion', { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } }) as never;
  }

  hover(file: string, line: number, character: number): Promise<{ contents: unknown } | null> {
    return this.request('textDocument/hover', { textDocument: { uri: pathToFileURL(file).href }, position: { line, character } }) as never;
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', null);
    this.child.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((done) => this.pending.set(id, done));
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: { id?: number; method?: string; params?: unknown; result?: unknown }): void {
    if (message.method === 'workspace/configuration') {
      // The server asks for its settings section by section.
      const items = (message.params as { items: { section?: string }[] }).items;
      this.send({ jsonrpc: '2.0', id: message.id, result: items.map((i) => (i.section === 'yaml' ? SETTINGS.yaml : null)) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const w of this.waiters.splice(0).filter((x) => (x.uri === uri ? (x.done(diagnostics), false) : true))) this.waiters.push(w);
    } else if (message.method && message.id !== undefined) {
      this.send({ jsonrpc: '2.0', id: message.id, result: null }); // other requests from the server: nothing to add
    } else if (message.id !== undefined && this.pending.has(message.id)) {
      this.pending.get(message.id)!(message.result);
      this.pending.delete(message.id);
    }
  }
}

/** As VS Code's YAML extension sends them: validation, hover and completion on; schemas come from each file's modeline. */
const SETTINGS = { yaml: { validate: true, hover: true, completion: true, format: { enable: false }, schemaStore: { enable: false } } };
