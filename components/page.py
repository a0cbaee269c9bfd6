"""One browser's studio page: top bar, settings panels, the slide, source content and the strip."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from nicegui import events, ui

from studio import ASSETS_DIR
from studio.app import Changed, Event, ProjectSwitched, SlideChanged
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
from .view import NOTICES, Place, View

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


# The page's own scripts (assets/page.js): the slide fits between the bars (--cs-chrome), a file dropped where
# nothing takes it is refused, a drawer over the page keeps the keyboard, and the tab's address keeps its place.
PAGE_SCRIPT = "page.js"


@cache
def page_script() -> str:
    """assets/page.js, read once, for the page's body."""
    return f"<script>{(ASSETS_DIR / PAGE_SCRIPT).read_text('utf-8')}</script>"

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
        self._noted: Place | None = None  # the place the tab's address holds
        self._held: dict[int, SlideChanged] = {}  # the strip's last change of each slide laid out off the loop

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
        returned = self._return()
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
        view.on_laid(self._laid)
        self.panels += [self.editor, self.ahead]
        yield
        # Last, with no pause after it: the top bar's timers (share mode: who is here) wait for the browser's
        # connection, and NiceGUI serves the page as far as it is built once anything waits for that.
        with header:
            self.topbar = TopBar(view, on_export=self.export.open, on_captions=self.captions.open,
                                 left=self.left, right=self.right)
        self.panels.append(self.topbar)
        ui.add_body_html(page_script())
        name_drawers()
        ui.keyboard(on_key=self._key)
        for notice in server.studio.notices:
            ui.notify(notice, type="warning", position=NOTICES, multi_line=True, close_button=True, timeout=0)
        if returned:
            ui.notify(returned, type="info", position=NOTICES, multi_line=True, close_button=True)

    def _return(self) -> str | None:
        """Open on the place the tab's address holds (a page loaded again); the notice when its slide is gone."""
        request = getattr(self.view.client, "request", None)
        self._noted = Place.from_query(request.query_params) if request is not None else None
        return self.view.return_to(self._noted)

    def _note_place(self) -> None:
        """Keep where this tab is in its address (``Place``), without a new entry in its history."""
        place = self.view.place()
        if place is None or place == self._noted or not self.view.client.has_socket_connection:
            return
        self._noted = place
        self.view.client.run_javascript(f"csNotePlace({json.dumps(place.query())})")  # (assets/page.js)

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
            if isinstance(event, getattr(panel, "LISTENS", Changed)) and not self._held_for_layout(panel, event):
                panel.refresh(event)
        if isinstance(event, Changed) and not (isinstance(event, SlideChanged) and event.text_only):
            self._note_place()  # (typing moves no slide)

    def _held_for_layout(self, panel: Any, event: Event) -> bool:
        """The strip's thumbnail of a slide typed into waits for the slide's layout off the loop (``View.on_laid``),
        and is then drawn from it (the renderer keeps it): drawn at once, it was laid out again on the loop."""
        if panel is getattr(self, "strip", None) and isinstance(event, SlideChanged) and event.text_only \
                and self.view.laying_out(event.slide):
            self._held[event.slide] = event
            return True
        return False

    def _laid(self, index: int, pages_changed: bool) -> None:
        """A slide typed into is laid out (off the loop): its thumbnail is drawn now, and when the slide now continues
        on more or fewer pages, the strip numbers its pages anew."""
        held = self._held.pop(index, None)
        if held is not None or pages_changed:
            self.strip.refresh(held or SlideChanged(self.view.person, index, frozenset({"body"}),
                                                    document=self.view.document))

    def _catch_up(self) -> None:
        if self._behind:
            self._behind = False
            self._changed(ProjectSwitched())
        self._note_place()

    def _selected(self) -> None:
        for panel in self.panels:
            hook = getattr(panel, "selection_changed", None)
            if hook is not None:
                hook()
        self._note_place()

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
