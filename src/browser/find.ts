// Finds an installed Chrome, Chromium or Edge. Nothing is ever downloaded. Platform, environment and
// file checks are parameters, so tests can use fake executables.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface FindContext {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  isExecutable: (path: string) => boolean;
  /** Folder entries, for a browser a full puppeteer install left in its cache. */
  list: (dir: string) => string[];
}

export type FindResult = { ok: true; path: string; source: string } | { ok: false; searched: string[]; reason?: string };

const LINUX = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/usr/bin/microsoft-edge-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
];
const MAC = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
];
const WINDOWS_SUFFIXES = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'microsoft-edge', 'msedge'];

export function defaultFindContext(env: Record<string, string | undefined> = process.env): FindContext {
  return {
    platform: process.platform,
    env,
    home: homedir(),
    isExecutable: (path) => {
      try {
        if (!statSync(path).isFile()) return false;
        accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

/** `--browser` (or another source the caller names), then PUPPETEER_EXECUTABLE_PATH / CHROME_PATH, then usual install paths, then PATH, then puppeteer's cache. */
export function findBrowser(explicit: string | undefined, ctx: FindContext, source = '--browser'): FindResult {
  if (explicit) {
    return ctx.isExecutable(explicit)
      ? { ok: true, path: explicit, source }
      : { ok: false, searched: [explicit], reason: `${source} ${explicit} is not an executable file` };
  }
  const searched: string[] = [];
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const value = ctx.env[name];
    if (!value) continue;
    if (ctx.isExecutable(value)) return { ok: true, path: value, source: name };
    return { ok: false, searched: [value], reason: `${name}=${value} is not an executable file` };
  }
  const candidates: [string, string][] = [];
  for (const path of installPaths(ctx)) candidates.push([path, 'usual install location']);
  const pathDirs = (ctx.env.PATH ?? '').split(ctx.platform === 'win32' ? ';' : delimiter).filter(Boolean);
  for (const dir of pathDirs) for (const name of PATH_NAMES) candidates.push([join(dir, ctx.platform === 'win32' ? `${name}.exe` : name), 'PATH']);
  for (const path of puppeteerCache(ctx)) candidates.push([path, "puppeteer's browser cache"]);
  for (const [path, source] of candidates) {
    if (ctx.isExecutable(path)) return { ok: true, path, source };
    if (source !== 'PATH') searched.push(path);
  }
  if (pathDirs.length) searched.push(`${PATH_NAMES.join(', ')} on PATH`);
  return { ok: false, searched };
}

function installPaths(ctx: FindContext): string[] {
  if (ctx.platform === 'darwin') return [...MAC, ...MAC.map((p) => join(ctx.home, p))];
  if (ctx.platform === 'win32') {
    const roots = [ctx.env.LOCALAPPDATA, ctx.env.PROGRAMFILES, ctx.env['PROGRAMFILES(X86)']].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => WINDOWS_SUFFIXES.map((suffix) => `${root}\\${suffix}`));
  }
  return LINUX;
}

function puppeteerCache(ctx: FindContext): string[] {
  const cache = ctx.env.PUPPETEER_CACHE_DIR ?? join(ctx.home, '.cache', 'puppeteer');
  const relative: Record<string, string> = {
    linux: 'chrome-linux64/chrome',
    darwin: 'chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    win32: 'chrome-win64/chrome.exe',
  };
  const inner = relative[ctx.platform];
  if (!inner) return [];
  const chromeDir = join(cache, 'chrome');
  return ctx
    .list(chromeDir)
    .sort()
    .reverse()
    .map((version) => join(chromeDir, version, inner));
}

/** What to tell a user who has no browser. */
export function noBrowserMessage(result: Extract<FindResult, { ok: false }>): string {
  return [
    result.reason ? `no usable browser for PDF: ${result.reason}` : 'no Chrome, Chromium or Edge found for PDF output.',
    `Searched: ${result.searched.join(', ')}.`,
    'Install one (Debian/Ubuntu: `apt-get install chromium`; macOS: `brew install --cask chromium`), or point to one with',
    '--browser <path> or PUPPETEER_EXECUTABLE_PATH=<path>. HTML and Markdown need no browser.',
  ].join('\n');
}
