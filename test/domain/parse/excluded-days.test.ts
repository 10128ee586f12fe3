import { describe, expect, it } from 'vitest';
import { HOURS, customer, june } from './support';

// Thursday 2026-06-04. Tomorrow = Fri 5th, Sat 6th, Mon 8th.
describe('days ruled out, and the window from what is left', () => {
  it.each([
    ["I'm not home tomorrow, can we do next Monday?", ['2026-06-05'], june('08', '08:00', '17:00')],
    ['not tomorrow', ['2026-06-05'], null],
    ["can't do Friday", ['2026-06-05'], null],
    ['not this Saturday, next one', ['2026-06-06'], june('13', '08:00', '17:00')],
    ['friday doesnt work, how about monday afternoon', ['2026-06-05'], june('08', '12:00', '17:00')],
    ['busy today, tomorrow morning works', ['2026-06-04'], june('05', '08:00', '12:00')],
    ['not today, afternoon is fine', ['2026-06-04'], june('05', '12:00', '17:00')],
    ['cancel friday, saturday instead', ['2026-06-05'], june('06', '08:00', '17:00')],
    ["won't be home monday, tuesday after 2", ['2026-06-08'], june('09', '14:00', '17:00')],
    ['tmrw am 12 Oak St', [], june('05', '08:00', '12:00')],
    // A day that does not exist rules nothing out; the same day ruled out twice is listed once.
    ['not feb 30, saturday works', [], june('06', '08:00', '17:00')],
    ['not tomorrow and not friday, saturday', ['2026-06-05'], june('06', '08:00', '17:00')],
    ['no puedo el viernes, el sábado sí', ['2026-06-05'], june('06', '08:00', '17:00')],
    ['mañana no, el lunes en la tarde', ['2026-06-05'], june('08', '12:00', '17:00')],
    ['no estoy mañana, mejor el martes', ['2026-06-05'], june('09', '08:00', '17:00')],
  ])('%j rules out %j → %j', (text, excludedDays, window) => {
    const parsed = customer(text);
    expect({ excludedDays: parsed.excludedDays, window: parsed.window }).toEqual({ excludedDays, window });
    expect(parsed.intent).toBe('pickup');
  });

  it('at 22:40, "not tomorrow, saturday" is Saturday; "not tomorrow" in the afternoon leaves the day after', () => {
    expect(customer('not tomorrow, saturday', HOURS.night)).toMatchObject({ excludedDays: ['2026-06-05'], window: june('06', '08:00', '17:00') });
    expect(customer('not tomorrow, in the afternoon', HOURS.night).window).toEqual(june('06', '12:00', '17:00'));
  });
});
