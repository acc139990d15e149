// Markdown read back as a GFM syntax tree (micromark/mdast), as a repository's viewer reads it.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

export const parseMarkdown = (md: string): Root => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** Every node of a type, in document order. */
export function nodes<T>(tree: unknown, type: string): T[] {
  const found: T[] = [];
  const walk = (node: { type?: string; children?: unknown[] }) => {
    if (node.type === type) found.push(node as T);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(tree as { children?: unknown[] });
  return found;
}

/** Plain text of a node: the `<br>` between items in a cell read as a line break, an image as its alt text. */
export function text(node: unknown): string {
  const n = node as { type: string; value?: string; alt?: string; children?: unknown[] };
  if (n.type === 'html') return n.value === '<br>' ? '\n' : n.value!;
  if (n.type === 'image') return `[image: ${n.alt}]`;
  if (n.value !== undefined) return n.value;
  return (n.children ?? []).map(text).join('');
}
