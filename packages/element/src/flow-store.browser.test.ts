import { describe, expect, test } from 'vitest';
import { clearFlow, findUnsettledFlow, FLOW_FALLBACK_TTL_MS, loadFlow, saveFlow } from './flow-store.js';

const KEY = (bizToken: string) => `faceid-verify:flow:${bizToken}`;

function flow(createdAt = Date.now()) {
  return { bizToken: crypto.randomUUID(), binding: 'signed.binding', proxy: '/faceid', createdAt };
}

describe('the stored flow', () => {
  test('is found by its BizToken only', () => {
    const saved = flow();
    saveFlow(saved);
    expect(loadFlow(saved.bizToken)).toEqual(saved);
    expect(loadFlow(crypto.randomUUID())).toBeNull();
    clearFlow(saved.bizToken);
  });

  test('falls back to localStorage for 15 minutes when sessionStorage lost it (in-app browsers)', () => {
    const saved = flow(1_000_000);
    saveFlow(saved);
    sessionStorage.removeItem(KEY(saved.bizToken));
    expect(loadFlow(saved.bizToken, saved.createdAt + FLOW_FALLBACK_TTL_MS)).toEqual(saved);
    expect(loadFlow(saved.bizToken, saved.createdAt + FLOW_FALLBACK_TTL_MS + 1)).toBeNull();
    clearFlow(saved.bizToken);
  });

  test('clearFlow forgets it in both storages and drops expired localStorage copies of other flows', () => {
    const now = Date.now();
    const current = flow(now);
    const stale = flow(now - FLOW_FALLBACK_TTL_MS - 1);
    saveFlow(current);
    saveFlow(stale);
    localStorage.setItem(KEY('garbage'), '{not json');
    clearFlow(current.bizToken, now);
    expect(sessionStorage.getItem(KEY(current.bizToken))).toBeNull();
    expect(localStorage.getItem(KEY(current.bizToken))).toBeNull();
    expect(localStorage.getItem(KEY(stale.bizToken))).toBeNull();
    expect(localStorage.getItem(KEY('garbage'))).toBeNull();
    sessionStorage.removeItem(KEY(stale.bizToken));
  });

  test('a tampered or malformed entry is no flow', () => {
    const saved = flow();
    sessionStorage.setItem(KEY(saved.bizToken), JSON.stringify({ ...saved, bizToken: 'another' }));
    expect(loadFlow(saved.bizToken)).toBeNull();
    sessionStorage.setItem(KEY(saved.bizToken), '[]');
    expect(loadFlow(saved.bizToken)).toBeNull();
    sessionStorage.removeItem(KEY(saved.bizToken));
  });

  test('the unsettled flow of a return without ?token=: newest in this tab for this proxy and page, within the TTL', () => {
    const proxy = `/faceid-${crypto.randomUUID()}`; // no other test's flow matches
    const page = 'https://shop.example/kyc';
    const now = 10_000_000;
    const older = { ...flow(now - 2000), proxy, redirectUrl: `${page}?step=1` };
    const newest = { ...flow(now - 1000), proxy, redirectUrl: page };
    const otherPage = { ...flow(now - 500), proxy, redirectUrl: 'https://shop.example/other' };
    const otherProxy = { ...flow(now - 500), proxy: `${proxy}-2`, redirectUrl: page };
    for (const saved of [older, newest, otherPage, otherProxy]) saveFlow(saved);

    expect(findUnsettledFlow(proxy, `${page}?lang=th#top`, now)).toEqual(newest); // query and fragment do not count
    expect(findUnsettledFlow(proxy, 'https://shop.example/kyc/', now)).toBeNull();
    expect(findUnsettledFlow(proxy, 'https://other.example/kyc', now)).toBeNull();
    expect(findUnsettledFlow(proxy, page, newest.createdAt + FLOW_FALLBACK_TTL_MS - 1)).toEqual(newest);
    expect(findUnsettledFlow(proxy, page, newest.createdAt + FLOW_FALLBACK_TTL_MS)).toBeNull();
    clearFlow(newest.bizToken);
    expect(findUnsettledFlow(proxy, page, now)).toEqual(older);
    expect(findUnsettledFlow(proxy, page, older.createdAt + FLOW_FALLBACK_TTL_MS)).toBeNull();
    for (const saved of [older, otherPage, otherProxy]) clearFlow(saved.bizToken);
  });

  test("the unsettled flow is looked for in sessionStorage only, never in another tab's localStorage copy", () => {
    const saved = { ...flow(), proxy: `/faceid-${crypto.randomUUID()}`, redirectUrl: 'https://shop.example/kyc' };
    saveFlow(saved);
    sessionStorage.removeItem(KEY(saved.bizToken));
    expect(findUnsettledFlow(saved.proxy, saved.redirectUrl)).toBeNull();
    clearFlow(saved.bizToken);
  });

  test('an entry stored without redirectUrl (older versions) is still read by BizToken, never resumed', () => {
    const saved = { ...flow(), proxy: `/faceid-${crypto.randomUUID()}` };
    saveFlow(saved);
    expect(loadFlow(saved.bizToken)).toEqual(saved);
    expect(findUnsettledFlow(saved.proxy, location.href)).toBeNull();
    clearFlow(saved.bizToken);
  });
});
