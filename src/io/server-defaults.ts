// The preview server's defaults, apart from the server itself so the command line can offer them
// without loading node:http.

/** Loopback only: the preview is reachable from other machines only when asked for with --host. */
export const DEFAULT_HOST = '127.0.0.1';

/** The first port tried; when it is busy, the next free one is taken. */
export const DEFAULT_PORT = 7373;

/** Whether an address keeps the server to this machine. */
export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
