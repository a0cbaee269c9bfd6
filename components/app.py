"""The studio's web server: fonts, static files, downloads, the change event, and ``ui.run``.

``build`` creates the application (``studio.app.Studio``: store, shared document, actions)
once per server process. Each browser that opens the page gets its own ``StudioPage``
(``components.page``), subscribed to ``Server.changed`` so every open browser redraws
when the shared carousel changes.
"""
from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import secrets
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NoReturn

from fastapi import Request, Response
from nicegui import Event, app, background_tasks, core, helpers, ui
from nicegui import run as nicegui_run

from studio import ASSETS_DIR, PROJECT_ROOT
from studio.app import Event as AppEvent
from studio.app import Changed, Saved, SaveFailed, SlideChanged, Studio, exports
from studio.carousel import Carousel
from studio.export.stream import ExportStream
from studio.share.access import AccessGuard
from studio.share.codocument import CoDocument
from studio.share.desks import Desks
from studio.share.presence import People
from studio.upload_cap import UploadCap

from studio.export.images import leave_with_parent

from . import download, engine, handler_shapes, memory, nicegui_seams, offload, page_gate, page_html, shared_text, theme_panel, uploads
from .relay import Relay
from .thumbnails import PAGE_COUNTS, STRIP_PAGES

BIG_CAROUSEL = 40  # slides: from here, a change's pages are counted off the event loop before pages redraw
BIG_TEXT = 20_000  # characters of titles and texts: so are a few slides near their caps (7 of 20,000: 1.5 s)

FONT_ROUTE = "/studio-fonts"
STATIC_ROUTE = "/studio-static"
DOWNLOAD_ROUTE = "/studio-download"


class Server:
    """What the web server adds to the application: one change event for every page, and download links."""

    def __init__(self, studio: Studio) -> None:
        self.studio = studio
        self.changed: Event[AppEvent] = Event()  # subscribed inside a page, so it is dropped with the page
        self.relay = Relay(self.changed, at_once=helpers.is_user_simulation)  # how an event reaches the pages
        studio.subscribe(self._relay)
        self.downloads: dict[str, tuple[Path | ExportStream, str]] = {}  # token -> (file or export, download name)
        self.people: People | None = None  # who is here, when the studio is shared
        self.save_failure: SaveFailed | None = None  # the last save failed (a page opened now shows it too)
        self.desks: Desks | None = None  # shared: each person's open project (studio.share.desks)
        self._waiting: list[AppEvent] = []  # events held back, in order, while a big carousel is laid out
        self.counting: offload.Progress | None = None  # a big carousel's pages being counted: its progress, its Cancel

    def _relay(self, event: AppEvent) -> None:
        """Pass an event to the pages, on the server's event loop (Saved comes from the autosaver's thread)."""
        if isinstance(event, (Saved, SaveFailed)):
            self.save_failure = event if isinstance(event, SaveFailed) else None
        elif isinstance(event, Changed):  # before any page hears of it (the delivery may wait): see StripPages
            STRIP_PAGES.changed(event.document or self.studio.document,
                                event.slide if isinstance(event, SlideChanged) and event.text_only else None)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            if core.loop is not None and core.loop.is_running():
                core.loop.call_soon_threadsafe(self._deliver, event)
                return
        self._deliver(event)

    def _deliver(self, event: AppEvent) -> None:
        """Emit ``event`` now, or once a big carousel's pages are counted off the loop (events keep their order).

        Every page redraws from the pages per slide; for hundreds of slides counting them takes seconds
        (every slide laid out), which on the event loop would hold up every browser and request.
        """
        if not self._waiting and self._unlaid(event) is None:
            self._emit(event)
            return
        self._waiting.append(event)
        if len(self._waiting) == 1:
            self.counting = offload.Progress()  # the page that made this change shows it at once
            background_tasks.create(self._lay_out_then_deliver(event), name="count pages off the loop")

    def _unlaid(self, event: AppEvent) -> Carousel | None:
        """The big carousel whose pages ``event`` makes every page count, if not counted yet."""
        if not isinstance(event, Changed):
            return None
        carousel = (event.document or self.studio.document).carousel
        small = len(carousel.slides) < BIG_CAROUSEL and _text_size(carousel) < BIG_TEXT
        if small or PAGE_COUNTS.known(carousel):
            return None
        return carousel

    async def _lay_out_then_deliver(self, first: AppEvent) -> None:
        try:
            while (carousel := self._unlaid(first)) is not None:  # it may change again meanwhile
                progress = self.counting = self.counting or offload.Progress()
                try:
                    counts = await offload.off_loop(count_pages, carousel, progress, thread=True)
                except offload.Cancelled:  # "Cancel": the page that asked has put the slides back (undo)
                    self.counting = None
                    continue
                self.counting = None
                if counts is None:  # the server is stopping
                    return
                PAGE_COUNTS.keep(carousel, counts)
        finally:
            self.counting = None
            waiting, self._waiting = self._waiting, []
            for event in waiting:
                self._emit(event)

    def _emit(self, event: AppEvent) -> None:
        """Hand ``event`` to every page: the page of the person who made it at once, the others one a turn of
        the loop (``Relay``): the loop answers requests and other browsers between two pages' redraws."""
        origin = getattr(event, "origin", None)
        self.relay.emit(event, first=None if origin is None else
                        lambda owner: getattr(getattr(owner, "view", None), "person", None) is origin)

    @property
    def laying_out(self) -> bool:
        """True while a big carousel's pages are counted off the loop (the pages hear of the change after)."""
        return bool(self._waiting)

    def offer_download(self, path: Path | ExportStream, filename: str) -> str:
        """A URL (hard to guess) from which the browser downloads ``path`` (or an export as it is written)
        as ``filename``."""
        token = secrets.token_urlsafe(16)
        self.downloads[token] = (path if isinstance(path, ExportStream) else Path(path), filename)
        return f"{DOWNLOAD_ROUTE}/{token}"


