/**
 * Section 2c: what a job costs in SMS segments, from booking to completion. Scripted whole conversations through
 * the pure engine (domain/conversation.ts): every text the customer receives — TwiML replies and outbox texts — is
 * counted in segments (domain/gsm7.ts), with its encoding. A UCS-2 text or one over two segments is a problem.
 * The review request joins the count when the reminders/review work (issue #12) adds it to the outbox.
 */
import type { BusinessContext } from '../../domain/context';
import { handleInboundText } from '../../domain/conversation';
import { segments } from '../../domain/gsm7';
import { emptyJobsDocument, type JobsDocument } from '../../domain/jobs-document';
import { CREW } from './corpus';
import type { SectionResult } from './engine';

const CUSTOMER = '+15552999001';
const SAM = CREW.crew[0]!.phone;

type Step = readonly [from: 'customer' | 'crew', body: string];

const FLOWS: readonly { name: string; name30: boolean; steps: readonly Step[] }[] = [
  {
    name: 'English, booked in one text',
    name30: false,
    steps: [['customer', 'ready tomorrow morning, 12 Oak St'], ['crew', 'claim CODE'], ['crew', 'price CODE 600'], ['customer', 'yes'], ['crew', 'omw'], ['crew', 'here'], ['crew', 'done'], ['customer', 'thanks!']],
  },
  {
    name: 'English, question then booking over two texts',
    name30: false,
    steps: [['customer', 'how much for a couch?'], ['customer', 'need a pickup tomorrow afternoon, a couch and 2 mattresses'], ['customer', "it's 1801 Soderblom Ave, back alley"], ['crew', 'claim CODE'], ['crew', 'omw'], ['crew', 'done'], ['customer', 'thanks!']],
  },
  {
    name: 'Spanish, booked over two texts',
    name30: false,
    steps: [['customer', 'necesito una recogida mañana en la tarde, un sofá'], ['customer', 'es en 100 Main St'], ['crew', 'claim CODE'], ['crew', 'price CODE 600'], ['customer', 'sí'], ['crew', 'omw'], ['crew', 'done'], ['customer', 'gracias']],
  },
  {
    name: 'English, 30-char name, long URL and address',
    name30: true,
    steps: [['customer', 'need a pickup sat, 12345 North Martin Luther King Jr Blvd Apt 1234'], ['crew', 'claim CODE'], ['crew', 'price CODE 1250'], ['customer', 'yes'], ['crew', 'omw'], ['crew', 'done']],
  },
];

function context(now: Date, long: boolean): BusinessContext {
  let n = 0;
  return {
    now,
    tz: 'America/Chicago',
    businessName: long ? 'Chicagoland Junk Removal & Co.' : 'QuickDumpNow',
    businessPhone: '+15555550100',
    publicBaseUrl: long ? 'https://pickups.chicagoland-junkremoval.com' : 'https://quickdumpnow.com',
    dispatchEmail: 'dispatch@example.com',
    crew: CREW,
    business: { hours: {}, itemsTaken: ['couches'], itemsRefused: [], prices: [{ item: 'couch', price: 'from $75' }, { item: '*', price: 'min load $99' }], serviceArea: { zips: [], cities: [] }, notes: '' },
    newId: () => `job_seg_${++n}`,
    newToken: () => `trk_${String(n).padStart(20, '0')}`,
    random: () => 0.37,
  };
}

/** Runs every flow; one row of counts per flow. */
export function benchSegments(problems: string[]): SectionResult {
  const lines: string[] = [];
  for (const flow of FLOWS) {
    let doc: JobsDocument = emptyJobsDocument();
    const texts: string[] = [];
    let sid = 0;
    const now = new Date('2026-06-04T09:30:00-05:00');
    for (const [who, template] of flow.steps) {
      const code = Object.values(doc.jobs)[0]?.code ?? '';
      const body = template.replace('CODE', code);
      const from = who === 'customer' ? CUSTOMER : SAM;
      const out = handleInboundText(doc, { sid: `SMseg${++sid}`, from, to: '+15555550100', body, media: [] }, context(now, flow.name30));
      doc = out.doc;
      if (who === 'customer' && out.reply) texts.push(out.reply);
      texts.push(...out.outbox.filter((item) => item.channel === 'sms' && item.to === CUSTOMER).map((item) => item.body));
    }
    const counts = texts.map((text) => segments(text));
    const total = counts.reduce((sum, count) => sum + count.segments, 0);
    const ucs2 = counts.filter((count) => count.encoding === 'UCS-2').length;
    const over = counts.filter((count) => count.segments > 1).length;
    lines.push(
      `segments per job: ${flow.name}: ${texts.length} texts to the customer, ${total} segments (${over} over one segment, ${ucs2} UCS-2)`,
    );
    if (ucs2 > 0) problems.push(`2c. ${flow.name}: ${ucs2} customer text(s) in UCS-2`);
    if (counts.some((count) => count.segments > 2)) problems.push(`2c. ${flow.name}: a customer text over two segments`);
  }
  return { rows: [], lines };
}
