/**
 * Folding for word matching in English and Spanish: lower case, straight apostrophes, accents dropped ("mañana" →
 * "manana", "sofá" → "sofa"), emoji variation selectors gone, spaces collapsed. Customers type Spanish with and
 * without accents, so every Spanish word list in this folder is written without them and matched on folded text.
 * Not index-preserving: use it for yes/no questions and word lists, never for spans cut from the original.
 */

/**
 * @example foldWords('¿Mañana en la TARDE?') // '¿manana en la tarde?'
 */
export function foldWords(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\uFE0F\u200D]|\p{Emoji_Modifier}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Accents dropped one character for one, so every index stays where it was ("mañana" → "manana"); for text
 * already folded to lower case (sms-text.ts plainText). Letters that do not decompose to one base letter stay.
 * @example unaccent('recojan mi sofá mañana') // 'recojan mi sofa manana'
 */
export function unaccent(text: string): string {
  return text.replace(/[\u00C0-\u024F]/g, (ch) => {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return base.length === 1 ? base : ch;
  });
}
