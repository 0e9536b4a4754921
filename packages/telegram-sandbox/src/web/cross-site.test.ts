import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../sandbox';
import { startSandbox } from '../start';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** POSTs to the web chat's send endpoint as the user `userId`. */
function postSend(userId: number, headers: Record<string, string>, body: string) {
  return fetch(new URL(`web/send?user=${userId}`, sandbox.webUrl), { method: 'POST', headers, body });
}

describe('the web chat’s POST endpoints', () => {
  it('refuse what another site could send from a browser, and send nothing', async () => {
    const user = sandbox.createUser({ firstName: 'Uma' });
    const body = JSON.stringify({ text: '/logout' });
    // A plain HTML form of any site can POST text/plain without asking the browser's permission.
    const form = await postSend(user.id, { 'content-type': 'text/plain' }, body);
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({ ok: false, error: 'Send JSON (content-type: application/json).' });
    // A browser names the page's origin; another site's is refused.
    const foreign = await postSend(
      user.id,
      { 'content-type': 'application/json', origin: 'http://evil.example' },
      body,
    );
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({
      ok: false,
      error: 'Refused a request from another site (http://evil.example).',
    });
    expect(user.messages()).toEqual([]);
  });

  it('accept JSON from the web chat’s own page', async () => {
    const user = sandbox.createUser({ firstName: 'Val' });
    const own = new URL(sandbox.webUrl).origin;
    const response = await postSend(
      user.id,
      { 'content-type': 'application/json', origin: own },
      JSON.stringify({ text: 'hello' }),
    );
    expect(await response.json()).toEqual({ ok: true });
    expect(user.messages().map((message) => message.text)).toEqual(['hello']);
  });
});
