/**
 * What is to be hauled: junk nouns with counts, "a piano and 2 mattresses" → piano ×1, mattress ×2; "two couches",
 * "a couple of chairs" (2), "mattress x2", "3-4 bags" (the larger), "dos colchones y un sofá". A noun with no count is
 * one ("boxes" → box ×1: at least one). Names are canonical (item-words.ts). A name said twice keeps its largest
 * count ("a couch … the couch is heavy" is one couch). Order: as first named. Run on text with the address blanked,
 * so "12 Box Elder Ln" is no box.
 */
import { COUNT_WORDS, ITEM_WORDS } from './item-words';
import type { HaulItem } from './parse-text';

const COUNT = String.raw`(?:(\d{1,3})(?:\s*(?:-|to|or|a)\s*(\d{1,3}))?\s*x?|(${Object.keys(COUNT_WORDS).join('|')})(?:\s+of)?(?:\s+de)?)`;
/** Adjectives that may stand between the count and the noun: "2 old queen mattresses", "un sofá viejo". */
const ADJECTIVES = String.raw`(?:(?:old|big|small|large|huge|heavy|broken|used|queen|king|twin|full|double|little|wooden|metal|glass|leather|sleeper|full size|king size|queen size|upright|grand|baby grand|black|white|more|extra|grandes?|viejos?|viejas?|pequenos?|pequenas?|rotos?|rotas?)\s+){0,3}`;
/**
 * The nouns alone (fast to scan: no named groups, which cost ten times more here); which item a noun is, is then
 * asked of each item's own pattern. Text is folded to ASCII letters first (fold.ts), so no Unicode mode.
 */
const NOUNS = new RegExp(String.raw`\b(` + ITEM_WORDS.map(([, words]) => `(?:${words})`).join('|') + String.raw`)(?![a-z])(?:\s*x\s*(\d{1,3})\b)?`, 'g');
const EACH = ITEM_WORDS.map(([name, words]) => [name, new RegExp(`^(?:${words})$`)] as const);
const COUNT_BEFORE = new RegExp(String.raw`(?<![a-z\d])${COUNT}\s*${ADJECTIVES}$`);

/**
 * @example itemsIn('a piano and 2 mattresses') // [{ name: 'piano', count: 1 }, { name: 'mattress', count: 2 }]
 */
export function itemsIn(folded: string): HaulItem[] {
  const found = new Map<string, number>();
  for (const m of folded.matchAll(NOUNS)) {
    const name = EACH.find(([, pattern]) => pattern.test(m[1]!))?.[0];
    if (!name) continue;
    const count = countOf(m, folded.slice(Math.max(0, m.index - 60), m.index));
    found.set(name, Math.max(found.get(name) ?? 0, count));
  }
  return [...found].map(([name, count]) => ({ name, count }));
}

/** "x2" after the noun, else a count before it (adjectives between allowed), else one. */
function countOf(m: RegExpMatchArray, before: string): number {
  const after = m[2];
  if (after) return clamp(Number(after));
  const c = COUNT_BEFORE.exec(before);
  if (c?.[1]) return clamp(Math.max(Number(c[1]), Number(c[2] ?? 0)));
  if (c?.[3]) return COUNT_WORDS[c[3]] ?? 1;
  return 1;
}

function clamp(n: number): number {
  return Math.min(Math.max(n, 1), 99);
}
