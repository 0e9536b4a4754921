/** One message of the chat as a row: sender, reply, photo or file, formatted text, time, inline keyboard. */
import type { WebMessage } from '../protocol';
import { el, openSafe, safeHref } from './dom';
import { renderText, type ChatActions } from './render-text';

function renderKeyboard(message: WebMessage, actions: ChatActions): HTMLElement {
  const keyboard = el('div', 'keyboard');
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    const line = el('div', 'keyboard-row');
    for (const button of row) {
      const node = el('button', null, button.text);
      node.type = 'button';
      const data = button.callback_data;
      if (data !== undefined) {
        node.addEventListener('click', () => actions.press(message.message_id, data));
      } else if (button.url && safeHref(button.url)) {
        node.title = button.url;
        node.addEventListener('click', () => openSafe(button.url));
      } else {
        node.disabled = true;
        node.title = 'Not supported in the sandbox';
      }
      line.appendChild(node);
    }
    keyboard.appendChild(line);
  }
  return keyboard;
}

/** The row of `message`; in groups, others' messages name their sender. */
export function renderMessage(message: WebMessage, isGroup: boolean, actions: ChatActions): HTMLElement {
  const meta = message.sandbox;
  const row = el('div', `message ${meta.outgoing ? 'outgoing' : 'incoming'}`);
  row.setAttribute('data-message-id', String(message.message_id));
  const bubble = el('div', 'bubble');
  if (isGroup && !meta.outgoing) bubble.appendChild(el('div', 'sender', meta.sender));
  const replied = message.reply_to_message;
  if (replied) {
    bubble.appendChild(
      el(
        'div',
        'reply',
        (replied.from ? `${replied.from.first_name}: ` : '') + (replied.text || replied.caption || ''),
      ),
    );
  }
  if (message.photo && meta.photoUrl) {
    const img = el('img', 'photo');
    img.src = meta.photoUrl;
    img.alt = message.caption || 'photo';
    bubble.appendChild(img);
  }
  if (message.document) {
    const name = message.document.file_name || 'file';
    const doc = el('a', 'document', `📄 ${name}`);
    if (meta.documentUrl) {
      doc.href = meta.documentUrl;
      doc.setAttribute('download', name);
    }
    bubble.appendChild(doc);
  }
  if (meta.service) bubble.appendChild(el('div', 'service', `${meta.sender} ${meta.service}`));
  const body = message.text ?? message.caption;
  const entities = (message.text !== undefined ? message.entities : message.caption_entities) ?? [];
  if (body) {
    const text = el('div', 'text');
    text.appendChild(renderText(body, 0, body.length, entities, actions));
    bubble.appendChild(text);
  }
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const notes = [
    meta.topic ? `# ${meta.topic}` : '',
    meta.silent ? '🔕 silent' : '',
    message.edit_date ? 'edited' : '',
  ];
  bubble.appendChild(el('div', 'meta', [...notes.filter(Boolean), time].join(' · ')));
  if (message.reply_markup?.inline_keyboard) bubble.appendChild(renderKeyboard(message, actions));
  row.appendChild(bubble);
  return row;
}
