/**
 * Short job codes crew type on a phone keypad: 4 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * at least one digit and one letter (so no code is an English word like DONE or HERE), unique among open jobs.
 */
import { CODE_ALPHABET, findJobCode, isJobCode } from './parse/job-code-text';

export { CODE_ALPHABET, isJobCode };

const DIGITS = '23456789';

/**
 * A fresh code not in `taken`. `random` returns numbers in [0, 1) (Math.random in production, a seeded sequence in
 * tests). With 31^4 ≈ 923k codes and a few dozen open jobs a collision is rare; we still retry until unique.
 * @example newJobCode(() => 0.5, new Set()) // 'JJJJ' is impossible: always has a digit and a letter
 */
export function newJobCode(random: () => number, taken: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    let code = '';
    for (let i = 0; i < 4; i++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)] ?? '2';
    if (!/[2-9]/.test(code)) code = DIGITS[Math.floor(random() * DIGITS.length)]! + code.slice(1);
    if (!/[A-Z]/.test(code)) code = code.slice(0, 3) + 'K';
    // Crew type codes without '#': skip the few that read as SMS words ("2HRS", "62RD") and would not be found.
    if (isJobCode(code) && !taken.has(code) && findJobCode(`claim ${code}`)?.code === code) return code;
  }
  throw new Error('no free job code (the random source repeats)');
}
