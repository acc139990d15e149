import type { LaneDefinition, TemplateDefinition } from '../types.js';

/** Shared with the future-state template, which has the same columns and rows (domain.md). */
// Bands (seed 002): the customer's experience (with the emotion curve), the front-end (what the
// customer does and where they meet the company) and the back-end (what the company does about it).
export const STEP_LANES: readonly LaneDefinition[] = [
  { key: 'thinking', kind: 'text', band: 'experience' },
  { key: 'actions', kind: 'text', band: 'front-end', doing: true },
  { key: 'touchpoints', kind: 'touchpoints', band: 'front-end' },
  { key: 'change', kind: 'text', band: 'back-end' },
  { key: 'rationale', kind: 'text', band: 'back-end' },
];

/** The three bands of seed 002, in the order the lanes come; custom lanes go in the front-end unless they say otherwise. */
export const SEED_BANDS = { bands: ['experience', 'front-end', 'back-end'], defaultBand: 'front-end', curveBand: 'experience' } as const;

/** The bands' names in each locale (seed 002 uses Front-end, Customer experience and Back-end in Italian too). */
export const SEED_BAND_LABELS = {
  en: { experience: 'Customer experience', 'front-end': 'Front-end', 'back-end': 'Back-end' },
  it: { experience: 'Esperienza del cliente', 'front-end': 'Front-end', 'back-end': 'Back-end' },
  pl: { experience: 'Doświadczenie klienta', 'front-end': 'Front-end', 'back-end': 'Back-end' },
};

export const STEP_QUESTIONS = {
  en: {
    thinking: 'What does the customer think or feel?',
    actions: "What is the customer's action?",
    touchpoints: "What is the customer's touchpoint with the company?",
    change: 'What do we want to change at this step?',
    rationale: 'How and/or why will we make this change?',
  },
  it: {
    thinking: 'Cosa pensa o sente il cliente?',
    actions: "Qual è l'azione del cliente?",
    touchpoints: "Qual è il punto di contatto del cliente con l'azienda?",
    change: 'Cosa vogliamo cambiare in questo passaggio?',
    rationale: 'Come e/o perché apporteremo questo cambiamento?',
  },
  pl: {
    thinking: 'Co klient myśli lub czuje?',
    actions: 'Jakie działanie podejmuje klient?',
    touchpoints: 'Jaki jest punkt styku klienta z firmą?',
    change: 'Co chcemy zmienić na tym etapie?',
    rationale: 'Jak i/lub dlaczego wprowadzimy tę zmianę?',
  },
};

export const currentState: TemplateDefinition = {
  id: 'current-state',
  lanes: STEP_LANES,
  ...SEED_BANDS,
  labels: {
    en: { name: 'Current state', use: "Today's actions, thoughts and emotions, step by step: find pain points and drive incremental change.", column: 'Step', columns: 'steps', lanes: STEP_QUESTIONS.en, bands: SEED_BAND_LABELS.en },
    it: { name: 'Stato attuale', use: 'Azioni, pensieri ed emozioni del cliente oggi, passo per passo: trova i punti critici e guida il cambiamento.', column: 'Passo', columns: 'passi', lanes: STEP_QUESTIONS.it, bands: SEED_BAND_LABELS.it },
    pl: { name: 'Stan obecny', use: 'Dzisiejsze działania, myśli i emocje klienta krok po kroku: znajdź problemy i wprowadzaj zmiany.', column: 'Krok', columns: 'kroki', lanes: STEP_QUESTIONS.pl, bands: SEED_BAND_LABELS.pl },
  },
  starter: `# yaml-language-server: $schema=./journey.schema.json
template: current-state
title: Renewing a parking permit
summary: How residents renew their yearly parking permit today.
updated: 2026-11-01
owners: [Service design team]
goals: [Halve the calls to the help desk during renewal month]
persona:
  name: Marta
  description: 52, drives to work, renews once a year.
  goals: [Renew before the old permit expires]
  frustrations: [Forgets which documents are needed]
stages:
  - name: Reminder
    emotion: neutral
    thinking: Is it that time of year again?
    actions: [Reads the reminder letter]
    touchpoints:
      - { name: Reminder letter, channel: post }
    change: Send the reminder by e-mail too
    rationale: Letters arrive late; most residents read e-mail daily.
  - name: Application
    emotion: frustrated
    thinking: Which documents do they want this time?
    actions: [Fills in the online form, Uploads documents]
    touchpoints: [Permit website]
    change: Put the checklist on the first page of the form
    rationale: Half of all help-desk calls ask about documents.
    pain_points: [The document list is hidden in a PDF]
    opportunities: [Show the document list on the form itself]
`,
};
