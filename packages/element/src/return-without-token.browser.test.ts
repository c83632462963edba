// The user comes back from the hosted page WITHOUT `?token=` (its "Back to site" link, the back button): a fresh
// element resumes the newest unsettled flow this tab started for its proxy and page, like a return.
import { describe, expect, test } from 'vitest';
import { loadFlow } from './flow-store.js';
import { MESSAGES } from './messages/index.js';
import {
  arriveWithToken,
  comeBack,
  leaveForHostedPage,
  mount,
  part,
  recordEvents,
  requestsTo,
  SETTLED_STATES,
  stack,
  untilState,
} from '../test/helpers.js';

const en = MESSAGES.en;

describe('the return without ?token=', () => {
  test('an unfinished flow: incomplete, "Verification not completed", one faceid-result; the next load is idle', async () => {
    const bizToken = await leaveForHostedPage(null);

    const { element, events } = await comeBack();

    expect(element.state).toBe('incomplete');
    expect(element.getAttribute('state')).toBe('incomplete');
    expect(part(element, 'heading')?.textContent).toBe(en.incomplete);
    expect(part(element, 'message')?.textContent).toBe(en.reason.notFinished);
    // The heading is focused once the settled view has rendered, a task after the statechange.
    await expect.poll(() => element.shadowRoot!.activeElement).toBe(part(element, 'heading'));
    const results = events.filter((event) => event.type === 'faceid-result');
    expect(results).toHaveLength(1);
    expect(results[0]?.detail).toEqual(element.result);
    expect(loadFlow(bizToken)).toBeNull(); // settled, so forgotten

    const reads = requestsTo('/web/results');
    element.remove();
    const next = await mount();
    expect(next.state).toBe('idle');
    expect(requestsTo('/web/results')).toBe(reads);
  });

  test('a flow finished with "Pass" on the hosted page, returned to without the token: passed', async () => {
    await leaveForHostedPage('pass');
    const { element, events } = await comeBack();
    expect(element.state).toBe('passed');
    expect(part(element, 'heading')?.textContent).toBe(en.passed);
    expect(events.filter((event) => event.type === 'faceid-result')).toHaveLength(1);
  });

  test('with auto-start, the flow to resume comes first: no new session', async () => {
    await leaveForHostedPage('quit');
    let events: ReturnType<typeof recordEvents> = [];
    const element = await mount({
      before: (el) => {
        el.autoStart = true;
        el.addEventListener('faceid-redirect', (event) => event.preventDefault()); // a regression stays on the page
        events = recordEvents(el);
      },
    });
    expect(await untilState(element, [...SETTLED_STATES, 'redirecting'])).toBe('incomplete');
    expect(element.result?.errorCode).toBe(1410);
    expect(events.map((event) => event.type)).not.toContain('faceid-start');
  });

  test('a flow for another RedirectURL or another proxy is not resumed; the matching element resumes it', async () => {
    const bizToken = await leaveForHostedPage('pass');
    const reads = requestsTo('/web/results');

    const otherPage = await mount({ before: (el) => (el.redirectUrl = new URL('/elsewhere', location.href).href) });
    const otherProxy = await mount({ proxy: stack.expiringProxyUrl });

    expect([otherPage.state, otherProxy.state]).toEqual(['idle', 'idle']);
    expect(requestsTo('/web/results')).toBe(reads);
    expect(loadFlow(bizToken)).not.toBeNull();
    expect((await comeBack()).element.state).toBe('passed');
  });

  test('a flow the proxy refuses for good (binding_invalid) is forgotten too: the next load is idle', async () => {
    const bizToken = await leaveForHostedPage('pass');
    const key = `faceid-verify:flow:${bizToken}`;
    const stored = JSON.parse(sessionStorage.getItem(key)!) as { binding: string };
    sessionStorage.setItem(key, JSON.stringify({ ...stored, binding: `${stored.binding.slice(0, -4)}AAAA` }));

    const { element } = await comeBack();
    expect(element.error).toMatchObject({ code: 'binding_invalid', retryable: false });
    expect(loadFlow(bizToken)).toBeNull();
    element.remove();
    expect((await mount()).state).toBe('idle');
  });

  test("another tab's flow (only the localStorage copy here) is not resumed", async () => {
    const bizToken = await leaveForHostedPage('pass');
    sessionStorage.removeItem(`faceid-verify:flow:${bizToken}`);
    expect(loadFlow(bizToken)).not.toBeNull(); // a return with ?token= could still read it
    const element = await mount();
    expect(element.state).toBe('idle');
  });

  test('a return with ?token= reads that flow, not the newest unsettled one', async () => {
    const returned = await leaveForHostedPage('pass');
    const newer = await leaveForHostedPage('fail-liveness');
    arriveWithToken(returned);
    const { element } = await comeBack();
    expect(element.state).toBe('passed');
    expect(loadFlow(newer)).not.toBeNull();
  });
});
