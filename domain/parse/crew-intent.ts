/**
 * What a crew member's short command means. First match wins, in this order (each chosen so the more specific
 * command beats the word it contains):
 * 1. help: HELP / INFO as the whole message, or a lone "?" (or "commands", "menu").
 * 2. price: "price K7Q2 600", "quote K7Q2 $600", or a code with a $-amount ("K7Q2 $450").
 * 3. release: "release K7Q2", "drop", "can't make K7Q2", "cant make it", "unclaim".
 * 4. claim: "claim K7Q2", "mine", "take K7Q2", "grab K7Q2", "i'll take it".
 * 5. done: "done", "finished", "all done", "complete" — but not "almost done" / "not done".
 * 6. en_route: "omw", "on my way", "heading over", "en route", "leaving now".
 * 5b. "loaded, heading to the dump" counts as done: the work at the customer's is over.
 * 7. start: "here", "arrived", "loading", "on site", "starting", "at K7Q2" (so "done loading" is done, above).
 * 8. list: "jobs", "list", "today", "schedule".
 * Twilio's opt-out words as the whole message are 'other' for crew (Twilio has already opted the phone out; there is
 * no crew command to run). START as the whole message is the crew 'start' command.
 */
import { isHelpKeyword, isOptOutKeyword } from './keywords';
import { bareWord } from './sms-text';

export type CrewIntent = 'en_route' | 'start' | 'done' | 'claim' | 'release' | 'list' | 'price' | 'help' | 'other';

const PRICE = /\b(?:price|priced|pricing|quote|quoted|quoting|charge|charging|estimate|est)\b/;
const RELEASE =
  /\b(?:release|released|releasing|unclaim|unclaimed|unassign|drop(?!\s+(?:off|it off))|dropping(?!\s+off)|can'?t make|cannot make|can not make|won'?t make|not gonna make|can'?t do|cannot do|can'?t take|give (?:it |that |this |#?[a-z0-9]{4} )?(?:up|back)|giving (?:it )?(?:up|back)|bail(?:ing)?)\b/;
const CLAIM_ALWAYS = /\b(?:claim|claimed|claiming|mine|dibs)\b/;
const CLAIM_WITH_CODE = /\b(?:take|taking|grab|grabbing|i'?ll do|i can do|assign(?:ed)? (?:to )?me|for me)\b/;
const CLAIM_IT = /\b(?:i'?ll|i will|i can|let me|lemme)\s+(?:take|grab|do|handle|get)\s+(?:it|that|this|that one|this one|one)\b/;
const DONE = /\b(?:done|finished|finish|complete|completed|wrapped up|all set|job done|dumped|loaded(?: up)?|(?:heading|headed|going|off) to (?:the )?dump|at the dump)\b/;
const NOT_DONE = /\b(?:almost|nearly|not|half|mostly|when|until|once)\s+(?:\w+\s+)?(?:done|finished|complete|completed)\b/;
const EN_ROUTE =
  /\b(?:omw\d*|otw|on my way|on the way|on our way|onmyway|heading (?:over|there|out|your way|to|that way)|headed (?:over|there|out|to)|en ?route|leaving now|left now|just left|driving over|be there in|be there soon|rolling|on route)\b/;
const START =
  /\b(?:here|arrived|arrive|arriving|loading|on ?site|starting|started|start|begin|beginning|began|at the (?:house|site|job|location|address|door)|pulling up|pulled up|on location)\b/;
const LIST = /\b(?:jobs?|list|today|tomorrow|schedule|sched|what'?s (?:on|up|next|today)|my route|route|open|queue)\b/;

/**
 * @example crewIntent('OMW #K7Q2', { hasCode: true, hasDollarAmount: false }) // 'en_route'
 */
export function crewIntent(text: string, facts: { hasCode: boolean; hasDollarAmount: boolean }): CrewIntent {
  if (isHelpKeyword(text) || /^\s*\?+\s*$/.test(text) || /^(?:COMMANDS|MENU)$/.test(bareWord(text))) return 'help';
  if (isOptOutKeyword(text)) return 'other';
  const t = text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
  if (PRICE.test(t) || (facts.hasCode && facts.hasDollarAmount)) return 'price';
  if (RELEASE.test(t)) return 'release';
  if (CLAIM_ALWAYS.test(t) || CLAIM_IT.test(t) || (facts.hasCode && CLAIM_WITH_CODE.test(t))) return 'claim';
  if (DONE.test(t) && !NOT_DONE.test(t)) return 'done';
  if (EN_ROUTE.test(t)) return 'en_route';
  if (START.test(t) || (facts.hasCode && /^\s*(?:@|at)\s*#?\s*[a-z0-9]{4}\W*$/.test(t))) return 'start';
  if (LIST.test(t)) return 'list';
  return 'other';
}

/**
 * "jobs all" / "all jobs" / "everything": the whole open list, not just today's.
 * @example wantsAllJobs('jobs all') // true
 */
export function wantsAllJobs(text: string): boolean {
  return /\b(?:all|every(?:thing)?|week)\b/i.test(text);
}
