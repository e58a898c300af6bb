// The agent workstation: presence, offers with their countdown, one tab per conversation in hand,
// replies with canned responses, notes, wrap-up and transfer; all live over the agent's SSE stream.
(function () {
    'use strict';
    var root, me, source, lastId = 0, panes = {}, offers = {}, typingSent = {};

    var api = window.FuwuContact.api;

    function error(e) {
        var box = document.getElementById('workstation-error');
        box.textContent = e.message;
        box.classList.remove('d-none');
        setTimeout(function () { box.classList.add('d-none'); }, 6000);
    }

    function label(kind, key) {
        var el = document.querySelector('#labels [data-' + kind + '="' + key + '"]');
        return el ? el.textContent : key;
    }

    function presence(state) {
        var badge = document.getElementById('presence-now');
        badge.dataset.state = state;
        badge.textContent = label('presence', state);
        badge.className = 'badge ' + (state === 'AVAILABLE' ? 'text-bg-success' : state === 'BUSY' ? 'text-bg-primary'
            : state === 'AFTER_CALL_WORK' ? 'text-bg-warning' : 'text-bg-secondary');
    }

    function refreshMe() {
        return api('GET', '/api/v1/agents/me').then(function (s) {
            presence(s.effectivePresence);
            document.getElementById('presence').value = s.presence === 'AFTER_CALL_WORK' ? 'AVAILABLE' : s.presence;
        });
    }

    // ---- offers

    function showOffer(id) {
        if (offers[id]) { return; }
        offers[id] = true;
        api('GET', '/api/v1/conversations/' + id).then(function (d) {
            var c = d.conversation;
            if (c.status !== 'OFFERED') { delete offers[id]; return; }
            var li = document.createElement('li');
            li.className = 'list-group-item';
            li.id = 'offer-' + id;
            var head = document.createElement('div');
            head.innerHTML = '<strong></strong> <span class="badge text-bg-light border"></span>';
            head.querySelector('strong').textContent = c.customerName || root.dataset.msgGuest;
            head.querySelector('.badge').textContent = label('channel', c.channel) + ' · ' + c.queue;
            var why = document.createElement('div');
            why.className = 'small text-body-secondary offer-why';
            why.textContent = c.explanation || '';
            var left = document.createElement('div');
            left.className = 'small offer-countdown';
            var accept = document.createElement('button');
            accept.type = 'button';
            accept.className = 'btn btn-sm btn-success me-2 mt-1';
            accept.id = 'accept-' + id;
            accept.textContent = root.dataset.msgAccept;
            var decline = document.createElement('button');
            decline.type = 'button';
            decline.className = 'btn btn-sm btn-outline-secondary mt-1';
            decline.id = 'decline-' + id;
            decline.textContent = root.dataset.msgDecline;
            li.append(head, why, left, accept, decline);
            document.getElementById('offers').appendChild(li);
            document.getElementById('no-offers').classList.add('d-none');
            var expires = new Date(c.offerExpiresAt).getTime();
            var tick = setInterval(function () {
                var s = Math.max(0, Math.round((expires - Date.now()) / 1000));
                left.textContent = s + ' ' + root.dataset.msgExpires;
                if (s <= 0 || !document.getElementById('offer-' + id)) { clearInterval(tick); }
            }, 500);
            accept.addEventListener('click', function () {
                accept.disabled = true;
                api('POST', '/api/v1/conversations/' + id + '/accept').then(function (detail) {
                    removeOffer(id);
                    openPane(detail, true);
                }).catch(function (e) { removeOffer(id); error(e); });
            });
            decline.addEventListener('click', function () {
                api('POST', '/api/v1/conversations/' + id + '/decline').then(function () { removeOffer(id); })
                    .catch(function (e) { removeOffer(id); error(e); });
            });
        }).catch(function () { delete offers[id]; });
    }

    function removeOffer(id) {
        delete offers[id];
        var li = document.getElementById('offer-' + id);
        if (li) { li.remove(); }
        if (!document.querySelector('#offers [id^="offer-"]')) {
            document.getElementById('no-offers').classList.remove('d-none');
        }
    }

    // ---- conversations

    function part(pane, name) {
        return pane.querySelector('[data-part="' + name + '"]');
    }

    function openPane(detail, focus) {
        var c = detail.conversation;
        if (panes[c.id]) { if (focus) { select(c.id); } return; }
        var tabs = document.getElementById('conversation-tabs');
        var li = document.createElement('li');
        li.className = 'nav-item';
        li.setAttribute('role', 'presentation');
        var tab = document.createElement('button');
        tab.type = 'button';
        tab.className = 'nav-link';
        tab.id = 'tab-' + c.id;
        tab.setAttribute('role', 'tab');
        tab.textContent = (c.customerName || root.dataset.msgGuest) + ' · ' + label('channel', c.channel);
        tab.addEventListener('click', function () { select(c.id); });
        li.appendChild(tab);
        tabs.appendChild(li);
        var pane = document.createElement('div');
        pane.className = 'tab-pane';
        pane.id = 'conversation-' + c.id;
        pane.setAttribute('role', 'tabpanel');
        pane.appendChild(document.getElementById('pane-template').content.cloneNode(true));
        document.getElementById('conversation-panes').appendChild(pane);
        document.getElementById('conversation-panes').classList.remove('d-none');
        document.getElementById('no-conversations').classList.add('d-none');
        panes[c.id] = {pane: pane, customer: c.customerName, seen: {}};
        part(pane, 'customer').innerHTML = '<div class="fw-semibold"></div><div></div><div class="text-body-secondary"></div>';
        part(pane, 'customer').children[0].textContent = c.customerName || root.dataset.msgGuest;
        part(pane, 'customer').children[1].textContent = c.verified ? root.dataset.msgVerified : root.dataset.msgUnverified;
        part(pane, 'customer').children[2].textContent = label('channel', c.channel) + ' · ' + c.queue + ' · ' + c.language;
        part(pane, 'why').textContent = c.explanation || '';
        detail.lines.forEach(function (l) { line(c.id, l); });
        wire(c.id, pane);
        panes[c.id].wired = true;
        suggest(c.id, '');
        if (c.channel === 'VOICE') { softphone(c.id, c.callState, c.callback); }
        customer360(c.id);
        if (focus || Object.keys(panes).length === 1) { select(c.id); }
    }

    function select(id) {
        Object.keys(panes).forEach(function (k) {
            var active = String(k) === String(id);
            panes[k].pane.classList.toggle('show', active);
            panes[k].pane.classList.toggle('active', active);
            var t = document.getElementById('tab-' + k);
            if (t) { t.classList.toggle('active', active); t.setAttribute('aria-selected', active ? 'true' : 'false'); }
        });
    }

    function closePane(id) {
        var p = panes[id];
        if (!p) { return; }
        p.pane.remove();
        var t = document.getElementById('tab-' + id);
        if (t) { t.parentElement.remove(); }
        delete panes[id];
        var rest = Object.keys(panes);
        if (rest.length) { select(rest[0]); } else {
            document.getElementById('conversation-panes').classList.add('d-none');
            document.getElementById('no-conversations').classList.remove('d-none');
        }
    }

    function listOf(title, items) {
        var wrap = document.createElement('div');
        wrap.className = 'mt-2';
        var h = document.createElement('div');
        h.className = 'fw-semibold';
        h.textContent = title;
        var ul = document.createElement('ul');
        ul.className = 'list-unstyled mb-0';
        items.forEach(function (t) { var li = document.createElement('li'); li.textContent = t; ul.appendChild(li); });
        wrap.append(h, ul);
        return wrap;
    }

    function customer360(id) {
        api('GET', '/api/v1/conversations/' + id + '/customer').then(function (v) {
            var p = panes[id];
            if (!p) { return; }
            var box = part(p.pane, 'customer360');
            box.textContent = '';
            var verified = part(p.pane, 'customer').children[1];
            verified.textContent = v.verified ? root.dataset.msgVerified : root.dataset.msgUnverified;
            if (!v.linked) {
                box.textContent = root.dataset.msgNoCustomer;
                return;
            }
            part(p.pane, 'customer').children[0].textContent = v.maskedName + ' · ' + v.customerNumber + ' · ' + v.segment;
            p.customer = v.maskedName;
            box.appendChild(listOf('', v.identities));
            box.appendChild(listOf(root.dataset.msgProducts, v.products.map(function (x) {
                return x.name + ' ' + x.maskedNumber + (x.balance === null ? '' : ' ' + x.currency + ' ' + x.balance)
                    + (x.status === 'ACTIVE' ? '' : ' (' + x.status + ')');
            })));
            box.appendChild(listOf(root.dataset.msgHistory, v.conversations.map(function (x) {
                return new Date(x.createdAt).toLocaleDateString() + ' ' + label('channel', x.channel) + ' ' + x.status
                    + (x.wrapUpCode ? ' · ' + x.wrapUpCode : '');
            })));
            box.appendChild(listOf(root.dataset.msgLobby, v.lobbyVisits.map(function (x) {
                return x.businessDay + ' ' + x.branchCode + ' ' + x.number + ' ' + x.status;
            })));
            box.appendChild(listOf(root.dataset.msgCases, v.cases.map(function (x) {
                return x.number + ' ' + x.type + ' ' + x.status;
            })));
            box.appendChild(listOf(root.dataset.msgRatings, v.ratings.map(function (x) {
                return new Date(x.at).toLocaleDateString() + ' ' + '★'.repeat(x.score) + ' ' + label('channel', x.channel)
                    + (x.comment ? ' · ' + x.comment : '');
            })));
        }).catch(function () { /* the conversation card still works */ });
    }

    // the knowledge panel: entries for what the customer wrote last, or for the agent's own search
    function suggest(id, q) {
        var p = panes[id];
        if (!p) { return; }
        clearTimeout(p.suggestTimer);
        p.suggestTimer = setTimeout(function () {
            api('GET', '/api/v1/conversations/' + id + '/knowledge' + (q ? '?q=' + encodeURIComponent(q) : ''))
                .then(function (list) { showSuggestions(id, list); })
                .catch(function () { /* the conversation still works without suggestions */ });
        }, 300);
    }

    function showSuggestions(id, list) {
        var p = panes[id];
        if (!p) { return; }
        var box = part(p.pane, 'knowledge');
        box.textContent = '';
        if (!list.length) {
            box.textContent = root.dataset.msgNoKnowledge;
            return;
        }
        list.forEach(function (s) {
            var item = document.createElement('div');
            item.className = 'border-bottom py-1';
            item.dataset.entry = s.entryId;
            var q = document.createElement('div');
            q.className = 'fw-semibold';
            q.textContent = s.question;
            var sn = document.createElement('div');
            sn.className = 'text-body-secondary';
            sn.textContent = s.snippet;
            var use = document.createElement('button');
            use.type = 'button';
            use.className = 'btn btn-link btn-sm p-0';
            use.dataset.use = s.entryId;
            use.textContent = root.dataset.msgUseAnswer;
            use.addEventListener('click', function () {
                api('POST', '/api/v1/conversations/' + id + '/knowledge/' + s.entryId + '/use').then(function (a) {
                    var reply = part(p.pane, 'reply');
                    reply.value = reply.value ? reply.value + '\n' + a.text : a.text;
                    reply.focus();
                }).catch(error);
            });
            item.append(q, sn, use);
            box.appendChild(item);
        });
    }

    function softphone(id, state, callback) {
        var p = panes[id];
        if (!p) { return; }
        var box = part(p.pane, 'softphone');
        box.classList.remove('d-none');
        var el = document.querySelector('#labels [data-call-state="' + state + '"]');
        part(p.pane, 'call-state').textContent = el ? el.textContent : (state || '');
        part(p.pane, 'call-state').dataset.state = state || '';
        if (callback) {
            part(p.pane, 'callback-note').classList.remove('d-none');
            box.querySelector('[data-call="DIAL"]').classList.remove('d-none');
        }
        if (!box.dataset.wired) {
            box.dataset.wired = '1';
            box.querySelectorAll('[data-call]').forEach(function (b) {
                b.addEventListener('click', function () {
                    api('POST', '/api/v1/conversations/' + id + '/call', {action: b.dataset.call}).catch(error);
                });
            });
        }
    }

    function fill(text, id) {
        return text.split('{customer}').join(panes[id].customer || '').split('{agent}').join(root.dataset.myName)
            .split('{bank}').join(root.dataset.bank);
    }

    function wire(id, pane) {
        part(pane, 'insert').addEventListener('click', function () {
            var v = part(pane, 'canned').value;
            if (v) { part(pane, 'reply').value = fill(v, id); part(pane, 'reply').focus(); }
        });
        if (part(pane, 'apply-macro')) {
            part(pane, 'apply-macro').addEventListener('click', function () {
                var code = part(pane, 'macro').value;
                if (!code) { return; }
                api('POST', '/api/v1/conversations/' + id + '/macro', {code: code, language: root.dataset.language})
                    .then(function (r) {
                        part(pane, 'macro').value = '';
                        if (r.steps.indexOf('END') >= 0 || r.steps.indexOf('TRANSFER') >= 0) {
                            closePane(id);
                            refreshMe();
                        }
                    }).catch(error);
            });
        }
        part(pane, 'knowledge-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            suggest(id, part(pane, 'knowledge-q').value.trim());
        });
        part(pane, 'reply-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var text = part(pane, 'reply').value.trim();
            if (!text) { return; }
            api('POST', '/api/v1/conversations/' + id + '/messages', {text: text}).then(function (l) {
                part(pane, 'reply').value = '';
                line(id, l);
            }).catch(error);
        });
        part(pane, 'reply').addEventListener('keydown', function () {
            if (!typingSent[id] || Date.now() - typingSent[id] > 3000) {
                typingSent[id] = Date.now();
                api('POST', '/api/v1/conversations/' + id + '/typing').catch(function () { /* best effort */ });
            }
        });
        part(pane, 'note-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var text = part(pane, 'note').value.trim();
            if (!text) { return; }
            api('POST', '/api/v1/conversations/' + id + '/notes', {text: text}).then(function (l) {
                part(pane, 'note').value = '';
                line(id, l);
            }).catch(error);
        });
        part(pane, 'end-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            api('POST', '/api/v1/conversations/' + id + '/end', {wrapUpCode: part(pane, 'wrap-up').value}).then(function () {
                closePane(id);
                refreshMe();
            }).catch(error);
        });
        part(pane, 'case-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            api('POST', '/api/v1/conversations/' + id + '/case', {type: part(pane, 'case-type').value}).then(function (c) {
                part(pane, 'case-number').textContent = c.number;
            }).catch(error);
        });
        part(pane, 'transfer-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var colleague = part(pane, 'transfer-agent').value.trim();
            api('POST', '/api/v1/conversations/' + id + '/transfer', {queue: part(pane, 'transfer-queue').value,
                agentUsername: colleague || null}).then(function () {
                closePane(id);
                refreshMe();
            }).catch(error);
        });
    }

    function line(id, l) {
        var p = panes[id];
        if (!p || p.seen[l.id]) { return; }
        p.seen[l.id] = true;
        var list = part(p.pane, 'timeline');
        var li = document.createElement('li');
        if (l.kind === 'MESSAGE' || l.kind === 'NOTE' || l.kind === 'WHISPER' || l.kind === 'ATTACHMENT') {
            var mine = (l.kind === 'MESSAGE' || l.kind === 'ATTACHMENT') && l.authorKind === 'AGENT';
            li.className = 'contact-line ' + (l.kind === 'NOTE' ? 'note' : l.kind === 'WHISPER' ? 'whisper' : mine ? 'mine' : 'theirs');
            li.dataset.kind = l.kind;
            var meta = document.createElement('div');
            meta.className = 'contact-meta';
            meta.textContent = (l.kind === 'NOTE' ? root.dataset.msgNote + ' · ' : l.kind === 'WHISPER' ? root.dataset.msgWhisper + ' · ' : '')
                + (l.authorKind === 'CUSTOMER' ? (p.customer || root.dataset.msgCustomer) : (l.authorName || ''))
                + ' · ' + new Date(l.at).toLocaleTimeString();
            var bubble = document.createElement('div');
            bubble.className = 'contact-bubble';
            if (l.kind === 'ATTACHMENT') {
                var a = document.createElement('a');
                a.href = '/api/v1/conversations/' + id + '/attachments/' + (l.data || '').replace(/^attachment=(\d+).*$/, '$1');
                a.textContent = '📎 ' + l.text;
                a.setAttribute('download', '');
                if (mine) { a.className = 'link-light'; }
                bubble.appendChild(a);
            } else {
                bubble.textContent = l.text;
            }
            li.append(meta, bubble);
            if (l.authorKind === 'CUSTOMER') {
                part(p.pane, 'typing').classList.add('d-none');
                if (l.kind === 'MESSAGE' && p.wired) { suggest(id, ''); }
            }
        } else if (l.kind === 'CUSTOMER_LEFT') {
            li.className = 'contact-line system';
            li.textContent = root.dataset.msgLeft;
        } else {
            return;
        }
        list.appendChild(li);
        list.scrollTop = list.scrollHeight;
    }

    function onEvent(e) {
        var d = JSON.parse(e.data);
        if (e.lastEventId) { lastId = Math.max(lastId, parseInt(e.lastEventId, 10)); }
        return d;
    }

    function listen() {
        source = new EventSource('/api/v1/agents/me/events' + (lastId ? '?lastEventId=' + lastId : ''));
        source.addEventListener('hello', function () { document.getElementById('workstation-live').classList.remove('d-none'); });
        source.onerror = function () { document.getElementById('workstation-live').classList.add('d-none'); };
        source.addEventListener('offer', function (e) { showOffer(onEvent(e).conversationId); });
        source.addEventListener('offer-closed', function (e) { removeOffer(onEvent(e).conversationId); });
        ['message', 'note', 'whisper', 'customer-left', 'attachment'].forEach(function (name) {
            source.addEventListener(name, function (e) {
                var d = onEvent(e);
                if (panes[d.conversationId]) { line(d.conversationId, d); }
            });
        });
        source.addEventListener('status', function (e) {
            var d = onEvent(e);
            if ((d.data || '').indexOf('verified=true') === 0 && panes[d.conversationId]) { customer360(d.conversationId); }
            if ((d.data || '').indexOf('status=ASSIGNED') === 0 && !panes[d.conversationId]) {
                api('GET', '/api/v1/conversations/' + d.conversationId).then(function (detail) { openPane(detail, false); });
            }
        });
        source.addEventListener('call', function (e) {
            var d = onEvent(e);
            if (!panes[d.conversationId]) { return; }
            api('GET', '/api/v1/conversations/' + d.conversationId).then(function (detail) {
                softphone(d.conversationId, detail.conversation.callState, detail.conversation.callback);
            });
        });
        source.addEventListener('transfer', function (e) { closePane(onEvent(e).conversationId); refreshMe(); });
        source.addEventListener('presence', function (e) { onEvent(e); refreshMe(); });
        source.addEventListener('typing', function (e) {
            var d = JSON.parse(e.data);
            var p = panes[d.conversationId];
            if (!p) { return; }
            var t = part(p.pane, 'typing');
            t.classList.remove('d-none');
            clearTimeout(p.typingTimer);
            p.typingTimer = setTimeout(function () { t.classList.add('d-none'); }, 4000);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        root = document.getElementById('workstation');
        me = root.dataset.me;
        document.getElementById('presence-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            api('PUT', '/api/v1/agents/me/presence', {state: document.getElementById('presence').value}).then(function (s) {
                presence(s.effectivePresence);
                s.conversations.filter(function (c) { return c.status === 'OFFERED'; }).forEach(function (c) { showOffer(c.id); });
            }).catch(error);
        });
        var pending = Array.prototype.map.call(document.querySelectorAll('[data-open-conversation]'), function (el) {
            return el.dataset.id;
        });
        Promise.all(pending.map(function (id) {
            return api('GET', '/api/v1/conversations/' + id).then(function (d) {
                if (d.conversation.status === 'OFFERED') { showOffer(d.conversation.id); } else { openPane(d, false); }
                d.lines.forEach(function (l) { lastId = Math.max(lastId, l.id); });
            });
        })).finally(listen);
    });
}());
