// The supervisor's page of canned responses and macros: edit fills the form, save PUTs, delete DELETEs.
(function () {
    'use strict';
    var root = document.getElementById('responses');
    var lang = root.dataset.language;
    var api = window.FuwuContact.api;

    function failed(e) {
        var errors = e.problem && e.problem.errors ? e.problem.errors : [];
        status([e.message].concat(errors.map(function (x) { return x.field + ': ' + x.message; })).join(' '), false);
    }

    function status(text, ok) {
        var s = document.getElementById('responses-status');
        s.textContent = text;
        s.className = 'alert ' + (ok ? 'alert-success' : 'alert-danger');
    }

    function field(row, name) {
        var c = row.querySelector('[data-field="' + name + '"]');
        return c ? c.textContent : '';
    }

    function value(id) {
        return document.getElementById(id).value.trim();
    }

    function done() {
        status(root.dataset.msgSaved, true);
        setTimeout(function () { window.location.reload(); }, 400);
    }

    document.querySelectorAll('[data-edit-canned]').forEach(function (b) {
        b.addEventListener('click', function () {
            var row = b.closest('tr');
            document.getElementById('canned-code').value = row.dataset.code;
            document.getElementById('canned-title').value = field(row, 'title');
            document.getElementById('canned-body').value = field(row, 'body');
            document.getElementById('canned-title').focus();
        });
    });
    document.querySelectorAll('[data-edit-macro]').forEach(function (b) {
        b.addEventListener('click', function () {
            var row = b.closest('tr');
            document.getElementById('macro-code').value = row.dataset.code;
            document.getElementById('macro-title').value = field(row, 'title');
            document.getElementById('macro-reply').value = field(row, 'reply');
            document.getElementById('macro-note').value = field(row, 'note');
            document.getElementById('macro-transfer').value = row.dataset.transfer || '';
            document.getElementById('macro-wrap-up').value = row.dataset.wrapUp || '';
            document.getElementById('macro-title').focus();
        });
    });
    document.querySelectorAll('[data-delete]').forEach(function (b) {
        b.addEventListener('click', function () {
            var row = b.closest('tr');
            if (!window.confirm(root.dataset.msgConfirm)) { return; }
            api('DELETE', '/api/v1/contact/' + b.dataset.delete + '/' + lang + '/' + encodeURIComponent(row.dataset.code))
                .then(function () { row.remove(); status(root.dataset.msgDeleted, true); })
                .catch(failed);
        });
    });
    document.getElementById('canned-form').addEventListener('submit', function (ev) {
        ev.preventDefault();
        api('PUT', '/api/v1/contact/canned-responses/' + lang + '/' + encodeURIComponent(value('canned-code')),
            {title: value('canned-title'), body: value('canned-body')}).then(done)
            .catch(failed);
    });
    document.getElementById('macro-form').addEventListener('submit', function (ev) {
        ev.preventDefault();
        api('PUT', '/api/v1/contact/macros/' + lang + '/' + encodeURIComponent(value('macro-code')),
            {title: value('macro-title'), reply: value('macro-reply'), note: value('macro-note'),
                transferQueue: value('macro-transfer'), wrapUpCode: value('macro-wrap-up')}).then(done)
            .catch(failed);
    });
}());
