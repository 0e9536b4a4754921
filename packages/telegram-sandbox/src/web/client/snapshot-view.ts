/** Draws a chat snapshot: title, messages, "is typing…", the reply keyboard and the command menu. */
import type { ChatSnapshot } from '../protocol';
import { byId, el } from './dom';
import { renderMessage } from './render-message';
import type { ChatActions } from './render-text';

/** Draws snapshots into the page, keeping the status line's timer between them. */
export function createSnapshotView(actions: ChatActions): (snapshot: ChatSnapshot) => void {
  let actionTimer: ReturnType<typeof setTimeout> | undefined;

  const renderMessages = (snapshot: ChatSnapshot) => {
    const isGroup = snapshot.chat.type !== 'private';
    const list = byId('messages', HTMLDivElement);
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.textContent = '';
    if (snapshot.messages.length === 0) list.appendChild(el('div', 'empty', 'No messages yet. Say /start!'));
    for (const message of snapshot.messages) list.appendChild(renderMessage(message, isGroup, actions));
    if (atBottom || list.getAttribute('data-loaded') !== snapshot.chat.key) list.scrollTop = list.scrollHeight;
    list.setAttribute('data-loaded', snapshot.chat.key);
  };

  const renderStatus = (snapshot: ChatSnapshot) => {
    const status = byId('chat-status', HTMLDivElement);
    clearTimeout(actionTimer);
    status.textContent = snapshot.action ? snapshot.action.text : '';
    if (snapshot.action) actionTimer = setTimeout(() => (status.textContent = ''), snapshot.action.remainingMs);
  };

  const renderKeyboards = (snapshot: ChatSnapshot) => {
    const keyboard = byId('reply-keyboard', HTMLDivElement);
    keyboard.textContent = '';
    for (const row of snapshot.replyKeyboard?.rows ?? []) {
      const line = el('div', 'keyboard-row');
      for (const label of row) {
        const button = el('button', null, label);
        button.type = 'button';
        button.addEventListener('click', () => actions.send(label));
        line.appendChild(button);
      }
      keyboard.appendChild(line);
    }
    byId('input', HTMLInputElement).placeholder = snapshot.replyKeyboard?.placeholder || 'Write a message…';

    const commands = byId('commands', HTMLDivElement);
    commands.textContent = '';
    for (const command of snapshot.commands) {
      const button = el('button', null, `/${command.command}`);
      button.type = 'button';
      button.title = command.description;
      button.addEventListener('click', () => actions.send(`/${command.command}`));
      commands.appendChild(button);
    }
  };

  return (snapshot) => {
    byId('chat-title', HTMLDivElement).textContent = snapshot.chat.title;
    renderMessages(snapshot);
    renderStatus(snapshot);
    renderKeyboards(snapshot);
    document.body.setAttribute('data-ready', 'true');
  };
}
