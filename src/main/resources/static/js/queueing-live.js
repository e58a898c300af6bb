// The mobile ticket status page, live: a Server-Sent Events stream of this ticket's status, position
// and estimate. While the stream is open, the page's htmx refresh (the fallback for browsers without
// EventSource, or when the stream is down) stays quiet. No inline scripts (the CSP forbids them).
(function () {
    'use strict';
    var card = document.getElementById('status-card');
    if (!card || !card.dataset.stream || !('EventSource' in window)) {
        return;
    }
    var rendered = card.dataset.status;
    if (['CANCELLED', 'COMPLETED', 'NO_SHOW'].indexOf(rendered) >= 0) {
        return; // final: nothing will change any more
    }
    var live = false;
    var leaving = false;
    document.body.addEventListener('htmx:beforeRequest', function (e) {
        if (live) {
            e.preventDefault();
        }
    });
    function text(id, value) {
        var el = document.getElementById(id);
        if (el) {
            el.textContent = value;
        }
    }
    var source = new EventSource(card.dataset.stream);
    // the holder's own action (cancel) reloads the page through its form; the stream must not race it
    document.addEventListener('submit', function () {
        leaving = true;
        source.close();
    });
    source.addEventListener('open', function () {
        live = true;
        var badge = document.getElementById('status-live');
        if (badge) {
            badge.classList.remove('d-none');
        }
    });
    source.addEventListener('error', function () {
        live = false;
        var badge = document.getElementById('status-live');
        if (badge) {
            badge.classList.add('d-none');
        }
    });
    source.addEventListener('status', function (e) {
        var s = JSON.parse(e.data);
        if (leaving) {
            return;
        }
        if (s.status !== rendered) {
            // called, cancelled, ...: the page itself changes (no cancel button any more)
            source.close();
            window.location.reload();
            return;
        }
        text('status-state', s.state);
        text('status-position', s.positionText);
        text('status-estimate', s.estimateText);
    });
}());
