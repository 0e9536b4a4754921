import { STYLES } from './styles';

/** The web chat's HTML shell; `/web/app.js` fills it and keeps it live over Server-Sent Events. */
export function renderPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Telegram sandbox</title>
<style>${STYLES}</style>
</head>
<body>
<div id="app">
  <aside id="sidebar">
    <h1>Telegram sandbox</h1>
    <label>Acting as <select id="user-select" aria-label="User"></select></label>
    <ul id="chat-list" aria-label="Chats"></ul>
  </aside>
  <main id="chat">
    <header id="chat-header"><div id="chat-title"></div><div id="chat-status" aria-live="polite"></div></header>
    <div id="messages" role="log" aria-live="polite"></div>
    <div id="commands" aria-label="Bot commands"></div>
    <div id="reply-keyboard" aria-label="Keyboard"></div>
    <form id="composer">
      <input id="input" autocomplete="off" placeholder="Write a message…" aria-label="Message">
      <button id="send" type="submit">Send</button>
    </form>
  </main>
</div>
<div id="toast" role="status" hidden></div>
<script src="/web/app.js"></script>
</body>
</html>
`;
}
