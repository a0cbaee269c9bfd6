"""Drawing SVG with CairoSVG: photos, safety (nothing outside the SVG is read), PDF pages."""
from __future__ import annotations

import base64
import io
import urllib.request

import pytest
from PIL import Image
from pypdf import PdfReader

from studio.export.drawing import PdfDocument, render_pixels

BACKGROUND = (18, 52, 86)


def _jpeg(colour=(200, 30, 30), size=(600, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=95)
    return out.getvalue()


def _png(colour=(30, 200, 30, 255), size=(40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", size, colour).save(out, "PNG")
    return out.getvalue()


def _svg(*body: str, width=1080, height=1350) -> str:
    return ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="{width}" height="{height}" viewBox="0 0 540 675">'
            f'<rect width="540" height="675" fill="rgb{BACKGROUND}"/>' + "".join(body) + "</svg>")


def _data_url(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def _close(a, b, tolerance=12) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


def test_raster_size_mode_and_background():
    pixels = render_pixels(_svg(), 1080, 1350)
    assert pixels.size == (1080, 1350) and pixels.mode == "RGB"
    assert pixels.getpixel((3, 3)) == BACKGROUND
    assert render_pixels(_svg(), 1620, 2025).size == (1620, 2025)


def test_jpeg_photo_drawn_where_the_svg_puts_it():
    href = _data_url("image/jpeg", _jpeg())
    pixels = render_pixels(_svg(f'<image x="100" y="100" width="300" height="200" href="{href}"/>'), 1080, 1350)
    assert _close(pixels.getpixel((500, 400)), (200, 30, 30))  # inside: 2× (250, 200)
    assert pixels.getpixel((150, 150)) == BACKGROUND            # left of and above the photo


def test_jpeg_meet_keeps_aspect_and_slice_fills_the_box():
    href = _data_url("image/jpeg", _jpeg(size=(600, 200)))  # 3:1 photo in a square box
    box = 'x="100" y="100" width="300" height="300"'
    meet = render_pixels(_svg(f'<image {box} href="{href}"/>'), 1080, 1350)
    sliced = render_pixels(_svg(f'<image {box} preserveAspectRatio="xMidYMid slice" href="{href}"/>'), 1080, 1350)
    top_of_box = (500, 220)  # design (250, 110): above a letterboxed 3:1 photo
    assert meet.getpixel(top_of_box) == BACKGROUND
    assert _close(sliced.getpixel(top_of_box), (200, 30, 30))
    assert sliced.getpixel((500, 820)) == BACKGROUND  # design y 410: below the box, the slice is clipped


def test_png_and_nested_svg_images_still_drawn_by_cairosvg():
    png = _data_url("image/png", _png())
    nested = _data_url("image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
                                        b'<rect width="10" height="10" fill="#0000ff"/></svg>')
    pixels = render_pixels(_svg(f'<image x="0" y="0" width="50" height="50" href="{png}"/>',
                                f'<image x="100" y="0" width="50" height="50" href="{nested}"/>'), 1080, 1350)
    assert _close(pixels.getpixel((50, 50)), (30, 200, 30))
    assert _close(pixels.getpixel((250, 50)), (0, 0, 255))


def test_local_files_are_never_read(tmp_path):
    red = tmp_path / "red.png"
    Image.new("RGB", (50, 50), (255, 0, 0)).save(red)
    svg = _svg(f'<image x="0" y="0" width="100" height="100" href="{red.as_uri()}"/>',
               f'<image x="200" y="0" width="100" height="100" xlink:href="{red}"/>',
               '<image x="0" y="200" width="100" height="100" href="file:///etc/passwd"/>')
    pixels = render_pixels(svg, 1080, 1350)
    assert pixels.getpixel((100, 100)) == BACKGROUND
    assert pixels.getpixel((500, 100)) == BACKGROUND


def test_network_urls_are_never_fetched(monkeypatch):
    calls = []
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: calls.append(a) or pytest.fail("fetched"))
    import cairosvg.url
    monkeypatch.setattr(cairosvg.url, "urlopen", lambda *a, **k: calls.append(a) or pytest.fail("fetched"))
    svg = _svg('<image x="0" y="0" width="100" height="100" href="http://127.0.0.1:9/photo.jpg"/>',
               '<image x="0" y="200" width="100" height="100" href="https://example.invalid/x.png"/>',
               '<rect x="0" y="400" width="50" height="50" fill="url(http://127.0.0.1:9/p.svg#g)"/>')
    render_pixels(svg, 540, 675)
    assert calls == []


def test_xml_entities_are_refused():
    svg = ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
           '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&secret;</text></svg>')
    with pytest.raises(Exception, match="(?i)entit"):
        render_pixels(svg, 10, 10)


def test_pdf_pages_same_size_and_photo_stored_once_as_jpeg():
    href = _data_url("image/jpeg", _jpeg())
    out = io.BytesIO()
    document = PdfDocument(out, 1080, 1350)
    for _ in range(3):
        document.draw_page(_svg(f'<image x="40" y="40" width="460" height="300" href="{href}"/>'))
    document.finish()
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == 3
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {(1080.0, 1350.0)}
    image_refs = set()
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        for name in xobjects:
            obj = xobjects[name].get_object()
            if obj["/Subtype"] == "/Image":
                assert obj["/Filter"] == "/DCTDecode"
                image_refs.add(xobjects.raw_get(name).idnum)
    assert len(image_refs) == 1  # shared across the three pages
    assert len(out.getvalue()) < 60_000  # the 600×400 JPEG, not raw pixels (~720 KB)


def test_pdf_downscales_a_far_too_large_photo_once():
    href = _data_url("image/jpeg", _jpeg(size=(2400, 1600)))
    out = io.BytesIO()
    document = PdfDocument(out, 1080, 1350)
    document.draw_page(_svg(f'<image x="0" y="0" width="60" height="40" href="{href}"/>'))
    document.finish()
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    image = next(xobjects[n].get_object() for n in xobjects if xobjects[n].get_object()["/Subtype"] == "/Image")
    assert image["/Filter"] == "/DCTDecode"
    assert image["/Width"] <= 120 * 2  # shown 120 pt wide: at most 2 px a point (+ rounding headroom)


_DRAW_IN_A_FRESH_PROCESS = """
import hashlib, io, sys
from studio import DATA_DIR
from studio.export import slide_svg
from studio.export.drawing import PdfDocument, render_pixels
from studio.post import Post, Thread
from studio.structure import carousel_from_thread
posts = [Post(str(i), p) for i, p in enumerate((DATA_DIR / "sample-thread.txt").read_text().split("\\n\\n")) if p.strip()]
svg = slide_svg(carousel_from_thread(Thread("t", posts)), 1)
if sys.argv[1] == "pdf-first":
    doc = PdfDocument(io.BytesIO(), 540, 675)
    doc.draw_page(svg)
    doc.finish()
print(hashlib.sha256(render_pixels(svg, 1080, 1350).tobytes()).hexdigest())
"""


@pytest.mark.slow  # two fresh interpreters, each importing the studio and drawing
def test_a_page_has_the_same_pixels_whatever_its_process_drew_before():
    """cairo settles a face's hinting at its first use: a process that drew a PDF first drew PNGs with
    other pixels, so warm workers and the studio's own process exported different images."""
    import subprocess
    import sys

    def pixels(order: str) -> str:
        done = subprocess.run([sys.executable, "-c", _DRAW_IN_A_FRESH_PROCESS, order], capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip()

    assert pixels("pdf-first") == pixels("png-only")
