import { describe, expect, it } from 'vitest';
import { loadMap } from '../../src/core/load.js';
import { TEMPLATE_IDS, TEMPLATES } from '../../src/templates/registry.js';
import { errorsOf, mapOf } from '../helpers.js';


describe('the model', () => {
  it('normalises text-or-list values, emotion words, ids and touchpoints', () => {
    const map = mapOf(`template: current-state
title: Shoes
owners: CX team
stages:
  - name: Première visite
    emotion: worried
    actions: Searches
    touchpoints:
      - Search engine
      - { name: Running club, channel: offline }
  - name: Purchase
    id: buy
    emotion: 2
    thinking: [Will they fit?, When will they arrive?]
`);
    expect(map.owners).toEqual(['CX team']);
    expect(map.locale).toBe('en');
    expect(map.stages.map((s) => [s.id, s.emotion])).toEqual([
      ['premiere-visite', -1],
      ['buy', 2],
    ]);
    expect(map.stages[0]!.cells.actions).toEqual([{ text: 'Searches', confidence: null, source: null }]);
    expect(map.stages[0]!.cells.touchpoints).toEqual([
      { name: 'Search engine', channel: null, confidence: null, source: null },
      { name: 'Running club', channel: 'offline', confidence: null, source: null },
    ]);
    expect(map.stages[1]!.cells.thinking!.map((i) => ('text' in i ? i.text : i.name))).toEqual(['Will they fit?', 'When will they arrive?']);
    // An empty lane is an empty list, never undefined.
    expect(map.stages[1]!.cells.change).toEqual([]);
    expect(map.stages[0]!.pain_points).toEqual([]);
  });

  it('maps every emotion word to its score', () => {
    const words = ['very-negative', 'frustrated', 'negative', 'worried', 'neutral', 'positive', 'happy', 'very-positive', 'delighted'];
    const stages = words.map((w) => `  - { name: ${w}, emotion: ${w} }`).join('\n');
    const map = mapOf(`template: current-state\ntitle: T\nstages:\n${stages}\n`);
    expect(map.stages.map((s) => s.emotion)).toEqual([-2, -2, -1, -1, 0, 1, 1, 2, 2]);
  });

  it('resolves labels from the locale, with the seeds\u2019 Italian questions', () => {
    const map = mapOf('template: day-in-the-life\ntitle: T\nlocale: it\nstages: [{ name: Mattina }]\n');
    expect(map.labels.templateName).toBe('Un giorno nella vita');
    expect(map.lanes.map((l) => l.label)).toEqual([
      'Cosa pensa o sente il cliente?',
      'Quali sono le azioni o le principali priorità del cliente?',
      'Quali sono i touchpoint del cliente in questo momento?',
      'Come interagisce il cliente con il nostro prodotto in questo momento?',
      'Come può il cliente utilizzare al meglio il nostro prodotto in questo momento?',
    ]);
    expect(map.labels.ui.painPoints).toBe('Punti critici');
  });

  it('has every label in every locale', () => {
    for (const id of TEMPLATE_IDS) {
      for (const locale of ['en', 'it', 'pl'] as const) {
        const labels = TEMPLATES[id].labels[locale];
        for (const lane of TEMPLATES[id].lanes) expect(labels.lanes[lane.key], `${id} ${locale} ${lane.key}`).toMatch(/\?$/);
        expect(labels.name && labels.use && labels.column && labels.columns).toBeTruthy();
      }
    }
  });

  it('shows optional blueprint lanes only when a stage fills them', () => {
    const map = mapOf('template: service-blueprint\ntitle: T\nstages:\n  - { name: A, evidence: Router light }\n');
    expect(map.lanes.filter((l) => l.used).map((l) => l.key)).toEqual(['evidence', 'thinking', 'why', 'communication', 'backstage']);
  });

  it('accepts custom lanes declared under lanes:', () => {
    const map = mapOf(`template: current-state
title: T
lanes:
  - { key: channels_used, label: Which channels does the customer use? }
stages:
  - name: A
    channels_used: [Phone, Web]
`);
    expect(map.lanes.at(-1)).toMatchObject({ key: 'channels_used', label: 'Which channels does the customer use?', custom: true });
    expect(map.stages[0]!.cells.channels_used!.map((i) => ('text' in i ? i.text : i.name))).toEqual(['Phone', 'Web']);
  });

  it('accepts numbers as text, the day-in-the-life time, a BOM-less CRLF file and empty values', () => {
    const map = mapOf('template: day-in-the-life\r\ntitle: 2026\r\nstages:\r\n  - name: Morning\r\n    time: "07:00"\r\n    thinking:\r\n');
    expect(map.title).toBe('2026');
    expect(map.stages[0]!.fields.time).toBe('07:00');
    expect(map.stages[0]!.cells.thinking).toEqual([]);
  });

  it('builds every template starter as written', () => {
    for (const id of TEMPLATE_IDS) expect(loadMap(`${id}.yaml`, TEMPLATES[id].starter, { templates: TEMPLATES }).ok, id).toBe(true);
  });
});

