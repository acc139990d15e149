// What every renderer is given besides the map. A format's own options (page size, Markdown layout, …)
// are declared with the format in render/formats.ts; a renderer states in its context's type the
// ones it reads (`RenderContext & { mdLayout: MarkdownLayout }`), and the registry is checked against it.
import type { BrowserPool } from '../browser/pool.js';
import type { JourneyMap } from '../core/model.js';
import type { Theme } from '../core/theme.js';
import type { Template } from './handlebars.js';

export interface RenderContext {
  /** A team's own HTML layout (`--layout`). */
  layout?: Template;
  /** Milliseconds to print one document. */
  timeout: number;
  /** The config's `theme:` (accent, font, logo), for HTML and what prints it (PDF, PNG). */
  theme?: Theme;
  /** The shared browser, launched on first use (only formats with needsBrowser get one). */
  browser?: BrowserPool;
}

export type RenderFormat<Context extends RenderContext = RenderContext> = (map: JourneyMap, context: Context) => Promise<string | Uint8Array> | string | Uint8Array;
