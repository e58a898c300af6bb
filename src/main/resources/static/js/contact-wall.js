// The supervisor wall: the figures the server sends on the wall stream (after changes, at most every
// 2 s) replace the table's; a queue below its service-level target is marked.
(function () {
    'use strict';
    var root, monitorSource, monitored, editing;

    var api = window.FuwuContact.api;

    function monitor(id) {
        if (monitorSource) { monitorSource.close(); }
        monitored = id;
        document.getElementById('monitor').classList.remove('d-none');
        document.getElementById('monitor-id').textContent = id;
        var list = document.getElementById('monitor-lines');
        list.textContent = '';
        monitorSource = new EventSource('/api/v1/conversations/' + id + '/events?lastEventId=0');
        ['message', 'note', 'whisper', 'status', 'transfer', 'call', 'customer-left'].forEach(function (name) {
            monitorSource.addEventListener(name, function (e) {
                var d = JSON.parse(e.data);
                var li = document.createElement('li');
                li.className = 'contact-line ' + (d.kind === 'NOTE' ? 'note' : d.kind === 'WHISPER' ? 'whisper'
                    : d.kind === 'MESSAGE' ? (d.authorKind === 'CUSTOMER' ? 'theirs' : 'mine') : 'system');
                li.textContent = (d.authorName || d.authorKind) + ': ' + (d.text || d.data || d.kind);
                list.appendChild(li);
                list.scrollTop = list.scrollHeight;
            });
        });
    }

    function seconds(n) {
        return root.dataset.seconds.replace('{0}', String(Math.round(n)));
    }

    function presenceLabel(p) {
        var el = document.querySelector('#labels [data-presence="' + p + '"]');
        return el ? el.textContent : p;
    }

    function set(row, field, text) {
        var cell = row.querySelector('[data-field="' + field + '"]');
        if (cell) { cell.textContent = text; }
    }

    function render(w) {
        w.queues.forEach(function (l) {
            var row = document.getElementById('queue-' + l.queue.code);
            if (!row) { return; }
            var f = l.figures;
            set(row, 'waiting', f.waiting);
            set(row, 'longest', seconds(f.longestWaitSeconds));
            set(row, 'offered', f.offered);
            set(row, 'answered', f.answered);
            var sl = row.querySelector('[data-field="sl"] span');
            if (sl) { sl.textContent = Math.round(f.serviceLevel * 100) + ' %'; }
            set(row, 'asa', seconds(f.asaSeconds));
            set(row, 'abandoned', f.abandoned);
            row.classList.toggle('wall-alert', l.alert);
        });
        document.getElementById('wall-occupancy').textContent = Math.round(w.occupancy * 100) + ' %';
        Object.keys(w.agentsByState).forEach(function (state) {
            var b = document.querySelector('#wall-states [data-state="' + state + '"] [data-count]');
            if (b) { b.textContent = w.agentsByState[state]; }
        });
        var body = document.querySelector('#wall-agents tbody');
        w.agents.forEach(function (a) {
            var row = document.getElementById('agent-' + a.accountId);
            if (!row) {
                row = document.createElement('tr');
                row.id = 'agent-' + a.accountId;
                row.innerHTML = '<td></td><td data-field="state"></td><td class="text-end" data-field="open"></td>';
                row.children[0].textContent = a.name;
                body.appendChild(row);
            }
            set(row, 'state', presenceLabel(a.presence));
            set(row, 'open', a.open);
        });
        var conv = document.querySelector('#wall-conversations tbody');
        var keep = {};
        (w.conversations || []).forEach(function (c) {
            keep[c.id] = true;
            var row = document.getElementById('conv-' + c.id);
            if (!row) {
                row = document.createElement('tr');
                row.id = 'conv-' + c.id;
                row.dataset.id = c.id;
                row.innerHTML = '<td></td><td></td><td></td><td></td><td></td><td class="text-end">'
                    + '<button type="button" class="btn btn-sm btn-outline-primary" data-monitor></button></td>';
                row.querySelector('[data-monitor]').textContent = root.dataset.msgMonitor;
                conv.appendChild(row);
            }
            row.children[0].textContent = c.id;
            row.children[1].textContent = c.channel;
            row.children[2].textContent = c.queue;
            row.children[3].textContent = c.status;
            row.children[4].textContent = c.agentName || '';
            row.dataset.status = c.status;
        });
        Array.prototype.forEach.call(conv.querySelectorAll('tr'), function (r) {
            if (!keep[r.dataset.id]) { r.remove(); }
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        root = document.getElementById('wall');
        var source = new EventSource('/api/v1/contact/wall/events');
        source.addEventListener('hello', function () { document.getElementById('wall-live').classList.remove('d-none'); });
        source.onerror = function () { document.getElementById('wall-live').classList.add('d-none'); };
        source.addEventListener('wall', function (e) { render(JSON.parse(e.data)); });
        document.getElementById('wall-conversations').addEventListener('click', function (ev) {
            var b = ev.target.closest('[data-monitor]');
            if (b) { monitor(b.closest('tr').dataset.id); }
        });
        document.getElementById('whisper-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var input = document.getElementById('whisper-text');
            api('POST', '/api/v1/conversations/' + monitored + '/whisper', {text: input.value}).then(function () {
                input.value = '';
            }).catch(function (e) { document.getElementById('monitor-state').textContent = e.message; });
        });
        document.getElementById('reassign-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            api('POST', '/api/v1/conversations/' + monitored + '/reassign',
                {agentId: parseInt(document.getElementById('reassign-agent').value, 10)}).then(function () {
                document.getElementById('monitor-state').textContent = root.dataset.msgSaved;
            }).catch(function (e) { document.getElementById('monitor-state').textContent = e.message; });
        });
        document.getElementById('wall-agents').addEventListener('click', function (ev) {
            var b = ev.target.closest('[data-edit-agent]');
            if (!b) { return; }
            var row = b.closest('tr');
            editing = row.dataset.id;
            document.getElementById('agent-form').classList.remove('d-none');
            document.getElementById('agent-form-name').textContent = row.children[0].textContent;
            document.getElementById('agent-queues').value = row.querySelector('[data-field="queues"]').textContent;
            document.getElementById('agent-form-state').textContent = '';
        });
        document.getElementById('agent-form').addEventListener('submit', function (ev) {
            ev.preventDefault();
            var state = document.getElementById('agent-form-state');
            var queues = document.getElementById('agent-queues').value.split(',').map(function (q) { return q.trim(); })
                .filter(function (q) { return q; });
            var chat = document.getElementById('agent-chat').value;
            var capacity = chat === '' ? {} : {CHAT: parseInt(chat, 10)};
            var skillsText = document.getElementById('agent-skills').value.trim();
            var done = api('PUT', '/api/v1/contact/agents/' + editing, {queues: queues, capacity: capacity});
            if (skillsText) {
                var skills = {};
                skillsText.split(',').forEach(function (p) {
                    var kv = p.split('=');
                    if (kv.length === 2) { skills[kv[0].trim()] = parseInt(kv[1], 10); }
                });
                done = done.then(function () { return api('PUT', '/api/v1/contact/agents/' + editing + '/skills', {skills: skills}); });
            }
            done.then(function () {
                state.textContent = root.dataset.msgSaved;
                document.querySelector('#agent-' + editing + ' [data-field="queues"]').textContent = queues.join(', ');
            }).catch(function (e) { state.textContent = e.message; });
        });
    });
}());
