/**
 * Browser code of the web chat: loads the viewer's chats, follows the open chat over
 * Server-Sent Events (`/web/events`), and sends messages and button presses as the viewer.
 * A plain string with no template literals inside, served as `/web/app.js` after the renderer.
 */
export const CLIENT_APP = String.raw`
var params = new URLSearchParams(location.search);
var state = { user: params.get('user'), chat: params.get('chat'), source: null, isGroup: false, toastTimer: null, actionTimer: null };
var $ = function (id) { return document.getElementById(id); };

function query() {
  var q = new URLSearchParams();
  if (state.user) q.set('user', state.user);
  if (state.chat) q.set('chat', state.chat);
  return '?' + q.toString();
}

function toast(text, alert) {
  var node = $('toast');
  node.textContent = text;
  node.className = alert ? 'alert' : '';
  node.hidden = false;
  clearTimeout(state.toastTimer);
  if (!alert) state.toastTimer = setTimeout(function () { node.hidden = true; }, 3000);
}

function post(path, body) {
  return fetch(path + query(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(function (response) { return response.json(); })
    .then(function (result) { if (!result.ok) toast(result.error || 'Failed', false); return result; })
    .catch(function (error) { toast(String(error), false); });
}

var actions = {
  send: function (text) { return post('/web/send', { chat: state.chat, text: text }); },
  press: function (messageId, data) { return post('/web/press', { chat: state.chat, messageId: messageId, data: data }); }
};

function renderChats(chats) {
  var list = $('chat-list');
  list.textContent = '';
  chats.forEach(function (chat) {
    var item = el('li', chat.key === state.chat ? 'active' : '', chat.title);
    item.setAttribute('data-chat', chat.key);
    item.addEventListener('click', function () {
      state.chat = chat.key;
      history.replaceState(null, '', query());
      renderChats(chats);
      connect();
    });
    list.appendChild(item);
  });
}

function renderSnapshot(snapshot) {
  state.isGroup = snapshot.chat.type !== 'private';
  $('chat-title').textContent = snapshot.chat.title;
  var list = $('messages');
  var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  list.textContent = '';
  if (snapshot.messages.length === 0) list.appendChild(el('div', 'empty', 'No messages yet. Say /start!'));
  snapshot.messages.forEach(function (message) { list.appendChild(renderMessage(message, state.isGroup, actions)); });
  if (atBottom || list.getAttribute('data-loaded') !== state.chat) list.scrollTop = list.scrollHeight;
  list.setAttribute('data-loaded', state.chat);

  var status = $('chat-status');
  clearTimeout(state.actionTimer);
  status.textContent = snapshot.action ? snapshot.action.text : '';
  if (snapshot.action) state.actionTimer = setTimeout(function () { status.textContent = ''; }, snapshot.action.remainingMs);

  var keyboard = $('reply-keyboard');
  keyboard.textContent = '';
  if (snapshot.replyKeyboard) {
    snapshot.replyKeyboard.rows.forEach(function (row) {
      var line = el('div', 'keyboard-row');
      row.forEach(function (label) {
        var button = el('button', null, label);
        button.type = 'button';
        button.addEventListener('click', function () { actions.send(label); });
        line.appendChild(button);
      });
      keyboard.appendChild(line);
    });
  }
  $('input').placeholder = (snapshot.replyKeyboard && snapshot.replyKeyboard.placeholder) || 'Write a message…';

  var commands = $('commands');
  commands.textContent = '';
  snapshot.commands.forEach(function (command) {
    var button = el('button', null, '/' + command.command);
    button.type = 'button';
    button.title = command.description;
    button.addEventListener('click', function () { actions.send('/' + command.command); });
    commands.appendChild(button);
  });
  document.body.setAttribute('data-ready', 'true');
}

function connect() {
  if (state.source) state.source.close();
  var source = new EventSource('/web/events' + query());
  state.source = source;
  source.addEventListener('snapshot', function (event) { renderSnapshot(JSON.parse(event.data)); });
  source.addEventListener('chats', function (event) { renderChats(JSON.parse(event.data)); });
  source.addEventListener('answer', function (event) {
    var answer = JSON.parse(event.data);
    if (answer.text) toast(answer.text, answer.show_alert);
    if (answer.url && safeHref(answer.url)) window.open(safeHref(answer.url), '_blank', 'noopener');
  });
}

function start() {
  fetch('/web/state' + query()).then(function (response) { return response.json(); }).then(function (data) {
    state.user = String(data.me.id);
    state.chat = data.chat;
    history.replaceState(null, '', query());
    var select = $('user-select');
    select.textContent = '';
    data.users.forEach(function (user) {
      var option = el('option', null, user.name + ' (' + user.id + ')');
      option.value = String(user.id);
      option.selected = String(user.id) === state.user;
      select.appendChild(option);
    });
    renderChats(data.chats);
    connect();
  });
  $('user-select').addEventListener('change', function (event) {
    location.search = '?user=' + encodeURIComponent(event.target.value);
  });
  $('toast').addEventListener('click', function () { $('toast').hidden = true; });
  $('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('input');
    var text = input.value;
    if (!text.trim()) return;
    input.value = '';
    actions.send(text);
  });
}

start();
`;
