/** Which delivery adapters a configuration gets: local outbox files, SES, Twilio. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../handlers/config';
import { readOutboxFile } from '../../handlers/outbox-files';
import { sendersFromConfig } from '../../handlers/senders';
import { startSesLocal, type RunningSesLocal } from '../support/ses-local';

const clock = () => new Date('2026-05-04T15:30:00.000Z');
const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';

let dataDir: string;
let ses: RunningSesLocal;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'senders-'));
  ses = await startSesLocal();
});
afterAll(async () => {
  await ses.close();
  await rm(dataDir, { recursive: true, force: true });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sendersFromConfig', () => {
  it('with neither Twilio nor SES configured, texts and emails go to the outbox files', async () => {
    const { sms, mailer } = sendersFromConfig(parseConfig({ DATA_DIR: dataDir }, { local: true }), clock);

    await sms.send({ to: '+15555550123', body: 'on the way', key: 's1' });
    await mailer.send({ to: 'sam@example.com', subject: 'K7Q2', body: 'new job', key: 'e1' });

    expect(await readOutboxFile(dataDir, 'sms')).toEqual([{ to: '+15555550123', body: 'on the way', at: '2026-05-04T15:30:00.000Z', key: 's1' }]);
    expect((await readOutboxFile(dataDir, 'email')).map((l) => l.subject)).toEqual(['K7Q2']);
  });

  it('with SES_ENDPOINT and MAIL_FROM, emails go to SES from MAIL_FROM', async () => {
    const config = parseConfig({ DATA_DIR: dataDir, SES_ENDPOINT: ses.endpoint, MAIL_FROM: 'dispatch@example.com' }, { local: true });
    const result = await sendersFromConfig(config, clock).mailer.send({ to: 'sam@example.com', subject: 'Claimed K7Q2', body: 'yours', key: 'e2' });

    const arrived = (await ses.emails()).find((e) => result.ok && e.messageId === result.providerId);
    expect(arrived).toMatchObject({ from: 'dispatch@example.com', destination: { to: ['sam@example.com'] }, subject: 'Claimed K7Q2' });
  });

  it('with TWILIO_FROM, texts go to Twilio’s Messages endpoint for the account', async () => {
    // Twilio's servers are not reachable from tests: the global fetch answers as Twilio documents (201 + sid).
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ sid: 'SM0123456789abcdef0123456789abcdef', status: 'queued' }), { status: 201 });
    });
    const config = parseConfig({ DATA_DIR: dataDir, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM: '+15555550100' }, { local: true });

    const result = await sendersFromConfig(config, clock).sms.send({ to: '+15555550123', body: 'hi', key: 's3' });

    expect(result).toEqual({ ok: true, providerId: 'SM0123456789abcdef0123456789abcdef' });
    expect(calls).toEqual([`https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`]);
  });
});
