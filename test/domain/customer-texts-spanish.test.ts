/**
 * A Spanish-speaking customer is answered in Spanish all the way, and so are the texts the crew's steps send them.
 * Driven through the conversation engine like the webhook; the tests read the replies and the texts queued.
 */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, SAM, textingDay } from './support';

const LINK = 'https://dispatch.example.com/track/trk_000000000000000000001';
const smsBodies = (outbox: readonly { channel: string; body: string }[]) => outbox.filter((item) => item.channel === 'sms').map((item) => item.body);

/** "necesito recoger un sofá", then the address: booked in Spanish for as soon as possible. */
function bookedInSpanish() {
  const day = textingDay();
  day.text(CUSTOMER, 'necesito recoger un sofá');
  day.text(CUSTOMER, '12 Oak St');
  return { day, job: day.jobOf(CUSTOMER) };
}

describe('booking in Spanish', () => {
  it('a greeting says how to book; the pickup words ask for the address; the address books it', () => {
    const day = textingDay();
    expect(day.text(CUSTOMER, 'hola').reply).toBe('¡Hola! Para reservar con QuickDumpNow, escriba su direccion y una hora, p. ej. "mañana en la mañana, 12 Oak St".');
    expect(day.text(CUSTOMER, 'necesito recoger un sofá').reply).toBe('¡Gracias! QuickDumpNow puede ir lo antes posible. ¿Cual es la direccion de recogida?');
    expect(day.text(CUSTOMER, '12 Oak St').reply).toBe(`¡Gracias! QuickDumpNow lo tiene anotado para lo antes posible en 12 Oak St. Siga su recogida: ${LINK}`);
  });

  it('photos before the address are kept for the booking', () => {
    const day = textingDay();
    day.text(CUSTOMER, 'hola, necesito una recogida mañana');
    expect(day.text(CUSTOMER, '', { photos: 1 }).reply).toBe(
      '¡Gracias por su foto! La guardamos para su reserva. ¿Cual es la direccion, y cuando le conviene? - QuickDumpNow',
    );
  });
});

describe('after booking in Spanish', () => {
  it('status, photos, thanks and a new time are answered in Spanish', () => {
    const { day } = bookedInSpanish();
    expect(day.text(CUSTOMER, '¿dónde están?').reply).toBe(`Reservado: lo antes posible, 12 Oak St. Estado: ${LINK}`);
    expect(day.text(CUSTOMER, '', { photos: 2 }).reply).toBe('Gracias, recibimos sus 2 fotos para su recogida en 12 Oak St.');
    expect(day.text(CUSTOMER, 'gracias').reply).toBe('¡De nada! - QuickDumpNow');
    expect(day.text(CUSTOMER, 'mejor el sábado en la tarde').reply).toBe(`Cambiado: su recogida es pasado mañana, 12-5 PM en 12 Oak St. Estado: ${LINK}`);
  });

  it('a question a person must answer, and one the bot cannot name', () => {
    const { day } = bookedInSpanish();
    expect(day.text(CUSTOMER, '¿cuánto cobran por un piano?').reply).toBe('¡Buena pregunta! Una persona de QuickDumpNow le respondera pronto.');
    expect(day.text(CUSTOMER, '¿me pueden llamar?').reply).toBe('¡Gracias! Una persona de QuickDumpNow le respondera pronto.');
  });

  it('with two pickups, cancel asks which one and cancels the one named', () => {
    const { day } = bookedInSpanish();
    day.text(CUSTOMER, 'también necesito otra recogida el viernes en 20 Cedar Ave');
    expect(day.text(CUSTOMER, 'cancela mi recogida').reply).toBe('¿Cual recogida: 20 Cedar Ave o 12 Oak St? Responda con la calle.');
    expect(day.text(CUSTOMER, 'la de cedar').reply).toBe('Su recogida en 20 Cedar Ave esta cancelada. Escribanos cuando quiera para reservar otra.');
  });

  it('a new address asks whether it is a new pickup or a change', () => {
    const { day } = bookedInSpanish();
    expect(day.text(CUSTOMER, 'mañana en 20 Cedar Ave').reply).toBe('¿Es una recogida nueva, o cambiamos la de 12 Oak St a 20 Cedar Ave? Responda NUEVA o CAMBIO.');
  });

  it('HELP and START answer in the language of the pickup', () => {
    const { day } = bookedInSpanish();
    expect(day.text(CUSTOMER, 'HELP').reply).toBe('QuickDumpNow: reserve con direccion y hora ("mañana, 12 Oak St"). "donde estan" para ver, "cancelar recogida" para cancelar. STOP: no textos.');
    day.text(CUSTOMER, 'STOP');
    expect(day.text(CUSTOMER, 'START').reply).toBe('¡Bienvenido de nuevo a QuickDumpNow! Volvera a recibir textos sobre sus recogidas. STOP para no recibirlos.');
  });

  it('with nothing booked, cancel says there is nothing to cancel', () => {
    const { day } = bookedInSpanish();
    day.text(CUSTOMER, 'cancela mi recogida');
    expect(day.text(CUSTOMER, 'cancela mi recogida').reply).toBe('No tiene ninguna recogida abierta para cancelar.');
  });
});

describe("the crew's steps, told in Spanish", () => {
  it('a quote, its acceptance, the crew on the way, and what cannot change by text then', () => {
    const { day, job } = bookedInSpanish();
    day.text(CUSTOMER, 'mejor el sábado en la tarde');

    expect(smsBodies(day.text(SAM, `price ${job.code} 300`).outbox)).toEqual(['Su precio es $300 todo incluido. Responda SI para confirmar. - QuickDumpNow']);
    expect(day.text(CUSTOMER, 'sí').reply).toBe('¡Gracias! Su precio de $300 esta confirmado. Nos vemos pasado mañana, 12-5 PM.');
    day.text(SAM, `claim ${job.code}`);
    expect(smsBodies(day.text(SAM, `omw ${job.code} now`).outbox)).toEqual([`¡Sam de QuickDumpNow va en camino a 12 Oak St! Estado: ${LINK}`]);
    expect(day.text(CUSTOMER, 'cámbialo a mañana').reply).toBe('El equipo de QuickDumpNow ya va en camino; no se puede cambiar por texto ahora. Una persona lo llamara.');
    day.text(SAM, `here ${job.code}`);
    expect(day.text(CUSTOMER, 'cámbialo a mañana').reply).toBe('El equipo de QuickDumpNow ya esta trabajando en su recogida; no se puede cambiar por texto ahora. Una persona lo llamara.');
    expect(smsBodies(day.text(SAM, `done ${job.code}`).outbox)).toEqual([`¡Listo! Gracias por elegir a QuickDumpNow. Su recibo e historial: ${LINK}`]);
  });
});
