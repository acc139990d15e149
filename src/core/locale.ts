// Built-in labels of every document, per locale. Template-specific labels (lane questions,
// template names) live with each template in src/templates/<id>/.
export const LOCALES = ['en', 'it', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];

/** The words of `journey templates` around the templates' own labels. */
export const LISTING: Record<Locale, { columns: string; lanes: string; optional: string }> = {
  en: { columns: 'columns', lanes: 'lanes', optional: 'optional' },
  it: { columns: 'colonne', lanes: 'corsie', optional: 'facoltativa' },
  pl: { columns: 'kolumny', lanes: 'wiersze', optional: 'opcjonalny' },
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
  time: string;
  emotion: string;
  emotionCurve: string;
  noScore: string;
  painPoints: string;
  opportunities: string;
  kpis: string;
  owner: string;
  technology: string;
  notes: string;
  bands: { frontEnd: string; experience: string; backEnd: string; customer: string; frontstage: string; backstage: string; support: string };
  lines: { interaction: string; visibility: string; internalInteraction: string };
  emotions: Record<'-2' | '-1' | '0' | '1' | '2', string>;
  motiveNames: Record<(typeof MOTIVES)[number], string>;
  /** `{page}` and `{pages}` are replaced, for the PDF footer. */
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
    time: 'Time',
    emotion: 'Emotion',
    emotionCurve: 'Emotion curve',
    noScore: 'no score',
    painPoints: 'Pain points',
    opportunities: 'Opportunities',
    kpis: 'KPIs',
    owner: 'Owner',
    technology: 'Technology',
    notes: 'Notes',
    bands: {
      frontEnd: 'Front-end',
      experience: 'Customer experience',
      backEnd: 'Back-end',
      customer: 'Customer',
      frontstage: 'Frontstage',
      backstage: 'Backstage',
      support: 'Support processes',
    },
    lines: { interaction: 'Line of interaction', visibility: 'Line of visibility', internalInteraction: 'Line of internal interaction' },
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
    time: 'Ora',
    emotion: 'Emozione',
    emotionCurve: 'Curva delle emozioni',
    noScore: 'nessun punteggio',
    painPoints: 'Punti critici',
    opportunities: 'Opportunità',
    kpis: 'KPI',
    owner: 'Responsabile',
    technology: 'Tecnologia',
    notes: 'Note',
    bands: {
      frontEnd: 'Front-end',
      experience: 'Esperienza del cliente',
      backEnd: 'Back-end',
      customer: 'Cliente',
      frontstage: 'Frontstage',
      backstage: 'Backstage',
      support: 'Processi di supporto',
    },
    lines: { interaction: 'Linea di interazione', visibility: 'Linea di visibilità', internalInteraction: 'Linea di interazione interna' },
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
    time: 'Pora',
    emotion: 'Emocje',
    emotionCurve: 'Krzywa emocji',
    noScore: 'brak oceny',
    painPoints: 'Problemy',
    opportunities: 'Szanse',
    kpis: 'KPI',
    owner: 'Odpowiedzialny',
    technology: 'Technologia',
    notes: 'Notatki',
    bands: {
      frontEnd: 'Front-end',
      experience: 'Doświadczenie klienta',
      backEnd: 'Back-end',
      customer: 'Klient',
      frontstage: 'Frontstage',
      backstage: 'Backstage',
      support: 'Procesy wspierające',
    },
    lines: { interaction: 'Linia interakcji', visibility: 'Linia widoczności', internalInteraction: 'Linia interakcji wewnętrznej' },
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
