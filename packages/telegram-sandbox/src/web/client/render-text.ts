/**
 * A message's text with its entities as DOM nodes: inline entities (bold, links, commands…) nest
 * inside each other, block entities (pre, blockquotes) break the text into blocks.
 */
import type { TelegramMessageEntity, TelegramMessageEntityType } from '../../types';
import { el, safeHref } from './dom';

/** What a click in a message can do: send text as the viewer, or press a button. */
export interface ChatActions {
  send(text: string): void;
  press(messageId: number, data: string): void;
}

const BLOCK: ReadonlySet<TelegramMessageEntityType> = new Set(['pre', 'blockquote', 'expandable_blockquote']);

const TAGS: Partial<Record<TelegramMessageEntityType, 'strong' | 'em' | 'u' | 's' | 'code'>> = {
  bold: 'strong',
  italic: 'em',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
};

function link(child: Node, href: string | undefined): HTMLAnchorElement {
  const a = el('a');
  const safe = safeHref(href);
  if (safe) {
    a.href = safe;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  a.appendChild(child);
  return a;
}

/** `child` wrapped as `entity` says; `whole` is the entity's whole text (a command, a URL…). */
function wrap(entity: TelegramMessageEntity, child: Node, whole: string, actions: ChatActions): Node {
  const tag = TAGS[entity.type];
  if (tag) {
    const node = el(tag);
    node.appendChild(child);
    return node;
  }
  switch (entity.type) {
    case 'spoiler': {
      const spoiler = el('span', 'spoiler');
      spoiler.title = 'Spoiler: click to reveal';
      spoiler.addEventListener('click', () => spoiler.classList.add('revealed'));
      spoiler.appendChild(child);
      return spoiler;
    }
    case 'text_link':
      return link(child, entity.url);
    case 'url':
      return link(child, /^[a-z][a-z0-9+.-]*:/i.test(whole) ? whole : `http://${whole}`);
    case 'email':
      return link(child, `mailto:${whole}`);
    case 'bot_command': {
      const command = el('a', 'command');
      command.href = '#';
      command.addEventListener('click', (event) => {
        event.preventDefault();
        actions.send(whole);
      });
      command.appendChild(child);
      return command;
    }
    case 'mention':
    case 'hashtag':
    case 'cashtag':
    case 'text_mention': {
      const span = el('span', entity.type === 'text_mention' ? 'mention' : entity.type);
      span.appendChild(child);
      return span;
    }
    default:
      return child;
  }
}

/** `text[start, end)` with its inline entities, each piece wrapped innermost (shortest) first. */
function renderInline(
  text: string,
  start: number,
  end: number,
  entities: readonly TelegramMessageEntity[],
  actions: ChatActions,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const inline = entities.filter((e) => !BLOCK.has(e.type) && e.offset < end && e.offset + e.length > start);
  const cuts = new Set([start, end]);
  for (const e of inline) {
    cuts.add(Math.max(start, e.offset));
    cuts.add(Math.min(end, e.offset + e.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number;
    const to = points[i + 1] as number;
    let node: Node = document.createTextNode(text.slice(from, to));
    for (const e of inline
      .filter((e) => e.offset <= from && e.offset + e.length >= to)
      .sort((a, b) => a.length - b.length)) {
      node = wrap(e, node, text.slice(e.offset, e.offset + e.length), actions);
    }
    fragment.appendChild(node);
  }
  return fragment;
}

function renderBlock(
  text: string,
  block: TelegramMessageEntity,
  entities: readonly TelegramMessageEntity[],
  actions: ChatActions,
): HTMLElement {
  const blockEnd = block.offset + block.length;
  if (block.type === 'pre') {
    const node = el('pre');
    const code = el('code', null, text.slice(block.offset, blockEnd));
    if (block.language) code.setAttribute('data-language', block.language);
    node.appendChild(code);
    return node;
  }
  const node = el('blockquote', block.type === 'expandable_blockquote' ? 'expandable' : '');
  const inner = entities.filter((e) => e !== block && e.offset >= block.offset && e.offset + e.length <= blockEnd);
  node.appendChild(renderText(text, block.offset, blockEnd, inner, actions));
  if (block.type === 'expandable_blockquote') node.addEventListener('click', () => node.classList.toggle('expanded'));
  return node;
}

/**
 * `text[start, end)` with its entities: the outermost blocks as block elements (a line break right
 * after a block is the block's own), the text between them inline.
 */
export function renderText(
  text: string,
  start: number,
  end: number,
  entities: readonly TelegramMessageEntity[],
  actions: ChatActions,
): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const blocks = entities
    .filter((e) => BLOCK.has(e.type) && e.offset >= start && e.offset + e.length <= end)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const top: TelegramMessageEntity[] = [];
  for (const b of blocks) {
    const inside = top.some((t) => b.offset >= t.offset && b.offset + b.length <= t.offset + t.length);
    if (!inside) top.push(b);
  }
  let cursor = start;
  for (const block of top) {
    fragment.appendChild(renderInline(text, cursor, block.offset, entities, actions));
    fragment.appendChild(renderBlock(text, block, entities, actions));
    const blockEnd = block.offset + block.length;
    cursor = text.charAt(blockEnd) === '\n' && blockEnd < end ? blockEnd + 1 : blockEnd;
  }
  fragment.appendChild(renderInline(text, cursor, end, entities, actions));
  return fragment;
}
