// Renders maps into any registered format for a whole run: each format's renderer is loaded on first
// use, and formats that need a browser share one pool, opened on first use and closed at the end.
import type { BrowserPool, BrowserPoolOptions } from '../browser/pool.js';
import type { JourneyMap } from '../core/model.js';
import { FORMATS, type Format, type FormatOptionValues, type RenderContext, type RenderFormat } from './formats.js';
import type { Template } from './handlebars.js';

export interface Renderer {
  render(map: JourneyMap, format: Format): Promise<string | Uint8Array>;
  /** Replaces the custom layout (watch mode, after the layout file changed). */
  setLayout(layout: Template | undefined): void;
  close(): Promise<void>;
}

/** The context every renderer gets (each reads its own options), with how to find the browser. */
export type RendererOptions = Omit<RenderContext, 'browser'> & FormatOptionValues & { browser: BrowserPoolOptions };

export function createRenderer(options: RendererOptions): Renderer {
  const { browser: browserOptions, ...context } = options;
  const loaded = new Map<Format, Promise<RenderFormat<RenderContext & FormatOptionValues>>>();
  // The promise is kept, so maps rendered in parallel share one pool, so one browser.
  let pool: Promise<BrowserPool> | undefined;
  return {
    async render(map, format) {
      const definition = FORMATS[format].build;
      let render = loaded.get(format);
      if (!render) loaded.set(format, (render = definition.load()));
      if (definition.needsBrowser) pool ??= import('../browser/pool.js').then((m) => m.createBrowserPool(browserOptions));
      return (await render)(map, { ...context, browser: definition.needsBrowser ? await pool : undefined });
    },
    setLayout(next) {
      context.layout = next;
    },
    async close() {
      await (await pool)?.close();
    },
  };
}
