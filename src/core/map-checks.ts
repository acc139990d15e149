// Checks that need more than one key of a map, run on the map as written (so a stage with another
// problem still counts): `persona` or `personas`, unique persona ids, the persona ids a score names,
// `image` with `image_alt`, branch ids and stage ids across forks, and where a fork's `rejoin` leads.
// Each problem is a zod-like issue, so it is placed and reported like the schema's own.
import type { $ZodIssue } from 'zod/v4/core';
import { closest, didYouMean, excerpt, isPlainObject } from './describe.js';
import type { PathSegment } from './diagnostics.js';
import { listedPersonaId, personaFileId, unknownPersona } from './personas.js';
import { SLUG, slugify, stageId } from './schema.js';
import { branchFallbackId, branchStageFallbackId } from './stages.js';

type Raw = Record<string, unknown>;
type Found = { path: PathSegment[]; message: string; at?: 'key'; suggestion?: string };

const nameOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const writtenId = (v: Raw) => (typeof v.id === 'string' && SLUG.test(v.id) ? v.id : undefined);

/** The problems of a map's cross-references; `[]` when there are none. */
export function crossCheck(map: Raw, laneKeys: ReadonlySet<string>): $ZodIssue[] {
  const found: Found[] = [];
  const ids = personaIds(map, found);
  stageChecks(map, ids, laneKeys, found);
  return found.map(({ path, message, at, suggestion }) =>
    // A problem about a key itself takes the form zod gives a bad key of a record: placed at the key.
    (at === 'key' ? { code: 'invalid_key', origin: 'record', path, message, issues: [], input: undefined, suggestion } : { code: 'custom', path, message, input: undefined, suggestion }) as unknown as $ZodIssue,
  );
}

/** The ids persona scores may use; undefined when they cannot all be known yet (a persona file sets its own). */
function personaIds(map: Raw, found: Found[]): string[] | undefined {
  if (map.persona != null && map.personas != null) {
    found.push({ path: ['personas'], at: 'key', message: '`persona` and `personas` are both set: expected one of them (`persona` for one customer, `personas` for several)' });
  }
  if (!Array.isArray(map.personas)) return undefined;
  const seen = new Map<string, number>();
  let allKnown = true;
  map.personas.forEach((p, i) => {
    let id: string | undefined;
    let path: PathSegment[] = ['personas', i];
    if (typeof p === 'string') {
      allKnown = false; // the file may set an `id` of its own: the pipeline checks once it has read it
      id = personaFileId(p);
    } else if (isPlainObject(p)) {
      if (p.id != null && !writtenId(p)) return; // a bad id is a problem of its own
      if (!writtenId(p) && !nameOf(p.name).trim()) return;
      id = listedPersonaId({ id: writtenId(p), name: nameOf(p.name) }, i);
      path = ['personas', i, writtenId(p) ? 'id' : 'name'];
    }
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) {
      found.push({ path, message: `two personas have the id \`${id}\` (personas ${first + 1} and ${i + 1}): expected a unique \`id\` for each, which their scores use (\`emotion: { ${id}: 1 }\`)` });
    } else seen.set(id, i);
  });
  return allKnown ? [...seen.keys()] : undefined;
}

/** Reads a stage's id as the model gives it (written, else from its name); undefined when the stage has a problem with it. */
function idOf(stage: Raw, fallback: () => string): string | undefined {
  if (stage.id != null) return writtenId(stage);
  const name = nameOf(stage.name);
  if (!name.trim()) return undefined;
  return slugify(name) || fallback();
}

