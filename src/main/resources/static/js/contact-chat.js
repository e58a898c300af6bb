// The customer's chat: starts a conversation, writes, follows the agent's answers live (SSE), leaves.
// The conversation's token is kept in this tab's sessionStorage, so a reload resumes the chat.
(function () {
    'use strict';
    var root, token, lastId = 0, source, typingSent = 0, typingTimer, seen = {}, served = false, rated = false;

    var csrf = window.FuwuContact.csrf, api = window.FuwuContact.api;

    function state(text) {
        document.getElementById('chat-state').textContent = text;
    }

    function line(l) {
        if (seen[l.id]) { return; }
        seen[l.id] = true;
        lastId = Math.max(lastId, l.id);
        var list = document.getElementById('chat-lines');
        if (l.kind === 'MESSAGE' || l.kind === 'ATTACHMENT') {
            var li = document.createElement('li');
            var mine = l.authorKind === 'CUSTOMER';
            li.className = 'contact-line ' + (mine ? 'mine' : 'theirs');
            li.dataset.author = l.authorKind;
            var meta = document.createElement('div');
            meta.className = 'contact-meta';
            meta.textContent = mine ? root.dataset.msgYou : (l.authorName || root.dataset.msgAgent);
            var bubble = document.createElement('div');
            bubble.className = 'contact-bubble';
            if (l.kind === 'ATTACHMENT') {
                var a = document.createElement('a');
                a.href = '/api/v1/chat/conversations/' + token + '/attachments/' + (l.data || '').replace(/^attachment=(\d+).*$/, '$1');
                a.textContent = '📎 ' + l.text;
                a.className = mine ? 'link-light' : '';
                a.setAttribute('download', '');
                bubble.appendChild(a);
            } else {
                bubble.textContent = l.text;
            }
            li.appendChild(meta);
            li.appendChild(bubble);
            list.appendChild(li);
            if (!mine) { document.getElementById('chat-typing').classList.add('d-none'); }
        } else if (l.kind === 'STATUS' && (l.data || '').indexOf('verified=true') === 0) {
            document.getElementById('chat-verify-state').textContent = root.dataset.msgVerified;
            document.getElementById('chat-verify-form').classList.add('d-none');
        } else if (l.kind === 'STATUS') {
            status(l.data || '', l.authorName);
        }
        list.scrollTop = list.scrollHeight;
    }

    function status(data, agentName) {
        if (data.indexOf('status=QUEUED') === 0) {
            state(root.dataset.msgWaiting);
        } else if (data.indexOf('status=ASSIGNED') === 0) {
            served = true;
            state((agentName || root.dataset.msgAgent) + ' ' + root.dataset.msgJoined);
        } else if (data.indexOf('status=ENDED') === 0) {
            over(root.dataset.msgEnded);
        } else if (data.indexOf('status=ABANDONED') === 0) {
            over(root.dataset.msgAbandoned);
        }
    }

    function over(text) {
        state(text);
        document.getElementById('chat-input').disabled = true;
        document.getElementById('chat-send').disabled = true;
        document.getElementById('chat-leave').disabled = true;
        sessionStorage.removeItem('fuwu-chat-token');
        if (source) { source.close(); source = null; }
        if (served && !rated) {
            document.getElementById('chat-rating-form').classList.remove('d-none');
        }
    }

    function listen() {
        source = new EventSource('/api/v1/chat/conversations/' + token + '/events?lastEventId=' + lastId);
        ['message', 'status', 'attachment'].forEach(function (name) {
            source.addEventListener(name, function (e) { line(JSON.parse(e.data)); });
        });
        source.addEventListener('typing', function () {
            var t = document.getElementById('chat-typing');
            t.classList.remove('d-none');
            clearTimeout(typingTimer);
            typingTimer = setTimeout(function () { t.classList.add('d-none'); }, 4000);
        });
    }

    function resume() {
        return api('GET', '/api/v1/chat/conversations/' + token).then(function (view) {
            document.getElementById('chat-start').classList.add('d-none');
            document.getElementById('chat-session').classList.remove('d-none');
            view.lines.forEach(line);
            if (view.status === 'QUEUED' || view.status === 'OFFERED' || view.status === 'ASSIGNED') {
                listen();
            }
        });
    }

    function showError(e) {
        var box = document.getElementById('chat-error');
        box.textContent = e.message;
        box.classList.remove('d-none');
    }

    document.addEventListener('DOMContentLoaded', function () {
        root = document.getElementById('chat');
        token = sessionStorage.getItem('fuwu-chat-token');
        if (token) {
            resume().catch(function () { sessionStorage.removeItem('fuwu-chat-token'); token = null; });
        }
        document.getElementById('chat-start').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var button = document.getElementById('chat-start-button');
            button.disabled = true;
            var body = {language: root.dataset.language, channel: root.dataset.channel,
                topic: document.getElementById('chat-topic').value || null};
            var name = document.getElementById('chat-name').value.trim();
            if (name) { body.name = name; }
            api('POST', '/api/v1/chat/conversations', body).then(function (s) {
                token = s.token;
                sessionStorage.setItem('fuwu-chat-token', token);
                return resume();
            }).catch(function (e) { button.disabled = false; showError(e); });
        });
        document.getElementById('chat-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var input = document.getElementById('chat-input');
            var text = input.value.trim();
            if (!text) { return; }
            api('POST', '/api/v1/chat/conversations/' + token + '/messages', {text: text}).then(function (l) {
                input.value = '';
                line(l);
            }).catch(function (e) { state(e.message); });
        });
        document.getElementById('chat-input').addEventListener('keydown', function (ev) {
            if (ev.key === 'Enter' && !ev.shiftKey) {
                ev.preventDefault();
                document.getElementById('chat-send').click();
                return;
            }
            if (token && Date.now() - typingSent > 3000) {
                typingSent = Date.now();
                api('POST', '/api/v1/chat/conversations/' + token + '/typing').catch(function () { /* best effort */ });
            }
        });
        document.getElementById('chat-file').addEventListener('change', function (ev) {
            var f = ev.target.files[0];
            if (!f) { return; }
            var data = new FormData();
            data.append('file', f);
            fetch('/api/v1/chat/conversations/' + token + '/attachments', {method: 'POST', body: data,
                headers: csrf({'Accept': 'application/json'}), credentials: 'same-origin'}).then(function (r) {
                return r.json().then(function (j) {
                    if (!r.ok) { throw new Error((j.errors && j.errors[0] && j.errors[0].message) || j.detail); }
                    line(j);
                });
            }).catch(function (e) { state(e.message); });
            ev.target.value = '';
        });
        document.getElementById('chat-transcript-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var st = document.getElementById('chat-transcript-state');
            api('POST', '/api/v1/chat/conversations/' + token + '/transcript', {email: document.getElementById('chat-email').value})
                .then(function () { st.textContent = root.dataset.msgTranscript; })
                .catch(function (e) { st.textContent = e.message; });
        });
        document.getElementById('chat-verify-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var verifyState = document.getElementById('chat-verify-state');
            api('POST', '/api/v1/chat/conversations/' + token + '/verification',
                {mobile: document.getElementById('chat-mobile').value}).then(function () {
                document.getElementById('chat-code-form').classList.remove('d-none');
                verifyState.textContent = '';
                document.getElementById('chat-code').focus();
            }).catch(function (e) { verifyState.textContent = e.message; });
        });
        document.getElementById('chat-code-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var verifyState = document.getElementById('chat-verify-state');
            api('POST', '/api/v1/chat/conversations/' + token + '/verification/confirm',
                {code: document.getElementById('chat-code').value}).then(function () {
                document.getElementById('chat-verify-form').classList.add('d-none');
                document.getElementById('chat-code-form').classList.add('d-none');
                verifyState.textContent = root.dataset.msgVerified;
            }).catch(function (e) { verifyState.textContent = e.message; });
        });
        document.getElementById('chat-rating-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var picked = document.querySelector('#chat-rating-scores input:checked');
            if (!picked) { return; }
            api('POST', '/api/v1/chat/conversations/' + token + '/rating', {score: Number(picked.value),
                comment: document.getElementById('chat-rating-comment').value}).then(function () {
                rated = true;
                document.getElementById('chat-rating-form').classList.add('d-none');
                document.getElementById('chat-rating-thanks').classList.remove('d-none');
            }).catch(function (e) { state(e.message); });
        });
        document.getElementById('chat-leave').addEventListener('click', function () {
            api('POST', '/api/v1/chat/conversations/' + token + '/leave').then(function (view) {
                view.lines.forEach(line);
                over(view.status === 'ABANDONED' ? root.dataset.msgAbandoned : root.dataset.msgEnded);
            }).catch(function (e) { state(e.message); });
        });
    });
}());
