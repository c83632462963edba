import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { loadFlow } from './flow-store.js';
import { MESSAGES } from './messages/index.js';
import {
  arriveWithToken,
  mount,
  part,
  recordEvents,
  requestsTo,
  stack,
  startWithoutLeaving,
  untilState,
  verifyWithOutcome,
} from '../test/helpers.js';

const en = MESSAGES.en;

// Simulator outcome → what the page shows after the return (design.md status rules, faceid-api.md §5.5).
const RETURNS = [
  { outcome: 'pass', state: 'passed', heading: 'Identity verified', message: null, errorCode: 0 },
  {
    outcome: 'fail-liveness',
    state: 'failed',
    heading: 'Verification failed',
    message: en.reason.liveness,
    errorCode: 1005,
  },
  {
    outcome: 'fail-compare',
    state: 'failed',
    heading: 'Verification failed',
    message: en.reason.faceMismatch,
    errorCode: 2016,
  },
  {
    outcome: 'timeout',
    state: 'incomplete',
    heading: 'Verification not completed',
    message: en.reason.timeout,
    errorCode: 1409,
  },
  {
    outcome: 'quit',
    state: 'incomplete',
    heading: 'Verification not completed',
    message: en.reason.quit,
    errorCode: 1410,
  },
  {
    outcome: 'abandon',
    state: 'incomplete',
    heading: 'Verification not completed',
    message: en.reason.notFinished,
    errorCode: null,
  },
] as const;

describe('the return from the hosted page (?token=)', () => {
  test.each(RETURNS)('$outcome → $state: "$heading", address bar scrubbed, result focused', async (expected) => {
    const { element, bizToken, events } = await verifyWithOutcome(expected.outcome);

    const url = new URL(location.href);
    expect(url.searchParams.has('token')).toBe(false);
    expect(url.searchParams.get('other')).toBe('1');
    expect(url.searchParams.has('sessionId')).toBe(true); // Vitest's own parameters survive too.
    expect(element.state).toBe(expected.state);
    expect(element.getAttribute('state')).toBe(expected.state);
    expect(part(element, 'heading')?.textContent).toBe(expected.heading);
    expect(part(element, 'message')?.textContent ?? null).toBe(expected.message);
    expect(element.result).toMatchObject({ status: expected.state, errorCode: expected.errorCode });
    const result = events.find((event) => event.type === 'faceid-result');
    expect(result?.detail).toEqual(element.result);
    expect(element.shadowRoot!.activeElement).toBe(part(element, 'heading'));
    expect(loadFlow(bizToken)).toBeNull(); // A settled flow is forgotten.
    expect(element.textContent + element.shadowRoot!.textContent).not.toContain(bizToken);
  });

  test('expired BizToken → expired: "Verification session expired", next action "Start over"', async () => {
    const { element } = await verifyWithOutcome(null, { proxy: stack.expiringProxyUrl });
    expect(element.state).toBe('expired');
    expect(part(element, 'heading')?.textContent).toBe('Verification session expired');
    expect(part(element, 'button')?.textContent).toBe('Start over');
  });

  test('while the result is incomplete right after return, it is read again per retry delay, then settles', async () => {
    const before = requestsTo('/web/results');
    const { element } = await verifyWithOutcome('abandon');
    expect(element.incompleteRetryDelays).toHaveLength(2);
    expect(requestsTo('/web/results') - before).toBe(3);
  });

  test('the token is removed from the address bar before anything else, keeping the fragment', async () => {
    arriveWithToken('not-a-known-token');
    history.replaceState(history.state, '', `${location.href}#section`);
    const seen: string[] = [];
    await mount({ before: (el) => el.addEventListener('faceid-statechange', () => seen.push(location.href)) });
    expect(seen.length).toBeGreaterThan(0);
    for (const href of seen) expect(new URL(href).searchParams.has('token')).toBe(false);
    expect(location.hash).toBe('#section');
  });

  test('a token with no stored flow: error session_not_found, and no request to the proxy', async () => {
    const requestsBefore = requestsTo('/web/results');
    arriveWithToken('11111111-2222-3333-4444-555555555555');
    let events: ReturnType<typeof recordEvents> = [];
    const element = await mount({ before: (el) => (events = recordEvents(el)) });
    expect(element.state).toBe('error');
    expect(element.error).toMatchObject({ code: 'session_not_found', retryable: false });
    const error = events.find((event) => event.type === 'faceid-error');
    expect(error?.detail).toEqual(element.error);
    expect(part(element, 'heading')?.textContent).toBe('Something went wrong');
    expect(part(element, 'retry')).toBeNull();
    expect(part(element, 'button')?.textContent).toBe('Start over');
    expect(requestsTo('/web/results')).toBe(requestsBefore);
    expect(location.search).not.toContain('token=');
  });

  test('a binding the proxy did not issue for this BizToken: 403 binding_invalid, not retryable', async () => {
    const starter = await mount();
    const { bizToken } = await startWithoutLeaving(starter);
    starter.remove();
    const key = `faceid-verify:flow:${bizToken}`;
    const stored = JSON.parse(sessionStorage.getItem(key)!) as { binding: string };
    sessionStorage.setItem(key, JSON.stringify({ ...stored, binding: `${stored.binding.slice(0, -4)}AAAA` }));
    await commands.simulatorOutcome(bizToken, 'pass');
    arriveWithToken(bizToken);

    const element = await mount();
    await untilState(element);
    expect(element.state).toBe('error');
    expect(element.error).toMatchObject({ code: 'binding_invalid', retryable: false });
    expect(element.result).toBeNull();
  });

  test('checkResult() reads the current flow again', async () => {
    const starter = await mount();
    const { bizToken } = await startWithoutLeaving(starter);
    await commands.simulatorOutcome(bizToken, 'fail-compare');
    await starter.checkResult();
    expect(starter.state).toBe('failed');
    expect(starter.result?.errorCode).toBe(2016);
  });

  test('"Try again" after a failure starts a new verification', async () => {
    const { element } = await verifyWithOutcome('fail-liveness');
    element.addEventListener('faceid-redirect', (event) => event.preventDefault());
    part(element, 'button')!.click();
    expect(await untilState(element, ['redirecting', 'error'])).toBe('redirecting');
  });
});
