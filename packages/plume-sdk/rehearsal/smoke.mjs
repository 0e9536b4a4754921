// Publish rehearsal: exercises the installed @org/plume-sdk for real (ESM import() or CJS
// require()), against a tiny local Plume stand-in, through the default global fetch and ky.
// A broken CJS build of ky's default import fails here at construction or call: esbuild's Node-mode
// interop (`__toESM(require("ky"), 1)`) ignores the `__esModule` flag of Node's require(esm), so
// `ky.create` is undefined, and publint and attw both pass such a build.
import { createServer } from 'node:http';

const PARTNER = 'eb0af9d0a7ab946dcb3b8ef5';
const AUTHORIZATION = `Basic ${Buffer.from('smoke-client:smoke-secret').toString('base64')}`;
const TOKEN = 'smoke-access-token';

function startStandIn() {
  const seen = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body });
      const send = (status, json) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(json));
      };
      if (request.method === 'POST' && request.url === '/oauth2/smoke/v1/token') {
        const form = new URLSearchParams(body);
        if (
          request.headers.authorization !== AUTHORIZATION ||
          form.get('scope') !== `partnerId:${PARTNER} role:partnerIdAdmin`
        ) {
          return send(401, { error: 'invalid_client', error_description: 'bad credentials' });
        }
        return send(200, { token_type: 'Bearer', expires_in: 600, access_token: TOKEN, scope: form.get('scope') });
      }
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: { statusCode: 401 } });
      if (request.url === '/api/Customers/a%2Fb%20c') {
        return send(200, { id: 'a/b c', name: 'Smoke Test', email: null, extra: { ignored: true } });
      }
      return send(404, { error: { statusCode: 404, message: 'Unknown "Customer"' } });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, seen, url: `http://127.0.0.1:${server.address().port}` })),
  );
}

function check(condition, message) {
  if (!condition) throw new Error(`plume-sdk smoke: ${message}`);
}

export default async function smoke(lib, kind) {
  const { server, seen, url } = await startStandIn();
  try {
    const client = new lib.PlumeClient({
      authorization: AUTHORIZATION,
      partnerId: PARTNER,
      ssoUrl: `${url}/oauth2/smoke/v1/token`,
      apiBase: `${url}/api/`,
      rateLimit: false,
      retry: false,
    });
    const customer = await client.customers.get('a/b c');
    check(
      customer.id === 'a/b c' && customer.name === 'Smoke Test' && customer.email === undefined,
      `unexpected customer ${JSON.stringify(customer)}`,
    );
    check(!('extra' in customer), 'unknown fields must be dropped');
    let notFound;
    try {
      await client.customers.get('missing');
    } catch (error) {
      notFound = error;
    }
    check(
      notFound instanceof lib.PlumeNotFoundError && lib.isPlumeError(notFound),
      `expected PlumeNotFoundError, got ${notFound}`,
    );
    check(seen.filter((entry) => entry.method === 'POST').length === 1, 'expected exactly one token request');
    return `${kind}: token + GET through ky and global fetch OK`;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
