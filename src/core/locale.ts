// Built-in labels of every document, per locale. Template-specific labels (lane questions,
// template names) live with each template in src/templates/<id>/.
export const LOCALES = ['en', 'it', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
/** Each locale's language, in English, for messages (`felice` is Italian). */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', it: 'Italian', pl: 'Polish' };

/** The words of `journey templates` around the templates' own labels. */
export const LISTING: Record<Locale, { columns: string; lanes: string; optional: string; bands: string; defaultBand: string }> = {
  en: { columns: 'columns', lanes: 'lanes', optional: 'optional', bands: 'bands', defaultBand: 'custom lanes without `band:`' },
  it: { columns: 'colonne', lanes: 'corsie', optional: 'facoltativa', bands: 'fasce', defaultBand: 'corsie personalizzate senza `band:`' },
  pl: { columns: 'kolumny', lanes: 'wiersze', optional: 'opcjonalny', bands: 'pasma', defaultBand: 'własne wiersze bez `band:`' },
};

/** The words of `journey diff` (text, Markdown and HTML), in the later map's locale. */
export interface DiffLabels {
  title: string;
  changes: string;
  change: string;
  trend: Record<'better' | 'worse' | 'same' | 'unscored', string>;
  added: string;
  removed: string;
  moved: (from: number, to: number) => string;
  renamed: (name: string) => string;
  emotion: string;
  stillOpen: string;
  /** For the Notes column, which is never empty: what changed in a stage, or that nothing did. */
  lanesChanged: (n: number) => string;
  unchanged: string;
  painPointsOpen: (n: number) => string;
  summary: (c: { compared: number; better: number; worse: number; same: number; added: number; removed: number; moved: number; open: number }) => string;
  /** `--fail-on-regression`: the stages that feel worse, already quoted. */
  regression: (stages: string) => string;
}

// Italian and Polish put the number after a label ("aggiunte: 2") where agreement with it would
// need every plural form of every word.
export const DIFF: Record<Locale, DiffLabels> = {
  en: {
    title: 'Journey changes',
    changes: 'Changes',
    change: 'Change',
    trend: { better: 'better', worse: 'worse', same: 'same', unscored: 'not scored' },
    added: 'added',
    removed: 'removed',
    moved: (from, to) => `moved from position ${from} to ${to}`,
    renamed: (name) => `renamed from "${name}"`,
    emotion: 'emotion',
    stillOpen: 'still a pain point',
    lanesChanged: (n) => `${n} lane${n === 1 ? '' : 's'} changed`,
    unchanged: 'no lane changed',
    painPointsOpen: (n) => `${n} pain point${n === 1 ? '' : 's'} still open`,
    summary: (c) =>
      `${c.compared} stages compared: ${c.better} better, ${c.worse} worse, ${c.same} the same; ${c.added} added, ${c.removed} removed, ${c.moved} moved; ${c.open} pain point${c.open === 1 ? '' : 's'} still open`,
    regression: (stages) => `the experience gets worse at ${stages}`,
  },
  it: {
    title: 'Modifiche al percorso',
    changes: 'Modifiche',
    change: 'Variazione',
    trend: { better: 'meglio', worse: 'peggio', same: 'invariata', unscored: 'senza punteggio' },
    added: 'aggiunta',
    removed: 'rimossa',
    moved: (from, to) => `spostata dalla posizione ${from} alla ${to}`,
    renamed: (name) => `prima si chiamava "${name}"`,
    emotion: 'emozione',
    stillOpen: 'ancora un punto critico',
    lanesChanged: (n) => (n === 1 ? '1 corsia cambiata' : `${n} corsie cambiate`),
    unchanged: 'nessuna corsia cambiata',
    painPointsOpen: (n) => (n === 1 ? '1 punto critico ancora aperto' : `${n} punti critici ancora aperti`),
    summary: (c) =>
      `fasi confrontate: ${c.compared} (meglio: ${c.better}, peggio: ${c.worse}, invariate: ${c.same}); aggiunte: ${c.added}, rimosse: ${c.removed}, spostate: ${c.moved}; punti critici ancora aperti: ${c.open}`,
    regression: (stages) => `l'esperienza peggiora in ${stages}`,
  },
  pl: {
    title: 'Zmiany w ścieżce klienta',
    changes: 'Zmiany',
    change: 'Zmiana',
    trend: { better: 'lepiej', worse: 'gorzej', same: 'bez zmian', unscored: 'bez oceny' },
    added: 'dodany',
    removed: 'usunięty',
    moved: (from, to) => `przeniesiony z pozycji ${from} na ${to}`,
    renamed: (name) => `dawniej "${name}"`,
    emotion: 'emocje',
    stillOpen: 'nadal problem',
    lanesChanged: (n) => `zmienione wiersze: ${n}`,
    unchanged: 'wiersze bez zmian',
    painPointsOpen: (n) => `nadal otwarte problemy: ${n}`,
    summary: (c) =>
      `porównane etapy: ${c.compared} (lepiej: ${c.better}, gorzej: ${c.worse}, bez zmian: ${c.same}); dodane: ${c.added}, usunięte: ${c.removed}, przeniesione: ${c.moved}; nadal otwarte problemy: ${c.open}`,
    regression: (stages) => `doświadczenie pogarsza się na etapach: ${stages}`,
  },
};

export const MOTIVES = ['fomo', 'need', 'quality-of-life', 'impulse', 'prestige', 'finance', 'time', 'risk-management'] as const;

export interface UiLabels {
  template: string;
  updated: string;
  owners: string;
  goals: string;
  research: string;
  persona: string;
  personaGoals: string;
  motives: string;
  frustrations: string;
  demographics: string;
  journey: string;
  stage: string;
  emotion: string;
  emotionCurve: string;
  noScore: string;
  painPoints: string;
  opportunities: string;
  kpis: string;
  owner: string;
  technology: string;
  notes: string;
  /**
   * The common bands: back-end (KPIs, owner, technology) where the template has none of its own (a
   * blueprint), and insights (pain points and opportunities); a template's own bands are in its labels.
   */
  bands: { backEnd: string; insights: string };
  emotions: Record<'-2' | '-1' | '0' | '1' | '2', string>;
  motiveNames: Record<(typeof MOTIVES)[number], string>;
  /** `{page}` and `{pages}` are replaced, for the PDF footer and the page label of a poster on several pages. */
  pageOf: string;
  /** A KPI's live value: its target, whether it is met, and the data's date (`{date}` is replaced). */
  metric: { target: string; met: string; notMet: string; noData: string; asOf: string };
  /** Several personas on one map. */
  personas: string;
  /** A milestone's mark when it has no text of its own. */
  milestone: string;
  /** A stage's picture. */
  image: string;
  /** The paths of a fork, and where they meet again (`{stage}` is replaced). */
  paths: string;
  rejoin: string;
  /** The emotion curve's legend of a map that forks: the main path's line, and the title over the paths' lines. */
  mainPath: string;
  pathsTitle: string;
  /** How sure the map is of an item, and the list of the items' sources. */
  confidence: { observed: string; reported: string; assumed: string };
  sources: string;
  /** One source, as a screen reader announces an item's reference to it ("Source 2"). */
  source: string;
  /** The legend of the assumption mark. */
  assumedNote: string;
}

export const UI: Record<Locale, UiLabels> = {
  en: {
    template: 'Template',
    updated: 'Last reviewed',
    owners: 'Owners',
    goals: 'Goals of this map',
    research: 'Research',
    persona: 'Persona',
    personaGoals: 'Goals',
    motives: 'Buying motives',
    frustrations: 'Frustrations',
    demographics: 'Demographics',
    journey: 'The journey',
    stage: 'Stage',
    emotion: 'Emotion',
    emotionCurve: 'Emotion curve',
    noScore: 'no score',
    painPoints: 'Pain points',
    opportunities: 'Opportunities',
    kpis: 'KPIs',
    owner: 'Owner',
    technology: 'Technology',
    notes: 'Notes',
    bands: { backEnd: 'Back-end', insights: 'Insights' },
    emotions: { '-2': 'very negative', '-1': 'negative', '0': 'neutral', '1': 'positive', '2': 'very positive' },
    motiveNames: {
      fomo: 'Fear of missing out',
      need: 'Need',
      'quality-of-life': 'Quality of life',
      impulse: 'Impulse',
      prestige: 'Prestige',
      finance: 'Finance',
      time: 'Time',
      'risk-management': 'Risk management',
    },
    pageOf: 'Page {page} of {pages}',
    metric: { target: 'target', met: 'met', notMet: 'not met', noData: 'no data', asOf: 'as of {date}' },
    personas: 'Personas',
    milestone: 'Moment of truth',
    image: 'Image',
    paths: 'Paths from',
    rejoin: 'The paths meet again at {stage}.',
    mainPath: 'Main path',
    pathsTitle: 'Paths',
    confidence: { observed: 'observed', reported: 'reported', assumed: 'assumed' },
    sources: 'Sources',
    source: 'Source',
    assumedNote: 'an assumption, not yet backed by research',
  },
  it: {
    template: 'Modello',
    updated: 'Ultima revisione',
    owners: 'Responsabili',
    goals: 'Obiettivi della mappa',
    research: 'Ricerca',
    persona: 'Persona',
    personaGoals: 'Obiettivi',
    motives: "Motivazioni d'acquisto",
    frustrations: 'Frustrazioni',
    demographics: 'Dati demografici',
    journey: 'Il percorso',
    stage: 'Fase',
    emotion: 'Emozione',
    emotionCurve: 'Curva delle emozioni',
    noScore: 'nessun punteggio',
    painPoints: 'Punti critici',
    opportunities: 'Opportunità',
    kpis: 'KPI',
    owner: 'Responsabile',
    technology: 'Tecnologia',
    notes: 'Note',
    bands: { backEnd: 'Back-end', insights: 'Insight' },
    emotions: { '-2': 'molto negativa', '-1': 'negativa', '0': 'neutra', '1': 'positiva', '2': 'molto positiva' },
    motiveNames: {
      fomo: 'Paura di perdersi qualcosa (FOMO)',
      need: 'Bisogno',
      'quality-of-life': 'Qualità della vita',
      impulse: 'Impulso',
      prestige: 'Prestigio',
      finance: 'Finanze',
      time: 'Tempo',
      'risk-management': 'Gestione del rischio',
    },
    pageOf: 'Pagina {page} di {pages}',
    metric: { target: 'obiettivo', met: 'raggiunto', notMet: 'non raggiunto', noData: 'nessun dato', asOf: 'al {date}' },
    personas: 'Personas',
    milestone: 'Momento della verità',
    image: 'Immagine',
    paths: 'Percorsi da',
    rejoin: 'I percorsi si ricongiungono in {stage}.',
    mainPath: 'Percorso principale',
    pathsTitle: 'Percorsi',
    confidence: { observed: 'osservato', reported: 'riferito', assumed: 'ipotesi' },
    sources: 'Fonti',
    source: 'Fonte',
    assumedNote: 'un’ipotesi, non ancora confermata dalla ricerca',
  },
  pl: {
    template: 'Szablon',
    updated: 'Ostatni przegląd',
    owners: 'Właściciele',
    goals: 'Cele mapy',
    research: 'Badania',
    persona: 'Persona',
    personaGoals: 'Cele',
    motives: 'Motywy zakupowe',
    frustrations: 'Frustracje',
    demographics: 'Dane demograficzne',
    journey: 'Ścieżka klienta',
    stage: 'Etap',
    emotion: 'Emocje',
    emotionCurve: 'Krzywa emocji',
    noScore: 'brak oceny',
    painPoints: 'Problemy',
    opportunities: 'Szanse',
    kpis: 'KPI',
    owner: 'Odpowiedzialny',
    technology: 'Technologia',
    notes: 'Notatki',
    bands: { backEnd: 'Back-end', insights: 'Wnioski' },
    emotions: { '-2': 'bardzo negatywne', '-1': 'negatywne', '0': 'neutralne', '1': 'pozytywne', '2': 'bardzo pozytywne' },
    motiveNames: {
      fomo: 'Strach przed pominięciem (FOMO)',
      need: 'Potrzeba',
      'quality-of-life': 'Jakość życia',
      impulse: 'Impuls',
      prestige: 'Prestiż',
      finance: 'Finanse',
      time: 'Czas',
      'risk-management': 'Zarządzanie ryzykiem',
    },
    pageOf: 'Strona {page} z {pages}',
    metric: { target: 'cel', met: 'osiągnięty', notMet: 'nieosiągnięty', noData: 'brak danych', asOf: 'stan na {date}' },
    personas: 'Persony',
    milestone: 'Moment prawdy',
    image: 'Obraz',
    paths: 'Ścieżki od',
    rejoin: 'Ścieżki łączą się ponownie na etapie {stage}.',
    mainPath: 'Ścieżka główna',
    pathsTitle: 'Ścieżki',
    confidence: { observed: 'zaobserwowane', reported: 'zgłoszone', assumed: 'założenie' },
    sources: 'Źródła',
    source: 'Źródło',
    assumedNote: 'założenie, jeszcze niepotwierdzone badaniami',
  },
};
