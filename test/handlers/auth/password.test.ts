import { describe, expect, it } from 'vitest';
import {
  generatePassword,
  hashPassword,
  isPasswordHash,
  verifyPassword,
} from '../../../handlers/auth/password';

const PASSWORD = 'correct horse battery';

describe('dispatcher password hash', () => {
  it('is a salted scrypt hash in the documented format that the same password verifies', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
  });

  it.each([
    ['a different password', 'correct horse battery!'],
    ['different case', 'Correct horse battery'],
    ['the empty string', ''],
    ['a trailing space', 'correct horse battery '],
  ])('rejects %s', async (_, attempt) => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(attempt, hash)).toBe(false);
  });

  it('gives the same password a different hash each time (random salt), and a fixed salt a fixed hash', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
    const salt = Buffer.alloc(16, 7);
    expect(await hashPassword(PASSWORD, { salt })).toBe(await hashPassword(PASSWORD, { salt }));
  });

  it('accepts a password typed with decomposed accents (NFD) when it was hashed composed (NFC)', async () => {
    const hash = await hashPassword('Söderblom Ave 12');
    expect(await verifyPassword('Söderblom Ave 12'.normalize('NFD'), hash)).toBe(true);
  });

  it.each([
    ['one character of the key changed', (h: string) => h.replace(/.(=?)$/, (_m, pad: string) => (h.at(-2) === 'A' ? 'B' : 'A') + pad)],
    ['the salt changed', (h: string) => h.replace(/\$N=16384,r=8,p=1\$./, (m) => m.slice(0, -1) + (m.endsWith('A') ? 'B' : 'A'))],
    ['the cost parameter changed', (h: string) => h.replace('N=16384', 'N=32768')],
    ['the key truncated', (h: string) => h.slice(0, -10)],
    ['the key cut to a canonical 16 bytes', (h: string) => h.replace(/\$([^$]*)$/, (_m, key: string) => `$${key.slice(0, 22)}==`)],
    ['the key removed', (h: string) => h.replace(/\$[^$]*$/, '$')],
    ['another algorithm named', (h: string) => h.replace('scrypt$', 'argon2id$')],
    ['an absurd memory cost', (h: string) => h.replace('N=16384,r=8', 'N=1048576,r=16')],
    ['N not a power of two', (h: string) => h.replace('N=16384', 'N=16385')],
    ['nothing at all', () => ''],
    ['plain text', () => 'correct horse battery'],
  ])('a tampered or malformed hash (%s) verifies nothing and does not throw', async (_, tamper) => {
    const hash = await hashPassword(PASSWORD);
    const tampered = tamper(hash);
    expect(tampered).not.toBe(hash);
    await expect(verifyPassword(PASSWORD, tampered)).resolves.toBe(false);
  });

  it('recognises its own hashes and nothing else as usable hashes', async () => {
    expect(isPasswordHash(await hashPassword(PASSWORD))).toBe(true);
    expect(isPasswordHash('scrypt$N=16384,r=8,p=1$AAAA$BBBB')).toBe(false);
    expect(isPasswordHash('scrypt$')).toBe(false);
  });
});

describe('one-time local password', () => {
  it('is four groups of five unambiguous characters, different every time', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    for (const password of passwords) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
      expect(password).not.toMatch(/[01lIO]/);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('round-trips through the hash like any other password', async () => {
    const password = generatePassword();
    expect(await verifyPassword(password, await hashPassword(password))).toBe(true);
  });
});
