import { describe, expect, it } from 'vitest';
import { customer } from './support';

describe('another job, or a change to the one on file', () => {
  it.each([
    ["also need a pickup friday afternoon at 20 Cedar Ave, my mom's place", 'also'],
    ['I have another pickup at 5 Pine St', 'also'],
    ['second pickup at my rental, 9 Birch Rd', 'also'],
    ['my other house needs one too, 40 Ash Ct', 'also'],
    ['one more load next week', 'also'],
    ['this one as well: 7 Fir Ln', 'also'],
    ['actually make it 14 Oak St', 'instead'],
    ['wrong address, it is 22 Elm St', 'instead'],
    ['change it to 9 Maple Ave', 'instead'],
    ['sorry I meant 12 Oak Ct', 'instead'],
    ['can we do another day?', 'instead'],
    ['saturday instead', 'instead'],
    ['también necesito otra recogida en 5 Pine St', 'also'],
    ['otra dirección: 9 Birch Rd', 'also'],
    ['mejor en 9 Maple Ave', 'instead'],
    ['en vez de mañana, el lunes', 'instead'],
    ['quise decir 14 Oak St', 'instead'],
    ['tmrw am 12 Oak St', null],
    ['2nd floor, one second', null],
  ])('%j → %s', (text, relation) => {
    expect(customer(text).relation).toBe(relation);
  });
});
