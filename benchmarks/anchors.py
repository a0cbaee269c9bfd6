"""The alternatives our exports are measured against, doing the very same work.

* ``Chromium``: a warm headless Chromium (Playwright driving Debian's
  /usr/bin/chromium, never a downloaded browser) drawing the same SVGs with the
  same font files (fontconfig points it at the studio's font folder): a screenshot
  per slide, and one ``page.pdf`` of all slides. This is what most carousel
  generators do, and what the studio's own preview is.
* ``resvg_png``: resvg-py rasterising the same SVGs to PNG.
* ``Floor``: ready-made pixels encoded by our own encoder, split over N worker
  processes: no exporter can be faster than this.
* ``differing_share``: "preview equals export" — the share of pixels that differ
  beyond a small threshold between two renderings of the same slide.

Needs the ``bench`` extra (playwright, resvg-py, numpy); ``available()`` says what is missing.
"""
from __future__ import annotations

import importlib.util
import io
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor

CHROMIUM = "/usr/bin/chromium"
# The flags the browser tests use (tests/conftest.py CHROMIUM_FLAGS), less --headless: Playwright adds its own.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
# As in the studio's preview: cairo draws glyph by glyph, without kerning or ligatures.
_PAGE_STYLE = ("html,body{margin:0;padding:0;background:#fff}svg{display:block}"
               "text,tspan{font-kerning:none;font-variant-ligatures:none}")
JPEG_QUALITY = 92  # the same quality our JPEG export uses
DIFF_THRESHOLD = 32  # a pixel "differs" when a channel is off by more than this (of 255)


def available() -> dict[str, str]:
    """Anchor name -> why it cannot run here ("" when it can)."""
    def missing(module: str) -> str:
        return "" if importlib.util.find_spec(module) else f"{module} is not installed (pip install -e '.[bench]')"
    chromium = missing("playwright") or ("" if os.path.exists(CHROMIUM) else f"{CHROMIUM} is missing")
    return {"chromium": chromium, "resvg": missing("resvg_py"), "numpy": missing("numpy")}


LOADED_MS = 180_000  # Playwright's 30 s limits were not always enough on a loaded 2-core machine


class Chromium:
    """One warm headless Chromium page sized to the slide; close() when done."""

    def __init__(self, width: int, height: int):
        from playwright.sync_api import sync_playwright
        self._playwright = sync_playwright().start()
        # FONTCONFIG_FILE (set by studio.fonts.ensure_fonts) gives Chromium the studio's own font files.
        self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS,
                                                         env=dict(os.environ), timeout=LOADED_MS)
        self.width, self.height = width, height
        self.page = self._browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        self.page.set_default_timeout(LOADED_MS)

    def _show(self, body: str) -> None:
        self.page.set_content(f"<!doctype html><html><head><style>{_PAGE_STYLE}</style></head>"
                              f"<body>{body}</body></html>")
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def screenshot(self, svg: str, fmt: str) -> bytes:
        """One slide as PNG or JPEG bytes, as a screenshot-based generator makes it."""
        self._show(svg)
        if fmt == "png":
            return self.page.screenshot(type="png")
        return self.page.screenshot(type="jpeg", quality=JPEG_QUALITY)

    def image_set(self, svgs: list[str], fmt: str) -> list[bytes]:
        return [self.screenshot(svg, fmt) for svg in svgs]

    def pdf(self, svgs: list[str], width: int, height: int) -> bytes:
        """One ``page.pdf`` with every SVG on its own page of width × height CSS px."""
        pages = "".join(f'<div style="break-after:page">{svg}</div>' for svg in svgs)
        self._show(f"<style>@page{{size:{width}px {height}px;margin:0}}</style>{pages}")
        return self.page.pdf(width=f"{width}px", height=f"{height}px", print_background=True,
                             prefer_css_page_size=True)

    def close(self) -> None:
        self._browser.close()
        self._playwright.stop()


def resvg_png(svg: str, font_dir: str) -> bytes:
    """resvg-py's PNG of one SVG, with the studio's font folder (system fonts skipped, as cairo never uses them)."""
    import resvg_py
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, font_dirs=[font_dir], skip_system_fonts=True,
                                       background="white"))


# --- work split over N forked processes (ready before the clock starts) -------------------

_shared: dict[int, tuple] = {}  # Workers id -> (fn, items), inherited by its forked processes


def _call(key: int, index: int):
    fn, items = _shared[key]
    return fn(items[index])


class Workers:
    """A warm pool of ``n`` forked processes applying ``fn`` to ``items`` (known before the fork)."""

    def __init__(self, fn, items: list, n: int):
        self.key, self.count = id(self), len(items)
        _shared[self.key] = (fn, items)
        self.pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) if n > 1 else None
        if self.pool:
            self.run()  # every worker started and warm

    def run(self) -> list:
        indexes = range(self.count)
        if self.pool is None:
            return [_call(self.key, i) for i in indexes]
        return list(self.pool.map(_call, [self.key] * self.count, indexes))

    def close(self) -> None:
        if self.pool:
            self.pool.shutdown()
        _shared.pop(self.key, None)


def differing_share(ours: bytes, theirs: bytes, threshold: int = DIFF_THRESHOLD) -> float:
    """Share of pixels (0–1) where any RGB channel differs by more than ``threshold``."""
    import numpy
    from PIL import Image
    a = numpy.asarray(Image.open(io.BytesIO(ours)).convert("RGB"), dtype=numpy.int16)
    b = numpy.asarray(Image.open(io.BytesIO(theirs)).convert("RGB"), dtype=numpy.int16)
    if a.shape != b.shape:
        return 1.0
    return float((numpy.abs(a - b).max(axis=2) > threshold).mean())


def save_side_by_side(ours: bytes, theirs: bytes, path) -> None:
    """Our slide, Chromium's and their difference side by side (for looking at by eye)."""
    from PIL import Image, ImageChops
    a = Image.open(io.BytesIO(ours)).convert("RGB")
    b = Image.open(io.BytesIO(theirs)).convert("RGB")
    diff = ImageChops.invert(ImageChops.difference(a, b))
    sheet = Image.new("RGB", (a.width * 3, a.height), "white")
    for i, image in enumerate((a, b, diff)):
        sheet.paste(image, (i * a.width, 0))
    sheet.save(path)


def have_chromium() -> bool:
    return not available()["chromium"] and shutil.which(CHROMIUM) is not None
