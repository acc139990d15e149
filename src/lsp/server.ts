// journey lsp --stdio: a Language Server Protocol server for maps, persona files and
// journey.config.yaml. Its problems are the CLI's own (the same reader, validator, references and
// lint rules, with the same messages and places); it adds quick fixes from every "did you mean",
// hover, completion, go to definition, an outline and formatting (journey fmt). It reads only
// inside the workspace, within the CLI's limits, and never runs a program.
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  createConnection,
  DiagnosticSeverity,
  StreamMessageReader,
  StreamMessageWriter,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Hover,
  type Location,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { EMOTION_WORDS, emotionLocales, emotionWord, emotionWords, signedScore } from '../core/emotion.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { formatMap } from '../core/format.js';
import { isPlainObject } from '../core/describe.js';
import { keysAt, valueAt } from '../core/issues.js';
import { lintRules } from '../core/lint/index.js';
import { LOCALES, UI, type Locale } from '../core/locale.js';
import { listedPersonaId, personaFileId } from '../core/personas.js';
import { readMap } from '../core/read-map.js';
import { CONFIDENCES, IMAGE_EXTENSION, stageId } from '../core/schema.js';
import { decodeText, DEFAULT_LIMITS, tooLarge } from '../core/text.js';
import { declaredLaneKeys, schemaFor } from '../core/validate.js';
import { nodeLimitOffsetOf, parseBounded } from '../core/yaml-bounds.js';
import { lintFindings } from '../commands/lint.js';
import { isInside, linkStaysInside, readMapBytes } from '../io/files.js';
import { CONFIG_NAMES, findConfigFile, loadConfig, type Config } from '../io/config.js';
import { looksLikeMap, looksLikePersona } from '../io/inputs.js';
import type { Io } from '../io/terminal.js';
import { loadMetrics, metricsSource } from '../pipeline/metrics.js';
import { readMapFile } from '../pipeline/read.js';
import { createReferences, stageImageLimits } from '../pipeline/references.js';
import { CHANNEL_ICONS } from '../render/icons.js';
import { templateIn } from '../core/templates.js';
import { templatesOf } from '../io/templates.js';
import { lineStarts, nodeAt, nodeRange, offsetAt, tokenRange, writingAt, type Position } from './document.js';

/** How long typing must pause before a document is checked again. */
const DEBOUNCE_MS = 100;
/** Path completion looks this deep below the map's folder, and lists at most this many files. */
const PATH_DEPTH = 4;
const MAX_PATHS = 500;

interface Project {
  /** The project folder: the config file's folder, else the workspace. */
  root: string;
  config?: Config;
}

export function startServer(io: Io): Promise<number> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  const server = createServer(connection, io);
  connection.listen();
  // An editor that goes away closes the pipe without `exit`: end then, as after `exit` without `shutdown`.
  process.stdin.once('end', () => server.stop(1));
  return server.exited;
}

