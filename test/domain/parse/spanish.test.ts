import { describe, expect, it } from 'vitest';
import { HOURS, customer, june } from './support';

// Thursday 2026-06-04, 09:30 in Chicago unless a case says night (22:40).
describe('Spanish texts: when, with or without accents', () => {
  it.each([
    ['mañana en la tarde', june('05', '12:00', '17:00')],
    ['manana en la tarde', june('05', '12:00', '17:00')],
    ['mañana', june('05', '08:00', '17:00')],
    ['mañana en la mañana', june('05', '08:00', '12:00')],
    ['manana por la manana', june('05', '08:00', '12:00')],
    ['pasado mañana', june('06', '08:00', '17:00')],
    ['hoy en la tarde', june('04', '12:00', '17:00')],
    ['hoy por la noche', june('04', '17:00', '20:00')],
    ['esta noche', june('04', '17:00', '20:00')],
    ['en la mañana', june('04', '09:30', '12:00')],
    ['el viernes entre 2 y 4', june('05', '14:00', '16:00')],
    ['el sábado entre las 10 y las 12', june('06', '10:00', '12:00')],
    ['hoy después de las 2', june('04', '14:00', '17:00')],
    ['mañana antes de las 5', june('05', '08:00', '17:00')],
    ['a las 3', june('04', '15:00', '17:00')],
    ['mañana a las tres de la tarde', june('05', '15:00', '17:00')],
    ['el lunes a las 9 de la mañana', june('08', '09:00', '11:00')],
    ['el próximo martes', june('09', '08:00', '17:00')],
    ['el miercoles a las 10 y media', june('10', '10:30', '12:30')],
    ['domingo', june('07', '08:00', '17:00')],
  ])('%j → %j', (text, window) => {
    expect(customer(text)).toMatchObject({ window, language: 'es' });
  });

  it.each([
    ['hoy', june('05', '08:00', '17:00')],
    ['mañana en la tarde', june('05', '12:00', '17:00')],
    ['en la tarde', june('05', '12:00', '17:00')],
  ])('at 22:40 %j → %j', (text, window) => {
    expect(customer(text, HOURS.night).window).toEqual(window);
  });
});

describe('Spanish texts: what they ask', () => {
  it.each([
    ['Necesito que recojan un sofá mañana en la tarde en 123 Oak St', 'pickup'],
    ['recojan mi sofa manana', 'pickup'],
    ['ya está listo afuera, 14 Soderblom Ave', 'pickup'],
    ['pueden venir hoy?', 'pickup'],
    ['¿dónde están?', 'status'],
    ['donde estan', 'status'],
    ['¿a qué hora vienen?', 'status'],
    ['cuando llegan?', 'status'],
    ['cancelar la recogida', 'cancel'],
    ['quiero cancelar', 'cancel'],
    ['ya no lo necesito, gracias', 'cancel'],
    ['sí', 'confirm'],
    ['Si', 'confirm'],
    ['si, de acuerdo', 'confirm'],
    ['confirmo', 'confirm'],
    ['ok, perfecto, gracias', 'confirm'],
    ['¿Cuánto cobran por un colchón?', 'question'],
  ])('%j → %s', (text, intent) => {
    expect(customer(text)).toMatchObject({ intent, language: 'es' });
  });

  it.each([
    ['es en 14 Soderblom Ave', '14 Soderblom Ave'],
    ['mañana en la tarde, 123 Oak St', '123 Oak St'],
    ['recojan en 1801 Central St Apt 3B, Evanston IL 60201', '1801 Central St Apt 3B, Evanston IL 60201'],
  ])('US-style addresses in Spanish texts: %j → %j', (text, location) => {
    expect(customer(text).location).toBe(location);
  });
});
