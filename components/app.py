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
import sys
from pathlib import Path
from typing import NoReturn

from nicegui import Event, app, core, ui
from nicegui import run as nicegui_run

from studio import ASSETS_DIR, PROJECT_ROOT
from studio.app import Event as AppEvent
from studio.app import Saved, SaveFailed, Studio, exports
from studio.share.access import AccessGuard
from studio.share.codocument import CoDocument
from studio.share.desks import Desks
from studio.share.presence import People
from studio.upload_cap import UploadCap

from . import engine, offload

FONT_ROUTE = "/studio-fonts"
STATIC_ROUTE = "/studio-static"
DOWNLOAD_ROUTE = "/studio-download"


class Server:
    """What the web server adds to the application: one change event for every page, and download links."""

    def __init__(self, studio: Studio) -> None:
        self.studio = studio
        self.changed: Event[AppEvent] = Event()  # subscribed inside a page, so it is dropped with the page
        studio.subscribe(self._relay)
        self.downloads: dict[str, tuple[Path, str]] = {}  # token -> (file, download name)
        self.people: People | None = None  # who is here, when the studio is shared
        self.save_failure: SaveFailed | None = None  # the last save failed (a page opened now shows it too)
        self.desks: Desks | None = None  # shared: each person's open project (studio.share.desks)

    def _relay(self, event: AppEvent) -> None:
        """Pass an event to the pages, on the server's event loop (Saved comes from the autosaver's thread)."""
        if isinstance(event, (Saved, SaveFailed)):
            self.save_failure = event if isinstance(event, SaveFailed) else None
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            if core.loop is not None and core.loop.is_running():
                core.loop.call_soon_threadsafe(self.changed.emit, event)
                return
        self.changed.emit(event)

    def offer_download(self, path: Path, filename: str) -> str:
        """A URL (hard to guess) from which the browser downloads ``path`` as ``filename``."""
        token = secrets.token_urlsafe(16)
        self.downloads[token] = (Path(path), filename)
        return f"{DOWNLOAD_ROUTE}/{token}"


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


def forget_closed_page() -> None:
    """Let a closed page's memory go (a NiceGUI client deleted: the browser left, or never connected).

    FastAPI remembers every route handler it has classified (lru caches of 4,096 entries). Each
    ``ui.upload`` registers a handler of its own that holds its page, so every page load stayed in
    memory (2–4 MB) until 4,096 handlers later. Emptying these caches costs one re-classification of
    the routes still in use.
    """
    from fastapi.dependencies import models
    for value in vars(models).values():
        if callable(getattr(value, "cache_clear", None)):
            value.cache_clear()


def build(data_dir: Path, *, share: bool = False):
    """Create the application and the server around it; returns the root page function for ``ui.run``.

    ``share``: people edit together (studio.share): a merged document, per-person undo, presence.
    """
    from .page import StudioPage

    # Export workers: fork where the platform has it, so a worker never re-runs the entry script.
    if "fork" in multiprocessing.get_all_start_methods():
        nicegui_run.process_pool_start_method = "fork"
    exports.start_workers()  # warm export workers, forked now: before the studio's own threads start
    server = Server(Studio(data_dir, document=CoDocument) if share else Studio(data_dir))
    server.people = People() if share else None
    server.desks = Desks(server.studio) if share else None
    serve_fonts()
    app.add_static_files(STATIC_ROUTE, ASSETS_DIR)
    # Quasar's loading bar would flash on every background request and has no accessible name;
    # the studio shows its own progress where work takes time.
    app.config.quasar_config["loadingBar"]["skipHijack"] = True
    css = font_css()

    def root() -> None:
        ui.add_css(css)
        ui.add_css(ASSETS_DIR / "studio.css")
        StudioPage(server)

    @app.get(DOWNLOAD_ROUTE + "/{token}")
    def download(token: str):
        from fastapi import HTTPException
        from fastapi.responses import FileResponse
        entry = server.downloads.get(token)
        if entry is None or not entry[0].is_file():
            raise HTTPException(404, "This export is no longer available; export again.")
        return FileResponse(entry[0], filename=entry[1])

    app.on_delete(forget_closed_page)
    app.on_shutdown(server.studio.close)  # whatever is pending is written before the server stops
    app.on_shutdown(lambda: offload.finish_workers())  # before NiceGUI's stop, which would kill them mid-write
    global _current
    _current = server.studio
    return root


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
    app.add_middleware(UploadCap)  # the page's upload limit is only a hint: the server enforces the cap
    if token is not None:
        app.add_middleware(AccessGuard, token=token, pages=["/", "/favicon.ico"],
                           prefixes=["/_nicegui", FONT_ROUTE + "/", STATIC_ROUTE + "/", DOWNLOAD_ROUTE + "/"])
        show = f"/?token={token}" if show else False  # this computer's browser opens the link too
    ui.run(root, host=host, port=port, show=show, reload=reload, title="Carousel Studio", gzip_middleware_factory=_gzip,
           language="en-US", favicon=ASSETS_DIR / "favicon.svg", show_welcome_message=False,
           reconnect_timeout=10.0, storage_secret=None,
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
