// Lobby pages: the print button of a kiosk ticket. No inline scripts (the CSP forbids them).
document.addEventListener('click', function (event) {
    if (event.target.closest('[data-queue-print]')) {
        window.print();
    }
});