def _text_size(carousel: Carousel) -> int:
    """Characters of the slides' titles and texts: what counting their pages lays out."""
    return sum(len(slide.title) + len(slide.body) for slide in carousel.slides)


def count_pages(carousel: Carousel, progress: offload.Progress) -> list[int]:
    """Pages per slide, slide by slide, reporting to ``progress`` (whose Cancel stops the counting there)."""
    counts = []
    for index in range(len(carousel.slides)):
        progress(index, len(carousel.slides))
        counts.append(engine.slide_page_count(carousel, index))
    return counts


def font_css() -> str:
    """@font-face rules for the studio's own font files, so the preview matches the export."""
    rules = []
    for family, weight, path in engine.font_faces(build=False):
        url = f"{FONT_ROUTE}/{path.name}"
        rules.append("@font-face{font-family:%s;font-weight:%d;font-style:normal;font-display:block;"
                     "src:url(%s) format('truetype');}" % (json.dumps(family), weight, json.dumps(url)))
    return "\n".join(rules)


def serve_fonts() -> None:
    """Serve the font instances under FONT_ROUTE; a face is built when first asked for, so start-up never waits."""
    engine.ensure_fonts()

    @app.get(FONT_ROUTE + "/{name}")
    async def font(name: str):
        from fastapi import HTTPException
        from fastapi.responses import FileResponse
        path = await nicegui_run.io_bound(engine.face_file, name)
        if path is None:
            raise HTTPException(404, "no such font")
        return FileResponse(path, media_type="font/ttf", headers={"Cache-Control": "max-age=86400"})


ASSET_MAX_AGE_S = 3600  # as NiceGUI's static files say


