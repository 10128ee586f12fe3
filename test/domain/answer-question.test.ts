/**
 * Customers' questions answered from business.json (what is taken, prices, hours, the service area), through the
 * conversation engine like the webhook: the tests read the reply, and that no dispatcher was needed.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../../domain/business-profile';
import { CUSTOMER, textingDay } from './support';

const PROFILE: BusinessProfile = {
  hours: { mon: '8 AM-5 PM', tue: '8 AM-5 PM', wed: '8 AM-5 PM', thu: '8 AM-5 PM', fri: '8 AM-5 PM', sat: '9 AM-2 PM', sun: null },
  itemsTaken: ['couches', 'mattresses', 'paint', 'tires'],
  itemsRefused: ['hot tubs', 'asbestos'],
  prices: [
    { item: 'couch', price: 'from $75' },
    { item: 'mattress', price: '$60' },
    { item: '*', price: 'min load $99' },
  ],
  serviceArea: { zips: ['60201', '60202'], cities: ['Evanston', 'Skokie'] },
  notes: '',
};

/** A business with long lists and only Saturday hours given. */
const LONG_LISTS: BusinessProfile = {
  hours: { sat: '9 AM-2 PM' },
  itemsTaken: ['couches', 'mattresses', 'washing machines', 'refrigerators', 'old televisions', 'exercise equipment', 'office furniture'],
  itemsRefused: [],
  prices: [
    { item: 'couch', price: 'from $75' },
    { item: 'mattress', price: '$60' },
    { item: 'washing machine', price: '$90 and up' },
    { item: 'refrigerator', price: '$110 and up' },
    { item: 'old television', price: '$45 each' },
  ],
  serviceArea: { zips: [], cities: ['Evanston', 'Skokie', 'Wilmette', 'Winnetka', 'Glenview', 'Northbrook', 'Highland Park', 'Lake Forest', 'Morton Grove'] },
  notes: '',
};

const TO_BOOK = ' To book, text your address and a time.';
const PERSON = 'Good question! A person at QuickDumpNow will text you back shortly.';

function ask(text: string, profile: BusinessProfile = PROFILE) {
  const day = textingDay(undefined, undefined, profile);
  return day.text(CUSTOMER, text);
}

describe('answered from the business profile, with no dispatcher', () => {
  it.each([
    ['do you take mattresses?', `Yes, we take mattresses!${TO_BOOK}`],
    ['do you take couches and mattresses?', `Yes, we take couches and mattresses!${TO_BOOK}`],
    ['do you take old tires?', `Yes, we take tires!${TO_BOOK}`],
    ['do you take paint?', `Yes, we take paint!${TO_BOOK}`],
    ['do you take hot tubs?', `Sorry, we don't take hot tubs.${TO_BOOK}`],
    ['do you take hot tubs or asbestos?', `Sorry, we don't take hot tubs or asbestos.${TO_BOOK}`],
    ['do you take mattresses and hot tubs?', `We take mattresses, but not hot tubs.${TO_BOOK}`],
    ['what do you take?', `We take couches, mattresses, paint and tires.${TO_BOOK}`],
    ['how much for a couch?', `Price guide: couch from $75, min load $99. Final price on site.${TO_BOOK}`],
    ['how much for 2 mattresses?', `Price guide: mattress $60, min load $99. Final price on site.${TO_BOOK}`],
    ['how much do you charge?', `Price guide: couch from $75, mattress $60, min load $99. Final price on site.${TO_BOOK}`],
    ['what are your hours?', `Our hours: Mon-Fri 8 AM-5 PM, Sat 9 AM-2 PM, Sun closed.${TO_BOOK}`],
    ['are you open saturday?', `Saturday: 9 AM-2 PM.${TO_BOOK}`],
    ['are you open sunday?', `We're closed on Sunday.${TO_BOOK}`],
    ['do you come to 60201?', `Yes, we serve 60201!${TO_BOOK}`],
    ['do you serve evanston?', `Yes, we serve Evanston!${TO_BOOK}`],
    ['what area do you serve?', `We serve Evanston, Skokie, 60201 and 60202.${TO_BOOK}`],
    ['¿aceptan colchones?', '¡Si, llevamos mattresses! Para reservar, escriba su direccion y una hora.'],
    ['¿cuál es su horario?', 'Horario: lun-vie 8 AM-5 PM, sab 9 AM-2 PM, dom cerrado. Para reservar, escriba su direccion y una hora.'],
    ['¿van a Skokie?', '¡Si, vamos a Skokie! Para reservar, escriba su direccion y una hora.'],
  ])('%j → %j', (text, reply) => {
    const answered = ask(text);
    expect(answered.reply).toBe(reply);
    expect(answered.outbox).toEqual([]);
  });

  it.each([
    ['what do you take?', /^We take couches, mattresses, washing machines, refrigerators, old televisions\.\.\./],
    ['how much do you charge?', /^Price guide: couch from \$75, mattress \$60, washing machine \$90 and up, refrigerator \$110 and up\.\.\./],
    ['what area do you serve?', /^We serve Evanston, Skokie, Wilmette, Winnetka, Glenview, Northbrook, Highland Park, Lake Forest\.\.\./],
    ['what are your hours?', /^Our hours: Sat 9 AM-2 PM\./],
  ])('a long list is cut short: %j', (text, reply) => {
    expect(ask(text, LONG_LISTS).reply).toMatch(reply);
  });
});

describe('opening hours in a summary', () => {
  it.each<[string, BusinessProfile['hours'], string]>([
    ['days apart with the same hours stay apart', { mon: '8 AM-5 PM', wed: '8 AM-5 PM' }, 'Mon 8 AM-5 PM, Wed 8 AM-5 PM'],
    ['a different day between breaks the run', { mon: '8 AM-5 PM', tue: '9 AM-1 PM', wed: '8 AM-5 PM' }, 'Mon 8 AM-5 PM, Tue 9 AM-1 PM, Wed 8 AM-5 PM'],
    ['Monday comes first, Sunday last', { sun: null, sat: '9 AM-2 PM', mon: '8 AM-5 PM', tue: '8 AM-5 PM' }, 'Mon-Tue 8 AM-5 PM, Sat 9 AM-2 PM, Sun closed'],
  ])('%s', (_, hours, summary) => {
    expect(ask('what are your hours?', { ...PROFILE, hours }).reply).toBe(`Our hours: ${summary}.${TO_BOOK}`);
  });
});

describe('what the profile does not say goes to a person', () => {
  it.each([
    ['do you take pianos?', PROFILE],
    ['how much for a piano?', PROFILE],
    ['how much for tires?', PROFILE],
    ['do you come to 60699?', PROFILE],
    ['do you come to Glenview?', PROFILE],
    ['are you open sunday?', LONG_LISTS],
    ['do you come to 60201?', LONG_LISTS],
    ['what do you take?', { ...PROFILE, itemsTaken: [] }],
    ['how much do you charge?', { ...PROFILE, prices: [] }],
    ['what are your hours?', { ...PROFILE, hours: {} }],
    ['what area do you serve?', { ...PROFILE, serviceArea: { zips: [], cities: [] } }],
  ])('%j', (text, profile) => {
    const asked = ask(text, profile);
    expect(asked.reply).toBe(PERSON);
    expect(asked.outbox.map((item) => item.to)).toEqual(['dispatch@example.com']);
  });
});