function stageChecks(map: Raw, personaIdList: string[] | undefined, laneKeys: ReadonlySet<string>, found: Found[]) {
  if (!Array.isArray(map.stages)) return;
  const hasPersonas = map.personas != null;
  const stages = map.stages as unknown[];
  const mainIds = stages.map((s, i) => (isPlainObject(s) ? idOf(s, () => stageId({ name: '' }, i)) : undefined));
  // Stage ids across the main path and every branch; the main path's own duplicates are the schema's.
  const taken = new Map<string, string>();
  mainIds.forEach((id, i) => id && !taken.has(id) && taken.set(id, `stage ${i + 1}`));

  const checkStage = (stage: Raw, path: PathSegment[]) => {
    const emotion = stage.emotion;
    if (isPlainObject(emotion)) {
      if (!hasPersonas) {
        found.push({ path: [...path, 'emotion'], message: 'a score per persona needs `personas:` (a list of the map\u2019s personas): expected one score, a whole number from -2 to 2 or an emotion word, found a mapping' });
      } else if (personaIdList) {
        for (const key of Object.keys(emotion)) {
          if (SLUG.test(key) && !personaIdList.includes(key)) found.push({ path: [...path, 'emotion', key], at: 'key', ...unknownPersona(key, personaIdList) });
        }
      }
    }
    // A custom lane of a version-1 map may be called `image` or `image_alt`: then it is a lane, not a picture.
    const image = !laneKeys.has('image') && stage.image != null;
    const alt = !laneKeys.has('image_alt') && stage.image_alt != null;
    if (image && !alt) found.push({ path: [...path, 'image'], message: '`image` needs `image_alt` beside it: expected a short text saying what the image shows, for readers who cannot see it' });
    if (alt && !image && !laneKeys.has('image')) found.push({ path: [...path, 'image_alt'], at: 'key', message: '`image_alt` without `image`: expected `image` (the path of the picture) beside it, or no `image_alt`' });
  };

  stages.forEach((stage, index) => {
    if (!isPlainObject(stage)) return;
    const path: PathSegment[] = ['stages', index];
    checkStage(stage, path);
    const branches = laneKeys.has('branches') ? undefined : stage.branches;
    if (!laneKeys.has('rejoin') && stage.rejoin != null) rejoinCheck(stage, index, mainIds, Array.isArray(branches), found);
    if (!Array.isArray(branches)) return;
    const forkId = mainIds[index];
    const branchIds = new Map<string, number>();
    branches.forEach((branch, b) => {
      if (!isPlainObject(branch)) return;
      const branchPath: PathSegment[] = [...path, 'branches', b];
      const bid = branch.id != null ? writtenId(branch) : nameOf(branch.name).trim() ? slugify(nameOf(branch.name)) || branchFallbackId(b) : undefined;
      if (bid !== undefined) {
        const first = branchIds.get(bid);
        if (first !== undefined) found.push({ path: [...branchPath, branch.id != null ? 'id' : 'name'], message: `branches ${first + 1} and ${b + 1} of this stage have the id \`${bid}\`: expected a unique \`id\` (or name) for each branch` });
        else branchIds.set(bid, b);
      }
      if (!Array.isArray(branch.stages)) return;
      branch.stages.forEach((s, k) => {
        if (!isPlainObject(s)) return;
        const stagePath = [...branchPath, 'stages', k];
        checkStage(s, stagePath);
        const id = idOf(s, () => branchStageFallbackId(index, b, k));
        if (!id) return;
        const where = `stage ${k + 1} of branch "${excerpt(nameOf(branch.name) || String(b + 1))}" of ${forkId ? `\`${forkId}\`` : `stage ${index + 1}`}`;
        const first = taken.get(id);
        if (first) {
          found.push({ path: [...stagePath, s.id != null ? 'id' : 'name'], message: `two stages have the id \`${id}\` (${first} and ${where}${s.id == null ? ', which takes it from its name' : ''}): expected a unique \`id\` for each stage, branches included` });
        } else taken.set(id, where);
      });
    });
  });
}

function rejoinCheck(stage: Raw, index: number, mainIds: (string | undefined)[], forks: boolean, found: Found[]) {
  const target = stage.rejoin;
  const path: PathSegment[] = ['stages', index, 'rejoin'];
  if (!forks) {
    found.push({ path, at: 'key', message: '`rejoin` without `branches`: expected `branches` on this stage (the paths that meet again at the `rejoin` stage), or no `rejoin`' });
    return;
  }
  if (typeof target !== 'string' || !SLUG.test(target)) return; // the schema says what is wrong with it
  const at = mainIds.indexOf(target);
  const later = mainIds.slice(index + 1).filter((id): id is string => id !== undefined);
  const expected = later.length ? `expected the id of a later stage of the main path, where the branches meet it again` : 'this is the last stage of the main path, so the branches cannot meet it again: remove `rejoin`';
  if (at === -1) {
    const suggestion = closest(target, later);
    found.push({ path, message: `no stage of the main path has the id \`${excerpt(target)}\`: ${expected}${didYouMean(suggestion)}`, suggestion });
  } else if (at <= index) {
    found.push({ path, message: `\`${target}\` is ${at === index ? 'this stage itself' : `stage ${at + 1}, before this one (stage ${index + 1})`}: ${expected}` });
  }
}
