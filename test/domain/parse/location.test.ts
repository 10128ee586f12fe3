import { describe, expect, it } from 'vitest';
import { findLocation } from '../../../domain/parse/location';

describe('the street address, as the customer wrote it', () => {
  it.each([
    ['ready this afternoon, Soderblom Ave', 'Soderblom Ave'],
    ['tmrw am 12 Oak St', '12 Oak St'],
    ['1801 Central St Apt 3B', '1801 Central St Apt 3B'],
    ['pickup at 1801 Central St Apt 3B', '1801 Central St Apt 3B'],
    ["I'm at 45 Elm Street, come tmrw", '45 Elm Street'],
    ['address is 1801 Central St. Apt 3B Evanston IL 60201', '1801 Central St. Apt 3B Evanston IL 60201'],
    ['1801 Central St, Apt 3B, Evanston, IL 60201 thanks', '1801 Central St, Apt 3B, Evanston, IL 60201'],
    ['Pick up at 4521 N Kedzie Ave Chicago IL 60625', '4521 N Kedzie Ave Chicago IL 60625'],
    ['12 Oak St, Evanston', '12 Oak St, Evanston'],
    ['12 Oak St Evanston', '12 Oak St Evanston'],
    ['12 Oak St Evanston tmrw', '12 Oak St Evanston'],
    ['12 Oak St, Park Ridge', '12 Oak St, Park Ridge'],
    ['12 Oak St Thanks', '12 Oak St'],
    ['12 OAK ST EVANSTON', '12 OAK ST'],
    ['100 N. Main St.', '100 N. Main St'],
    ['my address is 789 Pine Dr', '789 Pine Dr'],
    ['12 Oak St, Evanston. See you then', '12 Oak St, Evanston'],
    ['12 oak st evanston il', '12 oak st evanston il'],
    ['12 Oak St 60201', '12 Oak St 60201'],
    ['12 Oak St #4 tmrw', '12 Oak St #4'],
    ['300 W Lake St Unit 5', '300 W Lake St Unit 5'],
    ['Unit 5, 300 W Lake St?', 'Unit 5, 300 W Lake St'],
    ['Apt 3B 1801 Central St', 'Apt 3B 1801 Central St'],
    ['123 Main St, Suite 200, Chicago, IL', '123 Main St, Suite 200, Chicago, IL'],
    ['44 Lake Shore Dr N', '44 Lake Shore Dr N'],
    ['123 5th Ave', '123 5th Ave'],
    ['456 N 1st St', '456 N 1st St'],
    ['we are on 5th Ave', '5th Ave'],
    ['123 St Paul Ave', '123 St Paul Ave'],
    ['12 Court St', '12 Court St'],
    ['12-14 Maple Ln', '12-14 Maple Ln'],
    ['12B Birch Ct', '12B Birch Ct'],
    ['500 N MAIN ST EVANSTON IL 60201 TMRW AM', '500 N MAIN ST EVANSTON IL 60201'],
    ['12 OAK ST', '12 OAK ST'],
    ['Stuff is out front at 77 Maple Ln', '77 Maple Ln'],
    ['2 couches at 12 Oak St', '12 Oak St'],
    ['12 Oak St at 3', '12 Oak St'],
    ['12 Oak St, tomorrow at 3', '12 Oak St'],
    ['at 3 Oak St', '3 Oak St'],
    ['Sat 12 Oak St', '12 Oak St'],
    ['Im at 12 Oak St. See you tmrw', '12 Oak St'],
    ['12 Oak St.', '12 Oak St'],
    ['12   Oak   St', '12 Oak St'],
    ['12 Oak St👍', '12 Oak St'],
    ['my place on Soderblom Avenue', 'Soderblom Avenue'],
    ['soderblom avenue', 'soderblom avenue'],
    ['come by oak st', 'oak st'],
    ['Lake Shore Drive', 'Lake Shore Drive'],
    ['1801 central street', '1801 central street'],
    ['12345 Hwy 61', '12345 Hwy 61'],
    ['come to 5 County Rd 12 tmrw', '5 County Rd 12'],
    ['Martin Luther King Jr Blvd', 'Martin Luther King Jr Blvd'],
    // No street type: a house number after "at"/"address is" that cannot be an hour, or a capitalised name.
    ['at 1801 Central', '1801 Central'],
    ['address: 1801 Central', '1801 Central'],
    ['at 12 Oak', '12 Oak'],
  ])('%j → %j', (text, expected) => {
    expect(findLocation(text)?.text ?? null).toBe(expected);
  });
});

describe('words that are not an address', () => {
  it.each([
    'on my way',
    'by the way can you come friday',
    "i'll drive it over",
    'i live on lake shore drive',
    'at 3',
    'at 3 tomorrow',
    'AT 12 PLS',
    '12 noon',
    'around noon',
    'come at 3 if possible',
    'ready now',
    'same place as last time',
    'down the street',
    'text us 5 times',
    '',
  ])('%j → null', (text) => {
    expect(findLocation(text)).toBeNull();
  });
});

it('gives the span so the address can be cut out of the text', () => {
  const text = 'tmrw am 12 Oak St pls';
  const found = findLocation(text);
  expect(found && text.slice(found.start, found.end)).toBe('12 Oak St');
});
