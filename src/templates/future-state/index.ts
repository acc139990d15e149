import { SEED_BAND_LABELS, SEED_BANDS, STEP_LANES, STEP_QUESTIONS } from '../current-state/index.js';
import type { TemplateDefinition } from '../types.js';
import { futureStateWithoutChange } from './lint.js';

export const futureState: TemplateDefinition = {
  id: 'future-state',
  lanes: STEP_LANES,
  ...SEED_BANDS,
  lintRules: [futureStateWithoutChange],
  labels: {
    en: { name: 'Future state', use: 'The actions, thoughts and emotions you expect once a new product, service or experience is in place: a frame for planning.', column: 'Step', columns: 'steps', lanes: STEP_QUESTIONS.en, bands: SEED_BAND_LABELS.en },
    it: { name: 'Stato futuro', use: 'Azioni, pensieri ed emozioni attesi con nuovi prodotti, servizi ed esperienze: una cornice per pianificare.', column: 'Passo', columns: 'passi', lanes: STEP_QUESTIONS.it, bands: SEED_BAND_LABELS.it },
    pl: { name: 'Stan przyszły', use: 'Oczekiwane działania, myśli i emocje klienta po wprowadzeniu nowych produktów i usług: rama do planowania.', column: 'Krok', columns: 'kroki', lanes: STEP_QUESTIONS.pl, bands: SEED_BAND_LABELS.pl },
  },
  starter: `# yaml-language-server: $schema=./journey.schema.json
template: future-state
title: Renewing a parking permit (planned)
summary: How renewal will work once reminders go out by e-mail and the form shows its checklist.
updated: 2026-11-01
owners: [Service design team]
goals:
  - Renewal in under five minutes, without a call
stages:
  - name: Reminder
    emotion: positive
    thinking: Good, a link straight to the form.
    actions: [Opens the reminder e-mail]
    touchpoints:
      - { name: Reminder e-mail, channel: email }
    change: E-mail reminder with a personal link
    rationale: Residents act on the day they are reminded.
  - name: Application
    emotion: happy
    thinking: I already have everything it asks for.
    actions: [Fills in a pre-filled form]
    touchpoints: [Permit website]
    change: Checklist on the first page; last year's data pre-filled
    rationale: Removes the top reason for help-desk calls.
`,
};
