/**
 * The times an owner sets for the clock (reminders, the crew digest) as 24-hour "HH:MM".
 */
import { describe, expect, it } from 'vitest';
import { minutesOfDay } from '../../domain/clock-settings';

describe('a clock setting', () => {
  it.each([
    ['18:00', 1080],
    ['07:30', 450],
    ['7:30', 450],
    [' 23:59 ', 1439],
    ['00:00', 0],
    ['19:05', 1145],
  ])('%j is %i minutes past midnight', (text, minutes) => {
    expect(minutesOfDay(text)).toBe(minutes);
  });

  it.each(['24:00', '18:60', '6pm', '18', '18:0', '118:00', '18:000', ''])('%j is not a time', (text) => {
    expect(minutesOfDay(text)).toBeNull();
  });
});
