/**
 * The dispatcher password: stored only as a salted scrypt hash (DASHBOARD_PASSWORD_HASH), checked in constant time.
 *
 * Format: `scrypt$N=16384,r=8,p=1$<salt base64>$<key base64>` — the parameters travel with the hash so they can be
 * raised later without breaking hashes already deployed.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N=2^14, r=8 costs 16 MiB and tens of milliseconds per try — cheap for one login, dear for guessing. */
export const SCRYPT_PARAMS = Object.freeze({ N: 16384, r: 8, p: 1 });
const SALT_BYTES = 16;
const KEY_BYTES = 32;

/** Passwords shorter than this are refused by `npm run -s hash-password`. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longer input is refused at login and by the script: nobody types more, and it bounds the work per request. */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * Hashes a password for DASHBOARD_PASSWORD_HASH with a fresh random salt (or the given one, for tests).
 * @example await hashPassword('correct horse battery') // 'scrypt$N=16384,r=8,p=1$…$…'
 */
export async function hashPassword(password: string, options: { salt?: Buffer } = {}): Promise<string> {
  const salt = options.salt ?? randomBytes(SALT_BYTES);
  const { N, r, p } = SCRYPT_PARAMS;
  const key = await deriveKey(password, salt, KEY_BYTES, { N, r, p });
  return `scrypt$N=${N},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * True when `password` matches `hash`. Constant-time on the derived key; a malformed hash is false, never a throw.
 * @example await verifyPassword('correct horse battery', hash) // true
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parsePasswordHash(hash);
  if (parsed === null) return false;
  try {
    const key = await deriveKey(password, parsed.salt, KEY_BYTES, parsed.params);
    return timingSafeEqual(key, parsed.key);
  } catch {
    return false;
  }
}

/**
 * True when `hash` is a well-formed scrypt hash this module can check. Lets startup refuse a mangled
 * DASHBOARD_PASSWORD_HASH instead of silently locking the dispatcher out.
 * @example isPasswordHash('scrypt$N=16384,r=8,p=1$AAAA$BBBB') // false: salt and key too short
 */
export function isPasswordHash(hash: string): boolean {
  return parsePasswordHash(hash) !== null;
}

// Readable on a phone screen and over the phone: no 0/O, 1/l/I.
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time local password: four groups of five from a 55-character alphabet (20 random characters, ~115 bits),
 * drawn with crypto.randomInt so there is no modulo bias.
 * @example generatePassword() // 'k7Qm2-xR9vb-Hn4tw-pZ3cE'
 */
export function generatePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

interface ParsedHash {
  readonly params: { readonly N: number; readonly r: number; readonly p: number };
  readonly salt: Buffer;
  readonly key: Buffer;
}

// 64 MiB: room to raise the cost to 4× today's, while a hand-edited hash cannot ask for gigabytes per login.
const MAX_SCRYPT_MEMORY = 64 * 1024 * 1024;
const HASH_PATTERN = /^scrypt\$N=(\d{1,7}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function parsePasswordHash(hash: string): ParsedHash | null {
  const match = HASH_PATTERN.exec(hash.trim());
  if (match === null) return null;
  const [, n, r, p, salt, key] = match;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // Bounds keep a hand-edited hash from asking for gigabytes of memory or an effectively infinite loop.
  const powerOfTwo = (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N < 1024 || params.N > 1_048_576) return null;
  if (params.r < 1 || params.p < 1 || params.p > 16) return null;
  if (128 * params.N * params.r > MAX_SCRYPT_MEMORY) return null;
  const saltBytes = Buffer.from(salt!, 'base64');
  const keyBytes = Buffer.from(key!, 'base64');
  // Exact, canonical encodings only: Node decodes base64 leniently, and a shortened key would otherwise be checked
  // as a prefix of the real one (scrypt output for a shorter length is a prefix of the longer).
  if (saltBytes.toString('base64') !== salt || keyBytes.toString('base64') !== key) return null;
  if (saltBytes.length < SALT_BYTES || keyBytes.length !== KEY_BYTES) return null;
  return { params, salt: saltBytes, key: keyBytes };
}

function deriveKey(password: string, salt: Buffer, length: number, params: ParsedHash['params']): Promise<Buffer> {
  // NFC: the same password typed on a phone and on a laptop can arrive as different code-point sequences.
  const input = Buffer.from(password.normalize('NFC'), 'utf8');
  // Node's default maxmem (32 MiB) is below 128·N·r for the larger parameters we accept; allow what they need.
  const options: ScryptOptions = { ...params, maxmem: MAX_SCRYPT_MEMORY + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(input, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
