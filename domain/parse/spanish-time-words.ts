/**
 * Spanish day and time words rewritten into the English ones time-words.ts already reads, on lower-case text
 * without accents (fold.ts unaccent), so one reader serves both languages. The conventions:
 * - "hoy" today; "mañana" alone tomorrow; "pasado mañana" the day after tomorrow; "mañana en la mañana" /
 *   "mañana por la mañana" tomorrow morning; "en / por / de la mañana" morning; "(en / por / de la) tarde" and
 *   "esta tarde" afternoon; "(en / por / de la) noche" evening, "esta noche" tonight; "mediodía" noon.
 * - "lunes … domingo"; "el próximo lunes" / "el lunes que viene" next Monday; "este sábado" this Saturday;
 *   "fin de semana" weekend.
 * - "a las 3", "a la 1" at 3 / at 1; "a las 3 y media" 3:30; "entre 2 y 4" / "entre las 2 y las 4" between 2 and 4;
 *   "después de las 2" after 2; "antes de las 5" before 5; "desde las 9" from 9; "hasta las 5" until 5;
 *   "de 2 a 4" 2 to 4; "en una hora", "en 30 minutos", "en media hora" in …; number words "a las tres" at 3.
 * - Ruling a day out: "no puedo / no podemos (el) viernes", "no estoy (en casa) mañana", "el viernes no" → not Friday.
 * Hours then follow the English rules (pickup-window.ts): bare 1–6 PM, 7–11 AM; "de la tarde" makes them PM.
 */
import { WEEKDAYS } from './time-words';

const DIAS = ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'];
const DIA = `(?:${DIAS.join('|')})`;
const NUMEROS: Record<string, number> = {
  una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
};
const NUMERO = `(?:${Object.keys(NUMEROS).join('|')})`;
const ANY_SPANISH = new RegExp(String.raw`\b(?:hoy|manana|tarde|noche|${DIA}|las?|entre|despues|antes|desde|hasta|mediodia|medianoche|semana|en (?:una|media|\d)|proximo|fin)\b`);

const REWRITES: ReadonlyArray<readonly [RegExp, string | ((...groups: string[]) => string)]> = [
  [new RegExp(String.raw`\b(?:a las?|las?|de las?|entre las?|y las?)\s+(${NUMERO})\b`, 'g'), (m: string, n: string) => m.replace(n, String(NUMEROS[n]))],
  [/\b(\d{1,2})\s+y\s+media\b/g, '$1:30'],
  [/\b(\d{1,2})\s+y\s+cuarto\b/g, '$1:15'],
  [/\bpasado\s+manana\b/g, 'day after tomorrow'],
  [/\bmanana\s+(?:en|por|a)\s+la\s+manana\b/g, 'tomorrow morning'],
  [/\b(?:en|por|de|a)\s+la\s+manana\b/g, ' in the morning'],
  [/\bmanana\b/g, 'tomorrow'],
  [/\besta\s+tarde\b/g, 'this afternoon'],
  [/\besta\s+noche\b/g, 'tonight'],
  [/\b(?:en|por|de|a)\s+la\s+tarde\b/g, ' in the afternoon'],
  [/\b(?:en|por|de|a)\s+la\s+noche\b/g, ' in the evening'],
  [/\btarde\b/g, 'afternoon'],
  [/\bnoche\b/g, 'evening'],
  [/\bhoy(?:\s+mismo)?\b/g, 'today'],
  [/\bmediodia\b/g, 'noon'],
  [/\bmedianoche\b/g, 'midnight'],
  [/\bfin(?:es)? de semana\b/g, 'weekend'],
  [/\b(?:el\s+|la\s+)?(?:proximo|proxima)\s+semana\b/g, 'next week'],
  [new RegExp(String.raw`\b(?:el\s+)?(?:proximo\s+)(${DIA})\b|\b(?:el\s+)?(${DIA})\s+(?:que viene|proximo)\b`, 'g'), (_: string, a?: string, b?: string) => `next ${dia(a ?? b ?? '')}`],
  [new RegExp(String.raw`\beste\s+(${DIA})\b`, 'g'), (_: string, d: string) => `this ${dia(d)}`],
  // "no puedo el viernes", "no estoy mañana": ruled out (time-expressions.ts reads "not …").
  [/\bno\s+(?:puedo|podemos|puede|pueden|estoy|estamos|estare|estaremos|voy a estar|vamos a estar)(?:\s+(?:en casa|aqui|ahi|disponibles?))?(?:\s+(?:el|la|los|este))?\s+(?=\S)/g, 'not '],
  [new RegExp(String.raw`\b(?:el\s+)?(${DIA}|tomorrow|today)\s+no\b`, 'g'), (_: string, d: string) => `not ${dia(d)}`],
  [new RegExp(`\\b${DIA}\\b`, 'g'), (d: string) => dia(d)],
  [/\bentre\s+(?:las?\s+)?(\d{1,2}(?::\d\d)?)\s+y\s+(?:las?\s+)?(\d{1,2}(?::\d\d)?)\b/g, 'between $1 and $2'],
  [/\bde\s+(?:las?\s+)?(\d{1,2}(?::\d\d)?)\s+a\s+(?:las?\s+)?(\d{1,2}(?::\d\d)?)\b/g, '$1 to $2'],
  [/\bdespues\s+de\s+(?:las?\s+)?(?=\d|noon)/g, 'after '],
  [/\bantes\s+de\s+(?:las?\s+)?(?=\d|noon)/g, 'before '],
  [/\bdesde\s+(?:las?\s+)?(?=\d|noon)/g, 'from '],
  [/\bhasta\s+(?:las?\s+)?(?=\d|noon)/g, 'until '],
  [/\ba\s+(?:eso\s+de\s+)?las?\s+(?=\d)/g, 'at '],
  [/\ben\s+(?:una|1)\s+hora\b/g, 'in an hour'],
  [/\ben\s+media\s+hora\b/g, 'in 30 min'],
  [/\ben\s+(\d{1,3})\s+(minutos|min|horas)\b/g, (_: string, n: string, u: string) => `in ${n} ${u.startsWith('h') ? 'hours' : 'min'}`],
];

function dia(word: string): string {
  const i = DIAS.indexOf(word);
  return i >= 0 ? WEEKDAYS[i]! : word;
}

/**
 * @example spanishTimeWords('manana en la tarde') // 'tomorrow  in the afternoon'
 * @example spanishTimeWords('el viernes entre 2 y 4') // 'el friday between 2 and 4'
 */
export function spanishTimeWords(text: string): string {
  if (!ANY_SPANISH.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement as (...groups: string[]) => string);
  return out;
}
