// Notices: the "Print the letter" button on the letter page. Without JavaScript the page says to use the browser's
// print command, so the button stays hidden until this script can make it work.
(function () {
    const button = document.getElementById('print');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => window.print());
}());
