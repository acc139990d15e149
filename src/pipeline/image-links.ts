// A stage image's path is written relative to its map; a document written elsewhere (`-o out/map.md`,
// `-d site`) links to it from its own folder. Only the link changes: the image reader
// (src/pipeline/images.ts) reads the file from the map's folder.
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { JourneyMap, Stage } from '../core/model.js';
import { STDIN } from '../io/inputs.js';

/**
 * The map with each stage image's `src` relative to the document at `target`; the map as it is for
 * standard output (`-`), a map read from standard input, or a map whose documents sit beside it.
 */
export function imagesRelativeTo(map: JourneyMap, file: string, target: string, cwd: string): JourneyMap {
  if (!map.images.length || target === '-' || file === STDIN) return map;
  const from = dirname(resolve(cwd, file));
  const to = dirname(resolve(cwd, target));
  if (from === to) return map;
  const link = (src: string) => (isAbsolute(src) ? src : relative(to, resolve(from, src)).split(sep).join('/'));
  const rebase = (s: Stage): Stage => ({
    ...s,
    image: s.image && { ...s.image, src: link(s.image.src) },
    branches: s.branches.map((b) => ({ ...b, stages: b.stages.map(rebase) })),
  });
  return { ...map, stages: map.stages.map(rebase), images: map.images.map((i) => ({ ...i, src: link(i.src) })) };
}
