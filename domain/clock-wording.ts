/**
 * The texts the clock sends (reminder, apology, review request, a held night merged into one text, the en-route text
 * with an ETA) in the customer's language, and the crew digest and late alert (English: crew and dispatcher).
 * Every text is plain GSM-7: hyphens, straight quotes, and Spanish written without the accents GSM-7 lacks
 * (a i o u with acute), as Spanish speakers text anyway; ñ, é, ¿ and ¡ are GSM-7 and stay.
 */
import type { BusinessContext } from './context';
import { trackingUrl } from './context';
import { describeWindow } from './describe-window';
import type { Job, PickupWindow } from './jobs-document';
import { shortLocation } from './wording';
import { businessDay, daysBetween, wallClock } from './zoned-date';

export type Language = Job['language'];

/** Typographic characters our shared helpers use, made GSM-7 (en dash → hyphen, middle dot → hyphen). */
export function plainGsm(text: string): string {
  return text.replace(/[\u2013\u2014]/g, '-').replace(/\u00b7/g, '-').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u2026/g, '...');
}

/** "12-5 PM": the window's clock times with a hyphen. @example windowTimes(w, 'America/Chicago') // '12-5 PM' */
export function windowTimes(window: PickupWindow, tz: string): string {
  const text = describeWindow(window, new Date(Date.parse(window.start)), tz);
  return plainGsm(text.slice(text.lastIndexOf(', ') + 2));
}

/**
 * The day and times of a window as a customer text says them: "today 8 AM-12 PM", "tomorrow 12-5 PM",
 * "Sat, Jun 6 8 AM-5 PM"; in Spanish "hoy", "mañana", "el 6/6".
 * @example windowWords(w, now, 'America/Chicago', 'en') // 'tomorrow 12-5 PM'
 */
export function windowWords(window: PickupWindow | null, now: Date, tz: string, lang: Language): string {
  if (!window) return lang === 'es' ? 'lo antes posible' : 'as soon as possible';
  const ahead = daysBetween(businessDay(now, tz), businessDay(new Date(Date.parse(window.start)), tz));
  const times = windowTimes(window, tz);
  if (ahead === 0) return `${lang === 'es' ? 'hoy' : 'today'} ${times}`;
  if (ahead === 1) return `${lang === 'es' ? 'mañana' : 'tomorrow'} ${times}`;
  if (lang === 'es') {
    const day = businessDay(new Date(Date.parse(window.start)), tz);
    return `el ${day.day}/${day.month} ${times}`;
  }
  const text = describeWindow(window, now, tz);
  return plainGsm(`${text.slice(0, text.lastIndexOf(', '))} ${times}`);
}

