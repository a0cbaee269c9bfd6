"""The LinkedIn PDF, read back with pypdf: pages, sizes, selectable text, subset fonts, JPEG photos."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from studio import DATA_DIR
from studio.export import ExportError, export_pdf, pages
from studio.image import load_image
from studio.post import Post, Thread
from studio.structure import carousel_from_thread
from property_examples import examples


def sample_carousel(**settings):
    text = (DATA_DIR / "sample-thread.txt").read_text(encoding="utf-8")
    posts = [Post(str(i + 1), p.strip(), author_name="Ada Example", handle="ada")
             for i, p in enumerate(text.split("\n\n")) if p.strip()]
    carousel = carousel_from_thread(Thread("sample", posts), **settings)
    carousel.brand.name, carousel.brand.handle = "Ada Example", "ada"
    return carousel


def photo(size=(1600, 1000)):
    gradient = Image.linear_gradient("L").resize(size)
    rgb = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_TOP_BOTTOM), Image.new("L", size, 90)))
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=90)
    return load_image(out.getvalue())


@pytest.fixture(scope="module")
def with_photo(tmp_path_factory):
    carousel = sample_carousel(theme="editorial")
    carousel.slides[5].image = photo()  # "5) Show, then tell"
    carousel.slides[5].layout = "image-focus"
    target = tmp_path_factory.mktemp("pdf") / "carousel.pdf"
    calls = []
    report = export_pdf(carousel, target, progress=lambda done, total: calls.append((done, total)))
    return carousel, target, report, calls, PdfReader(target)


def _fonts(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            if font.get_object()["/Subtype"] != "/Type3":  # the emoji's glyphs in the text layer (drawing.py)
                names.add(str(font.get_object()["/BaseFont"]))
    return names


def _images(page):
    xobjects = page["/Resources"].get("/XObject", {})
    return [xobjects[n].get_object() for n in xobjects if xobjects[n].get_object()["/Subtype"] == "/Image"]


def test_one_page_per_rendered_slide_all_the_same_size(with_photo):
    carousel, target, report, calls, reader = with_photo
    total = pages.page_total(carousel)
    assert len(reader.pages) == total == report.pages >= len(carousel.slides)
    sizes = {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages}
    assert sizes == {(1080.0, 1350.0)} and report.size == (1080, 1350)
    assert calls == [(i, total) for i in range(1, total + 1)]
    assert report.paths == [target] and report.bytes_written == target.stat().st_size


def test_text_is_selectable(with_photo):
    reader = with_photo[4]
    text = " ".join(page.extract_text() for page in reader.pages)
    words = re.sub(r"\s+", " ", text)
    for expected in ("payoff", "skimmable", "brand", "ask"):
        assert expected in words


def test_fonts_are_embedded_as_subsets(with_photo):
    names = _fonts(with_photo[4])
    assert names
    assert all(re.match(r"^/[A-Z]{6}\+", name) for name in names), names
    assert any("Playfair" in n for n in names) and any("Lora" in n for n in names)  # the editorial theme's fonts


def test_photo_is_embedded_as_jpeg_and_file_stays_small(with_photo):
    carousel, target, report, calls, reader = with_photo
    photos = [img for page in reader.pages for img in _images(page)]
    big = [img for img in photos if img["/Width"] >= 400]
    assert big and all(img["/Filter"] == "/DCTDecode" for img in big)
    assert report.bytes_written < 700_000


def test_metadata_names_the_carousel(with_photo):
    carousel, target, report, calls, reader = with_photo
    assert reader.metadata.title == carousel.name
    assert reader.metadata.creator == "Carousel Studio"


def test_square_format_gives_square_pages_and_writes_to_a_stream():
    out = io.BytesIO()
    report = export_pdf(sample_carousel(format="linkedin-square"), out)
    assert out.getvalue().startswith(b"%PDF") and report.paths == []
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {(1080.0, 1080.0)}


def test_story_format_pdf_warns_about_linkedin_ratio(tmp_path):
    report = export_pdf(sample_carousel(format="instagram-story"), tmp_path / "story.pdf")
    assert any("4:5 or 1:1" in w for w in report.warnings)


def test_empty_carousel_is_refused(tmp_path):
    carousel = sample_carousel()
    carousel.slides = []
    with pytest.raises(ExportError, match="no slides"):
        export_pdf(carousel, tmp_path / "empty.pdf")
    assert not (tmp_path / "empty.pdf").exists()


_hostile_text = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
              st.sampled_from(["<b>", "&amp;", "]]>", "\x00", "\x0b", "👩🏽‍💻", "🇫🇷", "שלום", "مرحبا", "\n\n", " "])),
    min_size=1, max_size=12).map("".join).filter(str.strip)


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(_hostile_text, min_size=1, max_size=3), long_word=st.booleans())
def test_any_thread_exports_to_a_readable_pdf_with_equal_pages(texts, long_word):
    if long_word:
        texts = [*texts, "x" * 300]
    posts = [Post(str(i + 1), text) for i, text in enumerate(texts)]
    carousel = carousel_from_thread(Thread("t", posts))
    out = io.BytesIO()
    report = export_pdf(carousel, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert len(reader.pages) == report.pages == pages.page_total(carousel)
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {(1080.0, 1350.0)}
