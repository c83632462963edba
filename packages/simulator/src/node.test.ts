import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSimulator, type RunningSimulator } from './node.js';
import { signedApiRequest, type ApiReply } from './sign-request.js';

let running: RunningSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function send(request: Request): Promise<ApiReply> {
  const response = await fetch(request);
  expect(response.status).toBe(200);
  return (await response.json()) as ApiReply;
}

describe('serveSimulator', () => {
  it('listens on a free 127.0.0.1 port and uses that URL as publicUrl by default', async () => {
    running = await serveSimulator();
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const port = new URL(running.url).port;
    const reply = await send(
      await signedApiRequest(
        'ApplyWebVerificationBizTokenIntl',
        { RedirectURL: 'https://a.example/' },
        {
          host: '127.0.0.1',
          url: `${running.url}/`,
        },
      ),
    );
    expect(reply.Response.VerificationURL).toBe(
      `http://127.0.0.1:${port}/verify?token=${String(reply.Response.BizToken)}`,
    );
    const page = await fetch(String(reply.Response.VerificationURL));
    expect(await page.text()).toContain('FaceID Simulator');
  });

  it('checks the signature against the Host header sent, without its port', async () => {
    running = await serveSimulator({ publicUrl: 'http://sim.example.test:8788' });
    const signed = await signedApiRequest('ApplyWebVerificationBizTokenIntl', { RedirectURL: 'https://a.example/' });
    const headers = Object.fromEntries(signed.headers);
    headers.host = `faceid.intl.tencentcloudapi.com:${new URL(running.url).port}`;
    // undici's request sends our Host header (global fetch would replace it).
    const response = await request(`${running.url}/`, { method: 'POST', headers, body: await signed.text() });
    const reply = (await response.body.json()) as ApiReply;
    expect(reply.Response.Error).toBeUndefined();
    expect(String(reply.Response.VerificationURL)).toMatch(/^http:\/\/sim\.example\.test:8788\/verify\?token=/);
  });

  it('closes even while a request hangs', async () => {
    running = await serveSimulator({ testControls: true });
    await fetch(`${running.url}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ action: 'GetWebVerificationResultIntl', mode: 'hang', count: 1 }),
    });
    const request = await signedApiRequest(
      'GetWebVerificationResultIntl',
      { BizToken: 'x' },
      { url: `${running.url}/` },
    );
    const pending = fetch(request).then(
      () => 'answered',
      () => 'dropped',
    );
    await running.close();
    running = undefined;
    expect(['answered', 'dropped']).toContain(await pending);
  });
});
