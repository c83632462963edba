import { describe, expect, test } from 'vitest';
import { clearFlow, FLOW_FALLBACK_TTL_MS, loadFlow, saveFlow } from './flow-store.js';

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
});
