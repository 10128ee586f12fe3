import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../handlers/auth/password';
import { passwordProblem, readHiddenLine, type TerminalInput } from '../../scripts/hash-password';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run -s hash-password` exactly as the README tells the owner to, with `input` piped to stdin. */
function hashPasswordScript(input: string) {
  const result = spawnSync('npm', ['run', '-s', 'hash-password'], { cwd: REPO, input, encoding: 'utf8', timeout: 20_000 });
  // npm on this machine may warn about its own config on stderr; keep only what the script wrote.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n')
    .trim();
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('npm run -s hash-password, piped', () => {
  it('prints only the hash of the line it was given, and the hash verifies', async () => {
    const { status, stdout, stderr } = hashPasswordScript('haul it all away\n');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^scrypt\$N=16384,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+\n$/);
    expect(await verifyPassword('haul it all away', stdout.trim())).toBe(true);
  });

  it('takes only the first line (CRLF included) and keeps spaces inside it', async () => {
    const { status, stdout } = hashPasswordScript('  spaced out  \r\nsecond line ignored\n');
    expect(status).toBe(0);
    expect(stdout.split('\n')).toHaveLength(2);
    expect(await verifyPassword('  spaced out  ', stdout.trim())).toBe(true);
  });

  it.each([
    ['nothing', '', /No password given/],
    ['an empty line', '\n', /No password given/],
    ['a 7-character password', 'abcdefg\n', /at least 8 characters/],
  ])('given %s it prints no hash, explains on stderr and exits 1', (_, input, message) => {
    const { status, stdout, stderr } = hashPasswordScript(input);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('the hidden prompt', () => {
  /** A stand-in for a terminal: raw mode is recorded, keystrokes are written by the test. */
  function fakeTerminal() {
    const stream = new PassThrough() as PassThrough & TerminalInput & { rawModes: boolean[] };
    stream.rawModes = [];
    stream.setRawMode = (raw: boolean) => stream.rawModes.push(raw);
    return stream;
  }

  it('shows the prompt but never the typed characters, and handles backspace', async () => {
    const input = fakeTerminal();
    const screen = new PassThrough();
    let shown = '';
    screen.on('data', (chunk) => (shown += String(chunk)));
    const line = readHiddenLine(input, screen, 'Dashboard password: ');
    input.write('haul it');
    input.write('X\u007f all away\r');
    expect(await line).toBe('haul it all away');
    expect(shown).toBe('Dashboard password: \n');
    expect(input.rawModes).toEqual([true, false]);
  });

  it('gives up on Ctrl-C and restores the terminal', async () => {
    const input = fakeTerminal();
    const line = readHiddenLine(input, new PassThrough(), 'Dashboard password: ');
    input.write('half\u0003');
    expect(await line).toBeNull();
    expect(input.rawModes).toEqual([true, false]);
  });
});

describe('password rules', () => {
  it.each([
    [null, /No password given/],
    ['', /No password given/],
    ['1234567', /at least 8/],
    ['🚚🚚🚚🚚🚚🚚🚚', /at least 8/], // 7 characters even though 14 UTF-16 units
    ['x'.repeat(1025), /at most 1024/],
    ['12345678', null],
  ])('%j → %s', (password, problem) => {
    const found = passwordProblem(password);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
