/**
 * The TwiML answer to Twilio's webhook: `<Response>` with at most one `<Message>`. Written here rather than with
 * twilio's MessagingResponse (xmlbuilder) because it is two elements on the webhook's hot path, and because
 * xmlbuilder throws on a character XML 1.0 cannot hold, which a reply that quotes a customer's text could contain:
 * such characters are dropped instead. The output is byte for byte what MessagingResponse writes for every legal
 * reply (test/handlers/twiml.test.ts compares the two).
 */

/** One TwiML <Message> holds at most 1,600 characters; our replies are far shorter, this is the last guard. */
export const TWIML_MESSAGE_LIMIT = 1600;

/** Characters XML 1.0 forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF). */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content escaped as xmlbuilder escapes it: &, <, > and CR. */
function escapeText(text: string): string {
  return text.replace(ILLEGAL_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/**
 * @example twiml('Thanks! See you at 2') // '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Thanks! See you at 2</Message></Response>'
 * @example twiml(null) // '<?xml version="1.0" encoding="UTF-8"?><Response/>'
 */
export function twiml(reply: string | null): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>';
  if (!reply) return `${head}<Response/>`;
  return `${head}<Response><Message>${escapeText(reply.slice(0, TWIML_MESSAGE_LIMIT))}</Message></Response>`;
}
