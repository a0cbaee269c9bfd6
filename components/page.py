"""One browser's studio page: top bar, settings panels, the slide, source content and the strip."""
from __future__ import annotations

import asyncio
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from nicegui import events, ui

from studio.app import Changed, Event, ProjectSwitched
from studio.share.desks import concerns

from .brand_panel import BrandPanel
from .canvas_panel import CanvasPanel
from .caption_helper import CaptionHelper
from .cta_panel import CtaPanel
from .draw_ahead import DrawAhead
from .export_dialog import ExportDialog
from .first_open import OnFirstOpen
from .landmarks import name_drawers
from .layout_panel import LayoutPanel
from .pattern_panel import PatternPanel
from .save_banner import SaveBanner
from .slide_editor import SlideEditor
from .slide_strip import SlideStrip
from .source_panel import SourcePanel
from .theme_panel import ThemePanel
from .topbar import TopBar
from .typography_panel import TypographyPanel
from .view import NOTICES, View

if TYPE_CHECKING:
    from .app import Server

STEP_PAUSE_S = 0.01  # between the steps of a page build: long enough for a request waiting on the loop to go through

# The settings panels, top to bottom, with the titles and subtitles the creator sees.
SETTINGS = [("Canvas & Ratio", "LinkedIn or Instagram size", "aspect_ratio", CanvasPanel, True),
            ("Layout Template", "Where text and photos sit", "dashboard", LayoutPanel, True),
            ("Preset Themes", "Colours and fonts in one click", "palette", ThemePanel, True),
            ("Typography & Sizing", "Fonts, sizes, line height", "text_fields", TypographyPanel, False),
            ("Brand Kit", "Your name, handle, colours", "badge", BrandPanel, False),
            ("Outro Slide CTA", "The last slide's ask", "campaign", CtaPanel, False),
            ("Background Pattern", "Texture behind the text", "texture", PatternPanel, False)]


# Keeps --cs-chrome = top bar + slide strip height, so the slide (studio.css) fits the height between them.
# A file dropped where nothing takes it would make the browser open it in place of the studio (the paste box and the
# upload areas cancel the drags they take, so they never reach this). Dragged text is left to the browser.
GUARD_FILE_DROPS = """<script>
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
</script>"""
MEASURE_CHROME = """<script>
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
</script>"""
# Below its breakpoint a drawer slides over the page: while it is open the keyboard stays in it. Opening moves the
# focus into it, Tab and Shift+Tab go round inside it (a focus that lands on the covered page comes back), Escape
# closes it and the focus goes back to its toggle in the top bar. Dialogs, menus and notices stay reachable.
DRAWER_FOCUS = """<script>
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
</script>"""


def shown(panel: Any, opened: bool) -> None:
    """Tell a settings panel that draws only while open (a gallery) that it was opened or closed."""
    hook = getattr(panel, "panel_opened", None)
    if hook is not None:
        hook(opened)


