/**
 * The fetch adapter against the same local stand-in for api.twilio.com and the same table as the `twilio`
 * package adapter (test/support/twilio-sms-suite.ts).
 */
import { createTwilioSmsFetch } from '../../handlers/twilio-sms-fetch';
import { describeTwilioSender } from '../support/twilio-sms-suite';

describeTwilioSender('Twilio through fetch', createTwilioSmsFetch);
