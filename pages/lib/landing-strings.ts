/** Every string of the landing page, English and Spanish, under the same keys (see lib/i18n.ts). */
import type { Language } from './i18n';

const en = {
  docTitle: 'Junk pickup by text',
  call: 'Call',
  text: 'Text',
  title: 'Junk pickup, booked by text',
  lead: 'Text us what you need hauled and where, in your own words. We text back a link to follow your pickup.',
  textUs: 'Text us at',
  example: 'For example: "couch and a mattress, tomorrow morning, 12 Oak St".',
  book: 'Book online instead',
  takesTitle: 'What we take',
  take1: 'Furniture: couches, mattresses, tables',
  take2: 'Appliances: fridges, washers, dryers',
  take3: 'Yard waste, boxes and bags',
  take4: 'Renovation and construction debris',
  takesNot: 'Not paint, chemicals, fuel or other hazardous waste.',
};

export type LandingStrings = typeof en;

const es: LandingStrings = {
  docTitle: 'Recogida de trastos por mensaje',
  call: 'Llamar',
  text: 'Mensaje',
  title: 'Recogida de trastos, reservada por mensaje',
  lead: 'Escríbanos qué hay que llevarse y dónde, con sus palabras. Le respondemos con un enlace para seguir su recogida.',
  textUs: 'Escríbanos al',
  example: 'Por ejemplo: "sofá y colchón, mañana por la mañana, 12 Oak St".',
  book: 'O reserve en línea',
  takesTitle: 'Qué recogemos',
  take1: 'Muebles: sofás, colchones, mesas',
  take2: 'Electrodomésticos: refrigeradores, lavadoras, secadoras',
  take3: 'Restos de jardín, cajas y bolsas',
  take4: 'Escombros de obras y reformas',
  takesNot: 'No pintura, productos químicos, combustible ni otros residuos peligrosos.',
};

export const LANDING_STRINGS: Readonly<Record<Language, LandingStrings>> = { en, es };
