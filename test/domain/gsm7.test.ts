import { describe, expect, it } from 'vitest';
import { isGsm7, segments, toGsm7 } from '../../domain/gsm7';

describe('GSM-7 and segments', () => {
  it.each([
    ['Thanks! QuickDumpNow has you down for today, 12-5 PM.', true],
    ['Today, 12–5 PM', false],
    ['K7Q2 · 12 Oak St', false],
    ['Mañana, 8 AM-12 PM. ¿Algo mas?', true],
    ['Dirección', false],
    ['curly ’quote’', false],
    ['price {x} €5', true],
  ])('%s is GSM-7: %s', (text, expected) => {
    expect(isGsm7(text)).toBe(expected);
  });

  it.each([
    ['', 0, 'GSM-7'],
    ['x'.repeat(160), 1, 'GSM-7'],
    ['x'.repeat(161), 2, 'GSM-7'],
    ['x'.repeat(306), 2, 'GSM-7'],
    ['x'.repeat(307), 3, 'GSM-7'],
    ['€'.repeat(80), 1, 'GSM-7'],
    ['€'.repeat(81), 2, 'GSM-7'],
    ['–'.repeat(70), 1, 'UCS-2'],
    ['–' + 'x'.repeat(70), 2, 'UCS-2'],
    ['–' + 'x'.repeat(133), 2, 'UCS-2'],
    ['–' + 'x'.repeat(134), 3, 'UCS-2'],
  ])('a text of %j is %i segment(s) in %s', (text, count, encoding) => {
    expect(segments(text)).toMatchObject({ segments: count, encoding });
  });

  it.each([
    ['Today, 12–5 PM · “Oak St” — ok…', 'Today, 12-5 PM - "Oak St" - ok...'],
    ['¿Mañana en la tarde? Sí, dirección, camión, Ürün', '¿Mañana en la tarde? Si, direccion, camion, Ürün'],
    ['Thanks 👍', 'Thanks '],
    ['Ça va, garçon', 'Ça va, garcon'],
  ])('toGsm7(%j) is %j, and GSM-7', (text, expected) => {
    expect(toGsm7(text)).toBe(expected);
    expect(isGsm7(toGsm7(text))).toBe(true);
  });
});