def serve_assets(route: str, folder: Path) -> None:
    """Serve the studio's own static files (``folder``: a few scripts, its CSS and icon, 68 KB) from memory, read
    once at start (a new version of them comes with a restart, as the code does).

    Served from the folder (Starlette's StaticFiles), each request went to a worker thread and back three times
    (find the file, its details, its bytes): each of those waited for a turn of the event loop, so while ten
    people typed one static request waited for several pages' redraws. Answered from memory, it waits for one.
    """
    import hashlib
    import mimetypes
    from fastapi import HTTPException
    files = {}
    for path in sorted(folder.iterdir()):
        if path.is_file():
            body = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            files[path.name] = (body, kind, '"%s"' % hashlib.sha256(body).hexdigest()[:32])

    @app.api_route(route + "/{name}", methods=["GET", "HEAD"])
    async def asset(name: str, request: Request) -> Response:
        found = files.get(name)
        if found is None:
            raise HTTPException(404, "no such file")
        body, kind, etag = found
        headers = {"Cache-Control": f"max-age={ASSET_MAX_AGE_S}", "ETag": etag}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=kind, headers=headers)


def build(data_dir: Path, *, share: bool = False):
    """Create the application and the server around it; returns the root page function for ``ui.run``.

    ``share``: people edit together (studio.share): a merged document, per-person undo, presence.
    """
    from .page import StudioPage

    handler_shapes.install()  # a page's elements are built without asking inspect.signature for each
    page_html.install()  # and escaped for the HTML several times faster
    memory.free_elements_without_collector()  # a closed page goes by reference counting, not in a collection
    page_gate.allow_slow_builds()
    # Export workers: fork where the platform has it, so a worker never re-runs the entry script.
    if "fork" in multiprocessing.get_all_start_methods():
        nicegui_run.process_pool_start_method = "fork"
    exports.start_workers()  # warm export workers, forked now: before the studio's own threads start
    server = Server(Studio(data_dir, document=CoDocument) if share else Studio(data_dir))
    server.people = People() if share else None
    server.desks = Desks(server.studio) if share else None
    serve_fonts()
    serve_assets(STATIC_ROUTE, ASSETS_DIR)
    # Quasar's loading bar would flash on every background request and has no accessible name;
    # the studio shows its own progress where work takes time.
    app.config.quasar_config["loadingBar"]["skipHijack"] = True
    # Every page's head, made once for all of them (it was read from disk and escaped again for each page load)
    ui.add_css(font_css() + "\n" + (ASSETS_DIR / "studio.css").read_text(encoding="utf-8"), shared=True)

    async def root(request: Request) -> Response | None:
        await StudioPage(server).build()
        return await page_html.response(request)  # made in a thread: the loop goes on meanwhile

    download.serve(app, DOWNLOAD_ROUTE, server.downloads)  # an export is sent as it is written

    app.on_startup(memory.collect_less_often)
    app.on_startup(_workers_leave_with_server)
    app.on_startup(lambda: theme_panel.draw_tiles_at_start(server.studio))  # (components/theme_panel.py)
    tidy = memory.Tidy()
    app.on_delete(tidy.page_closed)  # closed pages' memory goes back to the system
    app.on_delete(lambda client: shared_text.MADE.gone(client.id, then=tidy.page_closed))
    app.on_delete(memory.forget_tab_storage)  # NiceGUI would keep each visit's empty tab storage for 30 days
    app.timer(memory.UNOPENED_CHECK_S, memory.drop_unopened_pages)
    app.on_shutdown(server.studio.close)  # whatever is pending is written before the server stops
    app.on_shutdown(lambda: offload.finish_workers())  # before NiceGUI's stop, which would kill them mid-write
    global _current
    _current = server.studio
    return root


def _workers_leave_with_server() -> None:
    """NiceGUI's worker processes (``run.cpu_bound``) end when the server ends, even when it is killed (SIGKILL,
    out of memory): forked without a watcher, they stayed running for good. Replaced at start, before any
    worker was forked; the export workers watch the same way (``studio.export.images.warm_pool``)."""
    pool = nicegui_seams.worker_pool()
    if pool is None or nicegui_run.process_pool_start_method != "fork":
        return
    nicegui_seams.lend_worker_pool(ProcessPoolExecutor(mp_context=multiprocessing.get_context("fork"),
                                                       initializer=_worker_start, initargs=(os.getpid(),)))
    pool.shutdown(wait=False)


