// The real commands as processes: `faceid-simulator` (dist) and `faceid-proxy` (its bin, the bundle `npm run
// build` makes), talking over 127.0.0.1. The region refusal at start-up, and the legacy flow end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson as post, spawnCli, type SpawnedCli } from '../../test/spawn-cli.js';

const PROXY = 'proxy/bin/faceid-proxy.js';
const ORIGIN = 'http://localhost:5173';
const RETURN = `${ORIGIN}/demo/`;
let simulator: SpawnedCli;
let simulatorUrl: string;

beforeAll(async () => {
  simulator = spawnCli('simulator/dist/cli.js', ['--port', '0', '--test-controls'], {});
  simulatorUrl = await simulator.url;
});
afterAll(async () => {
  await simulator?.stop();
});

describe('faceid-proxy refuses a region where its flow cannot complete', () => {
  it.each([
    ['intl', {}, 'ap-hongkong', 'ap-bangkok, ap-jakarta, ap-singapore'],
    [
      'legacy',
      { FACEID_COMPARE_IMAGE_URL: 'https://b.example.com/a.jpg', FACEID_COMPARE_IMAGE_MD5: 'a'.repeat(32) },
      'sa-saopaulo',
      'ap-jakarta, ap-singapore',
    ],
  ])(
    '%s flow in the wrong region: exit 2 naming FACEID_REGION and the regions that work',
    async (flow, extra, region, working) => {
      const proxy = spawnCli(PROXY, [], {
        FACEID_ENDPOINT: simulatorUrl,
        FACEID_REDIRECT_URLS: RETURN,
        FACEID_FLOW: flow,
        FACEID_REGION: region,
        PORT: '0',
        ...extra,
      });
      const { code, stderr, stdout } = await proxy.exited;
      expect(code).toBe(2);
      expect(stdout).not.toContain('listening');
      expect(stderr.trim()).toBe(
        `faceid-proxy: FACEID_REGION must be one of ${working} for the ${flow} flow ` +
          `(${flow === 'intl' ? 'GetWebVerificationResultIntl' : 'ApplyWebVerificationToken'} is not offered in "${region}")`,
      );
    },
  );
});

describe('FACEID_FLOW=legacy through the real commands', () => {
  it('starts a session with ApplyWebVerificationToken and reads `passed` with GetWebVerificationResult', async () => {
    const proxy = spawnCli(PROXY, [], {
      FACEID_ENDPOINT: simulatorUrl,
      FACEID_REDIRECT_URLS: RETURN,
      FACEID_FLOW: 'legacy',
      FACEID_REGION: 'ap-jakarta',
      FACEID_COMPARE_IMAGE_URL: 'https://bucket.example.com/compare.jpg',
      FACEID_COMPARE_IMAGE_MD5: '0123456789abcdef0123456789abcdef',
      PORT: '0',
    });
    try {
      const url = await proxy.url;
      await post(`${simulatorUrl}/__simulator/reset`, {});
      const started = await post(`${url}/web/sessions`, { redirectUrl: RETURN }, { origin: ORIGIN });
      expect(started.status).toBe(201);
      const session = (await started.json()) as { bizToken: string; binding: string };
      const outcome = await post(`${simulatorUrl}/__simulator/outcomes`, { token: session.bizToken, outcome: 'pass' });
      expect(outcome.ok).toBe(true);
      const read = await post(
        `${url}/web/results`,
        { bizToken: session.bizToken, binding: session.binding },
        { origin: ORIGIN },
      );
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ status: 'passed', errorCode: 0 });
      const { calls } = (await (await fetch(`${simulatorUrl}/__simulator/calls`)).json()) as {
        calls: { action: string; region: string; signatureValid: boolean }[];
      };
      expect(calls.map(({ action, region, signatureValid }) => [action, region, signatureValid])).toEqual([
        ['ApplyWebVerificationToken', 'ap-jakarta', true],
        ['GetWebVerificationResult', 'ap-jakarta', true],
      ]);
    } finally {
      await proxy.stop();
    }
  });
});
