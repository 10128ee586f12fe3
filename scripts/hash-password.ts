/**
 * `npm run -s hash-password`: reads the dispatcher password and prints ONLY its hash, for DASHBOARD_PASSWORD_HASH.
 *
 * Interactive (stdin is a terminal): asks twice on stderr without echoing, so a typo cannot lock the dispatcher out.
 * Piped: reads one line of stdin (`printf '%s\n' "$PW" | npm run -s hash-password`). The line is used as typed —
 * only the line ending is removed, spaces count. Prompts and errors go to stderr so stdout can be redirected.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../handlers/auth/password';

/** What a terminal stdin offers: raw mode turns off echo and line editing, so we see each key and show none. */
export interface TerminalInput extends NodeJS.ReadableStream {
  setRawMode(raw: boolean): unknown;
}

/**
 * Reads one line from a terminal without echoing it. Resolves null on Ctrl-C or Ctrl-D on an empty line.
 * @example await readHiddenLine(process.stdin as TerminalInput, process.stderr, 'Password: ')
 */
export function readHiddenLine(input: TerminalInput, output: NodeJS.WritableStream, prompt: string): Promise<string | null> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let line = '';
    const finish = (value: string | null) => {
      input.removeListener('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: string | Buffer) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return finish(line);
        if (char === '\u0003') return finish(null); // Ctrl-C
        if (char === '\u0004') {
          if (line === '') return finish(null); // Ctrl-D on an empty line
          continue;
        }
        if (char === '\u007f' || char === '\b') line = [...line].slice(0, -1).join('');
        else if (char === '\u0015') line = ''; // Ctrl-U
        else if (char >= ' ') line += char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The first line of a non-terminal stdin (without its line ending), or null when stdin is empty.
 * @example await readFirstLine(process.stdin)
 */
export function readFirstLine(input: NodeJS.ReadableStream): Promise<string | null> {
  return new Promise((resolve) => {
    const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    let settled = false;
    lines.once('line', (line) => {
      settled = true;
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!settled) resolve(null);
    });
  });
}

/**
 * Why `password` cannot be used, or null when it can.
 * @example passwordProblem('short') // 'The password must be at least 8 characters.'
 */
export function passwordProblem(password: string | null): string | null {
  if (password === null || password === '') return 'No password given. Type one, or pipe one line: printf "%s\\n" "$PW" | npm run -s hash-password';
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must be at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

async function main(): Promise<number> {
  let password: string | null;
  if (process.stdin.isTTY) {
    const terminal = process.stdin as unknown as TerminalInput;
    password = await readHiddenLine(terminal, process.stderr, 'Dashboard password: ');
    if (password === null) return 130;
    if (passwordProblem(password) === null) {
      const again = await readHiddenLine(terminal, process.stderr, 'Same password again: ');
      if (again !== password) {
        process.stderr.write('The two passwords differ; nothing was printed.\n');
        return 1;
      }
    }
  } else {
    password = await readFirstLine(process.stdin);
    // One line is all we take; let go of the pipe so a writer that keeps it open does not keep us waiting.
    process.stdin.destroy();
  }
  const problem = passwordProblem(password);
  if (problem !== null) {
    process.stderr.write(`${problem}\n`);
    return 1;
  }
  process.stdout.write(`${await hashPassword(password!)}\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
