// Built-in labels of every document, per locale. Template-specific labels (lane questions,
// template names) live with each template in src/templates/<id>/.
export const LOCALES = ['en', 'it', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];

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
  /** The common back-end band (KPIs, owner, technology); a template's own bands are in its labels. */
  bands: { backEnd: string };
  emotions: Record<'-2' | '-1' | '0' | '1' | '2', string>;
  motiveNames: Record<(typeof MOTIVES)[number], string>;
  /** `{page}` and `{pages}` are replaced, for the PDF footer and the page label of a poster on several pages. */
  pageOf: string;
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
    bands: { backEnd: 'Back-end' },
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
    bands: { backEnd: 'Back-end' },
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
    bands: { backEnd: 'Back-end' },
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
  },
};
