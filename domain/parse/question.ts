/**
 * Customer questions and their topic, English and Spanish, on folded text (no accents). A question is not a
 * booking: "how much for a couch?", "do you take mattresses?", "what are your hours on Saturday?", "do you service
 * 60614?", "¿cuánto cobran por un colchón?". Topics, first match wins:
 * - price: how much, cost, price, rates, charge, fee, minimum, pay by card/cash; cuánto (cuesta, cobran), precio.
 * - hours: hours, open, close, what time do you start, work weekends; horario, a qué hora abren, abren, cierran.
 * - area: service area, "do you service / serve / cover / come to / go to <place>", "in my area", a ZIP in a
 *   question; "¿llegan a / van a / dan servicio en …?", zona.
 * - items: "do you take / accept / haul / remove / pick up <things>", "what do you take"; aceptan, reciben,
 *   se llevan, recogen.
 * - other: any other question ("?" or a question word first) of three words or more.
 * Whether the text is still a booking (a time, an address, "need a pickup") is customer-intent.ts's decision.
 */
import type { QuestionTopic } from './parse-text';

const PRICE = new RegExp(
  [
    String.raw`\bhow much\b(?!\s+(?:longer|time)\b)`,
    String.raw`\b(?:do|would|will) (?:you|u|y'?all) charge\b`,
    String.raw`\bwhat (?:do|would|will) (?:you|u) charge\b`,
    String.raw`\b(?:pay|payment)\b.*\b(?:card|cash|venmo|zelle|check|credit)\b`,
    String.raw`\b(?:take|accept)s? (?:credit cards?|cards?|cash|checks?|venmo|zelle|apple pay)\b`,
    String.raw`\b(?:aceptan|toman) (?:tarjetas?|efectivo|cheques?|zelle|venmo)\b`,
    String.raw`\bcuanto (?:cuesta|cobran|cobra|sale|seria|es|me cobran|costaria|vale)\b`,
    String.raw`\bcobran\b`,
  ].join('|'),
);
/** Price words that make a question about price only when the text asks something ("what's your price?"). */
const PRICE_WORDS = /\b(?:price|prices|pricing|cost|costs|rate|rates|fee|fees|minimum|quote|estimate|precio|precios|costo|tarifa|tarifas)\b/;

const HOURS = new RegExp(
  [
    String.raw`\b(?:your|business|working|opening|office|store|shop) hours\b|\bhours (?:of operation|on (?:the )?(?:weekends?|sat|sun|saturdays?|sundays?))\b|\bwhat are (?:the|your) hours\b`,
    String.raw`\b(?:are|r) (?:you|u|y'?all) (?:open|closed)\b`,
    String.raw`\bwhat time do (?:you|u) (?:open|close|start|stop|finish)\b`,
    String.raw`\b(?:open|closed) (?:on|today|tomorrow|sat|sun|saturday|sunday|weekends?|holidays?)\b`,
    String.raw`\b(?:do|does) (?:you|u|y'?all|the crew) work (?:on )?(?:weekends?|saturdays?|sundays?|holidays?)\b`,
    String.raw`\bwhen (?:are|r) (?:you|u) open\b`,
    String.raw`\b(?:horario|horarios)\b`,
    String.raw`\ba que hora (?:abren|cierran|empiezan|trabajan)\b`,
    String.raw`\b(?:abren|cierran)\b`,
    String.raw`\btrabajan (?:los )?(?:sabados?|domingos?|fines? de semana|festivos)\b`,
  ].join('|'),
);

const AREA = new RegExp(
  [
    String.raw`\bservice area\b`,
    String.raw`\b(?:do|does|will|can) (?:you|u|y'?all|your crew|you guys|u guys) (?:service|serve|cover|come to|come out to|go to|go out to|travel to|work in|do pickups in|pick up in|operate in|come out as far as|go as far as)\b`,
    String.raw`\b(?:in|near) (?:your|my) (?:area|zone)\b`,
    String.raw`\bhow far\b`,
    String.raw`\b(?:llegan|van|vienen) (?:a|hasta)\b(?! (?:las?|recoger|llevar|venir|llegar)\b)`,
    String.raw`\b(?:dan servicio|dan servicios|sirven|trabajan) en\b`,
    String.raw`\b(?:zona|area de servicio)\b`,
  ].join('|'),
);

const ITEMS = new RegExp(
  [
    String.raw`\b(?:do|does|will|would|can|could) (?:you|u|y'?all|your crew|you guys|u guys) (?:also )?(?:take|accept|haul|remove|pick up|pickup|handle|recycle|dispose of|get rid of|do|grab|move)\b`,
    String.raw`\bwhat (?:items|things|stuff|kind of (?:items|things|stuff|junk)) (?:do|can|will) (?:you|u)\b`,
    String.raw`\bwhat (?:do|can|will|don'?t) (?:you|u) (?:take|accept|haul)\b`,
    String.raw`\b(?:is|are) (?:there )?(?:anything|any items|things) (?:you|u) (?:don'?t|can'?t|won'?t) (?:take|accept)\b`,
    String.raw`\b(?:aceptan|reciben|se llevan|recogen|llevan|se lleva|recoge)\b|\bpueden (?:recoger|llevar|llevarse|sacar)\b`,
  ].join('|'),
);

const QUESTION_START =
  /^(?:[¿¡]\s*)?(?:how|what|whats|what's|when|where|which|why|who|do|does|did|can|could|will|would|is|are|r|should|may|cuanto|cuanta|cuando|donde|que|como|cual|pueden|puedo|tienen|hay)\b(?!')/;

/**
 * The topic of a customer's question, or null when the text is not a question.
 * @example questionTopic('how much for a couch?') // 'price'
 * @example questionTopic('do you come to Evanston?') // 'area'
 * @example questionTopic('tmrw am 12 Oak St') // null
 */
export function questionTopic(folded: string): QuestionTopic | null {
  const asking = folded.includes('?') || folded.includes('¿') || QUESTION_START.test(folded);
  if (PRICE.test(folded) || (asking && PRICE_WORDS.test(folded))) return 'price';
  if (HOURS.test(folded)) return 'hours';
  if (AREA.test(folded) || (asking && /(?<![\d-])\b\d{5}\b(?![\d-])/.test(folded))) return 'area';
  if (ITEMS.test(folded)) return 'items';
  if (asking && folded.split(/\s+/).length >= 3) return 'other';
  return null;
}
