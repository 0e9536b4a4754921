import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { TokenIssuer } from './auth';
import { realClock } from './clock';
import { CONTROL_PATH, control } from './control';
import { BUILT_IN_SCENARIO } from './dataset/built-in-scenario';
import { ScenarioState } from './scenario/state';
import { Dataset } from './dataset/dataset';
import { faultsApi, FaultState, type ScriptedFault } from './faults';
import { handle } from './handlers';
import { AUTH_SERVER_ID, resolveOptions, type ResolvedSimulatorOptions } from './options';
import { MemoryRequestLog } from './request-log';
import { apiError, malformed, oauthError, wafBlocked, type SimResponse } from './responses';
import { matchRoute, type RouteMatch } from './routes';
import type { RouteName, Simulator, SimulatorOptions } from './types';

const MAX_FORM_BYTES = 64 * 1024;

/** Everything one running simulator owns; handed to the request handler. */
interface SimState {
  readonly options: ResolvedSimulatorOptions;
  readonly issuer: TokenIssuer;
  readonly faults: FaultState;
  readonly log: MemoryRequestLog;
  readonly dataset: Dataset;
  readonly scenarios: ScenarioState;
  readonly closing: AbortController;
  readonly serialized: WeakMap<object, string>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function injected(fault: ScriptedFault & { kind: 'fail' }, route: RouteName): SimResponse {
  const { status, options } = fault;
  const headers = options.retryAfter === undefined ? undefined : { 'Retry-After': String(options.retryAfter) };
  if (options.body !== undefined) return { status, body: options.body, headers };
  if (route !== 'token') return apiError(status, undefined, headers);
  const error = status === 401 ? 'invalid_client' : status >= 500 ? 'server_error' : 'invalid_request';
  return oauthError(status, error, `Injected fault: HTTP ${status}.`, headers);
}

/** Applies a scripted fault (or none) around the real answer. */
function withFault(fault: ScriptedFault | undefined, route: RouteName, answer: () => SimResponse): SimResponse {
  if (fault?.kind === 'fail') return injected(fault, route);
  const response = answer();
  return fault?.kind === 'malformed' && response.status === 200 ? malformed(fault.malformed, response.body) : response;
}

function respond(
  state: SimState,
  request: IncomingMessage,
  match: RouteMatch,
  query: URLSearchParams,
  form: string,
): SimResponse {
  const { route, params } = match;
  if (route === 'token') {
    const fault = state.faults.nextFault(route);
    return withFault(fault, route, () =>
      state.issuer.issue(request.headers.authorization, request.headers['content-type'], form),
    );
  }
  if (!state.faults.wafAllows(request.socket.remoteAddress ?? 'unknown')) return wafBlocked();
  const failure = state.scenarios.failure(params.locationId, state.options.now());
  if (failure) {
    const message = 'Simulated Plume failure (scenario).';
    return failure.status === 'timeout'
      ? { ...apiError(504, message), holdMs: failure.holdMs }
      : apiError(failure.status, message);
  }
  return withFault(state.faults.nextFault(route), route, () => {
    const partnerId = state.issuer.verify(request.headers.authorization);
    if (partnerId === undefined) return apiError(401);
    return handle(route, { params, query, partnerId, dataset: state.dataset });
  });
}

function send(state: SimState, response: ServerResponse, answer: SimResponse): void {
  let payload = answer.raw;
  if (payload === undefined) {
    const body = answer.body;
    const cached = typeof body === 'object' && body !== null ? state.serialized.get(body) : undefined;
    payload = cached ?? JSON.stringify(body ?? null);
    if (cached === undefined && typeof body === 'object' && body !== null) state.serialized.set(body, payload);
  }
  response.writeHead(answer.status, {
    'Content-Type': answer.contentType ?? 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    ...answer.headers,
  });
  response.end(payload);
}

async function onRequest(state: SimState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const receivedAt = state.options.now();
  const target = request.url ?? '/';
  const queryStart = target.indexOf('?');
  const rawPath = queryStart < 0 ? target : target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart < 0 ? '' : target.slice(queryStart + 1));
  const method = request.method ?? 'GET';
  if (rawPath === CONTROL_PATH) {
    send(state, response, control(state.scenarios, method, await readBody(request)));
    return;
  }
  const matched = matchRoute(method, rawPath);
  const match = matched.kind === 'match' ? matched.match : undefined;
  state.log.begin(match?.route);
  try {
    await answerRequest(state, request, response, { receivedAt, rawPath, query, method, matched, match });
  } finally {
    state.log.end(match?.route);
  }
}

