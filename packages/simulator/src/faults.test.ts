/** Every fault mode and the rate limit, through app.fetch and (for hang) over a real loopback socket. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator } from './app.js';
import { FAULT_REDIRECT_LOCATION } from './faults.js';
import { serveSimulator, type RunningSimulator } from './node.js';
import { callSimulator, signedApiRequest } from './sign-request.js';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const ACTION = 'GetWebVerificationResultIntl';

function setup(rateLimitPerSecond?: number) {
  let now = NOW;
  const app = createSimulator({
    publicUrl: 'http://127.0.0.1:8788',
    now: () => now,
    testControls: true,
    ...(rateLimitPerSecond ? { rateLimitPerSecond } : {}),
  });
  const inject = (mode: string, count = 1, action: string = ACTION) =>
    app.request('/__simulator/faults', { method: 'POST', body: JSON.stringify({ action, mode, count }) });
  const send = async (action = ACTION) =>
    app.fetch(await signedApiRequest(action, { BizToken: 'x' }, { timestamp: Math.floor(now / 1000) }));
  return { app, inject, send, advance: (ms: number) => (now += ms) };
}

async function codeOf(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { Response: { Error?: { Code: string } } }).Response.Error?.Code;
}

describe('faults', () => {
  it('http-500 answers 500 with an HTML body, for count calls only', async () => {
    const { inject, send } = setup();
    expect((await inject('http-500', 2)).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const response = await send();
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<html>');
    }
    expect(await codeOf(await send())).toBe('InvalidParameterValue.BizTokenIllegal');
  });

  it('malformed-json answers 200 with a truncated JSON body', async () => {
    const { inject, send } = setup();
    await inject('malformed-json');
    const response = await send();
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it('rate-limit and internal-error answer the Tencent error codes', async () => {
    const { inject, send } = setup();
    await inject('rate-limit');
    expect(await codeOf(await send())).toBe('RequestLimitExceeded');
    await inject('internal-error');
    expect(await codeOf(await send())).toBe('InternalError');
  });

  it('redirect answers 302 to another host', async () => {
    const { inject, send } = setup();
    await inject('redirect');
    const response = await send();
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '').host).not.toBe('faceid.intl.tencentcloudapi.com');
    expect(response.headers.get('location')).toBe(FAULT_REDIRECT_LOCATION);
  });

  it('only hits the named action, or every action with "*"', async () => {
    const { inject, send } = setup();
    await inject('internal-error', 1);
    expect(await codeOf(await send('GetFaceIdResultIntl'))).not.toBe('InternalError');
    await inject('internal-error', 1, '*');
    expect(await codeOf(await send('GetFaceIdResultIntl'))).toBe('InternalError');
  });

  it('rejects an unknown mode', async () => {
    const { inject } = setup();
    expect((await inject('explode')).status).toBe(400);
  });

  it('hang never answers until the client aborts, then the next call is normal', async () => {
    const { inject, app } = setup();
    await inject('hang');
    const controller = new AbortController();
    const request = await signedApiRequest(ACTION, { BizToken: 'x' }, { timestamp: NOW / 1000 });
    let settled = false;
    const pending = Promise.resolve(app.fetch(new Request(request, { signal: controller.signal }))).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    controller.abort();
    await pending;
    expect(settled).toBe(true);
    const next = await callSimulator(app, ACTION, { BizToken: 'x' }, { timestamp: NOW / 1000 });
    expect(next.Response.Error?.Code).toBe('InvalidParameterValue.BizTokenIllegal');
  });
});

describe('hang over a real socket', () => {
  let running: RunningSimulator | undefined;
  afterEach(async () => running?.close());

  it('holds the connection until the client aborts', async () => {
    running = await serveSimulator({ testControls: true });
    await fetch(`${running.url}/__simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ action: ACTION, mode: 'hang' }),
    });
    const controller = new AbortController();
    const request = await signedApiRequest(ACTION, { BizToken: 'x' }, { host: '127.0.0.1', url: `${running.url}/` });
    let settled = false;
    const pending = fetch(request, { signal: controller.signal }).finally(() => {
      settled = true;
    });
    // Wait (by polling the call log, no timers) until the simulator holds the request.
    const callCount = async () =>
      ((await (await fetch(`${running?.url}/__simulator/calls`)).json()) as { calls: unknown[] }).calls.length;
    for (let i = 0; i < 200 && (await callCount()) === 0; i++);
    expect(await callCount()).toBe(1);
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });
});

describe('rate limit', () => {
  it('allows 20 calls per action in any one second, then RequestLimitExceeded', async () => {
    const { send, advance } = setup();
    for (let i = 0; i < 20; i++) expect(await codeOf(await send())).toBe('InvalidParameterValue.BizTokenIllegal');
    expect(await codeOf(await send())).toBe('RequestLimitExceeded');
    expect(await codeOf(await send('GetFaceIdResultIntl'))).not.toBe('RequestLimitExceeded');
    advance(999);
    expect(await codeOf(await send())).toBe('RequestLimitExceeded');
    advance(1);
    expect(await codeOf(await send())).toBe('InvalidParameterValue.BizTokenIllegal');
  });

  it('follows rateLimitPerSecond', async () => {
    const { send } = setup(2);
    await send();
    await send();
    expect(await codeOf(await send())).toBe('RequestLimitExceeded');
  });
});
