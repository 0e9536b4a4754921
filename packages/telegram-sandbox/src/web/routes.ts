import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSandboxError } from '../errors';
import { readBody } from '../http/body';
import { sendJson, type WebHandler } from '../http/server';
import type { TelegramUser } from '../types';
import { pressAsUser, sendAsUser } from '../users/actions';
import { findLive, type Conversation } from '../world/conversations';
import type { World } from '../world/world';
import { loadClientScript } from './client-script';
import { renderPage } from './page';
import type { WebEvents, WebState } from './protocol';
import { chatSnapshot, chatsOf } from './snapshot';

function sendText(response: ServerResponse, type: string, body: string, status = 200): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(request);
  const parsed: unknown = body.length ? JSON.parse(body.toString('utf8')) : {};
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

/**
 * Why a POST from the web page must be refused, if it must: another site's page in the same
 * browser could otherwise post as the viewer (a form cannot send JSON, and a script of another
 * origin that tries is stopped by the browser's preflight, which this server never approves).
 */
function crossSiteRefusal(request: IncomingMessage): { status: number; error: string } | undefined {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) return { status: 415, error: 'Send JSON (content-type: application/json).' };
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`) {
    return { status: 403, error: `Refused a request from another site (${origin}).` };
  }
  return undefined;
}

/**
 * The web chat's endpoints: the page (`/`), its script, the viewer's state, a Server-Sent Events
 * stream of chat snapshots, sending and pressing as the viewer, and stored files. The viewer is
 * `?user=<id>`, or a "You" user created on first visit.
 */
export function createWebHandler(world: World): WebHandler {
  let script: Promise<string> | undefined;
  let webUserId: number | undefined;

  const viewerOf = (url: URL): TelegramUser => {
    const requested = world.users.get(Number(url.searchParams.get('user')));
    if (requested) return requested;
    if (webUserId === undefined || !world.users.has(webUserId)) {
      webUserId = world.allocateUserId();
      world.users.set(webUserId, {
        id: webUserId,
        is_bot: false,
        first_name: 'You',
        username: 'sandbox_user',
        language_code: 'en',
      });
    }
    return world.users.get(webUserId) as TelegramUser;
  };

  const conversationOf = (viewer: TelegramUser, key: unknown): Conversation => {
    if (typeof key === 'string') {
      const [kind, botId, userId] = key.split(':');
      const bot = kind === 'p' ? world.botById(Number(botId)) : undefined;
      if (bot && Number(userId) === viewer.id) return world.privateConversation(bot, viewer);
      const group = world.conversations.get(key);
      if (group && group.chat.type !== 'private' && group.memberIds.has(viewer.id)) return group;
    }
    return world.privateConversation(world.defaultBot(), viewer);
  };

  const events = (response: ServerResponse, url: URL) => {
    const viewer = viewerOf(url);
    const conversation = conversationOf(viewer, url.searchParams.get('chat'));
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = <E extends keyof WebEvents>(event: E, data: WebEvents[E]) => {
      if (!response.destroyed) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    let scheduled = false;
    const refresh = () => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        send('snapshot', chatSnapshot(world, conversation, viewer));
      });
    };
    send('snapshot', chatSnapshot(world, conversation, viewer));
    const unsubscribe = world.subscribe((event) => {
      if (event.type === 'closed') response.end();
      else if (event.type === 'conversations') send('chats', chatsOf(world, viewer));
      else if (event.type === 'bot') refresh();
      else if (event.type === 'callback-answer' && event.key === conversation.key) {
        const query = world.callbackQueries.get(event.queryId);
        if (query?.userId === viewer.id && query.answer) send('answer', query.answer);
      } else if ('key' in event && event.key === conversation.key) refresh();
    });
    const heartbeat = setInterval(() => send('ping', {}), 15_000);
    heartbeat.unref();
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  };

  const act = async (request: IncomingMessage, response: ServerResponse, url: URL, action: 'send' | 'press') => {
    const refusal = crossSiteRefusal(request);
    if (refusal !== undefined) {
      request.resume();
      sendJson(response, refusal.status, { ok: false, error: refusal.error });
      return;
    }
    try {
      const body = await readJson(request);
      const viewer = viewerOf(url);
      const conversation = conversationOf(viewer, body.chat);
      if (action === 'send') {
        sendAsUser(
          world,
          conversation,
          viewer,
          { kind: 'text', text: typeof body.text === 'string' ? body.text : '' },
          typeof body.replyTo === 'number' ? body.replyTo : undefined,
        );
      } else {
        const stored = findLive(conversation, Number(body.messageId));
        const onMessage = (stored?.message.reply_markup?.inline_keyboard ?? [])
          .flat()
          .some((b) => b.callback_data === body.data);
        if (!stored || !onMessage) throw new Error('That button is no longer there.');
        pressAsUser(world, conversation, viewer, stored, String(body.data));
      }
      sendJson(response, 200, { ok: true });
    } catch (error) {
      const message = isSandboxError(error) || error instanceof Error ? error.message : String(error);
      sendJson(response, 400, { ok: false, error: message });
    }
  };

  return async (request, response, url) => {
    const route = `${request.method} ${url.pathname}`;
    if (route === 'GET /' || route === 'GET /index.html') sendText(response, 'text/html', renderPage());
    else if (route === 'GET /web/app.js') {
      // Read once per sandbox; a missing build is reported on every request, in the browser's console.
      script ??= loadClientScript();
      await script.then(
        (text) => sendText(response, 'text/javascript', text),
        (error: unknown) => {
          script = undefined;
          sendText(response, 'text/javascript', `console.error(${JSON.stringify(String(error))});`, 500);
        },
      );
    } else if (route === 'GET /web/state') {
      const viewer = viewerOf(url);
      const state: WebState = {
        me: viewer,
        users: [...world.users.values()].map((user) => ({ id: user.id, name: user.first_name })),
        chats: chatsOf(world, viewer),
        chat: conversationOf(viewer, url.searchParams.get('chat')).key,
      };
      sendJson(response, 200, state);
    } else if (route === 'GET /web/events') events(response, url);
    else if (route === 'POST /web/send') await act(request, response, url, 'send');
    else if (route === 'POST /web/press') await act(request, response, url, 'press');
    else if (request.method === 'GET' && url.pathname.startsWith('/web/files/')) {
      const file = world.files.get(decodeURIComponent(url.pathname.slice('/web/files/'.length)));
      if (!file) return false;
      if (file.data) {
        response.writeHead(200, {
          'content-type': file.mime ?? 'application/octet-stream',
          'content-length': file.data.length,
        });
        response.end(file.data);
      } else {
        response.writeHead(302, { location: file.url ?? '/' });
        response.end();
      }
    } else return false;
    return true;
  };
}
