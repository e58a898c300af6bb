// The supervisor wall: the figures the server sends on the wall stream (after changes, at most every
// 2 s) replace the table's; a queue below its service-level target is marked.
(function () {
    'use strict';
    var root;

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
    }

    document.addEventListener('DOMContentLoaded', function () {
        root = document.getElementById('wall');
        var source = new EventSource('/api/v1/contact/wall/events');
        source.addEventListener('hello', function () { document.getElementById('wall-live').classList.remove('d-none'); });
        source.onerror = function () { document.getElementById('wall-live').classList.add('d-none'); };
        source.addEventListener('wall', function (e) { render(JSON.parse(e.data)); });
    });
}());
