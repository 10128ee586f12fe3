/**
 * The customer pages' two languages. Each page keeps its strings in one table per language (pages/lib/*-strings.ts)
 * with the same keys; the HTML carries the English text and `data-t="key"` on each translatable element, so the
 * page reads right before its script runs and switches language by setting text, never HTML.
 */
export type Language = 'en' | 'es';

/**
 * Spanish when the browser's preferred language is Spanish (any region), else English.
 * @example languageOf(['es-MX', 'en-US']) // 'es'
 */
export function languageOf(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The browser's language, for pages that have no job (yet) to take it from. */
export function browserLanguage(): Language {
  return languageOf(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/**
 * Sets <html lang> and the text of every `[data-t]` element (and `data-t-placeholder` placeholders) from `strings`.
 * @example applyStrings(document, TRACK_STRINGS.es, 'es')
 */
export function applyStrings(root: Document, strings: Readonly<Record<string, string>>, language: Language): void {
  root.documentElement.lang = language;
  root.querySelectorAll<HTMLElement>('[data-t]').forEach((element) => {
    const text = strings[element.dataset.t ?? ''];
    if (text !== undefined) element.textContent = text;
  });
  root.querySelectorAll<HTMLInputElement>('[data-t-placeholder]').forEach((element) => {
    const text = strings[element.dataset.tPlaceholder ?? ''];
    if (text !== undefined) element.placeholder = text;
  });
}

/**
 * `{name}` placeholders filled in.
 * @example fill('{name} is on the way', { name: 'Sam' }) // 'Sam is on the way'
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Business contact as the APIs send it (domain/track-view.ts BusinessContact). */
export interface Contact {
  readonly businessName?: unknown;
  readonly businessPhone?: unknown;
  readonly businessPhoneText?: unknown;
}

/**
 * tel: and sms: hrefs for an E.164 number; null for anything else (the value comes over the network).
 * @example phoneLinks('+15555550100') // { call: 'tel:+15555550100', text: 'sms:+15555550100' }
 */
export function phoneLinks(phone: unknown): { call: string; text: string } | null {
  if (typeof phone !== 'string' || !/^\+[1-9]\d{6,14}$/.test(phone)) return null;
  return { call: `tel:${phone}`, text: `sms:${phone}` };
}

/**
 * Shows the business name and the call/text links in a page's contact block (ids `<prefix>-name`, `-call`, `-text`,
 * `-number`); the links stay hidden when no number is configured.
 */
export function showContact(contact: Contact, prefix = 'contact'): void {
  const name = typeof contact.businessName === 'string' ? contact.businessName : '';
  const links = phoneLinks(contact.businessPhone);
  const text = typeof contact.businessPhoneText === 'string' ? contact.businessPhoneText : '';
  document.querySelectorAll<HTMLElement>(`.${prefix}-name`).forEach((element) => {
    if (name) element.textContent = name;
  });
  document.querySelectorAll<HTMLAnchorElement>(`.${prefix}-call`).forEach((a) => {
    if (links) a.href = links.call;
    a.hidden = !links;
  });
  document.querySelectorAll<HTMLAnchorElement>(`.${prefix}-text`).forEach((a) => {
    if (links) a.href = links.text;
    a.hidden = !links;
  });
  document.querySelectorAll<HTMLElement>(`.${prefix}-number`).forEach((element) => {
    element.textContent = text;
    element.hidden = !text;
  });
}
