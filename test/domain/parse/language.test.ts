import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../domain/parse/language';
import { customer } from './support';

describe('Spanish or English, with or without accents', () => {
  it.each([
    ['mañana en la tarde', 'es'],
    ['manana en la tarde', 'es'],
    ['recojan mi sofa', 'es'],
    ['Hola, necesito que recojan un colchón mañana', 'es'],
    ['¿dónde están?', 'es'],
    ['sí', 'es'],
    ['gracias', 'es'],
    ['quiero cancelar', 'es'],
    ['es en 14 Soderblom Ave', 'es'],
    ['a las 3', 'es'],
    ['tmrw am 12 Oak St', 'en'],
    ['Can you pick up a sofa?', 'en'],
    ['where r u', 'en'],
    ['me and my wife have a couch and a mesa', 'en'],
    ['see you tomorrow', 'en'],
  ])('%j → %s', (text, language) => {
    expect(customer(text).language).toBe(language);
  });

  it.each(['👍', 'ok', '12 Oak St', 'no', 'sofa'])('%j has no language of its own: null from languageOf, English in ParsedText', (text) => {
    expect(languageOf(text.toLowerCase(), text)).toBeNull();
    expect(customer(text).language).toBe('en');
  });
});
