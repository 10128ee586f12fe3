import { describe, expect, it } from 'vitest';
import { countryOfPhone, smsDestinationProblem, textableCountries } from '../../domain/sms-destination';

const ABROAD = 'We only text United States numbers from this form. Please call or text us instead.';
const KIND = "We can't text that kind of number. Please give a mobile number, or call or text us instead.";

describe('which numbers the booking form texts', () => {
  it.each([
    ['a US demo number (possible, unassigned)', '+15555550123', ['US'], null],
    ['a US geographic number', '+12125550123', ['US'], null],
    ['a Canadian number when only the US is allowed', '+14165550123', ['US'], 'We only text United States numbers from this form. Please call or text us instead.'],
    ['a Canadian number when Canada is allowed', '+14165550123', ['US', 'CA'], null],
    ['US premium rate (+1 900)', '+19005550123', ['US'], KIND],
    ['US toll-free (+1 800)', '+18005550199', ['US'], KIND],
    ['US personal number (+1 500)', '+15005550006', ['US'], KIND],
    ['Jamaica (+1 876), inside +1 but another country', '+18765550123', ['US'], ABROAD],
    ['Bahamas (+1 242)', '+12423570000', ['US'], ABROAD],
    ['Latvia (+371)', '+37121000000', ['US'], ABROAD],
    ['Cuba (+53)', '+5352345670', ['US'], ABROAD],
    ['international networks (+882), no country at all', '+88234100000', ['US'], ABROAD],
    ['a Guernsey mobile inside +44 when only GB is allowed', '+447911123456', ['GB'], 'We only text United Kingdom numbers from this form. Please call or text us instead.'],
    ['a UK mobile (GB) when GB is allowed', '+447400123456', ['GB'], null],
    ['a UK premium-rate number', '+449098790000', ['GB'], KIND],
  ])('%s', (_, phone, allowed, problem) => {
    expect(smsDestinationProblem(phone, allowed)).toBe(problem);
  });

  it('names several allowed countries in the message', () => {
    expect(smsDestinationProblem('+37121000000', ['US', 'CA'])).toBe(
      'We only text United States or Canada numbers from this form. Please call or text us instead.',
    );
  });

  it.each([
    ['+15555550100', 'US'],
    ['+442079460958', 'GB'],
    [null, null],
    ['+88234100000', null],
  ])('the business phone %s is in %s', (phone, country) => {
    expect(countryOfPhone(phone)).toBe(country);
  });

  it.each([
    [null, '+15555550100', ['US']],
    [null, '+442079460958', ['GB']],
    [null, null, ['US']],
    [['US', 'CA'], '+442079460958', ['US', 'CA']],
  ])('ALLOWED_COUNTRIES %j with BUSINESS_PHONE %s texts %j', (allowed, phone, countries) => {
    expect(textableCountries(allowed, phone)).toEqual(countries);
  });
});
