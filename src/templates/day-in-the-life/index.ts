import { described, optionalText } from '../../core/schema.js';
import { SEED_BAND_LABELS, SEED_BANDS } from '../current-state/index.js';
import type { TemplateDefinition } from '../types.js';

export const dayInTheLife: TemplateDefinition = {
  id: 'day-in-the-life',
  // The customer's priorities, touchpoints and use of the product are the front-end; how the product
  // could serve them better is the company's to do, the back-end.
  lanes: [
    { key: 'thinking', kind: 'text', band: 'experience' },
    { key: 'priorities', kind: 'text', band: 'front-end', doing: true },
    { key: 'touchpoints', kind: 'touchpoints', band: 'front-end' },
    { key: 'product_use', kind: 'text', band: 'front-end' },
    { key: 'product_opportunity', kind: 'text', band: 'back-end' },
  ],
  ...SEED_BANDS,
  stageExtras: { time: described(optionalText, 'When in the day: "07:00" or "Early morning"') },
  labels: {
    en: {
      name: 'Day in the life',
      use: "The customer's whole day, beyond their dealings with you: find unmet needs and inspire new initiatives.",
      column: 'Moment',
      columns: 'moments of the day',
      bands: SEED_BAND_LABELS.en,
      fields: { time: 'Time' },
      lanes: {
        thinking: 'What does the customer think or feel?',
        priorities: "What are the customer's actions or top priorities?",
        touchpoints: "What are the customer's touchpoints at this time?",
        product_use: 'How does the customer interact with our product at this time?',
        product_opportunity: 'How could the customer make better use of our product at this time?',
      },
    },
    it: {
      name: 'Un giorno nella vita',
      use: "L'intera giornata del cliente, oltre ai rapporti con il marchio: trova bisogni insoddisfatti e nuove iniziative.",
      column: 'Momento',
      columns: 'momenti della giornata',
      bands: SEED_BAND_LABELS.it,
      fields: { time: 'Ora' },
      lanes: {
        thinking: 'Cosa pensa o sente il cliente?',
        priorities: 'Quali sono le azioni o le principali priorità del cliente?',
        touchpoints: 'Quali sono i touchpoint del cliente in questo momento?',
        product_use: 'Come interagisce il cliente con il nostro prodotto in questo momento?',
        product_opportunity: 'Come può il cliente utilizzare al meglio il nostro prodotto in questo momento?',
      },
    },
    pl: {
      name: 'Dzień z życia',
      use: 'Cały dzień klienta, nie tylko kontakty z marką: znajdź niezaspokojone potrzeby i inspirację do nowych inicjatyw.',
      column: 'Pora dnia',
      columns: 'pory dnia',
      bands: SEED_BAND_LABELS.pl,
      fields: { time: 'Pora' },
      lanes: {
        thinking: 'Co klient myśli lub czuje?',
        priorities: 'Jakie są działania lub najważniejsze priorytety klienta?',
        touchpoints: 'Jakie są punkty styku klienta w tym momencie?',
        product_use: 'Jak klient korzysta z naszego produktu w tym momencie?',
        product_opportunity: 'Jak klient mógłby lepiej wykorzystać nasz produkt w tym momencie?',
      },
    },
  },
  starter: `# yaml-language-server: $schema=./journey.schema.json
template: day-in-the-life
title: A day with a commuting parent
summary: One weekday of a parent who commutes by train, and where our app fits in.
updated: 2026-11-01
persona:
  name: Luca
  description: 38, two children, commutes 50 minutes each way.
stages:
  - name: Early morning
    time: "06:30"
    emotion: worried
    thinking: Will the 7:42 train be on time?
    priorities: [Get the children ready, Leave by 7:20]
    touchpoints: [Radio, Family group chat]
    product_use: Checks departures in the app
    product_opportunity: A push alert only when his train is delayed
  - name: Late morning
    time: "10:30"
    emotion: neutral
    thinking: Back-to-back meetings today.
    priorities: [Work]
    touchpoints: [Work e-mail]
    product_use: Does not use it
    product_opportunity: Buy the evening ticket in advance
  - name: Afternoon
    time: "15:00"
    priorities: [Plan pick-up of the children]
  - name: Early evening
    time: "18:00"
    emotion: frustrated
    thinking: The train is full again.
    priorities: [Get home in time for dinner]
    touchpoints:
      - { name: Station display, channel: offline }
    product_use: Looks for a seat in the app's crowding view
    product_opportunity: Suggest a less crowded later train
  - name: Night
    time: "22:00"
    emotion: positive
    priorities: [Rest]
`,
};
