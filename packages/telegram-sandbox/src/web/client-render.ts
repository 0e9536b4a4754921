/**
 * Browser code that turns a message (text + entities, photo, document, inline keyboard) into DOM
 * nodes. Text only ever reaches the page through `textContent`, links only with safe schemes.
 * Kept as a plain string (no template literals inside) so that it needs no build step.
 */
export const CLIENT_RENDER = String.raw`
'use strict';
var BLOCK = { pre: true, blockquote: true, expandable_blockquote: true };

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function safeHref(url) {
  try {
    var parsed = new URL(url, location.href);
    return /^(https?|tg|ton|ftp|mailto):$/.test(parsed.protocol) ? parsed.href : null;
  } catch (error) {
    return null;
  }
}

function link(child, href) {
  var a = el('a');
  var safe = safeHref(href);
  if (safe) { a.href = safe; a.target = '_blank'; a.rel = 'noopener noreferrer'; }
  a.appendChild(child);
  return a;
}

function wrap(entity, child, whole, actions) {
  var tags = { bold: 'strong', italic: 'em', underline: 'u', strikethrough: 's', code: 'code' };
  if (tags[entity.type]) { var node = el(tags[entity.type]); node.appendChild(child); return node; }
  if (entity.type === 'spoiler') {
    var spoiler = el('span', 'spoiler');
    spoiler.title = 'Spoiler: click to reveal';
    spoiler.addEventListener('click', function () { spoiler.classList.add('revealed'); });
    spoiler.appendChild(child);
    return spoiler;
  }
  if (entity.type === 'text_link') return link(child, entity.url);
  if (entity.type === 'url') return link(child, /^[a-z][a-z0-9+.-]*:/i.test(whole) ? whole : 'http://' + whole);
  if (entity.type === 'email') return link(child, 'mailto:' + whole);
  if (entity.type === 'bot_command') {
    var command = el('a', 'command');
    command.href = '#';
    command.addEventListener('click', function (event) { event.preventDefault(); actions.send(whole); });
    command.appendChild(child);
    return command;
  }
  if (entity.type === 'mention' || entity.type === 'hashtag' || entity.type === 'cashtag' || entity.type === 'text_mention') {
    var span = el('span', entity.type === 'text_mention' ? 'mention' : entity.type);
    span.appendChild(child);
    return span;
  }
  return child;
}

function renderInline(text, start, end, entities, actions) {
  var fragment = document.createDocumentFragment();
  var inline = entities.filter(function (e) { return !BLOCK[e.type] && e.offset < end && e.offset + e.length > start; });
  var points = [start, end];
  inline.forEach(function (e) {
    points.push(Math.max(start, e.offset), Math.min(end, e.offset + e.length));
  });
  points = points.filter(function (p, i) { return points.indexOf(p) === i; }).sort(function (a, b) { return a - b; });
  for (var i = 0; i + 1 < points.length; i++) {
    var from = points[i], to = points[i + 1];
    var node = document.createTextNode(text.slice(from, to));
    inline
      .filter(function (e) { return e.offset <= from && e.offset + e.length >= to; })
      .sort(function (a, b) { return a.length - b.length; })
      .forEach(function (e) { node = wrap(e, node, text.slice(e.offset, e.offset + e.length), actions); });
    fragment.appendChild(node);
  }
  return fragment;
}

function renderText(text, start, end, entities, actions) {
  var fragment = document.createDocumentFragment();
  var blocks = entities
    .filter(function (e) { return BLOCK[e.type] && e.offset >= start && e.offset + e.length <= end; })
    .sort(function (a, b) { return a.offset - b.offset || b.length - a.length; });
  var top = [];
  blocks.forEach(function (b) {
    var inside = top.some(function (t) { return b.offset >= t.offset && b.offset + b.length <= t.offset + t.length; });
    if (!inside) top.push(b);
  });
  var cursor = start;
  top.forEach(function (block) {
    fragment.appendChild(renderInline(text, cursor, block.offset, entities, actions));
    var blockEnd = block.offset + block.length;
    var node;
    if (block.type === 'pre') {
      node = el('pre');
      var code = el('code', null, text.slice(block.offset, blockEnd));
      if (block.language) code.setAttribute('data-language', block.language);
      node.appendChild(code);
    } else {
      node = el('blockquote', block.type === 'expandable_blockquote' ? 'expandable' : '');
      var inner = entities.filter(function (e) { return e !== block && e.offset >= block.offset && e.offset + e.length <= blockEnd; });
      node.appendChild(renderText(text, block.offset, blockEnd, inner, actions));
      if (block.type === 'expandable_blockquote') {
        node.addEventListener('click', function () { node.classList.toggle('expanded'); });
      }
    }
    fragment.appendChild(node);
    cursor = text.charAt(blockEnd) === '\n' && blockEnd < end ? blockEnd + 1 : blockEnd;
  });
  fragment.appendChild(renderInline(text, cursor, end, entities, actions));
  return fragment;
}

function renderKeyboard(message, actions) {
  var keyboard = el('div', 'keyboard');
  message.reply_markup.inline_keyboard.forEach(function (row) {
    var line = el('div', 'keyboard-row');
    row.forEach(function (button) {
      var node = el('button', null, button.text);
      node.type = 'button';
      if (button.callback_data !== undefined) {
        node.addEventListener('click', function () { actions.press(message.message_id, button.callback_data); });
      } else if (button.url && safeHref(button.url)) {
        node.title = button.url;
        node.addEventListener('click', function () { window.open(safeHref(button.url), '_blank', 'noopener'); });
      } else {
        node.disabled = true;
        node.title = 'Not supported in the sandbox';
      }
      line.appendChild(node);
    });
    keyboard.appendChild(line);
  });
  return keyboard;
}

function renderMessage(message, isGroup, actions) {
  var meta = message.sandbox;
  var row = el('div', 'message ' + (meta.outgoing ? 'outgoing' : 'incoming'));
  row.setAttribute('data-message-id', String(message.message_id));
  var bubble = el('div', 'bubble');
  if (isGroup && !meta.outgoing) bubble.appendChild(el('div', 'sender', meta.sender));
  if (message.reply_to_message) {
    var replied = message.reply_to_message;
    bubble.appendChild(el('div', 'reply', (replied.from ? replied.from.first_name + ': ' : '') + (replied.text || replied.caption || '')));
  }
  if (message.photo && meta.photoUrl) {
    var img = el('img', 'photo');
    img.src = meta.photoUrl;
    img.alt = message.caption || 'photo';
    bubble.appendChild(img);
  }
  if (message.document) {
    var doc = el('a', 'document', '📄 ' + (message.document.file_name || 'file'));
    if (meta.documentUrl) { doc.href = meta.documentUrl; doc.setAttribute('download', message.document.file_name || 'file'); }
    bubble.appendChild(doc);
  }
  var body = message.text !== undefined ? message.text : message.caption;
  var entities = (message.text !== undefined ? message.entities : message.caption_entities) || [];
  if (body) {
    var text = el('div', 'text');
    text.appendChild(renderText(body, 0, body.length, entities, actions));
    bubble.appendChild(text);
  }
  var time = new Date(message.date * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  bubble.appendChild(el('div', 'meta', (message.edit_date ? 'edited · ' : '') + time));
  if (message.reply_markup && message.reply_markup.inline_keyboard) bubble.appendChild(renderKeyboard(message, actions));
  row.appendChild(bubble);
  return row;
}
`;
