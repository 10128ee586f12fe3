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
const PATTERN = new RegExp(
  String.raw`(?<![\p{L}\d])(?:${COUNT}\s*)?${ADJECTIVES}(` + ITEM_WORDS.map(([, words], i) => `(?<i${i}>${words})`).join('|') + String.raw`)(?![\p{L}])(?:\s*x\s*(\d{1,3})\b)?`,
  'gu',
);
const QUICK = /[a-z]/;

/**
 * @example itemsIn('a piano and 2 mattresses') // [{ name: 'piano', count: 1 }, { name: 'mattress', count: 2 }]
 */
export function itemsIn(folded: string): HaulItem[] {
  if (!QUICK.test(folded)) return [];
  const found = new Map<string, number>();
  for (const m of folded.matchAll(PATTERN)) {
    const groups = m.groups ?? {};
    const index = ITEM_WORDS.findIndex((_, i) => groups[`i${i}`] !== undefined);
    const name = ITEM_WORDS[index]?.[0];
    if (!name) continue;
    const count = countOf(m);
    found.set(name, Math.max(found.get(name) ?? 0, count));
  }
  return [...found].map(([name, count]) => ({ name, count }));
}

function countOf(m: RegExpMatchArray): number {
  const after = m[m.length - 1];
  if (after) return clamp(Number(after));
  if (m[1]) return clamp(Math.max(Number(m[1]), Number(m[2] ?? 0)));
  if (m[3]) return COUNT_WORDS[m[3]] ?? 1;
  return 1;
}

function clamp(n: number): number {
  return Math.min(Math.max(n, 1), 99);
}
