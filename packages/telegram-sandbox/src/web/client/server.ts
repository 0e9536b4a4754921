/** The web chat's calls to its server: the viewer's state, actions, and the live event stream. */
import type { WebActionResult, WebEvents, WebState } from '../protocol';

/** Who the page acts as and which chat it shows: the page's `?user=…&chat=…`. */
export interface Viewing {
  user: string | null;
  chat: string | null;
}

/** The query string of `viewing`, e.g. `?user=1001&chat=p%3A1%3A1001`. */
export function queryOf(viewing: Viewing): string {
  const query = new URLSearchParams();
  if (viewing.user) query.set('user', viewing.user);
  if (viewing.chat) query.set('chat', viewing.chat);
  return `?${query.toString()}`;
}

/** `GET /web/state`. */
export async function loadState(viewing: Viewing): Promise<WebState> {
  const response = await fetch(`/web/state${queryOf(viewing)}`);
  return (await response.json()) as WebState;
}

/** POSTs an action as JSON; resolves with the server's answer, or a failure naming a network error. */
export async function postAction(
  path: '/web/send' | '/web/press',
  viewing: Viewing,
  body: object,
): Promise<WebActionResult> {
  try {
    const response = await fetch(path + queryOf(viewing), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as WebActionResult;
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** What to do with each event of the stream. */
export type EventHandlers = { [E in keyof WebEvents]?: (data: WebEvents[E]) => void };

/** Opens `/web/events` for `viewing`; close the returned source to stop. */
export function openEvents(viewing: Viewing, handlers: EventHandlers): EventSource {
  const source = new EventSource(`/web/events${queryOf(viewing)}`);
  const on = <E extends keyof WebEvents>(name: E) => {
    const handle = handlers[name];
    if (handle)
      source.addEventListener(name, (event) =>
        handle(JSON.parse((event as MessageEvent<string>).data) as WebEvents[E]),
      );
  };
  on('snapshot');
  on('chats');
  on('answer');
  return source;
}
