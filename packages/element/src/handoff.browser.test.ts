// Handoff mode against the contract server (test/contract-server.ts, a real HTTP server): the QR code and link for
// the phone, the live verdict by long-poll, and the long-poll's life cycle.
import jsqr from 'jsqr';
import { describe, expect, test } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import { part, requestsTo, startHandoff, untilState } from '../test/helpers.js';

// jsQR is CommonJS with an `exports.default`: Vite hands over that function, TypeScript (NodeNext) types the
// import as module.exports. Take whichever is the function.
const jsQR: typeof jsqr.default =
  (jsqr as { default?: typeof jsqr.default }).default ?? (jsqr as unknown as typeof jsqr.default);

/** Decodes the QR code in a PNG screenshot (base64) with jsQR, in this page. */
async function decodeQr(base64: string): Promise<string | null> {
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(data, width, height)?.data ?? null;
}

describe('handoff mode', () => {
  test('shows the QR code (part qr, with an accessible name) of the handoff link, the link itself and a copy button', async () => {
    const { element, handoffUrl } = await startHandoff();
    expect(element.state).toBe('redirecting');
    const qr = part(element, 'qr')!;
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe('QR code of the link to continue on your phone');
    const link = part(element, 'handoff-link') as HTMLAnchorElement;
    expect(link.tagName).toBe('A');
    expect(link.href).toBe(handoffUrl);
    expect(link.textContent).toBe(handoffUrl);
    expect(handoffUrl).toMatch(/\/web\/handoff\/[\w-]+$/);
    expect(part(element, 'copy')?.textContent?.trim()).toBe('Copy link');
    expect(part(element, 'message')?.textContent).toBe('Waiting for your phone…');
  });

  test("the view's styles come with its chunk and stay themable (--faceid-qr-size, --faceid-link-color)", async () => {
    const { element } = await startHandoff();
    element.style.setProperty('--faceid-qr-size', '150px');
    element.style.setProperty('--faceid-link-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(part(element, 'handoff')!).display).toBe('grid');
    expect(getComputedStyle(part(element, 'qr')!).width).toBe('150px');
    expect(getComputedStyle(part(element, 'handoff-link')!).color).toBe('rgb(1, 2, 3)');
    expect(getComputedStyle(part(element, 'copy')!).backgroundColor).toBe('rgba(0, 0, 0, 0)');
  });

  test('the QR code, as rendered on screen, decodes to the handoff link', async () => {
    const { element, handoffUrl } = await startHandoff();
    const base64 = await page.screenshot({ element: part(element, 'qr')!, save: false });
    expect(await decodeQr(base64)).toBe(handoffUrl);
  });

  test('the phone passes: the desktop shows "Identity verified" from the long-poll, without a result read', async () => {
    const resultReads = requestsTo('/web/results');
    const { element, bizToken } = await startHandoff();
    const results: unknown[] = [];
    element.addEventListener('faceid-result', (event) => results.push(event.detail));
    await commands.contractVerdict(bizToken, 'pass');
    expect(await untilState(element, ['passed', 'failed', 'error'])).toBe('passed');
    await element.updateComplete;
    expect(part(element, 'heading')?.textContent).toBe('Identity verified');
    expect(part(element, 'qr')).toBeNull();
    expect(results).toHaveLength(1);
    expect(requestsTo('/web/results')).toBe(resultReads);
  });

  test('the phone fails liveness: "Verification failed", and the next action is "Continue on your phone"', async () => {
    const { element, bizToken } = await startHandoff();
    await commands.contractVerdict(bizToken, 'fail-liveness');
    expect(await untilState(element, ['passed', 'failed', 'error'])).toBe('failed');
    await element.updateComplete;
    expect(part(element, 'heading')?.textContent).toBe('Verification failed');
    expect(part(element, 'button')?.textContent).toBe('Continue on your phone');
  });

  test('a "pending" answer (the long-poll window passed) is followed by the next long-poll', async () => {
    const { element, bizToken } = await startHandoff();
    const received = await commands.contractWaitsReceived();
    await commands.contractUntilWaitsReceived(received + 1); // the server answered pending after 1 s
    expect(element.state).toBe('redirecting');
    await commands.contractVerdict(bizToken, 'pass');
    expect(await untilState(element, ['passed', 'failed', 'error'])).toBe('passed');
  });

  test('disconnecting aborts the long-poll; connecting again resumes it', async () => {
    const { element, bizToken } = await startHandoff();
    element.remove();
    await commands.contractUntilOpenWaits(0); // the request was aborted: its connection closed
    expect(element.state).toBe('redirecting');
    document.body.append(element);
    await commands.contractUntilOpenWaits(1);
    await commands.contractVerdict(bizToken, 'pass');
    expect(await untilState(element, ['passed', 'failed', 'error'])).toBe('passed');
  });

  test('reset() aborts the long-poll and returns to idle', async () => {
    const { element } = await startHandoff();
    element.reset();
    await commands.contractUntilOpenWaits(0);
    expect(element.state).toBe('idle');
    await element.updateComplete;
    expect(part(element, 'qr')).toBeNull();
  });

  test('the copy button puts the link on the clipboard and says so', async () => {
    const { element, handoffUrl } = await startHandoff();
    await commands.grantClipboard();
    await userEvent.click(part(element, 'copy')!);
    await untilText(element, 'copy', 'Link copied');
    expect(await navigator.clipboard.readText()).toBe(handoffUrl);
  });
});

/** Resolves once the part's trimmed text is `text`. */
function untilText(element: HTMLElement, name: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => element.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.trim() === text;
    if (check()) return resolve();
    const observer = new MutationObserver(() => check() && (observer.disconnect(), resolve()));
    observer.observe(element.shadowRoot!, { childList: true, subtree: true, characterData: true });
  });
}
