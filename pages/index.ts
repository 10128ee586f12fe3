/**
 * The landing page (/): the number to text and the business's name come from GET /api/business/public, so one
 * deployed build serves whatever BUSINESS_NAME and BUSINESS_PHONE the stage is configured with.
 */
import { jsonOf } from './lib/dom';
import { applyStrings, browserLanguage, phoneLinks, showContact, type Contact } from './lib/i18n';
import { LANDING_STRINGS } from './lib/landing-strings';

const language = browserLanguage();
const t = LANDING_STRINGS[language];
applyStrings(document, t, language);
document.title = t.docTitle;

void fetch('/api/business/public')
  .then(jsonOf)
  .then((info) => {
    const contact = (info ?? {}) as Contact;
    showContact(contact);
    const card = document.getElementById('text-card');
    if (card) card.hidden = phoneLinks(contact.businessPhone) === null;
    if (typeof contact.businessName === 'string') document.title = `${contact.businessName} · ${t.docTitle}`;
  })
  .catch(() => undefined);