describe('error reports', () => {
  it('reports every problem in source order, each at its line and column', () => {
    expect(
      errorsOf(`template: current-state
title: Shoes
stages:
  - name: Awareness
    thnking: My old shoes hurt.
    emotion: 5
  - name: Purchase
    priorities: [Pay]
    touchpoints:
      - { name: Checkout, chanel: web }
      - true
updated: 2026-13-01
`),
    ).toEqual([
      'map.yaml:5:5 error stages[0].thnking: unknown key `thnking`: did you mean `thinking`?',
      'map.yaml:6:14 error stages[0].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found the number 5',
      'map.yaml:8:5 error stages[1].priorities: unknown key `priorities`: it belongs to the `day-in-the-life` template, not to current-state (declare it under `lanes:` to add it as a custom lane)',
      'map.yaml:10:27 error stages[1].touchpoints[0].chanel: unknown key `chanel`: did you mean `channel`?',
      'map.yaml:11:9 error stages[1].touchpoints[1]: expected a touchpoint: text or { name, channel }, found true',
      'map.yaml:12:10 error updated: expected a date as YYYY-MM-DD (like 2026-11-01), found text "2026-13-01"',
    ]);
  });

  it('lists the valid templates for an unknown one, with a suggestion', () => {
    expect(errorsOf('template: current-stat\ntitle: T\nstages: [{ name: A }]\n')).toEqual([
      'map.yaml:1:11 error template: unknown template "current-stat": expected one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`; did you mean `current-state`?',
    ]);
    expect(errorsOf('title: T\nstages: [{ name: A }]\n')).toEqual([
      'map.yaml:1:1 error template: missing required key `template`: expected one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`',
    ]);
  });

  it('points a missing required key at the object that lacks it', () => {
    expect(
      errorsOf(`template: future-state
stages:
  - emotion: 1
persona:
  description: A runner
`),
    ).toEqual([
      'map.yaml:1:1 error title: missing required key `title`: expected text',
      'map.yaml:3:5 error stages[0].name: missing required key `name`: expected text',
      'map.yaml:5:3 error persona.name: missing required key `name`: expected text',
    ]);
  });

  it('says what a value should be and what it is', () => {
    expect(
      errorsOf(`template: service-blueprint
title: ""
locale: de
owners: { team: CX }
stages:
  - name: A
    id: Not A Slug
    why: [ok, [nested]]
`),
    ).toEqual([
      'map.yaml:2:8 error title: expected text, found empty text',
      'map.yaml:3:9 error locale: expected a locale: `en`, `it` or `pl`, found text "de"',
      'map.yaml:4:9 error owners: expected text or a list of text, found a mapping (key: value pairs)',
      'map.yaml:7:9 error stages[0].id: expected an id of lowercase letters, digits and dashes (like `first-visit`), found text "Not A Slug"',
      'map.yaml:8:15 error stages[0].why[1]: expected text, found a list',
    ]);
  });

  it('lists the keys a stage accepts when an unknown key is not close to any', () => {
    expect(errorsOf('template: day-in-the-life\ntitle: T\nstages:\n  - name: A\n    zzz: 1\n')).toEqual([
      'map.yaml:5:5 error stages[0].zzz: unknown key `zzz`: expected one of `name`, `id`, `emotion`, `pain_points`, `opportunities`, `kpis`, `owner`, `technology`, `notes`, `time`, `thinking`, `priorities`, `touchpoints`, `product_use`, `product_opportunity`, `milestone`, `image`, `image_alt`, `branches` or `rejoin`',
    ]);
  });

  it('rejects an empty stage list, duplicate ids and clashing custom lanes', () => {
    expect(errorsOf('template: current-state\ntitle: T\nstages: []\n')).toEqual([
      'map.yaml:3:9 error stages: expected at least one stage, found an empty list',
    ]);
    expect(errorsOf('template: current-state\ntitle: T\nstages:\n  - name: Pay\n  - name: pay\n  - { name: X, id: pay }\n')).toEqual([
      'map.yaml:5:11 error stages[1].name: stages 1 and 2 are named "Pay" and "pay", which give the same id `pay`: rename one or give each an `id`',
      'map.yaml:6:20 error stages[2].id: two stages have the id `pay` (stages 1 and 3; stage 1 takes it from its name): expected a unique `id` for each stage',
    ]);
    expect(errorsOf('template: current-state\ntitle: T\nlanes: [{ key: thinking, label: X }]\nstages: [{ name: A }]\n')).toEqual([
      'map.yaml:3:16 error lanes[0].key: `thinking` is already a key of current-state stages: expected a new key for a custom lane',
    ]);
  });

  it('reports YAML syntax errors in the same form, at the right line', () => {
    expect(errorsOf('template: current-state\ntitle: T\nstages:\n  - name: A\n   thinking: x\n')).toEqual([
      'map.yaml:5:4 error yaml: wrong indentation: `thinking` starts at column 4, but `name` on line 4 starts at column 5: keys of one mapping line up at the same column',
    ]);
    expect(errorsOf('template: current-state\ntitle: T\ntitle: U\nstages: [{ name: A }]\n')).toEqual([
      'map.yaml:3:1 error yaml: duplicate key `title`: it is already set on line 2; keep one of the two',
    ]);
  });

  it('rejects a file that is not a mapping', () => {
    expect(errorsOf('')).toEqual(['map.yaml:1:1 error (root): expected a journey map: a mapping with `template`, `title` and `stages`, found an empty file']);
    expect(errorsOf('- a\n- b\n')).toEqual(['map.yaml:1:1 error (root): expected a journey map: a mapping with `template`, `title` and `stages`, found a list']);
  });
});

