// A repository from a pull request that commits symbolic links, pipes, devices and huge files where
// journey reads and writes: nothing outside the project is written, removed or read, each refusal is
// located and says why, and a link out of the project reads the same whether or not its target exists.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, run, runBin, tempDir } from './helpers.js';

const MAP = readFileSync(join(EXAMPLES, 'current-state.yaml'), 'utf8');
const SMALL = 'template: current-state\ntitle: Renewing a permit\nstages:\n  - name: Reminder\n    emotion: -1\n';

/** A project folder with one map (journeys/a.yaml) beside a folder outside it holding a file that must survive. */
function setup(): { project: string; elsewhere: string } {
  const dir = tempDir();
  const project = join(dir, 'project');
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(join(project, 'journeys'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(project, 'journeys', 'a.yaml'), SMALL);
  writeFileSync(join(elsewhere, 'important.html'), 'the runner’s own file');
  return { project, elsewhere };
}

const untouched = (elsewhere: string) => {
  expect(readdirSync(elsewhere)).toEqual(['important.html']);
  expect(readFileSync(join(elsewhere, 'important.html'), 'utf8')).toBe('the runner’s own file');
};

describe('journey site with committed links', () => {
  it('neither removes nor writes through a linked folder inside the site, and names the link', async () => {
    const { project, elsewhere } = setup();
    mkdirSync(join(project, 'site'));
    symlinkSync('../../elsewhere', join(project, 'site', 'maps'));
    writeFileSync(join(project, 'site', '.journey-site.json'), JSON.stringify({ 'maps/important.html': 'x' }));
    const r = await run(['site', 'journeys', '-o', 'site'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to write the site page to site/maps/a.html: it leads out of the project folder through a symbolic link (site/maps): journey writes only inside it');
    expect(r.stderr).toContain('refusing to remove site/maps/important.html: it leads out of the project folder through a symbolic link (site/maps)');
    untouched(elsewhere);
    // Nothing at all was written: the whole site is checked first.
    expect(readdirSync(join(project, 'site')).sort()).toEqual(['.journey-site.json', 'maps']);
  });

  it('writes nothing when the site folder itself is a link out of the project', async () => {
    const { project, elsewhere } = setup();
    symlinkSync('../elsewhere', join(project, 'site'));
    writeFileSync(join(elsewhere, '.journey-site.json'), JSON.stringify({ 'important.html': 'x' }));
    const r = await run(['site', 'journeys', '-o', 'site'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refusing to write the site to site: it leads out of the project folder through a symbolic link (site): journey writes only inside it');
    expect(readdirSync(elsewhere).sort()).toEqual(['.journey-site.json', 'important.html']);
    expect(readFileSync(join(elsewhere, 'important.html'), 'utf8')).toBe('the runner’s own file');
  });

  it('removes only pages it wrote: not a link to outside, not a path out of the site, not a page changed since', async () => {
    const { project, elsewhere } = setup();
    expect((await run(['site', 'journeys', '-o', 'site'], { cwd: project })).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(project, 'site', '.journey-site.json'), 'utf8')) as Record<string, string>;
    // A page of the last build that is gone, unchanged: removed. One edited since: left alone.
    writeFileSync(join(project, 'site', 'maps', 'gone.html'), 'page');
    writeFileSync(join(project, 'site', 'maps', 'edited.html'), 'page, edited by hand');
    const pageHash = createHash('sha256').update('page').digest('base64url');
    writeFileSync(join(project, 'site', '.journey-site.json'), JSON.stringify({ ...manifest, 'maps/gone.html': pageHash, 'maps/edited.html': pageHash }));
    const r = await run(['site', 'journeys', '-o', 'site'], { cwd: project });
    expect(r.code).toBe(0);
    expect(readdirSync(join(project, 'site', 'maps')).sort()).toEqual(['a.html', 'edited.html']);

    // A manifest naming a link to a file outside, or a path out of the site (the project's map), is refused before anything happens.
    symlinkSync(join(elsewhere, 'important.html'), join(project, 'site', 'maps', 'old.html'));
    const important = createHash('sha256').update('the runner’s own file').digest('base64url');
    writeFileSync(join(project, 'site', '.journey-site.json'), JSON.stringify({ 'maps/old.html': important, '../journeys/a.html': important, 'index.html': 'x' }));
    writeFileSync(join(project, 'journeys', 'a.html'), 'the project’s own file');
    const refused = await run(['site', 'journeys', '-o', 'site'], { cwd: project });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refusing to remove site/maps/old.html: it leads out of the project folder through a symbolic link (site/maps/old.html)');
    expect(refused.stderr).toContain('refusing to remove journeys/a.html: it is not inside site: journey removes only files it wrote there');
    untouched(elsewhere);
    expect(readFileSync(join(project, 'journeys', 'a.html'), 'utf8')).toBe('the project’s own file');
  });

  it('leaves a killed build’s temporary file alone in a linked output folder that leads outside', async () => {
    const { project, elsewhere } = setup();
    symlinkSync('../elsewhere', join(project, 'out'));
    const temp = '.a.html.journey-999999-0-1.tmp';
    writeFileSync(join(elsewhere, temp), 'not journey’s to remove');
    const r = await run(['build', 'journeys/a.yaml', '-f', 'html', '-d', 'out'], { cwd: project });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it leads out of the project folder through a symbolic link (out)');
    expect(readdirSync(elsewhere).sort()).toEqual([temp, 'important.html']);
  });

  it('init, import, export, diff and schema write nothing through a linked folder either', async () => {
    const { project, elsewhere } = setup();
    symlinkSync('../elsewhere', join(project, 'linked'));
    writeFileSync(join(project, 'sheet.csv'), (await run(['export', 'journeys/a.yaml', '-f', 'csv', '-o', '-'], { cwd: project })).stdout);
    writeFileSync(join(project, 'journeys', 'b.yaml'), SMALL.replace('-1', '1'));
    const commands = [
      ['init', 'linked/new.yaml'],
      ['import', 'sheet.csv', '-o', 'linked/imported.yaml'],
      ['export', 'journeys/a.yaml', '-f', 'csv', '-o', 'linked/a.csv'],
      ['diff', 'journeys/a.yaml', 'journeys/b.yaml', '-o', 'linked/diff.txt'],
      ['schema', '-o', 'linked/schema.json'],
    ];
    for (const argv of commands) {
      const r = await run(argv, { cwd: project });
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr, argv.join(' ')).toContain(`to ${argv.at(-1)}: it leads out of the project folder through a symbolic link (linked)`);
    }
    untouched(elsewhere);
  });
});

/** Puts, at `path`, a link to /dev/zero, a named pipe, or a 400 MB sparse file (it costs no disk). */
const HOSTILE = {
  'a link to /dev/zero': (path: string) => symlinkSync('/dev/zero', path),
  'a named pipe': (path: string) => execFileSync('mkfifo', [path]),
  'a 400 MB sparse file': (path: string) => (writeFileSync(path, ''), truncateSync(path, 400 * 1024 * 1024)),
};
/** What the refusal says for each, after the located prefix. */
const SAYS = {
  'a link to /dev/zero': /symbolic link/,
  'a named pipe': /named pipe \(FIFO\)|is not a file/,
  'a 400 MB sparse file': /larger than the limit/,
};

/** Each file journey reads, where it goes, the command that reads it and where the refusal is located. */
const READS: { what: string; file: string; argv: string[]; at: string; before?: (project: string) => void }[] = [
  { what: 'site manifest', file: 'site/.journey-site.json', argv: ['site', 'journeys', '-o', 'site'], at: 'site/.journey-site.json:1:1 error file:', before: (p) => mkdirSync(join(p, 'site')) },
  { what: 'metrics file', file: 'kpi.csv', argv: ['build', 'journeys/a.yaml', '-f', 'html', '--metrics', 'kpi.csv'], at: 'kpi.csv:1:1 error file: cannot read the metrics file:' },
  { what: 'layout', file: 'brand.hbs', argv: ['build', 'journeys/a.yaml', '-f', 'html', '--layout', 'brand.hbs'], at: 'brand.hbs:1:1 error layout:' },
  { what: 'config file', file: 'journey.config.yaml', argv: ['build', 'journeys/a.yaml', '-f', 'html'], at: 'journey.config.yaml:1:1 error file:' },
  {
    what: 'persona file',
    file: 'journeys/giulia.yaml',
    argv: ['build', 'journeys/p.yaml', '-f', 'html'],
    at: 'journey',
    before: (p) => writeFileSync(join(p, 'journeys', 'p.yaml'), SMALL.replace('stages:', 'persona: giulia.yaml\nstages:')),
  },
  { what: 'import file', file: 'sheet.csv', argv: ['import', 'sheet.csv'], at: 'sheet.csv:1:1 error file:' },
];

describe('every file journey reads', () => {
  for (const { what, file, argv, at, before } of READS) {
    for (const [kind, make] of Object.entries(HOSTILE)) {
      it(`refuses a ${what} that is ${kind}, located, without reading it`, async () => {
        const { project } = setup();
        before?.(project);
        make(join(project, file));
        const r = await runBin(argv, { cwd: project });
        expect(r.code).toBe(1);
        const line = r.stderr.split('\n').find((l) => l.includes(' error '));
        expect(line).toMatch(new RegExp(`^${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(line).toMatch(SAYS[kind as keyof typeof SAYS]);
        expect(r.stdout).toBe('');
      }, 60_000);
    }
  }
});

/**
 * One project where each reference is a committed link to `outside/target` (a file of each kind
 * that `present` decides exists or not), and what `validate` and `build` print about it.
 */
async function references(present: boolean): Promise<string> {
  const dir = tempDir();
  const project = join(dir, 'project');
  const outside = join(dir, 'outside');
  mkdirSync(join(project, 'maps'), { recursive: true });
  mkdirSync(outside);
  const targets = { 'persona.yaml': 'name: Secret\n', 'base.yaml': SMALL, 'face.png': readFileSync(join(EXAMPLES, '..', 'test', 'fixtures', 'images', 'tiny.png')), 'logo.png': readFileSync(join(EXAMPLES, '..', 'test', 'fixtures', 'images', 'tiny.png')), 'brand.hbs': '{{title}}', 'kpi.csv': 'metric,value\nx,1\n', 'map.yaml': MAP };
  for (const [name, content] of Object.entries(targets)) {
    if (present) writeFileSync(join(outside, name), content);
    symlinkSync(join(outside, name), join(project, 'maps', name.replace(/\./, '-link.')));
  }
  symlinkSync(join(outside, 'folder'), join(project, 'out'));
  if (present) mkdirSync(join(outside, 'folder'));
  writeFileSync(join(project, 'maps', 'plain.yaml'), SMALL);
  writeFileSync(join(project, 'maps', 'persona.yaml'), SMALL.replace('stages:', 'persona: persona-link.yaml\nstages:'));
  writeFileSync(join(project, 'maps', 'based.yaml'), SMALL.replace('current-state', 'future-state').replace('stages:', 'based_on: base-link.yaml\nstages:'));
  writeFileSync(join(project, 'maps', 'picture.yaml'), SMALL.replace('stages:', 'persona:\n  name: Giulia\n  image: face-link.png\nstages:').replace('emotion: -1', 'emotion: -1\n    image: face-link.png\n    image_alt: A face'));
  const outputs: string[] = [];
  const said = async (argv: string[]) => {
    const r = await run(argv, { cwd: project });
    outputs.push(`$ journey ${argv.join(' ')} → ${r.code}\n${r.stderr}`);
  };
  await said(['validate', 'maps/persona.yaml', 'maps/based.yaml', 'maps/picture.yaml', 'maps/map-link.yaml']);
  await said(['build', 'maps/plain.yaml', '-f', 'html', '--metrics', 'maps/kpi-link.csv']);
  await said(['build', 'maps/plain.yaml', '-f', 'html', '--layout', 'maps/brand-link.hbs']);
  await said(['build', 'maps/plain.yaml', '-f', 'html', '-d', 'out/deeper']);
  await said(['site', 'maps/plain.yaml', '-o', 'out/site']);
  writeFileSync(join(project, 'journey.config.yaml'), 'theme:\n  logo: maps/logo-link.png\nlayout: maps/brand-link.hbs\nmetrics: maps/kpi-link.csv\nout_dir: out/deeper\n');
  await said(['validate', 'maps/persona.yaml']);
  // Without the temporary folder's name and the time a command took, which differ between runs.
  return outputs.join('\n').replaceAll(dir, '<tmp>').replace(/\b\d+(\.\d+)? s$/gm, '<time> s');
}

describe('a link out of the project', () => {
  it('is refused with the same words whether or not its target exists (no existence oracle in a CI log)', async () => {
    const present = await references(true);
    const absent = await references(false);
    expect(absent).toBe(present);
    for (const reference of ['persona-link.yaml', 'base-link.yaml', 'face-link.png', 'logo-link.png', 'brand-link.hbs', 'kpi-link.csv', 'map-link.yaml', '(out)']) {
      expect(present, reference).toContain(reference);
    }
    expect(present).not.toMatch(/not found|no such file/);
    expect(present).not.toContain('Secret');
  }, 120_000);
});

describe('following links inside the project', () => {
  it('lets a link come back into the project by a relative or an absolute path, through the project folder’s name as given, and stops at the first step out', async () => {
    const { followInside } = await import('../src/io/files.js');
    const { project } = setup();
    const alias = join(project, '..', 'alias');
    symlinkSync('project', alias); // the project named through a link, as /tmp is on macOS
    symlinkSync(join(project, 'journeys', 'a.yaml'), join(project, 'journeys', 'absolute.yaml'));
    symlinkSync(join(alias, 'journeys', 'a.yaml'), join(project, 'journeys', 'via-alias.yaml'));
    symlinkSync('../../project/journeys/a.yaml', join(project, 'journeys', 'relative.yaml'));
    symlinkSync('../../elsewhere/important.html', join(project, 'journeys', 'out.html'));
    symlinkSync('loop', join(project, 'loop'));
    for (const root of [project, alias]) {
      expect(followInside(join(root, 'journeys', 'absolute.yaml'), root)).toEqual({ inside: true, real: join(project, 'journeys', 'a.yaml') });
      expect(followInside(join(root, 'journeys', 'relative.yaml'), root)).toEqual({ inside: true, real: join(project, 'journeys', 'a.yaml') });
      expect(followInside(join(root, 'journeys', 'out.html', 'deeper'), root)).toEqual({ inside: false, link: join(root, 'journeys', 'out.html') });
      expect(followInside(join(root, 'loop'), root)).toMatchObject({ inside: true }); // opening it says "too many levels of symbolic links"
    }
    // The project folder's own name, as the command line gave it, may be passed; another link outside may not.
    expect(followInside(join(alias, 'journeys', 'via-alias.yaml'), alias)).toEqual({ inside: true, real: join(project, 'journeys', 'a.yaml') });
    expect(followInside(join(project, 'journeys', 'via-alias.yaml'), project)).toEqual({ inside: false, link: join(project, 'journeys', 'via-alias.yaml') });
    expect(followInside(join(project, '..', 'elsewhere', 'important.html'), project)).toBeUndefined(); // named outside: the command line is trusted
  });
});
