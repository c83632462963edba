/**
 * Test controls under `/__simulator` (only with `testControls`): preset outcomes, inject faults, list calls,
 * move the clock, reset. Bodies are JSON; errors are `{ error: { code, message } }` with a 4xx status.
 */
import { Hono, type Context } from 'hono';
import { ANY_ACTION, FAULT_MODES, isFaultMode } from './faults.js';
import type { SimulatorState } from './state.js';
import { isOutcome, OUTCOMES } from './types.js';

type ControlStatus = 400 | 404 | 409 | 410;

function fail(c: Context, status: ControlStatus, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

async function readJson(c: Context): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await c.req.json();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const RECORD_REFUSALS = {
  unknown: [404, 'unknown_token', 'No flow has this token.'],
  expired: [410, 'token_expired', 'The token expired before the flow finished.'],
  gone: [410, 'token_expired', 'The result is past its retention time.'],
  finished: [409, 'already_finished', 'The flow already has a verdict.'],
  open: [409, 'already_finished', 'The flow is still open.'],
} as const;

export function createControlRoutes(state: SimulatorState): Hono {
  const app = new Hono();
  app.post('/outcomes', async (c) => {
    const body = await readJson(c);
    if (typeof body?.token !== 'string' || !isOutcome(body.outcome)) {
      return fail(c, 400, 'invalid_request', `Send {"token", "outcome"} with outcome one of ${OUTCOMES.join(', ')}.`);
    }
    const result = state.store.record(body.token, body.outcome, state.clock.now(), true);
    if (typeof result === 'string') {
      const [status, code, message] = RECORD_REFUSALS[result];
      return fail(c, status, code, message);
    }
    return c.json({ token: result.token, outcome: body.outcome, errorCode: result.verdict?.errorCode ?? null });
  });
  app.post('/faults', async (c) => {
    const body = await readJson(c);
    const action = body?.action ?? ANY_ACTION;
    const count = body?.count ?? 1;
    if (typeof action !== 'string' || !isFaultMode(body?.mode) || !Number.isInteger(count) || (count as number) < 0) {
      return fail(
        c,
        400,
        'invalid_request',
        `Send {"action", "mode", "count"} with mode one of ${FAULT_MODES.join(', ')}.`,
      );
    }
    state.faults.set(action, body.mode, count as number);
    return c.json({ action, mode: body.mode, count });
  });
  app.get('/calls', (c) => c.json({ calls: state.calls }));
  app.post('/clock', async (c) => {
    const body = await readJson(c);
    if (typeof body?.advanceMs !== 'number' || !Number.isFinite(body.advanceMs)) {
      return fail(c, 400, 'invalid_request', 'Send {"advanceMs": number}.');
    }
    state.clock.advance(body.advanceMs);
    return c.json({ now: state.clock.now() });
  });
  app.post('/reset', (c) => {
    state.reset();
    return c.json({ ok: true });
  });
  return app;
}