class StudioPage:
    """Builds the page for one browser and keeps it in step with the shared carousel."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.view = View(server)
        self.panels: list[Any] = []
        self._behind = False  # changes came while no browser was connected: caught up when one connects

    async def build(self) -> None:
        """Build the page in steps, letting the event loop serve other requests and browsers between them.

        A whole page costs about 150 ms of CPU; built in one go, every static file and every edit of the
        browsers already open waited for it, and for each of the pages being loaded at the same moment.
        A request takes a dozen turns of the event loop (middleware, a file read in a thread): one turn
        between steps would let it advance by one turn per step, so each pause lasts a little while."""
        for _ in self._parts():
            await asyncio.sleep(STEP_PAUSE_S)

    def _parts(self) -> Iterator[None]:
        """Build the page; yields between its parts. From the first part on, the page hears every change:
        parts built already redraw, parts built later are built from the carousel as it is then."""
        view, server = self.view, self.server
        server.changed.subscribe(self._changed)
        view.on_select(self._selected)
        view.client.on_connect(self._catch_up)
        view.client.on_disconnect(server.studio.save_soon)  # a closed tab's typing is written now
        ui.page_title("Carousel Studio")
        ui.colors(primary="#6d5dfc", secondary="#26233a", accent="#ff6b3d")
        ui.query("body").classes("cs-body")
        self.later = ui.element().classes("hidden")  # dialogs built when first opened go here
        self.ahead = DrawAhead(view)  # the export drawn whenever edits pause, the dialog opened or not
        self.export = OnFirstOpen(self.later, lambda: ExportDialog(view, self.ahead))
        self.captions = OnFirstOpen(self.later, lambda: CaptionHelper(view))
        header = ui.header(elevated=False).classes("cs-header")  # filled last: see below
        # value=None: open beside the slide on wide screens, a slide-over panel below the breakpoint (tablets)
        with ui.left_drawer(value=None, fixed=True, bordered=True).props(
                "width=288 breakpoint=1000 aria-label='Settings panels'").classes("cs-drawer cs-left") as self.left:
            for title, subtitle, icon, panel, opened in SETTINGS:
                with ui.expansion(title, icon=icon, value=opened).props(
                        f"dense header-class=cs-expansion-header data-testid=panel-{icon}") \
                        .classes("w-full cs-expansion") as expansion:
                    ui.label(subtitle).classes("cs-panel-subtitle cs-panel-lead")
                    if opened:
                        self.panels.append(built := panel(view))
                        expansion.on_value_change(lambda e, built=built: shown(built, e.value))
                        yield
                    else:  # from its first opening on, it hears every change too
                        later = OnFirstOpen(expansion, partial(self._listening, panel))
                        expansion.on_value_change(lambda e, later=later: shown(later.part(), e.value))
        with ui.right_drawer(value=None, fixed=True, bordered=True).props(
                "width=300 breakpoint=1180 aria-label='Source content'").classes("cs-drawer cs-right") as self.right:
            self.source = SourcePanel(view)
            self.panels.append(self.source)
        yield
        self.save_banner = SaveBanner(server.save_failure)
        with ui.footer(elevated=False).classes("cs-footer"):
            self.strip = SlideStrip(view)
        self.panels += [self.save_banner, self.strip]
        yield
        self.editor = SlideEditor(view)
        self.panels += [self.editor, self.ahead]
        yield
        # Last, with no pause after it: the top bar's timers (share mode: who is here) wait for the browser's
        # connection, and NiceGUI serves the page as far as it is built once anything waits for that.
        with header:
            self.topbar = TopBar(view, on_export=self.export.open, on_captions=self.captions.open,
                                 left=self.left, right=self.right)
        self.panels.append(self.topbar)
        ui.add_body_html(MEASURE_CHROME + GUARD_FILE_DROPS + DRAWER_FOCUS)
        name_drawers()
        ui.keyboard(on_key=self._key)
        for notice in server.studio.notices:
            ui.notify(notice, type="warning", position=NOTICES, multi_line=True, close_button=True, timeout=0)

    def _listening(self, panel: type) -> Any:
        """Build a settings panel that hears every change from now on."""
        self.panels.append(built := panel(self.view))
        return built

    def _changed(self, event: Event) -> None:
        """Hand an event to the panels that listen for its kind (``LISTENS``, default: every change)."""
        if not concerns(event, self.view.document):  # share mode: another person's project
            return
        if isinstance(event, Changed):
            self.view.forget_layout(event)
            if not self.view.client.has_socket_connection:  # nobody sees it yet (or any more): redraw on connect
                self._behind = True
                return
            self.view.follow(event)
            self.view.clamp()
        for panel in self.panels:
            if isinstance(event, getattr(panel, "LISTENS", Changed)):
                panel.refresh(event)

    def _catch_up(self) -> None:
        if self._behind:
            self._behind = False
            self._changed(ProjectSwitched())

    def _selected(self) -> None:
        for panel in self.panels:
            hook = getattr(panel, "selection_changed", None)
            if hook is not None:
                hook()

    def _key(self, e: events.KeyEventArguments) -> None:
        if not e.action.keydown:
            return
        key = e.key
        if (key.arrow_left or key.arrow_right) and e.modifiers.alt:
            return  # a focused thumbnail's move (assets/slide_strip.js), else the browser's Back/Forward
        if key.arrow_left:
            self.view.step(-1)
        elif key.arrow_right:
            self.view.step(1)
        elif (e.modifiers.ctrl or e.modifiers.meta) and key.name.lower() == "z":
            if e.modifiers.shift:
                self.view.person.redo(self.view.document)
            else:
                self.view.person.undo(self.view.document)
        elif (e.modifiers.ctrl or e.modifiers.meta) and key.name.lower() == "y":
            self.view.person.redo(self.view.document)
