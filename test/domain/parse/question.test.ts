import { describe, expect, it } from 'vitest';
import { AT_EVERY_HOUR, customer } from './support';

// Held-out style: written before the question reader was tuned on them.
describe('a question is not a booking, at any hour', () => {
  it.each([
    ['how much for a couch?', 'price'],
    ['How much do you charge to haul away a fridge', 'price'],
    ['whats your minimum charge?', 'price'],
    ['Do you take credit cards?', 'price'],
    ['can i pay with card?', 'price'],
    ['do you take mattresses?', 'items'],
    ['Do you guys haul hot tubs?', 'items'],
    ['will you take paint cans?', 'items'],
    ['what items do you not take?', 'items'],
    ['can you take a piano?', 'items'],
    ['What are your hours on Saturday?', 'hours'],
    ['are you open sundays?', 'hours'],
    ['what time do you start in the morning?', 'hours'],
    ['Do you work weekends?', 'hours'],
    ['do you service 60614?', 'area'],
    ['do you come to Evanston?', 'area'],
    ['Do you guys go out to Naperville?', 'area'],
    ['what area do you cover?', 'area'],
    ['is this the junk removal company?', 'other'],
    ['can i send pictures first?', 'other'],
    ['¿Cuánto cobran por un colchón?', 'price'],
    ['cuanto cuesta llevarse un refrigerador', 'price'],
    ['¿Aceptan llantas?', 'items'],
    ['se llevan escombro?', 'items'],
    ['¿A qué hora abren el sábado?', 'hours'],
    ['cual es su horario?', 'hours'],
    ['¿Llegan a Cicero?', 'area'],
    ['dan servicio en 60639?', 'area'],
  ])('%j → question about %s', (text, topic) => {
    for (const [, now] of AT_EVERY_HOUR) {
      expect(customer(text, now)).toMatchObject({ intent: 'question', topic });
    }
  });
});

describe('a question inside a booking books', () => {
  it.each([
    ['can you take a couch tomorrow am, 12 Oak St?', 'items'],
    ['how much to haul a couch from 55 W Elm Ave friday?', 'price'],
    ['do you take mattresses? 55 W Elm Ave next tues', 'items'],
    ['can you pick up a fridge?', 'items'],
    ['need a pickup, how much for 2 mattresses?', 'price'],
    ['¿Pueden recoger un sofá mañana en la tarde? 123 Oak St', 'items'],
    ['necesito que recojan un colchón, cuanto cobran?', 'price'],
  ])('%j → pickup (topic %s)', (text, topic) => {
    expect(customer(text)).toMatchObject({ intent: 'pickup', topic });
  });

  it('other intents are never questions: status, cancel, confirm', () => {
    expect(customer('when are you coming?').intent).toBe('status');
    expect(customer('how much longer?').intent).toBe('status');
    expect(customer('can you cancel my pickup?').intent).toBe('cancel');
    expect(customer('yes that price is fine').intent).toBe('confirm');
    expect(customer('where r u').topic).toBeNull();
  });
});
