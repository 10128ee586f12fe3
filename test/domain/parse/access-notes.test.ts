import { describe, expect, it } from 'vitest';
import { customer } from './support';

describe('access notes for the crew, in the customer\'s words', () => {
  it.each([
    ['ready, use the back alley', ['use the back alley']],
    ['buzzer broken, call when here', ['buzzer broken', 'call when here']],
    ['gate code 1234', ['gate code 1234']],
    ["it's in the garage", ["it's in the garage"]],
    ['2nd floor no elevator', ['2nd floor no elevator']],
    ['3rd floor, no elevator, 12 Oak St', ['3rd floor', 'no elevator']],
    ['text me when you are on the way', ['text me when you are on the way']],
    ['side gate is open, beware of dog', ['side gate', 'beware of dog']],
    ['tmrw am 12 Oak St', []],
    ['está en la cochera, llámame cuando lleguen', ['está en la cochera', 'llámame cuando lleguen']],
    ['segundo piso sin elevador', ['segundo piso sin elevador']],
    ['entren por el callejón, el código del portón es 4321', ['por el callejón', 'código del portón es 4321']],
    ['el timbre no sirve', ['timbre no sirve']],
  ])('%j → %j', (text, notes) => {
    expect(customer(text).notes).toEqual(notes);
  });
});
