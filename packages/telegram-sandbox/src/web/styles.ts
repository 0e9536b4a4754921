/** The web chat's stylesheet: a plain, Telegram-like layout with no external assets. */
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#dfe7ee;color:#111}
#app{display:flex;height:100vh}
#sidebar{width:260px;background:#fff;border-right:1px solid #d0d7de;display:flex;flex-direction:column}
#sidebar h1{font-size:16px;margin:0;padding:14px 16px;border-bottom:1px solid #eee}
#sidebar label{display:block;padding:10px 16px;font-size:13px;color:#555}
#sidebar select{width:100%;margin-top:4px}
#chat-list{list-style:none;margin:0;padding:0;overflow:auto}
#chat-list li{padding:10px 16px;cursor:pointer;border-bottom:1px solid #f2f2f2}
#chat-list li.active{background:#3390ec;color:#fff}
#chat{flex:1;display:flex;flex-direction:column;min-width:0}
#chat-header{background:#fff;padding:10px 16px;border-bottom:1px solid #d0d7de}
#chat-title{font-weight:600}
#chat-status{font-size:13px;color:#3390ec;min-height:18px}
#messages{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:6px}
.message{display:flex}
.message.outgoing{justify-content:flex-end}
.bubble{max-width:min(560px,80%);background:#fff;border-radius:12px;padding:6px 10px 4px;box-shadow:0 1px 1px rgba(0,0,0,.12)}
.outgoing .bubble{background:#e3fcd5}
.sender{font-size:13px;font-weight:600;color:#3390ec}
.reply{border-left:3px solid #3390ec;padding-left:6px;margin:2px 0 4px;font-size:13px;color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
.meta{font-size:11px;color:#8a8a8a;text-align:right;margin-top:2px}
.photo{display:block;max-width:100%;max-height:360px;border-radius:8px;margin:2px 0 4px;background:#eee;min-width:80px;min-height:60px}
.document{display:inline-block;margin:2px 0 4px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f0f2f5;border-radius:4px;padding:0 3px}
pre{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f0f2f5;border-radius:6px;padding:6px 8px;margin:4px 0;white-space:pre-wrap}
pre code{background:none;padding:0}
blockquote{margin:4px 0;padding:2px 8px;border-left:3px solid #3390ec;background:#eef5fd;border-radius:4px}
blockquote.expandable:not(.expanded){max-height:4.2em;overflow:hidden;cursor:pointer}
.spoiler{background:#999;color:transparent;border-radius:3px;cursor:pointer}
.spoiler.revealed{background:#e8e8e8;color:inherit}
.mention,.hashtag,.cashtag,a{color:#168acd}
.keyboard{display:flex;flex-direction:column;gap:4px;margin-top:6px}
.keyboard-row{display:flex;gap:4px}
.keyboard-row button,#reply-keyboard button,#commands button{flex:1;border:0;border-radius:8px;padding:7px 8px;background:#eaf3fc;color:#16609e;font:inherit;cursor:pointer}
.keyboard-row button:disabled{opacity:.55;cursor:default}
.keyboard-row button:hover:not(:disabled),#reply-keyboard button:hover{background:#d3e7fa}
#reply-keyboard{display:flex;flex-direction:column;gap:4px;padding:6px 12px;background:#f5f7f9}
#reply-keyboard:empty,#commands:empty{display:none}
#commands{display:flex;flex-wrap:wrap;gap:6px;padding:6px 12px;background:#f5f7f9}
#commands button{flex:0 0 auto;font-size:13px;padding:4px 10px}
#composer{display:flex;gap:8px;padding:10px 12px;background:#fff;border-top:1px solid #d0d7de}
#input{flex:1;border:1px solid #d0d7de;border-radius:18px;padding:8px 14px;font:inherit}
#send{border:0;border-radius:18px;background:#3390ec;color:#fff;padding:8px 18px;font:inherit;cursor:pointer}
#toast{position:fixed;left:50%;top:18px;transform:translateX(-50%);background:rgba(30,30,30,.88);color:#fff;padding:10px 16px;border-radius:10px;max-width:80%;z-index:5}
#toast.alert{background:#fff;color:#111;box-shadow:0 4px 24px rgba(0,0,0,.3);cursor:pointer}
#toast[hidden]{display:none}
.empty{margin:auto;color:#667;text-align:center}
`;
