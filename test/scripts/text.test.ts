/**
 * `npm run text`: reads PORT and PUBLIC_BASE_URL through handlers/config.ts, as the server does; --url wins;
 * --help prints usage; a bad option is a usage message, never a stack trace.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { textCommand } from '../../scripts/text';

const run = promisify(execFile);

describe('npm run text', () => {
  it.each([
    ['no PORT or PUBLIC_BASE_URL', {}, [], 'http://localhost:3000'],
    ['PORT', { PORT: '4000' }, [], 'http://localhost:4000'],
    ['PUBLIC_BASE_URL (as the server signs it)', { PORT: '4000', PUBLIC_BASE_URL: 'https://abc.ngrok.app/' }, [], 'https://abc.ngrok.app'],
    ['--url over both', { PORT: '4000' }, ['--url', 'http://127.0.0.1:4000'], 'http://127.0.0.1:4000'],
  ])('posts where the server listens: %s', (_case, env, args, baseUrl) => {
    const command = textCommand([...args, 'jobs'], env);
    expect(command).toMatchObject({ kind: 'send', options: { baseUrl, from: '+15555550123', body: 'jobs' } });
  });

  it('signs with TWILIO_AUTH_TOKEN as the server checks it', () => {
    expect(textCommand(['hi'], { TWILIO_AUTH_TOKEN: 'tok-123' })).toMatchObject({ options: { authToken: 'tok-123' } });
  });

  it('--help is help, an unknown option or no message a usage error', () => {
    expect(textCommand(['--help'], {})).toEqual({ kind: 'help' });
    expect(textCommand(['--bogus', 'hi'], {})).toEqual({ kind: 'usage-error', message: "Unknown option '--bogus'" });
    expect(textCommand([], {})).toEqual({ kind: 'usage-error', message: 'Give the message to send' });
  });

  it('--help prints usage and exits 0 (no stack trace)', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/text.ts', '--help']);
    expect(stdout).toMatch(/^Text the running bot/);
    expect(stdout).toContain('--url URL');
    expect(stderr).toBe('');
  }, 30_000);
});