/** "2:40 PM" in the business zone. @example clockTime(Date.parse('2026-06-04T19:40:00Z'), 'America/Chicago') // '2:40 PM' */
export function clockTime(instant: number, tz: string): string {
  const { hour, minute } = wallClock(instant, tz);
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

function place(job: Job): string {
  return plainGsm(shortLocation(job.location));
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export const clockWording = {
  /** The day-before reminder. @example "Reminder: QuickDumpNow comes tomorrow 12-5 PM to 14 Soderblom Ave. Reply YES to confirm or text a new time." */
  reminder(job: Job, ctx: BusinessContext): string {
    const when = windowWords(job.window, ctx.now, ctx.tz, job.language);
    return job.language === 'es'
      ? `Recordatorio: ${ctx.businessName} pasa ${when} a ${place(job)}. Responda SI para confirmar o envie otra hora.`
      : `Reminder: ${ctx.businessName} comes ${when} to ${place(job)}. Reply YES to confirm or text a new time.`;
  },
  /** The reply to YES after a reminder. */
  visitConfirmed(job: Job, ctx: BusinessContext): string {
    const when = windowWords(job.window, ctx.now, ctx.tz, job.language);
    return job.language === 'es'
      ? `Gracias, queda confirmado: ${ctx.businessName} pasa ${when} a ${place(job)}.`
      : `Thanks, you're confirmed: ${ctx.businessName} comes ${when} to ${place(job)}. See you then!`;
  },
  /** The window ended and nobody came: one apology, with how to reschedule by text. */
  apology(job: Job, ctx: BusinessContext): string {
    const when = windowWords(job.window, ctx.now, ctx.tz, job.language);
    const call = ctx.businessPhone ? (job.language === 'es' ? ` o llame al ${ctx.businessPhone}` : ` or call ${ctx.businessPhone}`) : '';
    return job.language === 'es'
      ? `Disculpe, ${ctx.businessName} no pudo llegar ${when}. Envie otra hora para reprogramar (ej. "mañana en la mañana")${call}.`
      : `Sorry, ${ctx.businessName} didn't make it ${when}. Text a new time to reschedule (e.g. "tomorrow morning")${call}.`;
  },
  /** The day after completion. */
  reviewRequest(job: Job, reviewUrl: string, ctx: BusinessContext): string {
    return job.language === 'es'
      ? `Gracias por elegir ${ctx.businessName}! Si le gusto el servicio, una reseña nos ayuda mucho: ${reviewUrl}`
      : `Thanks again for choosing ${ctx.businessName}! If we did well, a quick review helps a lot: ${reviewUrl}`;
  },
  /** "Sam from QuickDumpNow is on the way, about 20 min. Track it: …" */
  enRouteWithEta(job: Job, crewName: string | null, minutes: number, ctx: BusinessContext): string {
    const link = trackingUrl(ctx, job.token);
    if (job.language === 'es') {
      const who = crewName ? `${firstName(crewName)} de ${ctx.businessName}` : `Su equipo de ${ctx.businessName}`;
      return `${who} va en camino, unos ${minutes} min. Vea el estado: ${link}`;
    }
    const who = crewName ? `${firstName(crewName)} from ${ctx.businessName}` : `Your ${ctx.businessName} crew`;
    return `${who} is on the way, about ${minutes} min. Track it: ${link}`;
  },
  /** The track page's ETA line. @example etaLine(eta, 'America/Chicago', 'en') // 'arriving around 2:40 PM' */
  etaLine(eta: string, tz: string, lang: Language): string {
    const time = clockTime(Date.parse(eta), tz);
    return lang === 'es' ? `llega alrededor de las ${time}` : `arriving around ${time}`;
  },
  /**
   * What a night of held texts becomes at 08:00: the job as it is now, once. `greet` when the booking itself was
   * among them; `quoteCents` when a quote waits for YES.
   */
  heldUpdate(job: Job, parts: { greet: boolean; quoteCents: number | null }, ctx: BusinessContext): string {
    const es = job.language === 'es';
    const when = windowWords(job.window, ctx.now, ctx.tz, job.language);
    const where = job.location ? (es ? ` en ${place(job)}.` : ` at ${place(job)}.`) : es ? '. ¿Cual es la direccion?' : ". What's the pickup address?";
    const hello = parts.greet ? (es ? 'Gracias! ' : 'Thanks! ') : es ? 'Al dia: ' : 'Update: ';
    const dollars = parts.quoteCents === null ? '' : `$${(parts.quoteCents / 100).toFixed(2).replace(/\.00$/, '')}`;
    const quote = parts.quoteCents === null ? '' : es ? ` Su precio: ${dollars} todo incluido. Responda SI para confirmar.` : ` Your quote: ${dollars} all-in. Reply YES to confirm.`;
    const track = es ? 'Vea el estado' : 'Track it';
    const lead = es ? `${ctx.businessName} tiene su recogida ${when}` : `${ctx.businessName} has you down for ${when}`;
    return `${hello}${lead}${where}${quote} ${track}: ${trackingUrl(ctx, job.token)}`;
  },
  /** The dispatcher's late alert: subject and body. */
  lateAlert(job: Job, minutesIn: number, ctx: BusinessContext): { subject: string; body: string } {
    const label = `${job.code} - ${job.location ? shortLocation(job.location) : 'no address yet'}`;
    const when = windowWords(job.window, ctx.now, ctx.tz, 'en');
    return {
      subject: `Late: ${label}, nobody on the way`,
      body: `Pickup ${label} (${when}) is ${minutesIn} min into its window and nobody is on the way.\nAssign crew or reschedule from the dashboard. The customer gets an apology text if nobody is on the way when the window ends.`,
    };
  },
};

/** Longest crew digest: three segments of GSM-7 text. */
export const MAX_DIGEST_CHARS = 459;

/**
 * The crew member's morning text: their jobs today, today's unclaimed jobs and how to claim one.
 * @example crewDigest('Sam Rivera', [k7q2], [rz94], ctx) // "Morning Sam! Your jobs today:\nK7Q2 12-5 PM 14 Soderblom Ave (couch)\nOpen to claim:\n9RZ4 …\nText 'claim CODE' to take one, 'jobs' for the list."
 */
export function crewDigest(name: string, mine: readonly Job[], open: readonly Job[], ctx: BusinessContext): string {
  const line = (job: Job) => {
    const items = job.items ? ` (${job.items.length > 30 ? `${job.items.slice(0, 29)}...` : job.items})` : '';
    const where = job.location ? shortLocation(job.location).slice(0, 32) : 'no address yet';
    return plainGsm(`${job.code} ${job.window ? windowTimes(job.window, ctx.tz) : 'ASAP'} ${where}${items}`);
  };
  const footer = open.length > 0 ? `Text 'claim ${open[0]!.code}' to take one, 'jobs' for the list.` : "Text 'jobs' for the list.";
  const sections: string[] = [`Morning ${firstName(name)}!`];
  sections.push(mine.length > 0 ? `Your jobs today (${mine.length}):` : 'No jobs of yours today.');
  const lines: string[] = [];
  const all = [...mine.map((job) => ({ job, head: null as string | null })), ...open.map((job, i) => ({ job, head: i === 0 ? `Open to claim (${open.length}):` : null }))];
  for (const [i, { job, head }] of all.entries()) {
    const next = [...(head ? [head] : []), line(job)];
    if ([...sections, ...lines, ...next, `+${all.length - i} more`, footer].join('\n').length > MAX_DIGEST_CHARS) {
      lines.push(`+${all.length - i} more`);
      break;
    }
    lines.push(...next);
  }
  return [...sections, ...lines, footer].join('\n');
}