/** What {@link onRequest} parsed from the request line. */
interface Arrival {
  readonly receivedAt: number;
  readonly rawPath: string;
  readonly query: URLSearchParams;
  readonly method: string;
  readonly matched: ReturnType<typeof matchRoute>;
  readonly match: RouteMatch | undefined;
}

async function answerRequest(
  state: SimState,
  request: IncomingMessage,
  response: ServerResponse,
  arrival: Arrival,
): Promise<void> {
  const { receivedAt, rawPath, query, method, matched, match } = arrival;
  const body = match?.route === 'token' ? await readBody(request) : '';
  // The answer, scripted faults included, is decided on arrival, in arrival order: a fault scripted
  // later never lands on a request that was already waiting out a delay.
  let answer: SimResponse;
  if (match) answer = respond(state, request, match, query, body);
  else if (matched.kind === 'bad-encoding') answer = apiError(400, 'Malformed percent-encoding in the path.');
  else answer = apiError(404, `There is no method to handle ${method} ${rawPath}`);
  const delay = state.faults.nextDelay(match?.route) + (answer.holdMs ?? 0);
  if (delay > 0) await sleep(delay, undefined, { signal: state.closing.signal });
  send(state, response, answer);
  const form = match?.route === 'token' ? new URLSearchParams(body) : undefined;
  state.log.record({
    route: match?.route,
    method,
    rawPath,
    params: match?.params ?? {},
    query: Object.fromEntries(query),
    ...(form && { form: { grant_type: form.get('grant_type') ?? '', scope: form.get('scope') ?? '' } }),
    status: answer.status,
    receivedAt,
    respondedAt: state.options.now(),
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts a local Plume Cloud: the SSO token endpoint, the API under `/api/` and the Reports API
 * under `/reports/`, serving the built-in data set (see {@link fixtures}).
 *
 * @param options - Port, latency, token lifetime, WAF limit and more; all optional.
 * @returns The running simulator: its URLs, test credentials, fault injection, request log and `close()`.
 * @throws TypeError when an option is invalid; the listen error when the port is taken.
 * @example
 * ```ts
 * const sim = await startSimulator();
 * const { authorization, partnerId } = sim.credentials;
 * const client = new PlumeClient({ authorization, partnerId, ssoUrl: sim.ssoUrl, apiBase: sim.apiBase });
 * sim.faults.failNext('nodes.list', 503, 1, { retryAfter: 1 });
 * await sim.close();
 * ```
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const dataset = new Dataset(resolved.referenceTime);
  const scenarios = new ScenarioState(resolved.now, (ref) => dataset.scenarioLocation(ref), BUILT_IN_SCENARIO);
  dataset.useTimelines({ location: (id) => scenarios.location(id), now: resolved.now });
  if (options.scenario !== undefined) scenarios.load(options.scenario);
  const server = createServer({ keepAliveTimeout: 5000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://${urlHost(resolved.host)}:${(server.address() as AddressInfo).port}`;
  const issuer = new TokenIssuer({
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    partnerId: resolved.partnerId,
    issuer: `${url}/oauth2/${AUTH_SERVER_ID}`,
    lifetimeSeconds: resolved.tokenLifetimeSeconds,
    now: resolved.now,
  });
  const state: SimState = {
    options: resolved,
    issuer,
    faults: new FaultState(resolved, issuer, resolved.now),
    log: new MemoryRequestLog(),
    dataset,
    scenarios,
    closing: new AbortController(),
    serialized: new WeakMap(),
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    onRequest(state, request, response).catch(() => {
      // Closing aborts pending delays; any other failure still gets an answer if it can.
      if (!response.headersSent && !response.destroyed) send(state, response, apiError(500));
    });
  });
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const basic = Buffer.from(`${resolved.clientId}:${resolved.clientSecret}`).toString('base64');
  return {
    url,
    ssoUrl: `${url}/oauth2/${AUTH_SERVER_ID}/v1/token`,
    apiBase: `${url}/api/`,
    reportsBase: `${url}/reports/`,
    credentials: {
      authorization: `Basic ${basic}`,
      partnerId: resolved.partnerId,
      clientId: resolved.clientId,
      clientSecret: resolved.clientSecret,
    },
    faults: faultsApi(state.faults),
    log: state.log,
    scenarios: { load: (scenario) => scenarios.load(scenario), clear: () => scenarios.clear() },
    clock: options.clock ?? (options.now ? { now: options.now } : realClock),
    async close() {
      if (!state.closing.signal.aborted) {
        state.closing.abort();
        server.close();
        server.closeAllConnections();
      }
      await closed;
    },
  };
}
