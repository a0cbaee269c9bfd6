"""The studio app: shared state for every browser, the fonts, and ``ui.run``.

``Studio`` is created once per server process. It owns the data folder, the
store and the ``Workspace`` (the carousel everyone edits). Each browser that
opens the page gets its own ``StudioPage`` (``components.page``), subscribed to
``Studio.changed`` so every open browser redraws when the shared carousel changes.
"""
from __future__ import annotations

import json
import logging
import multiprocessing
import secrets
from pathlib import Path

from nicegui import Event, app, ui
from nicegui import run as nicegui_run

from studio.session import DOCUMENT, Change, Workspace
from studio.store import Autosaver, Store

from . import engine

log = logging.getLogger("carousel_studio")

FONT_ROUTE = "/studio-fonts"
STATIC_ROUTE = "/studio-static"
DOWNLOAD_ROUTE = "/studio-download"
STATIC_DIR = Path(__file__).parent / "static"


class Studio:
    """Process-wide shared state: data folder, store, the shared Workspace and its change event."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.exports_dir = self.data_dir / "exports"
        self.store = Store(self.data_dir)
        self.autosaver = Autosaver(self.store)
        self.workspace = Workspace(engine.sample_carousel())
        self._open_last_project()
        self._prune_assets()
        self.downloads: dict[str, tuple[Path, str]] = {}  # token -> (file, download name)
        self.changed: Event[Change] = Event()
        self.workspace.subscribe(self.changed.emit)
        self.workspace.subscribe(self._autosave)

    def offer_download(self, path: Path, filename: str) -> str:
        """A URL (hard to guess) from which the browser downloads ``path`` as ``filename``."""
        token = secrets.token_urlsafe(16)
        self.downloads[token] = (Path(path), filename)
        return f"{DOWNLOAD_ROUTE}/{token}"

    def prune_exports(self, keep: int = 20) -> None:
        """Keep the newest ``keep`` exported files; older ones were downloaded long ago."""
        files = sorted((p for p in self.exports_dir.glob("*") if p.is_file() and not p.name.startswith(".")),
                       key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink(missing_ok=True)

    def _open_last_project(self) -> None:
        """Reopen the project edited last (with its undo history); the sample when there is none."""
        try:
            projects = self.store.list_projects()
            project_id = self.store.settings.get("last_project")
            if project_id not in {p.id for p in projects}:
                project_id = projects[0].id if projects else None
            if project_id:
                carousel = self.store.load_project(project_id)
                self.workspace.load(carousel, project_id, self.store.load_history(project_id))
                self.autosaver.track(project_id, carousel)
        except Exception:  # noqa: BLE001 - a damaged project must not stop the studio from starting
            log.exception("could not reopen the last project; starting with the sample")
            self.store.notices.append("The last project could not be opened; the sample is shown instead.")

    def _prune_assets(self) -> None:
        """Remove image files no profile, preset, project or history uses any more (older than a day)."""
        try:
            removed = self.store.prune_assets()
        except Exception as exc:  # noqa: BLE001 - housekeeping must never stop the studio from starting
            log.warning("could not tidy unused images: %s", exc)
            return
        if removed:
            log.info("removed %d unused image files", removed)

    def _autosave(self, change: Change) -> None:
        """Every change is saved (debounced) with its undo history; a new carousel becomes a project."""
        ws = self.workspace
        try:
            if ws.project_id is None:
                ws.project_id = self.store.save_project(ws.carousel)
                self.store.settings.set("last_project", ws.project_id)
            elif change.what == DOCUMENT:
                self.store.settings.set("last_project", ws.project_id)
            self.autosaver.changed(ws.project_id, ws.carousel, ws.history)
        except Exception as exc:  # noqa: BLE001 - saving must never break editing; the next change retries
            log.warning("autosave failed: %s", exc)


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


def build(data_dir: Path):
    """Create the shared studio and return the root page function for ``ui.run``."""
    from .page import StudioPage

    # Export workers: fork where the platform has it, so a worker never re-runs the entry script.
    if "fork" in multiprocessing.get_all_start_methods():
        nicegui_run.process_pool_start_method = "fork"
    studio = Studio(data_dir)
    serve_fonts()
    app.add_static_files(STATIC_ROUTE, STATIC_DIR)
    css = font_css()

    def root() -> None:
        ui.add_css(css)
        ui.add_css(STATIC_DIR / "studio.css")
        StudioPage(studio)

    @app.get(DOWNLOAD_ROUTE + "/{token}")
    def download(token: str):
        from fastapi import HTTPException
        from fastapi.responses import FileResponse
        entry = studio.downloads.get(token)
        if entry is None or not entry[0].is_file():
            raise HTTPException(404, "This export is no longer available; export again.")
        return FileResponse(entry[0], filename=entry[1])

    app.on_shutdown(studio.autosaver.close)  # whatever is pending is written before the server stops
    global _current
    _current = studio
    return root


_current: Studio | None = None


def current_studio() -> Studio:
    """The studio built by the last ``build`` (for tests and scripts)."""
    if _current is None:
        raise RuntimeError("the studio has not been built yet")
    return _current


def run(data_dir: Path, *, host: str = "127.0.0.1", port: int = 8080, show: bool = True,
        reload: bool = False) -> None:
    """Start the studio server (blocks)."""
    root = build(data_dir)
    ui.run(root, host=host, port=port, show=show, reload=reload, title="Carousel Studio",
           favicon=STATIC_DIR / "favicon.svg", show_welcome_message=False,
           reconnect_timeout=10.0, storage_secret=None)
