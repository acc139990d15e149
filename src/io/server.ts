// The preview's HTTP server: loopback only unless asked, answering only to its own Host names (a
// DNS-rebinding page cannot read it), and serving only the pages it is given. A request path is
// never joined to a folder: it is looked up among the pages, so no path reaches the disk and nothing
// is listed. Changes are pushed to open pages as server-sent events.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { CliError, EXIT } from '../errors.js';
import { DEFAULT_PORT } from './server-defaults.js';

export interface ServeOptions {
  host: string;
  /** A port asked for with --port (a busy one is an error); without it the default, or the next free one. */
  port?: number;
  /** The page at a request path (`/`, `/maps/shop.html`), already decoded; undefined is a 404. */
  page: (path: string) => string | undefined;
  /** Where pages listen for changes. */
  eventsPath: string;
  /** The state sent to a page as it connects and on every change (JSON). */
  state: () => string;
  /** The Content-Security-Policy header of the pages. */
  csp: string;
}

export interface PreviewServer {
  url: string;
  address: AddressInfo;
  /** Sends the current state to every open page. */
  notify(): void;
  close(): Promise<void>;
}

/** How many ports after the default are tried when it is busy. */
const PORT_TRIES = 20;

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const ANY_ADDRESS = new Set(['0.0.0.0', '::']);

/**
 * The page path a raw request target names, or undefined for anything that is not a plain path:
 * malformed or double percent-encoding, backslashes, NUL, `.` or `..` segments, empty segments.
 */
export function requestPath(target: string): string | undefined {
  const raw = target.split(/[?#]/, 1)[0]!;
  if (!raw.startsWith('/')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\\\0%]/.test(path) || /[\u0000-\u001f]/.test(path)) return undefined;
  const segments = path.split('/').slice(1);
  if (segments.slice(0, -1).some((s) => s === '' || s === '.' || s === '..') || segments.at(-1) === '.' || segments.at(-1) === '..') return undefined;
  return path;
}

/** Whether a Host header names this server: a loopback name, the host it was bound to, or (bound to every address) an IP. */
export function hostAllowed(header: string | undefined, host: string, port: number): boolean {
  if (!header) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  if (!m || Number(m[2] ?? 80) !== port) return false;
  const name = m[1]!.toLowerCase();
  if (LOOPBACK_NAMES.has(name)) return true;
  const bound = isIP(host) === 6 ? `[${host}]` : host.toLowerCase();
  if (name === bound && !ANY_ADDRESS.has(host)) return true;
  // Reachable from the network when asked: its own addresses are IP literals, which a rebinding page cannot claim.
  return ANY_ADDRESS.has(host) && isIP(name.replace(/^\[|\]$/g, '')) !== 0;
}

export async function startServer(options: ServeOptions): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const headers = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  let port = 0;

  const refuse = (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    res.end(`${text}\n`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req.headers.host, options.host, port)) return refuse(res, 403, 'Forbidden: this preview answers only to its own address');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const path = requestPath(req.url ?? '');
    if (path === options.eventsPath) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write(`retry: 500\nevent: state\ndata: ${options.state()}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const html = path === undefined ? undefined : options.page(path);
    if (html === undefined) return refuse(res, 404, 'Not found');
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      // frame-ancestors works only as a header: no other site may frame the preview.
      'Content-Security-Policy': `${options.csp}; frame-ancestors 'none'`,
      'Content-Length': Buffer.byteLength(html),
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  };

  const server = createServer(handle);
  const listen = (p: number) =>
    new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen({ host: options.host, port: p, exclusive: true }, () => (server.off('error', fail), done()));
    });

  const first = options.port ?? DEFAULT_PORT;
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(first + attempt);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && options.port === undefined && attempt < PORT_TRIES) continue;
      if (code === 'EADDRINUSE') {
        throw new CliError(
          options.port === undefined
            ? `ports ${first} to ${first + PORT_TRIES} are all in use: choose one with --port`
            : `port ${first} is already in use: choose another with --port, or leave --port out to take a free one`,
          EXIT.environment,
          'port-in-use',
        );
      }
      if (code === 'EACCES') throw new CliError(`port ${first + attempt} needs privileges: choose one above 1023 with --port`, EXIT.failed);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on ${options.host}: not an address of this machine`, EXIT.failed);
      throw error;
    }
  }
  const address = server.address() as AddressInfo;
  port = address.port;
  // Pages are opened on the loopback name even when every address is served.
  const shownHost = ANY_ADDRESS.has(options.host) ? '127.0.0.1' : isIP(options.host) === 6 ? `[${options.host}]` : options.host;

  return {
    url: `http://${shownHost}:${port}/`,
    address,
    notify() {
      const message = `event: state\ndata: ${options.state()}\n\n`;
      for (const client of clients) client.write(message);
    },
    async close() {
      for (const client of clients) client.end();
      clients.clear();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}
