import { describe, expect, it } from 'vitest';
import { itemsAreReady } from '../../../domain/parse/items-ready';

describe('the customer says the items are ready', () => {
  it.each([
    'ready this afternoon, Soderblom Ave',
    'READY',
    'yes ready now at 12 Oak St',
    "it's all out front",
    'stuff is out',
    'put it out on the curb',
    'on the curb',
    'curbside',
    'left it by the garage',
    'couch is in the driveway',
    'by the alley behind the house',
    'everything is outside',
    'out back by the fence',
    'ready when you are',
  ])('%j → true', (text) => {
    expect(itemsAreReady(text)).toBe(true);
  });

  it.each([
    'not ready yet',
    "won't be ready until 3",
    "isn't ready",
    'almost ready',
    'are you ready?',
    'not yet',
    'I will get it ready',
    'where r u',
    'tmrw am 12 Oak St',
    'out of town till monday',
    '',
  ])('%j → false', (text) => {
    expect(itemsAreReady(text)).toBe(false);
  });
});
