/**
 * The web chat's browser script, bundled at build time to `dist/web/app.js` and served as
 * `/web/app.js`: loads the viewer's chats, follows the open chat over Server-Sent Events, and
 * sends messages and button presses as the viewer.
 */
import type { WebChat } from '../protocol';
import { byId, el, openSafe } from './dom';
import type { ChatActions } from './render-text';
import { loadState, openEvents, postAction, queryOf, type Viewing } from './server';
import { createSnapshotView } from './snapshot-view';

function createToast(): (text: string, alert: boolean) => void {
  const node = byId('toast', HTMLDivElement);
  let timer: ReturnType<typeof setTimeout> | undefined;
  node.addEventListener('click', () => (node.hidden = true));
  return (text, alert) => {
    node.textContent = text;
    node.className = alert ? 'alert' : '';
    node.hidden = false;
    clearTimeout(timer);
    if (!alert) timer = setTimeout(() => (node.hidden = true), 3000);
  };
}

function startChatPage(): void {
  const params = new URLSearchParams(location.search);
  const viewing: Viewing = { user: params.get('user'), chat: params.get('chat') };
  const toast = createToast();
  let source: EventSource | undefined;

  const act = (path: '/web/send' | '/web/press', body: object) => {
    void postAction(path, viewing, body).then((result) => {
      if (!result.ok) toast(result.error || 'Failed', false);
    });
  };
  const actions: ChatActions = {
    send: (text) => act('/web/send', { chat: viewing.chat, text }),
    press: (messageId, data) => act('/web/press', { chat: viewing.chat, messageId, data }),
  };
  const renderSnapshot = createSnapshotView(actions);

  const renderChats = (chats: WebChat[]) => {
    const list = byId('chat-list', HTMLUListElement);
    list.textContent = '';
    for (const chat of chats) {
      const item = el('li', chat.key === viewing.chat ? 'active' : '', chat.title);
      item.setAttribute('data-chat', chat.key);
      item.addEventListener('click', () => {
        viewing.chat = chat.key;
        history.replaceState(null, '', queryOf(viewing));
        renderChats(chats);
        connect();
      });
      list.appendChild(item);
    }
  };

  const connect = () => {
    source?.close();
    source = openEvents(viewing, {
      snapshot: renderSnapshot,
      chats: renderChats,
      answer: (answer) => {
        if (answer.text) toast(answer.text, answer.show_alert);
        openSafe(answer.url);
      },
    });
  };

  void loadState(viewing).then((state) => {
    viewing.user = String(state.me.id);
    viewing.chat = state.chat;
    history.replaceState(null, '', queryOf(viewing));
    const select = byId('user-select', HTMLSelectElement);
    select.textContent = '';
    for (const user of state.users) {
      const option = el('option', null, `${user.name} (${user.id})`);
      option.value = String(user.id);
      option.selected = String(user.id) === viewing.user;
      select.appendChild(option);
    }
    renderChats(state.chats);
    connect();
  });

  const select = byId('user-select', HTMLSelectElement);
  select.addEventListener('change', () => {
    location.search = `?user=${encodeURIComponent(select.value)}`;
  });
  const input = byId('input', HTMLInputElement);
  byId('composer', HTMLFormElement).addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = '';
    actions.send(text);
  });
}

startChatPage();

// An ES module, though it exports nothing: in a "type": "commonjs" package esbuild would otherwise
// bundle it as CommonJS, wrapping every module in lazy initialisers.
export {};
