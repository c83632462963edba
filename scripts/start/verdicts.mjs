// The backend example's record of verdicts, one per BizToken, as the proxy's webhooks announced them. A real
// backend keeps this in its own database; here it lives in memory for the run. Webhooks come at least once:
// an event whose webhook-id was already recorded changes nothing.

/**
 * @typedef {{ bizToken: string, status: string, reference: string | null, similarity: number | null,
 *   webhookId: string, receivedAt: number }} Verdict
 *   `receivedAt` is ms since the epoch.
 */

/**
 * @returns {{
 *   record(webhookId: string, data: { bizToken: string, status: string, reference: string | null,
 *     result: { similarity?: number | null } | null }): boolean,
 *   get(bizToken: string): Verdict | undefined,
 *   waitFor(bizToken: string, timeoutMs: number): Promise<Verdict | undefined>,
 *   readonly processed: number,
 * }} `record` is false for a webhook-id seen before (a retry) and for a second verdict of the same flow;
 *   `waitFor` resolves with the verdict as soon as it is recorded, or undefined after `timeoutMs`;
 *   `processed` counts the events that changed something.
 */
export function createVerdictBook() {
  /** @type {Map<string, Verdict>} */
  const byToken = new Map();
  /** @type {Set<string>} */
  const seenIds = new Set();
  /** @type {Map<string, Set<(verdict: Verdict) => void>>} */
  const waiters = new Map();
  let processed = 0;
  return {
    record(webhookId, data) {
      if (seenIds.has(webhookId)) return false;
      seenIds.add(webhookId);
      // The proxy sends one terminal event per flow; a second one would not overrule the first.
      if (byToken.has(data.bizToken)) return false;
      const verdict = {
        bizToken: data.bizToken,
        status: data.status,
        reference: data.reference,
        similarity: data.result?.similarity ?? null,
        webhookId,
        receivedAt: Date.now(),
      };
      byToken.set(data.bizToken, verdict);
      processed += 1;
      for (const wake of waiters.get(data.bizToken) ?? []) wake(verdict);
      waiters.delete(data.bizToken);
      return true;
    },
    get: (bizToken) => byToken.get(bizToken),
    waitFor(bizToken, timeoutMs) {
      const known = byToken.get(bizToken);
      if (known || timeoutMs <= 0) return Promise.resolve(known);
      return new Promise((resolve) => {
        const set = waiters.get(bizToken) ?? new Set();
        waiters.set(bizToken, set);
        /** @param {Verdict | undefined} verdict */
        const done = (verdict) => {
          clearTimeout(timer);
          set.delete(done);
          if (set.size === 0 && waiters.get(bizToken) === set) waiters.delete(bizToken);
          resolve(verdict);
        };
        const timer = setTimeout(() => done(undefined), timeoutMs);
        set.add(done);
      });
    },
    get processed() {
      return processed;
    },
  };
}
