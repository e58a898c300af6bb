// The remote queueing page: sorts branches by distance (the browser's position, haversine) or by wait.
// Without a position (denied, unavailable) it keeps the server's order: shortest wait first.
(function () {
    'use strict';
    var R = 6371.0088;

    function km(lat1, lon1, lat2, lon2) {
        function rad(d) { return d * Math.PI / 180; }
        var dp = rad(lat2 - lat1), dl = rad(lon2 - lon1);
        var a = Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll('#remote-branches .remote-branch'));
    }

    function sortBy(key) {
        var list = document.getElementById('remote-branches');
        var items = rows();
        items.sort(function (a, b) {
            var x = parseFloat(a.dataset[key]), y = parseFloat(b.dataset[key]);
            if (isNaN(x)) { x = Number.MAX_VALUE; }
            if (isNaN(y)) { y = Number.MAX_VALUE; }
            return x - y || a.dataset.code.localeCompare(b.dataset.code);
        });
        items.forEach(function (li) { list.appendChild(li); });
        document.querySelectorAll('[data-remote-sort]').forEach(function (b) {
            b.classList.toggle('active', b.dataset.remoteSort === key);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var select = document.querySelector('[data-remote-autosubmit]');
        if (select) {
            select.addEventListener('change', function () { select.form.submit(); });
        }
        var hint = document.getElementById('remote-location');
        var distanceButton = document.getElementById('sort-distance');
        document.getElementById('sort-wait').addEventListener('click', function () { sortBy('wait'); });
        distanceButton.disabled = true;
        distanceButton.addEventListener('click', function () { sortBy('distance'); });
        if (!navigator.geolocation || !hint) {
            return;
        }
        hint.textContent = hint.dataset.msgLocating;
        navigator.geolocation.getCurrentPosition(function (pos) {
            var lat = pos.coords.latitude, lon = pos.coords.longitude;
            rows().forEach(function (li) {
                var blat = parseFloat(li.dataset.lat), blon = parseFloat(li.dataset.lon);
                if (isNaN(blat) || isNaN(blon)) { return; }
                var d = km(lat, lon, blat, blon);
                li.dataset.distance = String(d);
                var label = li.querySelector('.remote-distance');
                if (label) { label.textContent = hint.dataset.km.replace('{0}', d < 10 ? d.toFixed(1) : Math.round(d)); }
            });
            distanceButton.disabled = false;
            hint.textContent = hint.dataset.msgLocated;
            sortBy('distance');
        }, function () {
            hint.textContent = hint.dataset.msgDenied;
        }, {timeout: 10000, maximumAge: 300000});
    });
})();
