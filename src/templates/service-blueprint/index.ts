import type { TemplateDefinition } from '../types.js';

// The seed's four rows, plus the standard blueprint lanes (evidence, actions, support) that
// practitioners add. Bands order the rows and place the lines of interaction, visibility and
// internal interaction between them.
export const serviceBlueprint: TemplateDefinition = {
  id: 'service-blueprint',
  lanes: [
    { key: 'evidence', kind: 'text', optional: true, band: 'customer' },
    { key: 'actions', kind: 'text', optional: true, band: 'customer', doing: true },
    { key: 'thinking', kind: 'text', band: 'customer' },
    { key: 'why', kind: 'text', band: 'customer' },
    { key: 'communication', kind: 'text', band: 'frontstage' },
    { key: 'backstage', kind: 'text', band: 'backstage' },
    { key: 'support', kind: 'text', optional: true, band: 'support' },
  ],
  bands: ['customer', 'frontstage', 'backstage', 'support'],
  defaultBand: 'customer',
  curveBand: 'customer',
  lines: [
    { key: 'interaction', between: ['customer', 'frontstage'] },
    { key: 'visibility', between: ['frontstage', 'backstage'] },
    { key: 'internalInteraction', between: ['backstage', 'support'] },
  ],
  // The standard blueprint vocabulary (Shostack; Bitner et al.), mapped to this template's lanes.
  synonyms: {
    physical_evidence: 'evidence',
    props: 'evidence',
    customer_actions: 'actions',
    frontstage: 'communication',
    frontstage_actions: 'communication',
    onstage: 'communication',
    onstage_actions: 'communication',
    contact: 'communication',
    backstage_actions: 'backstage',
    support_processes: 'support',
  },
  labels: {
    en: {
      name: 'Service blueprint',
      use: 'A condensed journey plus the people, processes and technology behind it: locate pain points backstage or design for a planned experience.',
      column: 'Phase',
      columns: 'phases',
      bands: { customer: 'Customer', frontstage: 'Frontstage', backstage: 'Backstage', support: 'Support processes' },
      lines: { interaction: 'Line of interaction', visibility: 'Line of visibility', internalInteraction: 'Line of internal interaction' },
      lanes: {
        evidence: 'What does the customer see or receive (physical evidence)?',
        actions: 'What does the customer do?',
        thinking: 'What does the customer think or feel?',
        why: 'Why does the customer feel this way?',
        communication: 'How do we communicate with the customer?',
        backstage: 'What action do we take in the background?',
        support: 'Which support processes and systems make it possible?',
      },
    },
    it: {
      name: 'Progetto di servizio',
      use: "Un percorso condensato con le persone, i processi e la tecnologia dietro le quinte: trova i punti critici o progetta un'esperienza futura.",
      column: 'Fase',
      columns: 'fasi',
      bands: { customer: 'Cliente', frontstage: 'Frontstage', backstage: 'Backstage', support: 'Processi di supporto' },
      lines: { interaction: 'Linea di interazione', visibility: 'Linea di visibilità', internalInteraction: 'Linea di interazione interna' },
      lanes: {
        evidence: 'Cosa vede o riceve il cliente (prove fisiche)?',
        actions: 'Cosa fa il cliente?',
        thinking: 'Cosa pensa o sente il cliente?',
        why: 'Perché il cliente si sente in questo modo?',
        communication: 'Come comunichiamo con il cliente?',
        backstage: 'Quale azione intraprendiamo in background?',
        support: 'Quali processi e sistemi di supporto lo rendono possibile?',
      },
    },
    pl: {
      name: 'Plan usługi (service blueprint)',
      use: 'Skrócona ścieżka klienta wraz z ludźmi, procesami i technologią za kulisami: znajdź problemy lub zaprojektuj przyszłe doświadczenie.',
      column: 'Faza',
      columns: 'fazy',
      bands: { customer: 'Klient', frontstage: 'Frontstage', backstage: 'Backstage', support: 'Procesy wspierające' },
      lines: { interaction: 'Linia interakcji', visibility: 'Linia widoczności', internalInteraction: 'Linia interakcji wewnętrznej' },
      lanes: {
        evidence: 'Co klient widzi lub otrzymuje (dowody fizyczne)?',
        actions: 'Co robi klient?',
        thinking: 'Co klient myśli lub czuje?',
        why: 'Dlaczego klient tak się czuje?',
        communication: 'Jak komunikujemy się z klientem?',
        backstage: 'Jakie działania podejmujemy w tle?',
        support: 'Jakie procesy i systemy wspierające to umożliwiają?',
      },
    },
  },
  starter: `# yaml-language-server: $schema=./journey.schema.json
template: service-blueprint
title: Reporting a broken streetlight
summary: What residents experience when they report a fault, and what happens behind it.
updated: 2026-11-01
owners: [Public works]
stages:
  - name: Notices the fault
    emotion: worried
    evidence: [Dark street]
    actions: [Looks for who to tell]
    thinking: Someone will trip here tonight.
    why: The street is unlit and the pavement is uneven.
    communication: Sticker with a QR code on the pole
    backstage: None yet
    support: [Asset register with one code per pole]
  - name: Reports it
    emotion: neutral
    actions: [Scans the code, sends the report]
    thinking: That was easy, but will anyone act?
    why: No promise of when it will be fixed.
    communication: Confirmation page with a reference number
    backstage: Report lands in the maintenance queue
    support: [Ticketing system]
    pain_points: [No expected repair date]
    opportunities: [Show the usual repair time on the confirmation]
`,
};
