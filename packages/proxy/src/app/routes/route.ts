/**
 * The shape of one row of the route table (table.ts). A row describes; the engine (engine.ts) executes: it
 * derives the Hono handler, the 405 answer, CORS, the body limit, authentication, the inbound rate bucket, the
 * log's route name and the intl/legacy choice from the row.
 */
import type { Context } from 'hono';
import type * as v from 'valibot';
import type { FaceIdAction, FaceIdRequest, FaceIdResponse } from '../../client/index.js';
import type { Verdict } from '../../client/outcomes.js';
import type { Flow } from '../binding.js';
import type { ProxyDeps, ProxyEnv } from '../context.js';

type MaybePromise<T> = T | Promise<T>;

/**
 * `public`: anyone (health, pages). `browser`: CORS for the allowed origins, the per-client rate bucket.
 * `server`: `Authorization: Bearer <apiKey>` or the `authorize` hook (404 when neither is configured, 401
 * otherwise), the API-key rate bucket, never CORS.
 */
export type RouteKind = 'public' | 'browser' | 'server';

/** What a row's functions get: the request context, the app's shared parts, the parsed body and path params. */
export interface RouteInput<B> {
  c: Context<ProxyEnv>;
  deps: ProxyDeps;
  body: B;
  /** Path parameters of the row's pattern (`/flows/:bizToken` → `{ bizToken }`). */
  params: Record<string, string>;
}

/** What Tencent's failure said when the outcome table turned it into a verdict. */
export interface VerdictInput {
  verdict: Verdict;
  upstreamCode: string;
  requestId: string;
}

/** A JSON answer body, or a Response the row built itself (a hook's refusal, an HTML page). */
export type Answer = object | Response;

interface StepOf<B, A extends FaceIdAction> {
  action: A;
  /** Our body → Tencent's request; may answer directly with a Response (e.g. a `beforeSession` refusal). */
  request: (input: RouteInput<B>) => MaybePromise<FaceIdRequest<A> | Response>;
  /** Tencent's reply → our answer body. */
  answer: (reply: FaceIdResponse<A>, input: RouteInput<B>) => MaybePromise<Answer>;
  /** The answer for a verdict the outcome table found in a failure (e.g. `expired`); absent = answer the error. */
  verdict?: (verdict: VerdictInput, input: RouteInput<B>) => Answer;
}

/**
 * The upstream half of a row for one flow: the action, the request mapping and the normaliser. A union over the
 * actions, discriminated by `action`, so an inline step is typed by its action's request and reply.
 */
export type UpstreamStep<B> = { [A in FaceIdAction]: StepOf<B, A> }[FaceIdAction];

export interface Route<B = unknown> {
  /** Name in the log line, e.g. `web.results`. */
  name: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Hono pattern relative to the mount point; `:name` segments are path parameters. */
  path: string;
  kind: RouteKind;
  /** The strict body schema; rows without one read no body at all. */
  schema?: v.GenericSchema<unknown, B>;
  /** Body limit, bytes (required with `schema`): nothing beyond it is read. */
  bodyLimit?: number;
  /** HTTP status of a successful answer. Default 200. */
  status?: 200 | 201 | 202 | 204;
  /**
   * Browser proof (security rule 4): the BizToken and binding of the body. Without a binding only an authorised
   * server may go on (401 for a wrong API key, 403 `binding_invalid` without one).
   */
  binding?: (body: B) => { bizToken: string; binding?: string | undefined };
  /** The upstream call: one step for both flows, or one per flow; rows without one answer through `respond`. */
  upstream?: UpstreamStep<B> | Readonly<Record<Flow, UpstreamStep<B>>>;
  /** The answer of a row without an upstream call (health, ledger reads, pages). */
  respond?: (input: RouteInput<B>) => MaybePromise<Answer>;
}

/** Checks one row with its body type and erases it for the table. */
export function route<B>(row: Route<B>): Route {
  return row as unknown as Route;
}
