// Fuwu web chat: the one-line snippet a bank puts on its pages:
//   <script src="https://fuwu.example-bank.cn/chat/widget.js" data-lang="zh-CN" data-topic="cards" async></script>
// It adds a chat button in the corner that opens Fuwu's chat page (/chat) in a frame. The bank's origin
// must be listed in fuwu.contact.chat-embed-origins, or the browser refuses the frame.
(function () {
    'use strict';
    var script = document.currentScript;
    if (!script || window.__fuwuChat) { return; }
    window.__fuwuChat = true;
    var base = new URL(script.src, window.location.href).origin;
    var lang = script.getAttribute('data-lang') || (navigator.language && navigator.language.indexOf('zh') === 0 ? 'zh-CN' : 'en');
    var topic = script.getAttribute('data-topic');
    var label = script.getAttribute('data-label') || (lang === 'en' ? 'Chat' : '在线客服');
    var src = base + '/chat?lang=' + encodeURIComponent(lang) + (topic ? '&topic=' + encodeURIComponent(topic) : '');

    var button = document.createElement('button');
    button.type = 'button';
    button.id = 'fuwu-chat-button';
    button.textContent = label;
    button.setAttribute('aria-expanded', 'false');
    button.style.cssText = 'position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;'
        + 'padding:12px 20px;background:#8b1a1a;color:#fff;font:15px sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);cursor:pointer';
    var frame = null;
    button.addEventListener('click', function () {
        if (!frame) {
            frame = document.createElement('iframe');
            frame.id = 'fuwu-chat-frame';
            frame.title = label;
            frame.src = src;
            frame.style.cssText = 'position:fixed;right:20px;bottom:76px;z-index:2147483000;width:360px;height:520px;'
                + 'max-width:calc(100vw - 40px);max-height:calc(100vh - 100px);border:1px solid #ddd;border-radius:8px;background:#fff';
            document.body.appendChild(frame);
        } else {
            frame.style.display = frame.style.display === 'none' ? 'block' : 'none';
        }
        button.setAttribute('aria-expanded', frame.style.display === 'none' ? 'false' : 'true');
    });
    document.body.appendChild(button);
}());
