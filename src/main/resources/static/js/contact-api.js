// The contact centre pages' one way to call the API: JSON in and out, the CSRF header of a staff session,
// no body for 202 and 204, and a problem's detail as the error's message.
(function () {
    'use strict';

    function csrf(headers) {
        var t = document.querySelector('meta[name="_csrf"]'), h = document.querySelector('meta[name="_csrf_header"]');
        if (t && h) { headers[h.content] = t.content; }
        return headers;
    }

    function api(method, path, body) {
        var headers = csrf({'Accept': 'application/json'});
        if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
        return fetch(path, {method: method, headers: headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)}).then(function (r) {
            if (r.status === 204 || r.status === 202) { return null; }
            return r.json().then(function (j) {
                if (!r.ok) { var e = new Error(j.detail || r.statusText); e.problem = j; throw e; }
                return j;
            });
        });
    }

    window.FuwuContact = {csrf: csrf, api: api};
}());
