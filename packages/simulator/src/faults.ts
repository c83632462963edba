/**
 * Injected upstream failures for the next N calls of an action (test controls only): what a proxy must
 * survive from the real network and gateway.
 */
import { errorEnvelope, SimulatorApiError } from './api-error.js';

export const FAULT_MODES = ['http-500', 'hang', 'malformed-json', 'rate-limit', 'internal-error', 'redirect'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
/** Where the `redirect` fault points: a host that is not the API. */
export const FAULT_REDIRECT_LOCATION = 'https://redirected.example.invalid/';
/** Matches every action when given as the fault's action. */
export const ANY_ACTION = '*';

export function isFaultMode(value: unknown): value is FaultMode {
  return typeof value === 'string' && (FAULT_MODES as readonly string[]).includes(value);
}

export class FaultQueue {
  readonly #pending = new Map<string, { mode: FaultMode; remaining: number }>();
  /** Aborted by `clear()` so hung requests end on reset. */
  #release = new AbortController();

  set(action: string, mode: FaultMode, count: number): void {
    if (count <= 0) this.#pending.delete(action);
    else this.#pending.set(action, { mode, remaining: count });
  }

  /** The fault for this call of `action`, counting it down; undefined when none is pending. */
  take(action: string): FaultMode | undefined {
    for (const key of [action, ANY_ACTION]) {
      const fault = this.#pending.get(key);
      if (!fault) continue;
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.#pending.delete(key);
      return fault.mode;
    }
    return undefined;
  }

  get releaseSignal(): AbortSignal {
    return this.#release.signal;
  }

  clear(): void {
    this.#pending.clear();
    this.#release.abort();
    this.#release = new AbortController();
  }
}

/** Never answers until the client aborts (`signal`) or the faults are reset. */
function hang(signal: AbortSignal, release: AbortSignal): Promise<Response> {
  return new Promise((resolve) => {
    const done = () => resolve(new Response(null, { status: 499 }));
    if (signal.aborted || release.aborted) return done();
    signal.addEventListener('abort', done, { once: true });
    release.addEventListener('abort', done, { once: true });
  });
}

/** The response a fault produces. `signal` is the request's, so a hang ends when the client gives up. */
export function faultResponse(
  mode: FaultMode,
  signal: AbortSignal,
  release: AbortSignal,
): Response | Promise<Response> {
  const json = { 'content-type': 'application/json' };
  switch (mode) {
    case 'http-500':
      return new Response('<html><body><h1>500 Internal Server Error</h1></body></html>', {
        status: 500,
        headers: { 'content-type': 'text/html' },
      });
    case 'hang':
      return hang(signal, release);
    case 'malformed-json':
      return new Response(`{"Response":{"RequestId":"${crypto.randomUUID()}",`, { status: 200, headers: json });
    case 'rate-limit':
      return Response.json(errorEnvelope(new SimulatorApiError('RequestLimitExceeded')));
    case 'internal-error':
      return Response.json(errorEnvelope(new SimulatorApiError('InternalError')));
    case 'redirect':
      return new Response(null, { status: 302, headers: { location: FAULT_REDIRECT_LOCATION } });
  }
}
