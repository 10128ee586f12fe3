/**
 * Small talk: a text that only thanks, greets or acknowledges ("thanks!", "ok 👍", "hi", "gracias", "vale").
 * The parser keeps its intent 'other' (or 'confirm' for "ok"); the conversation uses this to answer briefly, or not
 * at all, instead of handing the text to the dispatcher. Anything with more in it ("thanks, but can you come at 3?")
 * is not small talk.
 */
import { foldWords } from './fold';

const WORDS = [
  'thanks', 'thank you', 'thank u', 'thank you so much', 'thanks so much', 'thanks a lot', 'many thanks', 'thx', 'ty',
  'tysm', 'ok', 'okay', 'k', 'kk', 'okey', 'great', 'perfect', 'cool', 'awesome', 'nice', 'sounds good', 'got it',
  'will do', 'appreciate it', 'much appreciated', 'hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon',
  'good evening', 'have a good (?:day|one|night)', 'you too', 'u too', 'bye', 'see ya', 'lol', 'haha',
  'gracias', 'muchas gracias', 'mil gracias', 'vale', 'bueno', 'ok gracias', 'hola', 'buenos dias', 'buenas tardes',
  'buenas noches', 'buenas', 'perfecto', 'excelente', 'genial', 'que bien', 'igualmente', 'adios', 'saludos',
];
const SMALL_TALK = new RegExp(`^(?:(?:${WORDS.join('|')})(?![\\p{L}'])[\\s,.!;:¡-]*)+$`, 'u');

/**
 * @example isSmallTalk('Thanks!! 👍') // true
 * @example isSmallTalk('thanks, can you come at 3?') // false
 */
export function isSmallTalk(text: string): boolean {
  const t = foldWords(text).replace(/[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}]/gu, (m) => (/[0-9#*]/.test(m) ? m : ' '));
  const words = t.trim();
  // Emoji alone (👍, 🙏, 😊) acknowledge too.
  if (words === '' || /^[\s!.,]*$/.test(words)) return text.trim() !== '';
  return SMALL_TALK.test(words);
}
