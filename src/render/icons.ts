// The documents' icons: 24-px line drawings, stroked in the text's colour, defined once per document as
// inline SVG symbols (render/symbols.ts: no font, no emoji, no request), so every platform and every
// printer shows the same. They are decorative: the
// text beside them says the same thing (`aria-hidden`).
import { foldWord } from '../core/describe.js';
import type { Locale } from '../core/locale.js';

/** Each icon's drawing inside a 24 × 24 box: a few path commands, stroked 2 px wide, round ends. */
export const ICON_DRAWINGS: Record<string, string> = {
  // Channels
  web: '<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c-3 3.5-3 14.5 0 18M12 3c3 3.5 3 14.5 0 18"/>',
  app: '<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M11 18h2"/>',
  email: '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 6.5 8.5 6.5 8.5-6.5"/>',
  phone: '<path d="M5 3.5h3.5l2 5-2.5 1.6a11 11 0 0 0 5.9 5.9l1.6-2.5 5 2V19a2 2 0 0 1-2 2A17 17 0 0 1 3 5.5a2 2 0 0 1 2-2z"/>',
  store: '<path d="M4 10v10h16V10M2.5 10 5 4h14l2.5 6zM10 20v-5h4v5"/>',
  social: '<circle cx="6" cy="12" r="2.5"/><circle cx="18" cy="6" r="2.5"/><circle cx="18" cy="18" r="2.5"/><path d="m8.3 10.8 7.4-3.6M8.3 13.2l7.4 3.6"/>',
  chat: '<path d="M3 4h12v9H8l-5 3.5zM18 8h3v12l-4-3h-7v-1"/>',
  offline: '<circle cx="12" cy="7" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
  sms: '<path d="M4 4h16v12H9l-5 4zM8 8.5h8M8 12h5"/>',
  video: '<rect x="2" y="6" width="14" height="12" rx="2"/><path d="m16 10.5 6-3.5v10l-6-3.5"/>',
  post: '<path d="M3 20v-9a4 4 0 0 1 8 0v9h10v-9a4 4 0 0 0-4-4H7M15 11V3h4v3h-4M3 20h8"/>',
  kiosk: '<rect x="5" y="2.5" width="14" height="11" rx="1.5"/><path d="M9 13.5V21h6v-7.5M4 21h16"/>',
  partner: '<circle cx="8" cy="8" r="3"/><circle cx="16" cy="8" r="3"/><path d="M2 20a6 6 0 0 1 12 0M10 20a6 6 0 0 1 12 0"/>',
  // Rows
  pain: '<path d="M12 3 2 20.5h20zM12 9.5v5M12 17.5v.01"/>',
  opportunity: '<path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.8.8 1 1.6 1 2.5h6c0-.9.2-1.7 1-2.5A6 6 0 0 0 12 3z"/>',
  // Marks: a milestone (a moment of truth), and how sure the map is of an item
  milestone: '<path d="m12 2.8 2.8 5.8 6.4.9-4.6 4.5 1.1 6.3L12 17.3l-5.7 3 1.1-6.3-4.6-4.5 6.4-.9z"/>',
  observed: '<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>',
  reported: '<path d="M4 4.5h16v11H10l-5 4v-4H4z"/><path d="M8.5 9h7M8.5 12h4"/>',
  assumed: '<circle cx="12" cy="12" r="9.5"/><path d="M9.2 9.3a2.9 2.9 0 0 1 5.6.9c0 1.9-2.8 2.4-2.8 4M12 17.3v.01"/>',
};

type ChannelIcon = 'web' | 'app' | 'email' | 'phone' | 'store' | 'social' | 'chat' | 'offline' | 'sms' | 'video' | 'post' | 'kiosk' | 'partner';

/**
 * The words a map may write for each channel, per language (lowercase, spaces and underscores as
 * dashes). Every language's words give their icon in every map: a channel is free text, and an
 * Italian word in an English map still names that channel.
 */
