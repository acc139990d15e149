import { describe, expect, it } from 'vitest';
import { findBrowser, noBrowserMessage, type FindContext } from '../src/browser/find.js';

function context(executables: string[], over: Partial<FindContext> = {}): FindContext {
  return { platform: 'linux', env: {}, home: '/home/u', isExecutable: (p) => executables.includes(p), list: () => [], ...over };
}

describe('finding a browser', () => {
  it('prefers --browser, then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH', () => {
    const all = ['/opt/flag', '/opt/pep', '/opt/cp', '/usr/bin/chromium'];
    const env = { PUPPETEER_EXECUTABLE_PATH: '/opt/pep', CHROME_PATH: '/opt/cp' };
    expect(findBrowser('/opt/flag', context(all, { env }))).toEqual({ ok: true, path: '/opt/flag', source: '--browser' });
    expect(findBrowser(undefined, context(all, { env }))).toEqual({ ok: true, path: '/opt/pep', source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(findBrowser(undefined, context(all, { env: { CHROME_PATH: '/opt/cp' } }))).toEqual({ ok: true, path: '/opt/cp', source: 'CHROME_PATH' });
  });

  it('does not fall back when an explicit path is wrong', () => {
    const result = findBrowser('/wrong', context(['/usr/bin/chromium']));
    expect(result).toEqual({ ok: false, searched: ['/wrong'], reason: '--browser /wrong is not an executable file' });
  });

  it('looks in the usual places per platform, then on PATH, then in puppeteer\u2019s cache', () => {
    expect(findBrowser(undefined, context(['/usr/bin/google-chrome'])).ok && findBrowser(undefined, context(['/usr/bin/google-chrome']))).toMatchObject({ path: '/usr/bin/google-chrome', source: 'usual install location' });
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(undefined, context([mac], { platform: 'darwin' }))).toMatchObject({ ok: true, path: mac });
    const win = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser(undefined, context([win], { platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files' } }))).toMatchObject({ ok: true, path: win });
    expect(findBrowser(undefined, context(['/home/u/bin/chromium'], { env: { PATH: '/usr/local/bin:/home/u/bin' } }))).toMatchObject({ ok: true, path: '/home/u/bin/chromium', source: 'PATH' });
    const cached = '/home/u/.cache/puppeteer/chrome/linux-131.0.1/chrome-linux64/chrome';
    const list = (dir: string) => (dir === '/home/u/.cache/puppeteer/chrome' ? ['linux-120.0.0', 'linux-131.0.1'] : []);
    expect(findBrowser(undefined, context([cached, '/home/u/.cache/puppeteer/chrome/linux-120.0.0/chrome-linux64/chrome'], { list }))).toMatchObject({ ok: true, path: cached, source: "puppeteer's browser cache" });
  });

  it('says what it searched and how to install one when nothing is found', () => {
    const result = findBrowser(undefined, context([], { env: { PATH: '/usr/bin' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.searched).toContain('/usr/bin/chromium');
    const message = noBrowserMessage(result);
    expect(message).toContain('no Chrome, Chromium or Edge found for PDF output.');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('HTML and Markdown need no browser.');
  });
});
