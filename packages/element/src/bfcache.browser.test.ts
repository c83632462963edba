// The page comes back from the back/forward cache (`pageshow` with `persisted`): frozen while the user was on the
// hosted page, it is not reloaded, so no element connects again. The element resumes its flow like a return.
import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { loadFlow } from './flow-store.js';
import { MESSAGES } from './messages/index.js';
import {
  arriveWithToken,
  leaveForHostedPage,
  mount,
  part,
  recordEvents,
  startWithoutLeaving,
  untilState,
} from '../test/helpers.js';

const en = MESSAGES.en;

function pageShow(persisted: boolean): void {
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted }));
}

/** An element left `redirecting` by a cancelled redirect, its events recorded from then on. */
async function redirecting(outcome: string | null) {
  const element = await mount();
  const { bizToken } = await startWithoutLeaving(element);
  if (outcome) await commands.simulatorOutcome(bizToken, outcome);
  await element.updateComplete;
  return { element, bizToken, events: recordEvents(element) };
}

/** Restores the page from the back/forward cache and waits until the element settles again. */
async function restore(element: Awaited<ReturnType<typeof mount>>) {
  pageShow(true);
  await untilState(element);
  await element.updateComplete;
}

describe('the page restored from the back/forward cache', () => {
  test('redirecting, "Pass" on the hosted page: passed, one faceid-result, heading focused, flow forgotten', async () => {
    const { element, bizToken, events } = await redirecting('pass');
    expect(element.state).toBe('redirecting');

    await restore(element);

    expect(element.state).toBe('passed');
    expect(element.getAttribute('state')).toBe('passed');
    expect(part(element, 'heading')?.textContent).toBe(en.passed);
    // The heading is focused once the settled view has rendered, a task after the statechange.
    await expect.poll(() => element.shadowRoot!.activeElement).toBe(part(element, 'heading'));
    const states = events.flatMap((event) => (event.type === 'faceid-statechange' ? [event.detail] : []));
    expect(states).toEqual([
      { state: 'checking', previous: 'redirecting' },
      { state: 'passed', previous: 'checking' },
    ]);
    const results = events.filter((event) => event.type === 'faceid-result');
    expect(results).toHaveLength(1);
    expect(results[0]?.detail).toEqual(element.result);
    expect(loadFlow(bizToken)).toBeNull();
  });

  test('redirecting, nothing done on the hosted page: incomplete, like a return without ?token=', async () => {
    const { element } = await redirecting(null);
    await restore(element);
    expect(element.state).toBe('incomplete');
    expect(part(element, 'message')?.textContent).toBe(en.reason.notFinished);
  });

  test('redirecting, its flow started over 15 minutes ago: still its own flow that is read', async () => {
    const { element, bizToken } = await redirecting('fail-liveness');
    const key = `faceid-verify:flow:${bizToken}`;
    const stored = JSON.parse(sessionStorage.getItem(key)!) as { createdAt: number };
    sessionStorage.setItem(key, JSON.stringify({ ...stored, createdAt: stored.createdAt - 20 * 60 * 1000 }));
    await restore(element);
    expect(element.state).toBe('failed');
    expect(element.result?.errorCode).toBe(1005);
  });

  test('idle with an unsettled flow of this tab for its proxy and page: resumes it', async () => {
    const element = await mount();
    await leaveForHostedPage('fail-compare'); // another element's flow, as after a reload
    expect(element.state).toBe('idle');
    await restore(element);
    expect(element.state).toBe('failed');
    expect(element.result?.errorCode).toBe(2016);
  });

  test('?token= in the restored URL: that flow is read and the token leaves the address bar', async () => {
    const { element } = await redirecting(null);
    const returned = await leaveForHostedPage('pass');
    arriveWithToken(returned);
    await restore(element);
    expect(element.state).toBe('passed');
    expect(new URL(location.href).searchParams.has('token')).toBe(false);
    expect(loadFlow(returned)).toBeNull();
  });

  test('a settled element with nothing to resume stays as it is', async () => {
    const { element } = await redirecting('pass');
    await restore(element);
    const events = recordEvents(element);
    pageShow(true);
    await element.updateComplete;
    expect(element.state).toBe('passed');
    expect(events).toEqual([]);
  });

  test('a pageshow that is not a restore (persisted false) does nothing', async () => {
    const { element, events } = await redirecting('pass');
    pageShow(false);
    await element.updateComplete;
    expect(element.state).toBe('redirecting');
    expect(events).toEqual([]);
  });

  test('a disconnected element does nothing (its listener is gone); connected again, it listens again', async () => {
    const { element, events } = await redirecting('pass');
    element.remove();
    pageShow(true);
    expect(element.state).toBe('redirecting'); // a resume would be `checking` at once
    expect(events).toEqual([]);

    document.body.append(element);
    await element.updateComplete;
    expect(element.state).toBe('redirecting'); // connecting alone never resumes a redirect in progress
    await restore(element);
    expect(element.state).toBe('passed');
  });
});
