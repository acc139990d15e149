/** A document could not be rendered for a reason outside the map: no browser, a browser that hung. */
export class RenderError extends Error {}
