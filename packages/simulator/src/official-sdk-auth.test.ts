/**
 * The intl-en SDK's authentication failures against the simulator, for every signature it can send:
 * TC3-HMAC-SHA256, its default profile (v1 HmacSHA256) and v1 HmacSHA1. Routing: test/sdk-loopback.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intlClient, startLoopbackSimulator, type LoopbackSimulator } from '../test/sdk-loopback.js';
import { DEMO_CREDENTIALS } from './types.js';

let simulator: LoopbackSimulator;

beforeAll(async () => {
  simulator = await startLoopbackSimulator();
});

afterAll(async () => {
  await simulator.close();
});

async function lastCall(): Promise<{ action: string; signatureValid: boolean } | undefined> {
  const response = await fetch(`${simulator.url}/__simulator/calls`);
  return ((await response.json()) as { calls: { action: string; signatureValid: boolean }[] }).calls.at(-1);
}

describe.each([
  ['TC3-HMAC-SHA256', 'TC3-HMAC-SHA256'],
  ['the default profile (v1 HmacSHA256)', undefined],
  ['v1 HmacSHA1', 'HmacSHA1'],
])('intl-en FaceidClient with %s', (_, signMethod) => {
  const call = intlClient(signMethod);

  it('gets SignatureFailure with a wrong key and SecretIdNotFound with an unknown SecretId', async () => {
    const wrongKey = intlClient(signMethod, { ...DEMO_CREDENTIALS, secretKey: 'EXAMPLEwrongSecretKey' });
    await expect(wrongKey('GetFaceIdTokenIntl', {})).rejects.toMatchObject({ code: 'AuthFailure.SignatureFailure' });
    expect(await lastCall()).toMatchObject({ action: 'GetFaceIdTokenIntl', signatureValid: false });
    const unknownId = intlClient(signMethod, { secretId: 'AKIDEXAMPLEunknownSecretId', secretKey: 'EXAMPLEkey' });
    await expect(unknownId('GetFaceIdTokenIntl', {})).rejects.toMatchObject({ code: 'AuthFailure.SecretIdNotFound' });
  });

  it('gets SignatureExpire when the clocks are 301 s apart', async () => {
    simulator.setClockOffset(301_000);
    try {
      await expect(call('GetFaceIdTokenIntl', {})).rejects.toMatchObject({ code: 'AuthFailure.SignatureExpire' });
    } finally {
      simulator.setClockOffset(0);
    }
    await expect(call('GetFaceIdTokenIntl', {})).resolves.toHaveProperty('SdkToken');
  });
});