def _worker_start(server: int) -> None:
    """In a worker: Ctrl+C is the server's to handle (as NiceGUI's own workers do), and it leaves with the server."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    leave_with_parent(server)


_current: Studio | None = None


def current_studio() -> Studio:
    """The application built by the last ``build`` (for tests and scripts)."""
    if _current is None:
        raise RuntimeError("the studio has not been built yet")
    return _current


def run(data_dir: Path, *, host: str = "127.0.0.1", port: int = 8080, show: bool = True,
        reload: bool = False, token: str | None = None) -> None:
    """Start the studio server (blocks). ``token``: shared, and every request needs it (studio.share.access).

    ``reload`` (development, from main.py): this process becomes uvicorn's reloader, which watches the source
    folders and builds nothing; each server process it starts imports main.py again and builds the studio there.
    """
    reloader = reload and multiprocessing.current_process().name == "MainProcess"
    root = _reloader_root if reloader else build(data_dir, share=token is not None)
    app.add_middleware(UploadCap, cap_for=uploads.body_cap)  # the page's limit is only a hint: the server enforces it
    app.add_middleware(page_gate.PageGate, passes=("/_nicegui", "/favicon.ico", FONT_ROUTE + "/", STATIC_ROUTE + "/",
                                                   DOWNLOAD_ROUTE + "/"))  # pages are built one at a time
    if token is not None:
        app.add_middleware(AccessGuard, token=token, pages=["/", "/favicon.ico"],
                           prefixes=["/_nicegui", FONT_ROUTE + "/", STATIC_ROUTE + "/", DOWNLOAD_ROUTE + "/"])
        show = f"/?token={token}" if show else False  # this computer's browser opens the link too
    ui.run(root, host=host, port=port, show=show, reload=reload, title="Carousel Studio", gzip_middleware_factory=_gzip,
           language="en-US", favicon=ASSETS_DIR / "favicon.svg", show_welcome_message=False,
           reconnect_timeout=10.0, storage_secret=None, tailwind=False,
           uvicorn_reload_dirs=",".join(str(PROJECT_ROOT / folder) for folder in SOURCE_FOLDERS))


def _gzip(asgi_app):
    """Gzip for the page's text only. Starlette deflates at level 9 on the event loop, where every tab's edits
    wait: the studio's 30 font faces (19 MB, cached by the browser a day) took 1.6 s of it, and a PDF's streams
    are deflated already."""
    from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
    return GZipMiddleware(asgi_app, compresslevel=6,
                          exclude_content_types=DEFAULT_EXCLUDED_CONTENT_TYPES + ("application/pdf", "font/ttf"))


SERVE_ENV = "CAROUSEL_STUDIO_SERVE"  # run()'s options as JSON, for main.py (see serve_reloading)
SOURCE_FOLDERS = ("studio", "components")  # a change to a .py file here restarts a --reload server


def _reloader_root() -> None:
    """Never shown: the reloader serves no page itself."""


def serve_reloading(data_dir: Path, *, host: str, port: int, show: bool, token: str | None) -> NoReturn:
    """``run`` with ``reload``, for development: this process becomes ``python main.py`` (the file the reloader
    imports again in each server process it starts), with the options in the environment."""
    main = PROJECT_ROOT / "main.py"
    if not main.is_file():
        raise FileNotFoundError(f"--reload needs a source checkout of Carousel Studio ({main} is missing)")
    options = {"host": host, "port": port, "show": show, "reload": True, "token": token}
    env = {**os.environ, "CAROUSEL_STUDIO_DATA_DIR": str(Path(data_dir).resolve()), SERVE_ENV: json.dumps(options)}
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, str(main)], env)
