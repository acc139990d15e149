// A map's keys are English in every language; people writing an Italian or Polish map sometimes
// write them in their own. These are the words they reach for, each with the key it stands for,
// for "did you mean" (never accepted as keys: a map reads the same in every language).
import { foldWord } from './describe.js';

/** Per language, a word (folded: lowercase, no accents, `_` between words) and the key it means. */
const KEY_WORDS: Record<'it' | 'pl', Record<string, string>> = {
  it: {
    modello: 'template', titolo: 'title', sommario: 'summary', riepilogo: 'summary', lingua: 'locale', aggiornato: 'updated', aggiornamento: 'updated',
    responsabili: 'owners', obiettivi: 'goals', ricerca: 'research', ricerche: 'research', etichette: 'tags', corsie: 'lanes', fasi: 'stages', tappe: 'stages',
    nome: 'name', emozione: 'emotion', emozioni: 'emotion', punti_critici: 'pain_points', criticita: 'pain_points', problemi: 'pain_points',
    opportunita: 'opportunities', note: 'notes', responsabile: 'owner', tecnologia: 'technology', tecnologie: 'technology', ora: 'time', orario: 'time',
    immagine: 'image', pensieri: 'thinking', pensiero: 'thinking', azioni: 'actions', punti_di_contatto: 'touchpoints', cambiamento: 'change',
    cambiamenti: 'change', motivazione: 'rationale', motivazioni: 'rationale', priorita: 'priorities', uso_del_prodotto: 'product_use',
    prove: 'evidence', evidenze: 'evidence', perche: 'why', comunicazione: 'communication', retroscena: 'backstage', dietro_le_quinte: 'backstage',
    supporto: 'support', processi_di_supporto: 'support',
  },
  pl: {
    szablon: 'template', tytul: 'title', podsumowanie: 'summary', jezyk: 'locale', wlasciciele: 'owners', cele: 'goals', badania: 'research',
    tagi: 'tags', etapy: 'stages', nazwa: 'name', emocje: 'emotion', problemy: 'pain_points', szanse: 'opportunities', notatki: 'notes',
    odpowiedzialny: 'owner', technologia: 'technology', pora: 'time', godzina: 'time', obraz: 'image', mysli: 'thinking', dzialania: 'actions',
    punkty_styku: 'touchpoints', zmiana: 'change', zmiany: 'change', uzasadnienie: 'rationale', priorytety: 'priorities', uzycie_produktu: 'product_use',
    dowody: 'evidence', dlaczego: 'why', komunikacja: 'communication', zaplecze: 'backstage', wsparcie: 'support',
  },
};

/** The key an Italian or Polish word stands for (`priorità` → `priorities`), if it is one of `known`. */
export function keyForWord(word: string, known: readonly string[]): string | undefined {
  const folded = foldWord(word);
  for (const words of Object.values(KEY_WORDS)) {
    const key = Object.hasOwn(words, folded) ? words[folded] : undefined;
    if (key && known.includes(key)) return key;
  }
  return undefined;
}
