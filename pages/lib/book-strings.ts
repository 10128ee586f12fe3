/** Every string of the booking page, English and Spanish, under the same keys (see lib/i18n.ts). */
import type { Language } from './i18n';

const en = {
  docTitle: 'Book a pickup',
  call: 'Call',
  text: 'Text',
  title: 'Book a junk pickup',
  lead: "Tell us where and when. We'll text you a link to follow your pickup.",
  name: 'Your name',
  phone: 'Mobile number',
  phoneHint: 'We text you the link and updates here.',
  address: 'Pickup address',
  addressHint: 'Street and house number, e.g. 1801 Soderblom Ave.',
  whichDay: 'Which day?',
  today: 'Today',
  tomorrow: 'Tomorrow',
  pickDay: 'Pick a day',
  day: 'Day',
  whatTime: 'What time of day?',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  any: 'Any time',
  items: 'What needs hauling?',
  optional: '(optional)',
  itemsPlaceholder: 'Old couch, a mattress, about 10 bags of yard waste',
  submit: 'Book my pickup',
  booking: 'Booking…',
  consent: "Booking means you're OK with texts about this pickup. Reply STOP any time to stop them.",
  booked: "You're booked!",
  bookedWhen: "We'll come {when}.",
  bookedCode: 'Your job code is {code}. We\'ve texted you too.',
  follow: 'Follow your pickup',
  checkFields: 'Please check the fields marked above.',
  pickDayFirst: 'Pick a day in the calendar, or choose today or tomorrow.',
  failed: 'Something went wrong ({status}). Please try again, or text us.',
  cannotReach: "Can't reach us right now. Check your connection and try again.",
};

export type BookStrings = typeof en;

const es: BookStrings = {
  docTitle: 'Reserve una recogida',
  call: 'Llamar',
  text: 'Mensaje',
  title: 'Reserve una recogida de trastos',
  lead: 'Díganos dónde y cuándo. Le enviaremos un enlace por mensaje para seguir su recogida.',
  name: 'Su nombre',
  phone: 'Número de celular',
  phoneHint: 'Aquí le enviamos el enlace y las novedades.',
  address: 'Dirección de recogida',
  addressHint: 'Calle y número, p. ej. 1801 Soderblom Ave.',
  whichDay: '¿Qué día?',
  today: 'Hoy',
  tomorrow: 'Mañana',
  pickDay: 'Elegir día',
  day: 'Día',
  whatTime: '¿A qué hora del día?',
  morning: 'Por la mañana',
  afternoon: 'Por la tarde',
  evening: 'Por la noche',
  any: 'Cualquier hora',
  items: '¿Qué hay que llevarse?',
  optional: '(opcional)',
  itemsPlaceholder: 'Un sofá viejo, un colchón, unas 10 bolsas de jardín',
  submit: 'Reservar mi recogida',
  booking: 'Reservando…',
  consent: 'Al reservar acepta recibir mensajes sobre esta recogida. Responda STOP cuando quiera para dejar de recibirlos.',
  booked: '¡Reserva hecha!',
  bookedWhen: 'Iremos: {when}',
  bookedCode: 'Su código de trabajo es {code}. También se lo enviamos por mensaje.',
  follow: 'Seguir mi recogida',
  checkFields: 'Revise los campos marcados arriba.',
  pickDayFirst: 'Elija un día en el calendario, o elija hoy o mañana.',
  failed: 'Algo salió mal ({status}). Inténtelo de nuevo, o envíenos un mensaje.',
  cannotReach: 'No podemos conectar ahora. Revise su conexión e inténtelo de nuevo.',
};

export const BOOK_STRINGS: Readonly<Record<Language, BookStrings>> = { en, es };

/**
 * The server's field messages are English; on the Spanish page each field gets its Spanish message instead.
 */
export const SPANISH_FIELD_ERRORS: Readonly<Record<string, string>> = {
  name: 'Díganos su nombre (hasta 80 caracteres).',
  phone: 'Ese número no parece un celular. Pruebe p. ej. (555) 555-0123.',
  address: 'Escriba la dirección de recogida con calle y número.',
  day: 'Elija otro día: hoy o más adelante, hasta 60 días.',
  part: 'Esa hora ya pasó hoy: elija otra.',
  items: 'Deje la descripción en 500 caracteres o menos.',
};
