// The lobby display board: live calls over Server-Sent Events (EventSource reconnects by itself and
// sends Last-Event-ID, so the server replays what was missed), waiting counts, a clock, and each call
// spoken aloud in zh-CN and en. No inline scripts (the CSP forbids them).
(function () {
    'use strict';
    var board = document.getElementById('board');
    if (!board) {
        return;
    }
    var d = board.dataset;
    var maxCalls = parseInt(d.maxCalls || '8', 10);
    var soundOn = false;
    var seen = {};
    // the calls the page was rendered with: the stream may send them again (its look-back re-sends
    // recent rows that committed late, and clients drop the ids they have had)
    Array.prototype.forEach.call(document.querySelectorAll('#board-calls tr[data-id]'), function (row) {
        seen[row.dataset.id] = true;
    });

    function fill(template, a, b) {
        return template.replace('{0}', a).replace('{1}', b);
    }

    function text(id, value) {
        var e = document.getElementById(id);
        if (e) {
            e.textContent = value;
        }
    }

    function speak(number, counter) {
        if (!soundOn || !('speechSynthesis' in window)) {
            return;
        }
        var spokenNumber = number.split('').join(' ');
        var zh = new SpeechSynthesisUtterance(fill(d.sayZh, number, counter));
        zh.lang = 'zh-CN';
        var en = new SpeechSynthesisUtterance(fill(d.sayEn, spokenNumber, counter));
        en.lang = 'en-US';
        window.speechSynthesis.speak(zh);
        window.speechSynthesis.speak(en);
    }

    function flash(el, cls) {
        el.classList.remove(cls);
        void el.offsetWidth; // restart the animation
        el.classList.add(cls);
    }

    function showCall(call, replayed) {
        var counterText = fill(d.counterLabel, call.counterNumber || call.counterCode || '');
        text('board-current-number', call.number);
        text('board-current-counter', counterText);
        document.getElementById('board-current-arrow').classList.remove('d-none');
        flash(document.getElementById('board-current'), 'board-flash');
        var body = document.getElementById('board-calls');
        var row = document.createElement('tr');
        row.className = 'board-call board-new';
        row.dataset.id = call.id;
        [call.number, counterText].forEach(function (v, i) {
            var td = document.createElement('td');
            td.className = i === 0 ? 'board-call-number' : 'board-call-counter';
            td.textContent = v;
            row.appendChild(td);
        });
        var recall = document.createElement('td');
        recall.className = 'board-call-recall';
        if (call.recall > 0) {
            var badge = document.createElement('span');
            badge.className = 'badge text-bg-warning';
            badge.textContent = d.recallLabel;
            recall.appendChild(badge);
        }
        row.appendChild(recall);
        body.insertBefore(row, body.firstChild);
        while (body.children.length > maxCalls) {
            body.removeChild(body.lastChild);
        }
        var none = document.getElementById('board-no-calls');
        if (none) {
            none.remove();
        }
        if (!replayed) {
            speak(call.number, call.counterNumber || call.counterCode || '');
        }
    }

    function setConnection(live) {
        var badge = document.getElementById('board-connection');
        badge.textContent = live ? badge.dataset.liveLabel : badge.dataset.offlineLabel;
        badge.className = 'badge fs-5 ' + (live ? 'text-bg-success' : 'text-bg-secondary');
    }

    function tick() {
        var now = new Date();
        text('board-clock', now.toLocaleTimeString(document.documentElement.lang || undefined,
            {hour: '2-digit', minute: '2-digit'}));
    }
    tick();
    setInterval(tick, 10000);

    document.getElementById('board-sound').addEventListener('click', function (e) {
        soundOn = true;
        e.target.textContent = e.target.dataset.onLabel;
        e.target.disabled = true;
        if ('speechSynthesis' in window) {
            window.speechSynthesis.speak(new SpeechSynthesisUtterance(''));
        }
    });

    if (!('EventSource' in window)) {
        // no live updates: reload the whole board now and then
        setTimeout(function () { window.location.reload(); }, 15000);
        return;
    }
    var source = new EventSource(d.stream);
    var openedAt = 0;
    source.addEventListener('open', function () {
        openedAt = Date.now();
        setConnection(true);
    });
    source.addEventListener('error', function () {
        setConnection(false);
    });
    source.addEventListener('ticket-called', function (e) {
        var call = JSON.parse(e.data);
        if (seen[call.id]) {
            return;
        }
        seen[call.id] = true;
        // calls replayed right after a reconnect are shown, but only the newest few are spoken
        var replayed = Date.now() - openedAt < 300 && (Date.now() - Date.parse(call.occurredAt)) > 60000;
        showCall(call, replayed);
    });
    source.addEventListener('waiting', function (e) {
        var summary = JSON.parse(e.data);
        summary.services.forEach(function (s) {
            var row = document.getElementById('waiting-' + s.code);
            if (row) {
                var cell = row.querySelector('.board-waiting-count');
                var value = fill(d.peopleLabel, s.waiting);
                if (cell.textContent !== value) {
                    cell.textContent = value;
                    flash(row, 'board-flash');
                }
            }
        });
    });
}());
