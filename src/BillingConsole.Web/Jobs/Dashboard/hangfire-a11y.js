// Landmarks, heading levels and names for Hangfire's dashboard markup, which the app cannot change (issue #15): the
// navigation bar is the navigation, the page body the main landmark, the footer the content info; headings under the
// page's h1 read as level 2; the job list's checkboxes and its button column get names.
(function () {
    function fix() {
        var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
        var nav = document.querySelector('.navbar');
        if (nav && !nav.getAttribute('role')) nav.setAttribute('role', 'navigation');
        var footer = document.getElementById('footer') || document.querySelector('.footer');
        if (footer && !footer.getAttribute('role')) footer.setAttribute('role', 'contentinfo');
        var page = document.querySelector('.js-page-container') || document.querySelector('#wrap > .container');
        if (page && !document.querySelector('main, [role=main]')) page.setAttribute('role', 'main');
        document.querySelectorAll('h3, h4').forEach(function (h) {
            h.setAttribute('role', 'heading');
            h.setAttribute('aria-level', h.tagName === 'H3' ? '2' : '3');
        });
        document.querySelectorAll('input[type=checkbox]:not([aria-label])').forEach(function (box) {
            var name = box.classList.contains('js-jobs-list-select-all') ? (zh ? '全选' : 'Select all') : (box.value || (zh ? '选择' : 'Select'));
            box.setAttribute('aria-label', name);
        });
        document.querySelectorAll('th').forEach(function (th) {
            if (th.textContent.trim() === '') {
                var span = document.createElement('span');
                span.className = 'sr-only-hf';
                span.textContent = zh ? '选择' : 'Select';
                th.appendChild(span);
            }
        });
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fix); else fix();
})();
