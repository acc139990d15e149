// What only the preview server's pages carry: a small inline script that follows the server's events
// and swaps the page in place (keeping the scroll position), and an overlay listing the problems of
// the last save. Built documents never get it: the server adds it to each page as it sends it, and
// relaxes the page's Content-Security-Policy for this one script alone, by its hash.
import { createHash } from 'node:crypto';
import { PREVIEW, type Locale } from '../core/locale.js';

/** Where the page listens for changes (server-sent events). Never the path of a page. */
export const EVENTS_PATH = '/__journey/events';

/**
 * The live script. It is constant (the version it was served at is in a meta tag), so one hash
 * allows it. The overlay is built with textContent only: a problem's message is never markup. Its
 * words come with the problems, in the locale of the page shown.
 */
const SCRIPT = `(() => {
  const meta = document.querySelector('meta[name="journey-preview"]');
  let version = meta ? meta.content : '';
  let overlay;
  const show = (problems, words) => {
    if (problems.length === 0) return void (overlay && overlay.remove(), (overlay = undefined));
    if (!overlay) {
      overlay = document.createElement('aside');
      overlay.id = 'journey-problems';
      overlay.setAttribute('role', 'alert');
    }
    const heading = document.createElement('h2');
    heading.textContent = words.heading;
    const note = document.createElement('p');
    note.textContent = words.note;
    const list = document.createElement('ul');
    for (const p of problems) {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = p.where;
      item.append(where, ' ', p.message);
      list.append(item);
    }
    overlay.replaceChildren(heading, note, list);
    document.body.append(overlay);
  };
  const refresh = async () => {
    const response = await fetch(location.pathname, { cache: 'no-store' });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const main = next.querySelector('main');
    const here = document.querySelector('main');
    if (!main || !here) return location.reload();
    const x = scrollX, y = scrollY;
    const sideways = [...document.querySelectorAll('.scroller')].map((s) => s.scrollLeft);
    document.title = next.title;
    document.documentElement.lang = next.documentElement.lang;
    document.body.className = next.body.className;
    const style = document.querySelector('head style'), nextStyle = next.querySelector('head style');
    if (style && nextStyle && style.textContent !== nextStyle.textContent) style.textContent = nextStyle.textContent;
    here.replaceWith(document.adoptNode(main));
    document.querySelectorAll('.scroller').forEach((s, i) => (s.scrollLeft = sideways[i] || 0));
    scrollTo(x, y);
    const nextMeta = next.querySelector('meta[name="journey-preview"]');
    if (nextMeta) version = nextMeta.content;
  };
  let queue = Promise.resolve();
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    document.documentElement.dataset.journeyPreview = 'live';
    show(state.problems, state);
    if (String(state.version) !== version) queue = queue.then(refresh).catch(() => location.reload());
  });
})();`;

const STYLE = `#journey-problems{position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;z-index:2147483647;
background:#fff5f5;color:#1a1a1a;border:2px solid #c62828;border-radius:8px;box-shadow:0 8px 32px rgb(0 0 0/.25);
padding:.75rem 1rem;font:14px/1.45 system-ui,sans-serif}
#journey-problems h2{margin:0 0 .25rem;font-size:1rem;color:#b71c1c}
#journey-problems p{margin:0 0 .5rem}
#journey-problems ul{margin:0;padding-left:1.25rem}
#journey-problems code{font:13px ui-monospace,monospace;font-weight:600}`;

const hash = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;

/** The pages' policy in the preview: the documents' own, plus this one script and its connection back. */
export const PREVIEW_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src ${hash}; connect-src 'self'`;

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i;

/**
 * A rendered page as the preview serves it: the policy that allows the live script, the version it
 * shows, the overlay's style and the script. A page without the usual head (a custom layout that
 * skips the `page` partial) gets the policy added.
 */
export function previewPage(html: string, version: number): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">\n<meta name="journey-preview" content="${version}">`;
  const withMeta = CSP_META.test(html) ? html.replace(CSP_META, () => meta) : html.replace(/<head>/i, () => `<head>\n${meta}`);
  const tail = `<style>${STYLE}</style>\n<script>${SCRIPT}</script>\n`;
  const end = withMeta.lastIndexOf('</body>');
  return end === -1 ? `${withMeta}${tail}` : `${withMeta.slice(0, end)}${tail}${withMeta.slice(end)}`;
}

/** What `/` shows before a map has ever been valid (in the config's locale): the overlay says why. */
export function waitingPage(title: string, locale: Locale): string {
  const escaped = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>\n<html lang="${locale}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'">\n<title>${escaped}</title>\n<style></style>\n</head>\n<body>\n<main>\n<p>${PREVIEW[locale].waiting(escaped)}</p>\n</main>\n</body>\n</html>\n`;
}