describe('every problem is reported', () => {
  it('checks the rest of a map whose template is unknown against the keys every template shares', () => {
    expect(
      errorsOf(`template: customer-journey
title: T
locale: de
stages:
  - name: A
    emotion: 7
    thinking: Any lane is accepted, since lanes depend on the template
  - name: A
`),
    ).toEqual([
      'map.yaml:1:11 error template: unknown template "customer-journey": expected one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`',
      'map.yaml:3:9 error locale: expected a locale: `en`, `it` or `pl`, found text "de"',
      'map.yaml:6:14 error stages[0].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found the number 7',
      'map.yaml:8:11 error stages[1].name: two stages are named "A" (stages 1 and 2): rename one or give each an `id`',
    ]);
    expect(errorsOf('title: T\nlocale: EN\nstages: [{ name: A }]\n')).toEqual([
      'map.yaml:1:1 error template: missing required key `template`: expected one of `current-state`, `future-state`, `day-in-the-life` or `service-blueprint`',
      'map.yaml:2:9 error locale: expected a locale: `en`, `it` or `pl`, found text "EN"; did you mean `en`?',
    ]);
  });

  it('reports a duplicate stage also when one of the two has another problem, numbered as the document shows', () => {
    expect(
      errorsOf(`template: current-state
title: T
stages:
  - name: Ordine
  - name: Pagamento
  - name: Attesa
  - name: Reparto
    emotion: 9
  - name: Consegna
  - name: Reparto
`),
    ).toEqual([
      'map.yaml:8:14 error stages[3].emotion: expected an emotion: a whole number from -2 to 2 or one of `very-negative`, `frustrated`, `negative`, `worried`, `neutral`, `positive`, `happy`, `very-positive` or `delighted`, found the number 9',
      'map.yaml:10:11 error stages[5].name: two stages are named "Reparto" (stages 4 and 6): rename one or give each an `id`',
    ]);
  });

  it('suggests the value meant when only case or form differs', () => {
    const emotion = (value: string) => errorsOf(`template: current-state\ntitle: T\nstages:\n  - name: A\n    emotion: ${value}\n`)[0]!.split(', found ')[1];
    expect(emotion('Happy')).toBe('text "Happy"; did you mean `happy`?');
    expect(emotion('"+1"')).toBe('text "+1"; did you mean `1`?');
    expect(emotion('Very Negative')).toBe('text "Very Negative"; did you mean `very-negative`?');
    expect(emotion('"−2"')).toBe('text "−2"; did you mean `-2`?');
    // A feeling the format has no word for gets its score's word; a word that is no feeling gets nothing.
    expect(emotion('ecstatic')).toBe('text "ecstatic"; did you mean `delighted`?');
    expect(emotion('purple')).toBe('text "purple"');
  });

  it('quotes a key that is not a plain word in the dotted path', () => {
    expect(errorsOf('" ": 1\ntemplate: current-state\ntitle: T\nstages: [{ name: A, "my lane": x }]\n')).toEqual([
      'map.yaml:1:1 error [" "]: unknown key ` `: expected one of `template`, `title`, `summary`, `locale`, `updated`, `owners`, `goals`, `research`, `persona`, `personas`, `based_on`, `tags`, `lanes` or `stages`',
      'map.yaml:4:21 error stages[0]["my lane"]: unknown key `my lane`: expected one of `name`, `id`, `emotion`, `pain_points`, `opportunities`, `kpis`, `owner`, `technology`, `notes`, `thinking`, `actions`, `touchpoints`, `change`, `rationale`, `milestone`, `image`, `image_alt`, `branches` or `rejoin`',
    ]);
  });

  it('suggests the blueprint lane a standard blueprint word stands for', () => {
    expect(errorsOf('template: service-blueprint\ntitle: T\nstages:\n  - name: A\n    frontstage: Web form\n    physical_evidence: [Letter]\n')).toEqual([
      'map.yaml:5:5 error stages[0].frontstage: unknown key `frontstage`: did you mean `communication`?',
      'map.yaml:6:5 error stages[0].physical_evidence: unknown key `physical_evidence`: did you mean `evidence`?',
    ]);
  });
});
