/**
 * The Spanish customer texts (see domain/wording.ts for the rules every text follows). Conventions: "usted", US
 * clock times as in English (8 AM-12 PM), day names from describe-window-es.ts. Written with their accents; toGsm7
 * keeps the ones GSM-7 has (ñ, é, ü, ¿, ¡) and drops the others (á, í, ó, ú → a, i, o, u), so every text stays GSM-7.
 */
import { trackingUrl } from './context';
import type { StatusId } from './statuses';
import type { CustomerWords } from './wording';
import { when } from './wording';
import { listOr } from './wording-en';
import { firstName, fitOneSegment, formatDollars, shortItems, shortLocation } from './wording-parts';

const STATUS_ES: Readonly<Record<StatusId, string>> = {
  booking_confirmed: 'Reservado',
  ready_for_pickup: 'Listo para recoger',
  en_route: 'Equipo en camino',
  in_progress: 'Cargando',
  completed: 'Terminado',
  cancelled: 'Cancelado',
};

const fotos = (count: number) => (count === 1 ? 'su foto' : `sus ${count} fotos`);
const at = (location: string | null) => shortLocation(location, 'es');

export const spanish: CustomerWords = {
  booked(job, ctx) {
    const link = trackingUrl(ctx, job.token);
    if (!job.location) return `¡Gracias! ${ctx.businessName} puede ir ${when(job, ctx, 'es')}. ¿Cuál es la dirección? Siga su recogida: ${link}`;
    const base = `¡Gracias! ${ctx.businessName} lo tiene anotado para ${when(job, ctx, 'es')} en ${at(job.location)}`;
    const items = shortItems(job.items);
    return fitOneSegment(...(items ? [`${base} (${items}). Siga su recogida: ${link}`] : []), `${base}. Siga su recogida: ${link}`, `${base}. Estado: ${link}`);
  },
  lateForToday(job, ctx) {
    return `Ya es tarde para hoy: lo anotamos para ${when(job, ctx, 'es')} en ${at(job.location)}. Para cambiarlo, escríbanos otra hora. Estado: ${trackingUrl(ctx, job.token)}`;
  },
  updated(job, ctx) {
    const address = job.location ? ` en ${at(job.location)}.` : '. ¿Cuál es la dirección?';
    return `Cambiado: su recogida es ${when(job, ctx, 'es')}${address} Estado: ${trackingUrl(ctx, job.token)}`;
  },
  crewBusy(job, ctx) {
    const state = job.status === 'en_route' ? 'ya va en camino' : 'ya está trabajando en su recogida';
    return `El equipo de ${ctx.businessName} ${state}; no se puede cambiar por texto ahora. Una persona lo llamará.`;
  },
  status(job, ctx) {
    return `${STATUS_ES[job.status]}: ${when(job, ctx, 'es')}, ${at(job.location)}. Estado: ${trackingUrl(ctx, job.token)}`;
  },
  cancelled(job) {
    return `Su recogida en ${at(job.location)} está cancelada. Escríbanos cuando quiera para reservar otra.`;
  },
  quoteAccepted(job, cents, ctx) {
    return `¡Gracias! Su precio de ${formatDollars(cents)} está confirmado. Nos vemos ${when(job, ctx, 'es')}.`;
  },
  photoThanks(count, job) {
    return `Gracias, recibimos ${fotos(count)} para su recogida en ${at(job.location)}.`;
  },
  askNewOrChange(job, newLocation) {
    return `¿Es una recogida nueva, o cambiamos la de ${at(job.location)} a ${at(newLocation)}? Responda NUEVA o CAMBIO.`;
  },
  customerEnRoute(job, crewName, ctx) {
    const who = crewName ? `${firstName(crewName)} de ${ctx.businessName} va` : `El equipo de ${ctx.businessName} va`;
    return `¡${who} en camino a ${at(job.location)}! Estado: ${trackingUrl(ctx, job.token)}`;
  },
  customerCompleted(job, ctx) {
    return `¡Listo! Gracias por elegir a ${ctx.businessName}. Su recibo e historial: ${trackingUrl(ctx, job.token)}`;
  },
  customerQuote(_job, cents, ctx) {
    return `Su precio es ${formatDollars(cents)} todo incluido. Responda SI para confirmar. - ${ctx.businessName}`;
  },
  customerCancelledByDispatcher(job, ctx) {
    return `${ctx.businessName} canceló su recogida en ${at(job.location)}. ¿Preguntas? Responda a este mensaje.`;
  },
  noOpenJob(ctx) {
    return `No tiene recogidas abiertas con ${ctx.businessName}. Para reservar, escriba su dirección y una hora, p. ej. "mañana en la mañana, 12 Oak St".`;
  },
  nothingToCancel() {
    return 'No tiene ninguna recogida abierta para cancelar.';
  },
  help(ctx) {
    return `${ctx.businessName}: reserve con dirección y hora ("mañana, 12 Oak St"). "donde estan" para ver, "cancelar recogida" para cancelar. STOP: no textos.`;
  },
  welcomeBack(ctx) {
    return `¡Bienvenido de nuevo a ${ctx.businessName}! Volverá a recibir textos sobre sus recogidas. STOP para no recibirlos.`;
  },
  dispatcherWillReply(ctx) {
    return `¡Gracias! Una persona de ${ctx.businessName} le responderá pronto.`;
  },
  personWillAnswer(ctx) {
    return `¡Buena pregunta! Una persona de ${ctx.businessName} le responderá pronto.`;
  },
  photosHeld(count, ctx) {
    return `¡Gracias por ${fotos(count)}! ${count === 1 ? 'La guardamos' : 'Las guardamos'} para su reserva. ¿Cuál es la dirección, y cuándo le conviene? - ${ctx.businessName}`;
  },
  askAddress(window, ctx) {
    return `¡Gracias! ${ctx.businessName} puede ir ${when({ window }, ctx, 'es')}. ¿Cuál es la dirección de recogida?`;
  },
  askWhich(jobs) {
    return `¿Cuál recogida: ${listOr(jobs.map((job) => at(job.location)), 'o')}? Responda con la calle.`;
  },
  thanksReply(ctx) {
    return `¡De nada! - ${ctx.businessName}`;
  },
  hello(ctx) {
    return `¡Hola! Para reservar con ${ctx.businessName}, escriba su dirección y una hora, p. ej. "mañana en la mañana, 12 Oak St".`;
  },
};