export const CHANNEL_WORDS: Record<Locale, Record<ChannelIcon, readonly string[]>> = {
  en: {
    web: ['web', 'website', 'web-site', 'site', 'online', 'internet', 'browser', 'webshop', 'web-shop', 'online-shop', 'e-commerce', 'ecommerce', 'search', 'www'],
    app: ['app', 'apps', 'mobile', 'mobile-app', 'application', 'ios', 'android', 'smartphone'],
    email: ['email', 'e-mail', 'emails', 'newsletter'],
    phone: ['phone', 'telephone', 'call', 'calls', 'call-centre', 'call-center', 'callcenter', 'contact-centre', 'contact-center', 'hotline', 'ivr', 'voice'],
    store: ['store', 'shop', 'in-store', 'instore', 'retail', 'branch', 'showroom', 'boutique', 'outlet'],
    social: ['social', 'social-media', 'socials', 'facebook', 'instagram', 'twitter', 'linkedin', 'tiktok', 'youtube'],
    chat: ['chat', 'live-chat', 'livechat', 'chatbot', 'messenger', 'whatsapp', 'messaging'],
    offline: ['offline', 'in-person', 'face-to-face', 'person', 'event', 'events', 'word-of-mouth'],
    sms: ['sms', 'text', 'text-message', 'texts', 'mms'],
    video: ['video', 'video-call', 'videocall', 'webinar', 'zoom'],
    post: ['post', 'mail', 'letter', 'postal', 'postal-mail', 'direct-mail', 'snail-mail'],
    kiosk: ['kiosk', 'atm', 'terminal', 'self-service', 'ticket-machine', 'vending'],
    partner: ['partner', 'partners', 'reseller', 'third-party', 'dealer', 'broker'],
  },
  it: {
    web: ['sito', 'sito-web', 'sito-internet', 'pagina-web', 'negozio-online', 'ricerca', 'motore-di-ricerca'],
    app: ['applicazione', 'app-mobile'],
    email: ['posta-elettronica'],
    phone: ['telefono', 'telefonata', 'chiamata', 'numero-verde', 'centralino', 'assistenza-telefonica'],
    store: ['negozio', 'punto-vendita', 'filiale', 'sportello', 'agenzia'],
    social: ['social-network', 'rete-sociale'],
    chat: ['chat-dal-vivo', 'messaggistica', 'assistente-virtuale'],
    offline: ['di-persona', 'dal-vivo', 'evento', 'eventi', 'incontro', 'passaparola'],
    sms: ['messaggio', 'messaggio-di-testo'],
    video: ['videochiamata', 'video-chiamata', 'videoconferenza'],
    post: ['posta', 'lettera', 'raccomandata', 'posta-cartacea'],
    kiosk: ['chiosco', 'totem', 'bancomat', 'biglietteria-automatica', 'distributore'],
    partner: ['rivenditore', 'rivenditori', 'concessionario', 'intermediario', 'terze-parti'],
  },
  pl: {
    web: ['strona', 'strona-internetowa', 'strona-www', 'sklep-internetowy', 'witryna', 'przeglądarka', 'wyszukiwarka'],
    app: ['aplikacja', 'aplikacja-mobilna'],
    email: ['poczta-elektroniczna', 'mejl'],
    phone: ['telefon', 'rozmowa-telefoniczna', 'infolinia', 'połączenie', 'telefonicznie'],
    store: ['sklep', 'sklep-stacjonarny', 'salon', 'oddział', 'placówka', 'punkt-sprzedaży', 'okienko'],
    social: ['media-społecznościowe', 'portal-społecznościowy'],
    chat: ['czat', 'czat-na-żywo', 'komunikator', 'czatbot'],
    offline: ['osobiście', 'na-miejscu', 'spotkanie', 'wydarzenie', 'poczta-pantoflowa'],
    sms: ['wiadomość-tekstowa', 'esemes'],
    video: ['wideo', 'rozmowa-wideo', 'wideorozmowa', 'wideokonferencja'],
    post: ['poczta', 'list', 'przesyłka', 'list-polecony'],
    kiosk: ['automat', 'bankomat', 'biletomat', 'automat-biletowy', 'paczkomat'],
    partner: ['pośrednik', 'pośrednicy', 'dystrybutor', 'partnerzy'],
  },
};

// Words are folded (describe.ts): `Sito web` finds `sito-web`, `przegladarka` finds `przeglądarka`.
const CHANNELS = new Map(
  Object.values(CHANNEL_WORDS).flatMap((byIcon) => Object.entries(byIcon).flatMap(([icon, words]) => words.map((w) => [foldWord(w), icon] as const))),
);

/** The icon of a channel as a map writes it (`Website`, `e-mail`, `sito web`, `sklep`), or null for a channel it does not know. */
export function channelIcon(channel: string): string | null {
  return CHANNELS.get(foldWord(channel)) ?? null;
}

/** The channels with an icon, for the README and tests. */
export const CHANNEL_ICONS = Object.keys(CHANNEL_WORDS.en);

/** An icon's SVG markup, pointing at its symbol (the document defines it once), or empty text for a name that has none. */
export function iconSvg(name: string): string {
  if (!Object.hasOwn(ICON_DRAWINGS, name)) return '';
  return `<svg class="icon" aria-hidden="true"><use href="#i-${name}"/></svg>`;
}
