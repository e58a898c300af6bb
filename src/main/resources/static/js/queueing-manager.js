// The lobby manager's page, live: the branch's staff stream (Server-Sent Events) reports every change
// of the lobby; each one (debounced) refreshes the overview through htmx. Without the stream the
// overview still refreshes every 30 s. No inline scripts (the CSP forbids them).
(function () {
    'use strict';
    var overview = document.getElementById('overview');
    if (!overview || !overview.dataset.stream || !('EventSource' in window)) {
        return;
    }
    var timer = null;
    var editing = false;
    // a manager filling in a form must not lose it to a refresh; the refresh waits until they leave it
    document.addEventListener('focusin', function (e) {
        editing = overview.contains(e.target) && /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName);
    });
    document.addEventListener('toggle', function () {
        editing = overview.querySelector('details[open]') !== null;
    }, true);
    document.body.addEventListener('htmx:beforeRequest', function (e) {
        if (editing && e.target && e.target.id === 'overview') {
            e.preventDefault();
        }
    });
    function changed() {
        if (timer) {
            return;
        }
        timer = setTimeout(function () {
            timer = null;
            document.body.dispatchEvent(new Event('lobby-changed'));
        }, 300);
    }
    var source = new EventSource(overview.dataset.stream);
    var first = true;
    source.addEventListener('open', function () {
        var badge = document.getElementById('manager-live');
        if (badge) {
            badge.classList.remove('d-none');
        }
    });
    source.addEventListener('waiting', function () {
        if (first) {
            first = false; // the greeting on connect: the page is already current
            return;
        }
        changed();
    });
    document.addEventListener('submit', function () {
        source.close();
    });
})();
