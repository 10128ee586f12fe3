/**
 * Tiny DOM helpers for the page scripts. Everything a person typed goes in as text (textContent, or strings passed
 * to `append`, which become text nodes) — never as HTML, so a name like `<img onerror=…>` shows as those characters.
 */

/** The element with this id; throws naming the id when the page's HTML lacks it (a build mistake, not user input). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
}

export interface ElementProps {
  readonly className?: string;
  /** Set as textContent. */
  readonly text?: string;
  /** Plain attributes (id, type, aria-*, data-*…). Never event handlers: wire those with addEventListener. */
  readonly attrs?: Readonly<Record<string, string>>;
}

/**
 * Builds an element. Children that are strings become text nodes.
 * @example h('p', { className: 'muted' }, ['Hello ', h('strong', { text: name })])
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  children: ReadonlyArray<Node | string | null | false> = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`h(): refusing event-handler attribute ${name}`);
    element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/**
 * A labelled control with its error line (tied by aria-describedby), ids derived from `id`.
 * @example field('edit-notes', 'Notes', h('textarea')) // <div class="field"><label for=edit-notes>…
 */
export function field(id: string, label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): HTMLElement {
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { className: 'field' }, [
    h('label', { text: label, attrs: { for: id } }),
    control,
    h('p', { className: 'error field-error', attrs: { id: `${id}-error` } }),
  ]);
}

/** "$600", "$12.50". @example formatDollars(60000) // '$600' */
export function formatDollars(cents: number): string {
  return `$${(cents / 100).toFixed(2).replace(/\.00$/, '')}`;
}

/**
 * The URL when it is an absolute http(s) URL, else null: photo links and anything else from outside pass through
 * this before they become an href or src, so `javascript:` and `data:` never do.
 * @example safeHttpUrl('javascript:alert(1)') // null
 */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "Tue 2:05 PM" in the business time zone. */
export function formatTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(date);
}

/** A clock time for "Last updated …" in the viewer's own zone. */
export function clockTime(date: Date): string {
  return date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });
}

/** JSON body of a response, or null when it has none or it is not JSON. */
export async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** The `error` string of an API error body, or the fallback. */
export function errorText(body: unknown, fallback: string): string {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' && error ? error : fallback;
}
