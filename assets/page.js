// The studio page's own scripts, loaded once on every page (components/page.py).

// Keeps --cs-chrome = top bar + slide strip height, so the slide (studio.css) fits the height between them.
(() => {
  const root = document.documentElement;
  const measure = () => {
    // the notices' band above the strip (studio.css) is chrome too: the slide fits above it
    const band = Math.max(0, ...[...document.querySelectorAll('.q-notifications__list--top')]
      .map(list => list.childElementCount ? list.offsetHeight : 0));
    const height = [...document.querySelectorAll('.q-header, .q-footer')].reduce((sum, e) => sum + e.offsetHeight, 0);
    root.style.setProperty('--cs-chrome', height + band + 'px');
    root.style.setProperty('--cs-notices', band + 'px');
    root.style.setProperty('--cs-footer', document.querySelector('.q-footer').offsetHeight + 'px');
    root.style.setProperty('--cs-header', document.querySelector('.q-header').offsetHeight + 'px');
    const page = getComputedStyle(document.querySelector('.q-page-container'));
    root.style.setProperty('--cs-page-left', page.paddingLeft);
    root.style.setProperty('--cs-page-right', page.paddingRight);
  };
  const watch = () => {
    const bars = document.querySelectorAll('.q-header, .q-footer, .q-page-container, .q-notifications__list--top');
    if (bars.length < 6) return setTimeout(watch, 50);  // (three lists of notices at the top: left, middle, right)
    const observer = new ResizeObserver(measure);
    bars.forEach(e => observer.observe(e));
    measure();
  };
  watch();
  // Below 880 px (the page scrolls under a fixed top bar, the band and the strip) a text box focused shows its
  // caret, not itself: one half under the band or the strip stayed there. A control focused by the keyboard or
  // the studio that fits between the top bar and the band is brought wholly clear of them (the page's
  // scroll-padding). A click never moves the page while the box clicked shows enough of itself to type in: the
  // creator is looking at where they clicked, and a page that jumps under the pointer loses their place.
  const narrow = matchMedia('(max-width: 879.98px)');
  let pressed = -1e9;
  document.addEventListener('pointerdown', (event) => { pressed = event.timeStamp; }, true);
  document.addEventListener('keydown', () => { pressed = -1e9; }, true);
  document.addEventListener('focusin', (event) => {
    const e = event.target;
    if (!narrow.matches || !(e instanceof Element)
        || e.closest('.q-header, .q-footer, .q-notification, .q-drawer, .q-dialog, .q-menu'))
      return;
    const style = getComputedStyle(root);
    const top = parseFloat(style.scrollPaddingTop) || 0;
    const bottom = innerHeight - (parseFloat(style.scrollPaddingBottom) || 0);
    const r = e.getBoundingClientRect();
    if (!r.height || r.height > bottom - top || (r.top >= top - 1 && r.bottom <= bottom + 1))
      return;
    const shown = Math.min(r.bottom, bottom) - Math.max(r.top, top);
    if (event.timeStamp - pressed < 1500 && shown >= Math.min(r.height * 0.6, 28))
      return;  // clicked where it shows, with room for its line of text
    e.scrollIntoView({block: 'nearest'});
  });
})();

// A file dropped where nothing takes it would make the browser open it in place of the studio (the paste box and the
// upload areas cancel the drags they take, so they never reach this). Dragged text is left to the browser.
for (const type of ['dragover', 'drop']) {
  window.addEventListener(type, (e) => {
    if (e.defaultPrevented || !e.dataTransfer || !e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'none';
    if (type === 'drop' && window.Quasar) Quasar.Notify.create({type: 'info', position: 'top-right', timeout: 8000,
      message: 'Nothing here takes a file. Drop a text file on the paste box; choose an X archive or a project ' +
               'file on the Archive or Project file tab.'});
  });
}

// Below its breakpoint a drawer slides over the page: while it is open the keyboard stays in it. Opening moves the
// focus into it, Tab and Shift+Tab go round inside it (a focus that lands on the covered page comes back), Escape
// closes it and the focus goes back to its toggle in the top bar. Dialogs, menus and notices stay reachable.
(() => {
  const TOGGLES = {left: '[data-testid=toggle-settings]', right: '[data-testid=toggle-source]'};
  const ABOVE = '.q-dialog, .q-menu, .q-notification, .q-tooltip';
  const overlay = () => [...document.querySelectorAll('.q-drawer.q-drawer--mobile')]
    .find(d => !d.classList.contains('q-layout--prevent-focus'));
  const side = (drawer) => drawer.classList.contains('q-drawer--left') ? 'left' : 'right';
  const stops = (drawer) => [...drawer.querySelectorAll(
      'a[href], button, input, textarea, select, [tabindex]:not([tabindex="-1"]), [contenteditable=true]')]
    .filter(e => !e.disabled && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden');
  const enter = (drawer, last) => { const all = stops(drawer); (all[last ? all.length - 1 : 0] || drawer).focus(); };
  let open = null, backward = false;
  const follow = () => {
    const now = overlay();
    if (now === open) return;
    const was = open;
    open = now;
    if (now && !now.contains(document.activeElement)) {
      now.setAttribute('tabindex', '-1');
      setTimeout(() => { if (open === now && !now.contains(document.activeElement)) enter(now, false); }, 0);
    }
    if (was && !now) {
      const toggle = document.querySelector(TOGGLES[side(was)]);
      const lost = !document.activeElement || document.activeElement === document.body || was.contains(document.activeElement);
      if (toggle && toggle.getClientRects().length && lost) toggle.focus();
    }
  };
  const watch = () => {
    const drawers = document.querySelectorAll('.q-drawer');
    if (drawers.length < 2) return setTimeout(watch, 50);
    const observer = new MutationObserver(follow);
    drawers.forEach(d => observer.observe(d, {attributes: true, attributeFilter: ['class']}));
    follow();
  };
  watch();
  document.addEventListener('keydown', (event) => {
    const drawer = overlay();
    if (!drawer || event.defaultPrevented || (event.target instanceof Element && event.target.closest(ABOVE))
        || document.querySelector('.q-dialog, .q-menu')) return;
    if (event.key === 'Escape') {
      const backdrop = drawer.parentElement && drawer.parentElement.querySelector('.q-drawer__backdrop');
      if (backdrop) { event.preventDefault(); backdrop.click(); }
    } else if (event.key === 'Tab') {
      backward = event.shiftKey;
      const all = stops(drawer);
      const at = all.indexOf(document.activeElement);
      if (!all.length || (backward ? at <= 0 : at === all.length - 1 || at < 0)) {
        event.preventDefault();
        enter(drawer, backward);
      }
    }
  }, true);
  document.addEventListener('focusin', (event) => {
    const drawer = overlay();
    const e = event.target;
    if (drawer && e instanceof Element && !drawer.contains(e) && !e.closest(ABOVE)) enter(drawer, backward);
  }, true);
})();

// Where the tab is (components/view.py ``Place``), kept in its address with the rest of it, without a new entry in
// its history: a page loaded again (the server forgot the tab while it was offline) opens there.
window.csNotePlace = (query) => {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  history.replaceState(history.state, '', url);
};
