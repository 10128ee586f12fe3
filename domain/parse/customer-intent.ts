/**
 * What a customer's text asks for. Order matters, first match wins:
 * 1. Twilio keywords as the whole message: STOP & co → stop, START/UNSTOP → start, HELP/INFO → help ("cancel 12 Oak St"
 *    has more than the keyword: a cancel).
 * 2. cancel: "cancel my pickup", "please cancel", "don't need you anymore", "nevermind" — unless the text also moves
 *    the pickup ("cancel friday, saturday instead", "reschedule") which is a pickup change.
 * 3. status: "where r u", "when are you coming", "eta?", "are you still coming".
 * 3b. question (question.ts): "how much for a couch?", "do you take mattresses?", "what are your hours on Saturday?",
 *    "¿cuánto cobran?" — unless it also books: an address (except for an area question), a time (except for an hours
 *    or area question), items ready, or words asking to come ("can you pick up…", "need a pickup", "schedule").
 * 4. confirm: yes / ok / sounds good / that price is fine / deal / 👍, when the text carries nothing else a dispatcher
 *    would act on. "yes ready now at 12 Oak St" is a pickup (an address and readiness); "ok see you tomorrow"
 *    stays a confirm (a time inside "see you ..." is a pleasantry, not a change).
 * 5. pickup: a window, an address, items ready, or pickup words ("pick up", "haul", "junk", "come get",
 *    "stop by", "reschedule", "asap").
 * 6. other.
 */
import { AGREE_ES, CANCEL_ES, CONFIRM_START_ES, FILLER_ES, PICKUP_ES, RESCHEDULE_ES, STATUS_ES } from './customer-words-es';
import { foldWords } from './fold';
import { isHelpKeyword, isOptInKeyword, isOptOutKeyword } from './keywords';
import type { QuestionTopic } from './parse-text';
import { questionTopic } from './question';

/** Spanish conventions: customer-words-es.ts. */
export type CustomerIntent = 'pickup' | 'question' | 'status' | 'cancel' | 'confirm' | 'help' | 'stop' | 'start' | 'other';

/** What the rest of the parser found in the same text. */
export interface CustomerFacts {
  readonly hasWindow: boolean;
  readonly hasLocation: boolean;
  readonly itemsReady: boolean;
  /** Junk nouns were named ("a couch", "2 colchones"). */
  readonly hasItems?: boolean;
  /** The question topic when the caller has read it already (parse-text.ts), so it is read once. */
  readonly topic?: QuestionTopic | null;
  /** A day was ruled out ("can't do Friday", "not tomorrow"): a change to when, so a pickup. */
  readonly excludesDay?: boolean;
}

/** A request to come, as opposed to asking about the service: a question with these words is a booking. */
const BOOKING_WORDS = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`need (?:a |an |my |our |the |you to |someone to |u to )?(?:pick ?-?up|pickup|haul|truck|crew|removal|junk removal)`,
      String.raw`(?:want|like) (?:a pickup|to (?:book|schedule)|you to)|schedule|book(?:ing)?|sign me up|set up a pickup`,
      String.raw`(?:can|could|would) (?:you|u|ya|y'?all|someone|you guys|u guys) (?:please )?(?:come|pick|haul|swing|stop|get|grab|remove|send)`,
      String.raw`come (?:get|grab|pick|by|over|out)|please (?:pick|come|take|haul|remove)|availab(?:le|ility)|opening|openings`,
      String.raw`recojan|vengan|pueden (?:venir|pasar|recoger)|necesito (?:que|una recogida|recoger)|quiero (?:que|una recogida|agendar|programar)|agendar|programar`,
    ].join('|') +
    String.raw`)\b`,
);

const CANCEL = new RegExp(
  [
    String.raw`(?<!\b(?:dont|don't|do not|not|no need to|no)\s+)\bcancel(?:l?ed|l?ing|lation)?\b`,
    String.raw`\b(?:don'?t|do not|dont|no longer|won'?t)\s+need\s+(?:you|u|ya|y'?all|it|a pickup|the pickup|pickup|the truck|you guys|u guys|your service|anyone|anything)\b`,
    String.raw`\bnot\s+needed\s+(?:anymore|any more)\b`,
    String.raw`\bno (?:need|reason) (?:to|for you to) come\b`,
    String.raw`\b(?:never\s?mind|nvm|nm)\b`,
    String.raw`\bcall(?:ing)? it off\b`,
    String.raw`\bchanged (?:my|our) minds?\b`,
    String.raw`\b(?:don'?t|do not|dont) (?:come|bother)\b`,
    String.raw`\b(?:already|someone else|somebody else|neighbor|we)\s+(?:got rid of|took|hauled|picked up|took care of)\b`,
    String.raw`\bfound (?:someone|somebody) else\b`,
    String.raw`\b(?:sold|gave away|donated|threw out) (?:it|them|everything|the \w+)\b`,
    String.raw`\bno longer need(?:ed)?\b`,
    ...CANCEL_ES,
  ].join('|'),
);

