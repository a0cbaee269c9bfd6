"""Drawing less often, never less: the background layer drawn once per look, pattern tiles shared
by PDF pages, pages unchanged since the last export taken from ``DrawnPages``, exports drawn ahead."""
from __future__ import annotations

import io
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from export_workers import lend_workers
import pypdfium2
from PIL import Image, ImageChops
from pypdf import PdfReader

from studio import DATA_DIR
from studio.app import exports
from studio.export import drawing, export_images, export_pdf, images, pages
from studio.export.drawn import DrawnPages
from studio.pattern import PATTERNS
from studio.post import Post, Thread
from studio.structure import carousel_from_thread


def _carousel(theme="paper", pattern=None):
    text = (DATA_DIR / "sample-thread.txt").read_text(encoding="utf-8")
    posts = [Post(str(i + 1), p.strip()) for i, p in enumerate(text.split("\n\n")) if p.strip()]
    carousel = carousel_from_thread(Thread("sample", posts), theme=theme)
    carousel.pattern = pattern
    return carousel


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_background_layer_gives_the_same_pixels_as_drawing_in_place(pattern, monkeypatch):
    carousel = _carousel(pattern=pattern)
    pages.prepare(carousel)
    for index in (0, 1, pages.page_total(carousel) - 1):
        svg = pages.page_svg(carousel, index, 1)
        assert drawing.split_background(svg) is not None  # the renderer's background group is found
        layered = drawing.render_pixels(svg, 540, 675)
        with monkeypatch.context() as m:
            m.setattr(drawing, "split_background", lambda svg: None)
            in_place = drawing.render_pixels(svg, 540, 675)
        assert ImageChops.difference(layered, in_place).getbbox() is None, (pattern, index)


def test_background_is_not_split_off_when_the_page_refers_into_it():
    background = '<g class="background"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/></g>'
    page = f'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">{background}'
    assert drawing.split_background(page + '<rect width="4" height="4"/></svg>') == (page + "</svg>",
                                                                                     page[:page.index("<g")] + '<rect width="4" height="4"/></svg>')
    assert drawing.split_background(page + '<rect fill="url(#g)" width="4" height="4"/></svg>') is None
    assert drawing.split_background(page.replace("<svg ", '<svg opacity="0.5" ') + "</svg>") is None


def test_pdf_pages_share_one_vector_pattern_tile(tmp_path):
    carousel = _carousel(pattern="grain")
    export_pdf(carousel, tmp_path / "c.pdf")
    reader = PdfReader(tmp_path / "c.pdf")
    tiles = set()
    for page in reader.pages:
        for pattern in page["/Resources"]["/Pattern"].values():
            for xobject in pattern.get_object()["/Resources"]["/XObject"].values():
                assert xobject.get_object()["/Subtype"] == "/Form"  # vector, never a raster of the tile
                tiles.add(xobject.idnum)
    assert len(reader.pages) > 2 and len(tiles) == 1


def test_pdf_pattern_drawn_like_cairosvg_draws_it(tmp_path, monkeypatch):
    carousel = _carousel(pattern="grain")
    carousel.slides = carousel.slides[:2]
    export_pdf(carousel, tmp_path / "shared.pdf")
    monkeypatch.setattr(drawing.cairosvg_defs, "draw_pattern", drawing._cairosvg_draw_pattern)
    export_pdf(carousel, tmp_path / "own.pdf")
    shared, own = (pypdfium2.PdfDocument(tmp_path / f"{name}.pdf") for name in ("shared", "own"))
    assert len(shared) == len(own) == 2
    for a, b in zip(shared, own):
        a, b = (page.render(scale=50 / 72).to_pil().convert("RGB") for page in (a, b))
        assert ImageChops.difference(a, b).getbbox() is None


def test_unchanged_pages_are_not_drawn_again(tmp_path, monkeypatch):
    carousel = _carousel()
    drawn = DrawnPages()
    export_images(carousel, tmp_path / "first.zip", "png", workers=1, drawn=drawn)
    total = pages.page_total(carousel)
    assert len(drawn) == total
    calls = []
    real = images._draw_page
    monkeypatch.setattr(images, "_draw_page", lambda svg, *a: calls.append(svg) or real(svg, *a))
    carousel.slides[1].body += " Edited."
    export_images(carousel, tmp_path / "second.zip", "png", workers=1, drawn=drawn)
    assert len(calls) == 1 and "Edited." in calls[0]  # only the edited page was drawn
    with zipfile.ZipFile(tmp_path / "first.zip") as first, zipfile.ZipFile(tmp_path / "second.zip") as second:
        assert first.read("01.png") == second.read("01.png")
        edited = Image.open(io.BytesIO(second.read("02.png")))
        assert ImageChops.difference(edited, Image.open(io.BytesIO(first.read("02.png")))).getbbox() is not None


