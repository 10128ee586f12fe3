/**
 * Whether a customer says their items are ready to go: "ready", "it's all out", "on the curb", "by the garage",
 * "in the driveway". A negation or a "not yet" in front turns it off ("not ready yet", "won't be ready until 3",
 * "almost ready"). "Ready this afternoon" counts: the customer tells us when, and the window says it.
 */

const READY = new RegExp(
  [
    String.raw`\bready\b`,
    String.raw`\b(?:it'?s|its|they'?re|theyre|stuff(?: is)?|everything(?: is)?|all|items are|is|are|put(?: it| them| everything)?|set(?: it| them)?|left(?: it| them)?|sitting|brought(?: it| them)?|moved(?: it| them)?|placed(?: it| them)?|carried(?: it| them)?)\s+(?:all\s+)?out\b(?!\s+of\b)`,
    String.raw`\bout\s+(?:front|back|side)\b`,
    String.raw`\b(?:curbside|curb side)\b`,
    String.raw`\b(?:on|at|by|near|next to)\s+the\s+(?:curb|street|sidewalk|alley|garage|driveway|dumpster|porch|fence|gate|side door|front door|back door|door|mailbox|lawn|yard)\b`,
    String.raw`\bin\s+(?:the|my|our)\s+(?:driveway|garage|alley|yard|front yard|backyard|back yard|carport)\b`,
    String.raw`\boutside\b`,
  ].join('|'),
);

const NOT_READY =
  /\b(?:not|n't|isnt|arent|wont|dont|almost|nearly|not yet|never)\s+(?:\w+\s+){0,2}?(?:ready|out|outside)\b|\b(?:ready|out)\s*(?:yet\s*)?\?|\bnot\s+(?:yet|quite)\b|\bget(?:ting)?\s+(?:it|them|things|stuff)?\s*ready\b/;

/**
 * @example itemsAreReady('ready this afternoon, Soderblom Ave') // true
 * @example itemsAreReady('not ready yet') // false
 */
export function itemsAreReady(text: string): boolean {
  const t = text.toLowerCase().replace(/[\u2019']/g, "'");
  return READY.test(t) && !NOT_READY.test(t.replace(/(\w)n't\b/g, '$1 not'));
}