function createServer(connection: Connection, io: Io) {
  const documents = new TextDocuments(TextDocument);
  let workspace = resolve(io.cwd);
  const projects = new Map<string, Promise<Project>>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** The last problems published per document, for hover (a lint rule's why). */
  const published = new Map<string, LspDiagnostic[]>();
  let exited: (code: number) => void = () => {};

  connection.onInitialize((params) => {
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (root?.startsWith('file:')) workspace = fileURLToPath(root);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '/', '-'] },
        definitionProvider: true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'journey' },
    };
  });

  /** The file a document is, when it is a file inside the workspace. */
  const fileOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const path = fileURLToPath(uri);
    return isInside(path, workspace) ? path : undefined;
  };

  /** The project of a file: the nearest config file at or above its folder, up to the workspace. */
  const projectOf = (file: string): Promise<Project> => {
    const dir = dirname(file);
    let project = projects.get(dir);
    if (!project) {
      project = (async () => {
        // The CLI's search, stopped at the workspace; a config file that is not a regular file inside it is not read.
        const path = isInside(dir, workspace) ? await findConfigFile(dir, workspace) : undefined;
        const isFile = path !== undefined && (await stat(path).then((info) => info.isFile(), () => false)) && linkStaysInside(path, workspace);
        const loaded = isFile ? await loadConfig(path, basename(path)).catch(() => undefined) : undefined;
        return loaded ? { root: dirname(path!), config: loaded.ok ? loaded.config : undefined } : { root: workspace };
      })();
      projects.set(dir, project);
    }
    return project;
  };

  /** The templates a file's maps may name: the built-in ones and its project's own. */
  const templatesOfFile = async (file: string) => templatesOf((await projectOf(file)).config);

  /** Every problem of a document, in the CLI's words and places. */
  async function problemsOf(doc: TextDocument): Promise<Diagnostic[]> {
    const file = fileOf(doc.uri);
    const here = (message: string): Diagnostic[] => [{ file: doc.uri, line: 1, col: 1, path: 'file', message, severity: 'warning', code: 'reference-refused' }];
    if (!file) return here(`this file is outside the workspace (${workspace}): journey checks only files inside it`);
    const text = doc.getText();
    const project = await projectOf(file);
    const maxBytes = project.config?.maxFileSizeMb ? Math.round(project.config.maxFileSizeMb * 1024 * 1024) : DEFAULT_LIMITS.maxBytes;
    // Refused before encoding: a character is at least a byte.
    if (text.length > maxBytes) return [{ file, line: 1, col: 1, path: 'file', message: tooLarge(text.length, maxBytes), severity: 'error', code: 'too-large' }];
    const bytes = new TextEncoder().encode(text);
    const shown = relative(project.root, file) || basename(file);
    const cwd = { ...io, cwd: project.root };
    if (CONFIG_NAMES.includes(basename(file))) {
      const loaded = await loadConfig(file, shown, bytes);
      // A problem of a template file the config names is shown at the top, naming its place.
      return loaded.ok ? [] : loaded.diagnostics.map((d) => (d.file === shown ? d : elsewhere(d, text)));
    }
    const decoded = decodeText(shown, bytes, { ...DEFAULT_LIMITS, maxBytes });
    if (!decoded.ok) return decoded.diagnostics;
    // Like `journey validate <folder>`, a YAML file that is neither a map nor a persona file (a CI workflow) is not checked.
    const persona = looksLikePersona(text.slice(0, 64 * 1024));
    if (!persona && !looksLikeMap(text)) return [];
    const references = createReferences(cwd, { projectRoot: project.root, maxBytes, defaultLocale: project.config?.locale, images: stageImageLimits(project.config?.images) });
    if (persona) {
      const read = await references.persona(shown, bytes);
      return read.ok ? [] : read.diagnostics;
    }
    const templates = templatesOf(project.config);
    const options = { templates, defaultLocale: project.config?.locale, maxBytes };
    const loaded = await references.complete(file, shown, await readMap(shown, bytes, { ...options, positions: true }), async () => text);
    const read = (path: string, positions: boolean) => readMapFile(path, cwd, { ...options, positions, references });
    const lint = project.config?.lint;
    const findings = await lintFindings(file, loaded, read, references, { templates, rules: lint?.rules ?? {}, maxAgeMonths: lint?.maxAgeMonths ?? 6, today: new Date() });
    return [...loaded.diagnostics, ...findings].map((d) => (d.file === shown ? d : elsewhere(d, text)));
  }

  async function check(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let diagnostics: LspDiagnostic[];
    try {
      const text = doc.getText();
      const starts = lineStarts(text);
      diagnostics = (await problemsOf(doc)).map((d) => toLsp(d, text, starts));
    } catch (error) {
      // A bug must not stop the server: the document says so instead.
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: DiagnosticSeverity.Error, source: 'journey', message: `internal error in journey: ${error instanceof Error ? error.message : String(error)}` }];
    }
    if (documents.get(uri)?.version !== version) return; // typed on meanwhile: a newer check follows
    published.set(uri, diagnostics);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  const schedule = (uri: string, delay = DEBOUNCE_MS) => {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => (timers.delete(uri), void check(uri)), delay));
  };

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  // A saved persona file, map or config file may change what other open maps say: check them all.
  const recheckAll = () => {
    projects.clear();
    for (const doc of documents.all()) schedule(doc.uri);
  };
  documents.onDidSave(recheckAll);
  connection.onDidChangeWatchedFiles(recheckAll);
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    parsedVersions.delete(e.document.uri);
    published.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) =>
    params.context.diagnostics.flatMap((d) => {
      const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
      if (!suggestion) return [];
      return [{ title: `Change to \`${suggestion}\``, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [params.textDocument.uri]: [{ range: d.range, newText: suggestion }] } } }];
    }),
  );

  /** A document's text and its YAML, for the features below; nothing for one past the size limit. Kept per version. */
  const parsedVersions = new Map<string, { version: number; parsed: ReturnType<typeof parse> }>();
  const parsed = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const held = parsedVersions.get(uri);
    if (held?.version === doc.version) return held.parsed;
    const result = parse(uri, doc);
    parsedVersions.set(uri, { version: doc.version, parsed: result });
    return result;
  };
  const parse = (uri: string, doc: TextDocument) => {
    const file = fileOf(uri);
    const text = doc.getText();
    if (!file || text.length > DEFAULT_LIMITS.maxBytes) return undefined;
    // Within the reader's limits, or not at all: its problems already say why.
    if (nodeLimitOffsetOf(text) !== undefined) return undefined;
    const { doc: yaml } = parseBounded(text, { uniqueKeys: false });
    if (!yaml) return undefined;
    let value: unknown;
    try {
      value = yaml.toJS({ maxAliasCount: DEFAULT_LIMITS.maxAliasCount });
    } catch {
      value = undefined;
    }
    return { doc, file, text, starts: lineStarts(text), yaml, value: isPlainObject(value) ? value : {} };
  };
  type Parsed = NonNullable<ReturnType<typeof parsed>>;

  const guarded =
    <P, R>(handler: (params: P) => Promise<R> | R) =>
    async (params: P): Promise<R | null> => {
      try {
        return await handler(params);
      } catch {
        return null; // a half-written or hostile document: no answer rather than a crash
      }
    };

  connection.onHover(
    guarded(async ({ textDocument, position }): Promise<Hover | null> => {
      const p = parsed(textDocument.uri);
      if (!p) return null;
      const parts: string[] = [];
      const rules = lintRules(await templatesOfFile(p.file));
      for (const d of published.get(textDocument.uri) ?? []) {
        const rule = rules.find((r) => r.id === d.code);
        if (rule && within(position, d.range)) parts.push(`**${rule.id}**: ${rule.why}`);
      }
      const at = nodeAt(p.yaml, offsetAt(p.starts, p.text, position));
      if (at) parts.push(...(await hoverAt(p, at.path, at.onKey)));
      return parts.length ? { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } } : null;
    }),
  );

  async function hoverAt(p: Parsed, path: (string | number)[], onKey: boolean): Promise<string[]> {
    const key = path.at(-1);
    const template = templateIn(await templatesOfFile(p.file), p.value.template);
    const locale = await localeOf(p);
    if (onKey && key === 'emotion') {
      const scale = [-2, -1, 0, 1, 2].map((score) => `- \`${signedScore(score)}\` ${emotionWord(score, UI[locale])}: ${emotionLocales(locale).flatMap((l) => Object.entries(EMOTION_WORDS[l]).filter(([, s]) => s === score).map(([w]) => `\`${w}\``)).join(', ')}`);
      return [`**emotion**: how the customer feels, from -2 to 2${Array.isArray(p.value.personas) ? ' (or a score per persona: `{ id: score }`)' : ''}\n\n${scale.join('\n')}`];
    }
    if (onKey && typeof key === 'string' && isStagePath(path.slice(0, -1)) && template) {
      const labels = template.labels[locale];
      const lane = template.lanes.find((l) => l.key === key);
      if (lane) return [`**${labels.lanes[key] ?? key}**\n\n${labels.bands?.[lane.band] ?? lane.band} (${template.id})`];
      if (labels.fields?.[key]) return [`**${labels.fields[key]}**`];
      const custom = (Array.isArray(p.value.lanes) ? p.value.lanes : []).find((l) => isPlainObject(l) && l.key === key) as Record<string, unknown> | undefined;
      if (custom) return [`**${String(custom.label ?? key)}**\n\n${String(custom.band ?? template.defaultBand)} (custom lane)`];
    }
    if (key === 'metric' && path.at(-3) === 'kpis') {
      const metric = valueAt(p.value, path);
      const metrics = await metricsOf(p.file);
      if (typeof metric === 'string' && metrics) {
        const found = metrics.values[metric];
        return [found ? `**${metric}** = ${found.value}${found.date ? ` (${found.date})` : ''}, from ${metrics.file}` : `**${metric}**: no value in ${metrics.file}`];
      }
    }
    return [];
  }

  const localeOf = async (p: Parsed): Promise<Locale> => {
    const written = p.value.locale;
    if (typeof written === 'string' && (LOCALES as readonly string[]).includes(written)) return written as Locale;
    return (await projectOf(p.file)).config?.locale ?? 'en';
  };

  /** The metrics file of the project (`metrics:` in its config), read within the CLI's limits. */
  const metricsOf = async (file: string) => {
    const project = await projectOf(file);
    const source = metricsSource(undefined, project.config, { ...io, cwd: project.root });
    const data = source && (await loadMetrics(source).catch(() => undefined)); // a malformed file: its problems are build's to report
    return data && { ...data, path: source!.path };
  };

  connection.onCompletion(
    guarded(async ({ textDocument, position }): Promise<CompletionItem[]> => {
      const p = parsed(textDocument.uri);
      if (!p) return [];
      const writing = writingAt(p.text, p.starts, position);
      if (!writing) return [];
      const words = (list: readonly (string | number)[], kind: CompletionItemKind = CompletionItemKind.Value) => list.map((w) => ({ label: String(w), kind }));
      const templates = await templatesOfFile(p.file);
      const template = templateIn(templates, p.value.template);
      const schemaPath = writing.parents.map((s) => (s === '-' ? 0 : s));
      if (writing.kind === 'key') {
        if (writing.parents.at(-1) === 'emotion') return words(personaIds(p.value), CompletionItemKind.Variable);
        if (writing.parents.join('/') === 'personas/-') return [...(await pathsNear(p.file, /\.ya?ml$/i)), ...words(keysAt(schemaFor(template, templates, declaredLaneKeys(p.value.lanes)), ['personas', 0]) ?? [], CompletionItemKind.Property)];
        const keys = keysAt(schemaFor(template, templates, declaredLaneKeys(p.value.lanes)), schemaPath) ?? [];
        return keys.map((key) => ({ label: key, kind: CompletionItemKind.Property, insertText: `${key}: ` }));
      }
      switch (writing.key) {
        case 'emotion':
          return words([...emotionWords(await localeOf(p)), -2, -1, 0, 1, 2]);
        case 'channel':
          return words(CHANNEL_ICONS);
        case 'rejoin':
          return words(mainStageIds(p.value), CompletionItemKind.Reference);
        case 'template':
          return words(Object.keys(templates));
        case 'locale':
          return words(LOCALES);
        case 'confidence':
          return words(CONFIDENCES);
        case 'band':
          return words(template ? template.bands : []);
        case 'persona':
        case 'based_on':
          return pathsNear(p.file, /\.ya?ml$/i);
        case 'image':
        case 'logo':
          return pathsNear(p.file, IMAGE_EXTENSION);
        default:
          return [];
      }
    }),
  );

  /** Files below a map's folder (inside the workspace, links not followed) with a matching name, as paths relative to it. */
  async function pathsNear(file: string, pattern: RegExp): Promise<CompletionItem[]> {
    const from = dirname(file);
    const found: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > PATH_DEPTH || found.length >= MAX_PATHS) return;
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (found.length >= MAX_PATHS) return;
        const path = join(dir, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') await walk(path, depth + 1);
        else if (entry.isFile() && pattern.test(entry.name) && path !== file) found.push(relative(from, path).split('\\').join('/'));
      }
    };
    // A map in a subfolder names shared files above it (`../personas/giulia.yaml`): start at the project folder.
    const root = (await projectOf(file)).root;
    await walk(isInside(root, workspace) ? root : from, 0);
    return found.sort().map((label) => ({ label, kind: CompletionItemKind.File }));
  }

  connection.onDefinition(
    guarded(async ({ textDocument, position }): Promise<Location | null> => {
      const p = parsed(textDocument.uri);
      if (!p) return null;
      const at = nodeAt(p.yaml, offsetAt(p.starts, p.text, position));
      if (!at || at.onKey || !isScalar(at.node)) return null;
      const value = String(at.node.value);
      const key = at.path.at(-1);
      const isFileRef = key === 'persona' || key === 'based_on' || key === 'image' || (at.path[0] === 'personas' && at.path.length === 2);
      if (isFileRef) {
        // Followed as the CLI follows it: inside the project, through links that stay inside.
        const project = await projectOf(p.file);
        const reached = await createReferences({ ...io, cwd: project.root }, { projectRoot: project.root }).reach(p.file, value, 'file', 'file-not-found');
        return 'path' in reached ? { uri: pathToFileURL(reached.path).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
      }
      const stages = isMap(p.yaml.contents) ? p.yaml.contents.get('stages', true) : undefined;
      if (key === 'rejoin' && isSeq(stages)) {
        const index = mainStageIds(p.value).indexOf(value);
        const range = index === -1 ? undefined : nodeRange(p.starts, stages.items[index] as Node | undefined);
        return range ? { uri: textDocument.uri, range } : null;
      }
      if (key === 'metric') {
        const metrics = await metricsOf(p.file);
        if (!metrics) return null;
        const location = await fileLocation(metrics.path);
        const text = location ? (await readFileText(metrics.path)) ?? '' : '';
        const line = text.split('\n').findIndex((l) => l.includes(value));
        return location && { ...location, range: { start: { line: Math.max(line, 0), character: 0 }, end: { line: Math.max(line, 0), character: 0 } } };
      }
      return null;
    }),
  );

  /** A file's location, when it is a regular file inside the workspace (through links too). */
  async function fileLocation(path: string): Promise<Location | null> {
    if (!isInside(path, workspace) || !linkStaysInside(path, workspace)) return null;
    const isFile = await stat(path).then((info) => info.isFile(), () => false);
    return !isFile ? null : { uri: pathToFileURL(path).href, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  connection.onDocumentSymbol(
    guarded(({ textDocument }): DocumentSymbol[] => {
      const p = parsed(textDocument.uri);
      if (!p || !isMap(p.yaml.contents)) return [];
      const symbol = (node: unknown, name: string, kind: SymbolKind, children: DocumentSymbol[] = []): DocumentSymbol | undefined => {
        const range = nodeRange(p.starts, node as Node);
        return range && { name, kind, range, selectionRange: range, children };
      };
      const stagesOf = (seq: unknown): DocumentSymbol[] =>
        isSeq(seq)
          ? seq.items.flatMap((stage, i) => {
              if (!isMap(stage)) return [];
              const branches = stage.get('branches', true);
              const paths = isSeq(branches) ? branches.items.flatMap((b, j) => (isMap(b) ? [symbol(b, String(b.get('name') ?? `branch ${j + 1}`), SymbolKind.Namespace, stagesOf(b.get('stages', true)))] : [])) : [];
              return [symbol(stage, String(stage.get('name') ?? `stage ${i + 1}`), SymbolKind.Event, paths.filter((s): s is DocumentSymbol => s !== undefined))];
            }).filter((s): s is DocumentSymbol => s !== undefined)
          : [];
      return stagesOf(p.yaml.contents.get('stages', true));
    }),
  );

  connection.onDocumentFormatting(
    guarded(async ({ textDocument }) => {
      const doc = documents.get(textDocument.uri);
      if (!doc || doc.getText().length > DEFAULT_LIMITS.maxBytes) return [];
      const file = fileOf(textDocument.uri);
      const formatted = formatMap(doc.getText(), file ? await templatesOfFile(file) : templatesOf());
      if (!formatted.ok || formatted.text === doc.getText()) return [];
      return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, newText: formatted.text }];
    }),
  );

  const exitedPromise = new Promise<number>((done) => (exited = done));
  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
  });
  connection.onExit(() => exited(0));
  documents.listen(connection);
  const stop = (code: number) => {
    for (const timer of timers.values()) clearTimeout(timer);
    exited(code);
  };
  return { exited: exitedPromise, stop };
}

/** A problem in another file (a persona file a map names) shown on the map: at 1:1, naming where it is. */
function elsewhere(d: Diagnostic, text: string): Diagnostic {
  const name = basename(d.file);
  const index = text.indexOf(name);
  const before = index === -1 ? '' : text.slice(0, index);
  const line = before.split('\n').length;
  const col = index === -1 ? 1 : index - before.lastIndexOf('\n');
  // Its suggestion is for the other file: no quick fix here.
  return { ...d, line, col, message: `${d.file}:${d.line}:${d.col}: ${d.message}`, suggestion: undefined };
}

function toLsp(d: Diagnostic, text: string, starts: readonly number[]): LspDiagnostic {
  // Lint findings are advice: an error-level rule is a warning in the editor, a warning-level one information.
  const severity = d.rule ? (d.severity === 'error' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information) : d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
  return {
    range: tokenRange(text, starts, d.line, d.col),
    severity,
    source: 'journey',
    message: d.message,
    code: d.code, // a lint finding's is its rule's id
    ...(d.suggestion ? { data: { suggestion: d.suggestion } } : {}),
  };
}

const within = (p: Position, r: { start: Position; end: Position }) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) && (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

/** A stage of the main path (`stages.2`) or of a branch. */
const isStagePath = (path: readonly (string | number)[]) => (path.length === 2 && path[0] === 'stages') || (path.length === 6 && path[0] === 'stages' && path[2] === 'branches' && path[4] === 'stages');

/** The ids of the main path's stages, as `rejoin` names them. */
function mainStageIds(value: Record<string, unknown>): string[] {
  const stages = Array.isArray(value.stages) ? value.stages : [];
  return stages.map((s, i) => (isPlainObject(s) && typeof s.name === 'string' ? stageId({ id: typeof s.id === 'string' ? s.id : undefined, name: s.name }, i) : ''));
}

/** The ids a per-persona score may name: those of `personas:` (a file's from its name). */
function personaIds(value: Record<string, unknown>): string[] {
  const list = Array.isArray(value.personas) ? value.personas : [];
  return list.flatMap((p, i) => (typeof p === 'string' ? [personaFileId(p)] : isPlainObject(p) && typeof p.name === 'string' ? [listedPersonaId({ id: typeof p.id === 'string' ? p.id : undefined, name: p.name }, i)] : []));
}

/** A text file of the workspace within the CLI's size limit, or nothing (missing, not a file, too large). */
async function readFileText(path: string): Promise<string | undefined> {
  const read = await readMapBytes(path, { maxBytes: DEFAULT_LIMITS.maxBytes, expected: 'a file' });
  return read.ok ? new TextDecoder().decode(read.bytes) : undefined;
}