const RESCHEDULE = new RegExp(
  [
    String.raw`\b(?:instead|reschedule|re-schedule|resched|move (?:it|the pickup|pickup|us|me)|push (?:it|the pickup)|change (?:it|the time|the day|the date|to)|different (?:day|time))\b`,
    ...RESCHEDULE_ES,
  ].join('|'),
);

const STATUS = new RegExp(
  [
    String.raw`\bwhere(?:'?s| is| are| r|re)?\s+(?:u|you|ya|y'?all|the (?:crew|truck|guys|driver)|your (?:crew|truck|guys|driver)|my (?:pickup|crew|driver))\b`,
    String.raw`\bwhere\s+(?:you|u)\s+at\b`,
    String.raw`\bwya\b`,
    String.raw`\bwhen\s+(?:r|are|will|is|re)\s+(?:u|you|ya|they|y'?all|the (?:crew|truck|guys|driver)|your (?:crew|truck|guys)|someone|somebody|anyone)\s+(?:be\s+)?(?:coming|come|get(?:ting)? here|be here|here|arrive|arriving|show(?:ing)? up|gonna|going to|stopping|stop by|on the way|leaving|here)`,
    String.raw`\bwhat time (?:r|are|will|is)\s+(?:u|you|they|the crew|someone)\b`,
    String.raw`\beta\b`,
    String.raw`\bstatus\b`,
    String.raw`\bany (?:update|news|word)s?\b`,
    String.raw`^\s*updates?\s*\??\s*$`,
    String.raw`\b(?:still|even) (?:coming|on|happening)\b`,
    String.raw`\b(?:r|are) (?:u|you|they) (?:on (?:the|your) way|close|almost here|coming|still coming|here|nearby|lost)\b`,
    String.raw`\bhow (?:much )?(?:long|longer)\b`,
    String.raw`\bis (?:someone|anyone|somebody|the crew|the truck) (?:coming|on the way)\b`,
    String.raw`\brunning late\b`,
    String.raw`^on (?:the|your) way\s*\?`,
    String.raw`\b(?:when|what time)(?:'s| is) (?:my|the|our) (?:pickup|pick up|appointment|crew|truck)\b`,
    String.raw`\bdid (?:you|u) forget\b`,
    ...STATUS_ES,
  ].join('|'),
);

/** Words that agree. */
const AGREE = [
  'yes', 'yess+', 'y', 'ya', 'yah', 'yeah', 'yea', 'yep', 'yup', 'yes sir', "yes ma'?am", 'sure', 'sure thing', 'ok',
  'okay', 'okey', 'okie', 'kk', 'k', 'alright', 'all right', 'aight', 'sounds (?:good|great|perfect|like a plan)',
  'perfect', 'great', 'awesome', 'cool', 'good', 'fine', 'deal', "it'?s a deal", 'agreed', 'agree', 'accept',
  'accepted', 'i accept', 'confirm', 'confirmed', 'i confirm', 'go ahead', 'go for it', "let'?s do it", 'do it',
  'book it', 'works for me', 'that works', 'works', "that'?s fine", 'that is fine', 'fine by me',
  '(?:that |the )?(?:price|quote|amount) (?:is|sounds) (?:fine|good|ok|okay|great|right|reasonable)',
  '(?:that |the )?(?:price|quote) works', 'will do', 'for sure', 'absolutely', 'definitely', 'of course', 'correct',
  "that'?s (?:right|great|perfect)", "(?:that|it|this)(?: is|'s| sounds)? (?:fine|good|ok|okay|great|perfect)",
  "(?:\\$\\s?)?\\d[\\d,]*(?:\\.\\d\\d)?(?: dollars| bucks)? (?:is|sounds|works)(?: (?:fine|good|ok|okay|great|perfect|for me))?", 'yes please', 'yes pls', "we'?re good", 'we are good', 'all good',
  'see (?:you|u|ya)(?: [^,.!?;]*)?', 'cya', 'c u', '👍', '👌', '✅', ...AGREE_ES,
];
/** Politeness that may surround an agreement without changing it. */
const FILLER = ['thank you', 'thanks', 'thx', 'ty', 'tysm', 'please', 'pls', 'plz', 'much appreciated', 'appreciate it', 'great thanks', '🙏', '😊', '🙂', '😀', ...FILLER_ES];
const PHRASE = (list: string[]) => `(?:${list.join('|')})(?![\\p{L}'])`;
const ONLY_AGREEMENT = new RegExp(`^(?:(?:${PHRASE(AGREE)}|${PHRASE(FILLER)})[\\s,.!;:-]*)+$`, 'u');
const HAS_AGREEMENT = new RegExp(`(?:^|[\\s,.!])${PHRASE(AGREE)}`, 'u');
const CONFIRM_START = new RegExp(
  `^(?:yes|yeah|yep|yup|ya|ok|okay|sure|deal|sounds good|perfect|great|y|k|kk|alright|👍|${CONFIRM_START_ES.join('|')})(?![\\p{L}'])`,
  'u',
);
const NEGATION = /\b(?:no|nope|nah|not|don'?t|can'?t|won'?t)\b(?! problem| worries| rush)/;

/** Words of someone who wants a pickup: the service, the items, or a request to come. */
const PICKUP_WORDS = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`pick\s?-?up|pickup|pick (?:it|them) up|haul|hauling|junk|get rid of|remove|removal|take away`,
      String.raw`come (?:get|grab|by|over|take|pick|out|today|tomorrow|now|asap)|stop by|swing by`,
      String.raw`take (?:it|them|some|a|an|my|the)\b|stuff to (?:go|get rid of|toss)|clean ?out|cleanout`,
      String.raw`couch(?:es)?|sofas?|mattress(?:es)?|furniture|appliances?|fridges?|refrigerators?|freezers?`,
      String.raw`washers?|dryers?|debris|trash|garbage|tires?|dressers?|desks?|recliners?|chairs?|tables?|boxes`,
      String.raw`beds?|box springs?|tvs?|pianos?|treadmills?|grills?|cabinets?|carpet|hot tub|yard waste|brush|scrap`,
      String.raw`ready|reschedule|resched|asap|right away|right now|^now$|need (?:a|your) (?:truck|crew|pickup|haul)`,
      String.raw`can you (?:come|do|make it)|available|quote for|how much (?:for|to|would)|estimate for`,
      ...PICKUP_ES,
    ].join('|') +
    String.raw`)\b`,
);

