/**
 * What the conversation reads from a customer's text beyond the parser's fields: which language to answer in from
 * now on, the kind of small talk ("thanks", "hi", "ok", 👍), a reply to "Reply NEW or CHANGE", and which of
 * several pickups a text names by its address ("the Oak St one").
 */
import type { Job } from './jobs-document';
import type { ParsedText } from './parse/parse-text';
import { foldCase } from './parse/sms-text';
import type { Language } from './wording-parts';

/** Clear English words: a text with one of them switches a Spanish-speaking customer back to English. */
const ENGLISH_WORDS =
  /\b(the|my|you|your|can|could|pick ?up|tomorrow|today|tonight|morning|afternoon|evening|please|need|thanks|thank|when|where|what|how|is|are|do|does|have|come|ready|status|want|and|with|at|for)\b/;

/**
 * The language to answer in: Spanish when the text reads as Spanish, English when it has clear English words, else
 * whatever we used before ("ok", "12 Oak St" and 👍 change nothing).
 * @example customerLanguage({ language: 'en' }, 'ok', 'es') // 'es'
 */
export function customerLanguage(parsed: Pick<ParsedText, 'language'>, text: string, previous: Language): Language {
  if (parsed.language === 'es') return 'es';
  return ENGLISH_WORDS.test(plain(text)) ? 'en' : previous;
}

export type SmallTalk = 'thanks' | 'hello' | 'ack';

/** A text of nothing but friendly emoji (👍, 🙏, ❤️, 😊 …); "🙃" or "%%% ???" is not small talk. */
const FRIENDLY_EMOJI = /^(?:[\u{1F44D}\u{1F44C}\u{1F64F}\u{2764}\u{2665}\u{1F60A}\u{1F642}\u{1F600}\u{1F601}\u{1F603}\u{1F604}\u{1F44F}\u{2705}\u{1F4AF}\u{1F91D}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}]|\s)+$/u;

const THANKS = /^(thanks?( (you|u|so much|a lot|again))?|thank (you|u)( so much| very much)?|thx|ty|tysm|tyvm|appreciate (it|you)|much appreciated|gracias|muchas gracias|mil gracias|gracias a usted)( ok| okay)?$/;
const HELLO = /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|hola|buenas|buenos dias|buenas tardes|buenas noches)( there)?$/;
const ACK =
  /^(ok|okay|k|kk|okey|great|cool|perfect|sounds good|got it|will do|awesome|nice|sure|alright|all right|yep|yup|see you|see ya|bye|perfecto|vale|bueno|listo|excelente|esta bien|de acuerdo|muy bien|nos vemos|adios|chao)( thanks?| thank you| gracias)?$/;

/**
 * "thanks!", "hi", "ok", "👍" → the kind of small talk; anything with more in it → null.
 * @example smallTalkKind('Thanks!!') // 'thanks';  smallTalkKind('👍') // 'ack';  smallTalkKind('thanks, also a couch') // null
 */
export function smallTalkKind(text: string): SmallTalk | null {
  const words = plain(text).replace(/[^a-z\s]/g, ' ').replace(/\s+/g, ' ').trim();
  if (words === '') return FRIENDLY_EMOJI.test(text.trim()) ? 'ack' : null;
  if (THANKS.test(words)) return 'thanks';
  if (HELLO.test(words)) return 'hello';
  if (ACK.test(words)) return 'ack';
  // "ok thanks", "great, thank you!"
  if (/^(ok|okay|great|perfect|perfecto|vale|cool|awesome) (thanks?|thank you|ty|gracias)$/.test(words)) return 'thanks';
  return null;
}

/** The answer to "Reply NEW or CHANGE" (either language), or null when the text is something else. */
export function newOrChange(text: string): 'new' | 'change' | null {
  const words = plain(text).replace(/[^a-z\s]/g, ' ').trim();
  if (/^(new|new one|new pickup|another|nueva|nuevo|otra)$/.test(words)) return 'new';
  if (/^(change|change it|cambio|cambiar|cambiala|cambielo|cambiela)$/.test(words)) return 'change';
  return null;
}

/**
 * The one job among `jobs` whose address the text names ("cancel the Oak St one", "20 cedar"); null when none or
 * more than one match.
 * @example pickByAddress([oak, cedar], 'the cedar one', null)?.location // '20 Cedar Ave'
 */
export function pickByAddress(jobs: readonly Job[], text: string, location: string | null): Job | null {
  const said = plain(text);
  const exact = location ? jobs.filter((job) => job.location && sameAddress(job.location, location)) : [];
  if (exact.length === 1) return exact[0]!;
  const named = jobs.filter((job) => job.location && streetWords(job.location).some((word) => new RegExp(`\\b${word}\\b`).test(said)));
  return named.length === 1 ? named[0]! : null;
}

/** "12 Oak St" and "12 oak st." are the same place. @example sameAddress('12 Oak St', '12 oak st.') // true */
export function sameAddress(a: string, b: string): boolean {
  const norm = (s: string) => plain(s).replace(/[^a-z0-9]+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** The distinctive words of an address: "14 Oak St" → ['oak']; numbers and suffixes alone say little. */
function streetWords(location: string): string[] {
  const common = new Set(['st', 'street', 'ave', 'avenue', 'rd', 'road', 'dr', 'drive', 'ln', 'lane', 'blvd', 'ct', 'pl', 'way', 'apt', 'unit', 'n', 's', 'e', 'w', 'north', 'south', 'east', 'west', 'the']);
  return plain(location)
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 3 && !common.has(word));
}

function plain(text: string): string {
  return foldCase(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