def test_a_pdf_of_the_same_pages_is_written_again_without_drawing(tmp_path, monkeypatch):
    carousel = _carousel()
    drawn = DrawnPages()
    export_pdf(carousel, tmp_path / "a.pdf", drawn=drawn)
    monkeypatch.setattr("studio.export.pdf.pdf_bytes", lambda *a, **k: pytest.fail("drawn again"))
    export_pdf(carousel, tmp_path / "b.pdf", drawn=drawn)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    carousel.name = "Another title"  # the document's metadata is part of what was drawn
    with pytest.raises(pytest.fail.Exception):
        export_pdf(carousel, tmp_path / "c.pdf", drawn=drawn)


def test_drawn_pages_keep_the_newest_within_their_budget():
    drawn = DrawnPages(max_bytes=10)
    for name in "abc":
        drawn.put(name, name.encode() * 4)
    assert drawn.get("a") is None and drawn.get("b") == b"bbbb" and drawn.get("c") == b"cccc"
    assert DrawnPages.key("<svg/>", "png", 1, 2) != DrawnPages.key("<svg/>", "jpeg", 1, 2)


class _CountingPool(ThreadPoolExecutor):
    """Stands in for the warm export workers (threads here): counts the drawings started."""

    def __init__(self, run: bool = True) -> None:
        super().__init__(2)
        self.run, self.started = run, 0

    def submit(self, fn, *args, **kwargs) -> Future:
        self.started += 1
        return super().submit(fn, *args, **kwargs) if self.run else Future()  # run=False: never begun


@pytest.fixture
def ahead(monkeypatch):
    """``draw_ahead`` and the studio's export on a fresh ``DRAWN``, with ``_CountingPool`` as workers."""
    monkeypatch.setattr(exports, "_ahead", [])
    return lambda pool: lend_workers(monkeypatch, pool)


def test_an_export_drawn_ahead_is_written_without_drawing(tmp_path, ahead, monkeypatch):
    pool = ahead(_CountingPool())
    carousel = _carousel()
    total = pages.page_total(carousel)
    assert exports.draw_ahead(carousel) == total + 1  # the PDF and every PNG page
    exports.export_in_studio(carousel, tmp_path / "now.pdf", "pdf")  # clicked at once: waits, draws nothing more
    pool.shutdown(wait=True)
    assert pool.started == total + 1
    monkeypatch.setattr("studio.export.pdf.pdf_bytes", lambda *a, **k: pytest.fail("drawn again"))
    monkeypatch.setattr(images, "_draw_page", lambda *a, **k: pytest.fail("drawn again"))
    exports.export_in_studio(carousel, tmp_path / "later.pdf", "pdf")
    exports.export_in_studio(carousel, tmp_path / "later.zip", "images")
    assert len(PdfReader(tmp_path / "later.pdf").pages) == total
    assert (tmp_path / "now.pdf").read_bytes() == (tmp_path / "later.pdf").read_bytes()
    with zipfile.ZipFile(tmp_path / "later.zip") as archive:
        assert sorted(n for n in archive.namelist() if n.endswith(".png")) == [f"{i:02d}.png" for i in
                                                                               range(1, total + 1)]
        assert Image.open(io.BytesIO(archive.read("01.png"))).size == (1080, 1350)


def test_drawing_ahead_again_drops_only_what_the_edit_made_stale(ahead):
    pool = ahead(_CountingPool(run=False))  # nothing is begun, so everything could be dropped
    carousel = _carousel()
    total = pages.page_total(carousel)
    exports.draw_ahead(carousel)
    first = list(exports._ahead)
    carousel.slides[1].body += " Edited."
    assert exports.draw_ahead(carousel) == total + 1
    assert pool.started == 2 * (total + 1) - (total - 1)  # unchanged pages were not started again
    dropped = [job for job in first if job.cancelled()]
    assert len(dropped) == 2 and all(job not in exports._ahead for job in dropped)  # the old PDF, the old page 2
    pool.shutdown(wait=False)


def test_drawing_ahead_never_raises(ahead, monkeypatch):
    ahead(_CountingPool())
    monkeypatch.setattr(pages, "page_svgs", lambda *a, **k: 1 / 0)
    assert exports.draw_ahead(_carousel()) == 0
