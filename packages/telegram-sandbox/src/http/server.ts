import { Buffer } from 'node:buffer';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Dispatch } from '../api/dispatch';
import type { World } from '../world/world';
import { BodyTooLargeError, readParams } from './body';

/** Serves the sandbox's web page and its endpoints; answers `false` for paths it does not own. */
export type WebHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;

const API_PATH = /^\/bot([^/]+)\/([A-Za-z_]+)\/?$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

/** Writes a JSON body with a status. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const notFound = { ok: false, error_code: 404, description: 'Not Found' };

async function handleApi(
  dispatch: Dispatch,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  match: RegExpExecArray,
) {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  let params: Record<string, unknown>;
  try {
    params = await readParams(request, url);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    sendJson(response, tooLarge ? 413 : 400, {
      ok: false,
      error_code: tooLarge ? 413 : 400,
      description: tooLarge ? 'Request Entity Too Large' : "Bad Request: can't parse request body",
    });
    return;
  }
  const reply = await dispatch(decodeURIComponent(match[1] as string), match[2] as string, params, controller.signal);
  if (!response.destroyed) sendJson(response, reply.status, reply.body);
}

function handleFile(world: World, response: ServerResponse, match: RegExpExecArray) {
  const file = world.bots.has(decodeURIComponent(match[1] as string))
    ? world.files.getByPath(match[2] as string)
    : undefined;
  if (!file?.data) {
    sendJson(response, 404, notFound);
    return;
  }
  response.writeHead(200, {
    'content-type': file.mime ?? 'application/octet-stream',
    'content-length': file.data.length,
  });
  response.end(file.data);
}

/** The sandbox's HTTP server, with a close that lets answers already under way reach the bot. */
export interface SandboxServer {
  readonly server: Server;
  /**
   * Stops accepting connections, waits (at most `graceMs`) for the API calls in progress to be
   * answered, then drops every connection. Long polls and event streams must be ended first.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * The sandbox's HTTP server: `/bot<token>/<method>` (GET or POST, JSON, form or multipart),
 * `/file/bot<token>/<file_path>` downloads, and the web chat.
 */
export function createSandboxServer(world: World, dispatch: Dispatch, web: WebHandler): SandboxServer {
  const inFlight = new Set<Promise<unknown>>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const api = API_PATH.exec(url.pathname);
    const file = FILE_PATH.exec(url.pathname);
    const handled = api
      ? handleApi(dispatch, request, response, url, api).then(() => true)
      : file
        ? Promise.resolve(handleFile(world, response, file)).then(() => true)
        : web(request, response, url);
    const done = handled
      .then((served) => {
        if (!served && !response.headersSent) sendJson(response, 404, notFound);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) {
          sendJson(response, 500, {
            ok: false,
            error_code: 500,
            description: `Internal Server Error: ${String(error)}`,
          });
        } else {
          response.destroy();
        }
      });
    if (api) {
      inFlight.add(done);
      void done.finally(() => inFlight.delete(done));
    }
  });

  const close = async (graceMs = 2000) => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref();
    });
    await Promise.race([Promise.allSettled([...inFlight]), grace]);
    clearTimeout(timer);
    server.closeAllConnections();
    await closed;
  };
  return { server, close };
}

/** Starts listening and resolves with the bound port. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
