/** Placeholder until crew commands land (issue 3): crew texts reach the dispatcher. */
import type { BusinessContext } from './context';
import type { CrewMember } from './crew';
import type { InboundText, Step } from './inbound';
import type { JobsDocument } from './jobs-document';
import type { ParsedText } from './parse-text';

export function handleCrewText(
  doc: JobsDocument,
  _parsed: ParsedText,
  _text: InboundText,
  _member: CrewMember,
  ctx: BusinessContext,
): Step {
  return { doc, reply: `Crew commands are not ready yet. — ${ctx.businessName}`, notify: [], jobId: null };
}