/**
 * @example customerIntent('where r u', { hasWindow: false, hasLocation: false, itemsReady: false }) // 'status'
 */
export function customerIntent(text: string, facts: CustomerFacts): CustomerIntent {
  // A keyword is the whole message: with an address in it ("cancel 12 Oak St", the address blanked out of `text`) it
  // is not one.
  if (!facts.hasLocation) {
    if (isOptOutKeyword(text)) return 'stop';
    if (isOptInKeyword(text)) return 'start';
    if (isHelpKeyword(text)) return 'help';
  }
  const t = simplify(text);
  if (CANCEL.test(t)) return RESCHEDULE.test(t) ? 'pickup' : 'cancel';
  if (STATUS.test(t)) return 'status';
  const topic = facts.topic === undefined ? questionTopic(t) : facts.topic;
  if (topic && !isBooking(t, facts, topic)) return 'question';
  if (isConfirm(t, facts)) return 'confirm';
  if (facts.hasWindow || facts.hasLocation || facts.itemsReady || facts.hasItems || facts.excludesDay || PICKUP_WORDS.test(t) || RESCHEDULE.test(t)) {
    return 'pickup';
  }
  return 'other';
}

/** A question that also gives what a booking needs, or asks to come: "can you take a couch tomorrow am, 12 Oak St?". */
function isBooking(t: string, facts: CustomerFacts, topic: QuestionTopic): boolean {
  if (facts.itemsReady || BOOKING_WORDS.test(t)) return true;
  if (facts.hasLocation && topic !== 'area') return true;
  return facts.hasWindow && topic !== 'hours' && topic !== 'area';
}

/**
 * The question topic of a customer text (see question.ts), or null.
 * @example customerTopic('do you take mattresses?') // 'items'
 */
export function customerTopic(text: string): QuestionTopic | null {
  return questionTopic(simplify(text));
}

function isConfirm(t: string, facts: CustomerFacts): boolean {
  if (facts.hasLocation || facts.itemsReady || NEGATION.test(t) || RESCHEDULE.test(t)) return false;
  if (ONLY_AGREEMENT.test(t)) return HAS_AGREEMENT.test(t);
  if (!CONFIRM_START.test(t) || PICKUP_WORDS.test(t)) return false;
  // "yes 3pm works" changes the time: a pickup. "ok, see you tomorrow" does not.
  return !facts.hasWindow || /\b(?:see (?:you|u|ya)|cya|c u)\b/.test(t);
}

/** Lower case, no accents, straight apostrophes, no emoji variation selectors, spaces collapsed (fold.ts). */
function simplify(text: string): string {
  return foldWords(text);
}
