"""The model: versioned JSON round-trip, field-naming errors, image intake, formats."""
import io
import json
import struct
import zlib

import pytest
from hypothesis import given, settings, strategies as st
from PIL import Image as PILImage

from studio.brand import BrandProfile
from studio.canvas import FORMATS, get_format
from studio.carousel import Carousel
from studio.project_file import SCHEMA, carousel_from_doc, carousel_from_json, carousel_to_json
from studio.image import ImageError, load_image
from studio.outro import OutroCTA
from studio.post import Post, Thread
from studio.schema import SchemaError
from studio.slide import Slide
from studio.typography import Typography
from property_examples import ANY_CHARACTER, examples


def _jpeg(w=64, h=48, colour=(200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGB", (w, h), colour).save(buf, "JPEG")
    return buf.getvalue()


def _full_carousel() -> Carousel:
    photo = load_image(_jpeg())
    post = Post("1", "Hello 👋 <b>&amp;", author_name="Ada", handle="ada", images=[photo],
                created_at="2026-01-02T03:04:05+00:00", likes=3, reposts=None)
    return Carousel(
        name="Launch", format="instagram-tall", theme="paper", pattern="dots",
        typography=Typography(title_size=40, align="center"),
        brand=BrandProfile(name="Ada", handle="@ada", avatar=photo, accent="#1D9BF0",
                           cta=OutroCTA.default(3, "https://example.org")),
        cta=OutroCTA.default(2),
        slides=[Slide("cover", "Title"), Slide(body="b", image=photo, layout="split", post_ids=["1"]),
                Slide("outro")],
        thread=Thread("t", [post], title="Hello", marked_as_thread=True),
    )


def test_json_round_trip_keeps_everything_including_images():
    original = _full_carousel()
    text = carousel_to_json(original)
    doc = json.loads(text)
    assert doc["schema"] == SCHEMA and doc["app"] == "carousel-studio"
    again = carousel_from_json(text)
    assert again == original
    assert again.slides[1].image.data == original.slides[1].image.data
    assert carousel_to_json(again) == text  # stable bytes


def test_handle_is_stored_without_at():
    assert BrandProfile(handle=" @ada ").handle == "ada"


@pytest.mark.parametrize("fields, message", [
    ({"handle": "ada lovelace"}, "handle must be one word"),
    ({"website": "javascript:alert(1)"}, "website must be a web address"),
    ({"website": "file:///etc/passwd"}, "website must be a web address"),
])
def test_brand_refuses_handles_with_spaces_and_non_web_links(fields, message):
    with pytest.raises(ValueError, match=message):
        BrandProfile(**fields)
    assert BrandProfile(website=" https://ada.dev/about ").website == "https://ada.dev/about"
    assert BrandProfile(website="localhost:8080/x").website == "localhost:8080/x"


@pytest.mark.parametrize("mutate, message", [
    (lambda c: c["slides"][1].__setitem__("layout", 3), "carousel.slides[1].layout: expected text, got 3"),
    (lambda c: c.__setitem__("colour", "red"), "carousel.colour: unknown field"),
    (lambda c: c["typography"].__setitem__("title_size", 500), "carousel.typography: title_size must be"),
    (lambda c: c["cta"].__setitem__("variant", 4), "carousel.cta.variant: expected one of 1, 2, 3"),
    (lambda c: c["cta"].__setitem__("variant", True), "carousel.cta.variant: expected one of"),
    (lambda c: c["slides"][0].__setitem__("kind", "intro"), "carousel.slides[0].kind"),
    (lambda c: c["thread"]["posts"][0].__setitem__("likes", "3"), "carousel.thread.posts[0].likes"),
    (lambda c: c["slides"][1]["image"].__setitem__("data", "%%%"), "carousel.slides[1].image.data: the base64"),
    (lambda c: c["slides"][1]["image"].__setitem__("mime", "image/gif"), "carousel.slides[1].image: mime"),
    (lambda c: c["brand"].__setitem__("accent", "blue"), "carousel.brand: accent must be a colour"),
    (lambda c: c.__setitem__("slides", {}), "carousel.slides: expected a list"),
    (lambda c: c["thread"]["posts"][0].pop("id"), "carousel.thread.posts[0].id: missing"),
])
def test_invalid_json_names_the_field(mutate, message):
    doc = json.loads(carousel_to_json(_full_carousel()))
    mutate(doc["carousel"])
    with pytest.raises(SchemaError) as err:
        carousel_from_doc(doc)
    assert str(err.value).startswith(message)


@pytest.mark.parametrize("field, value, message", [
    ("format", "tiktok", "carousel.format: unknown format 'tiktok'; choose one of: linkedin-portrait"),
    ("layout", "zzz", "carousel.layout: unknown layout 'zzz'; choose one of:"),
    ("theme", "nope", "carousel.theme: unknown theme 'nope'"),
    ("pattern", "plaid", "carousel.pattern: unknown pattern 'plaid'"),
])
def test_names_this_studio_does_not_have_are_refused(field, value, message):
    doc = json.loads(carousel_to_json(_full_carousel()))
    doc["carousel"][field] = value
    with pytest.raises(SchemaError, match=message):
        carousel_from_doc(doc)


@pytest.mark.parametrize("where, path", [
    (lambda c: c["typography"], "carousel.typography.title_font"),
    (lambda c: c["brand"], "carousel.brand.title_font"),
])
def test_unknown_fonts_and_slide_layouts_are_refused(where, path):
    doc = json.loads(carousel_to_json(_full_carousel()))
    where(doc["carousel"])["title_font"] = "Comic Sans"
    with pytest.raises(SchemaError, match=path + ": unknown font 'Comic Sans'"):
        carousel_from_doc(doc)
    doc = json.loads(carousel_to_json(_full_carousel()))
    doc["carousel"]["slides"][1]["layout"] = "zzz"
    with pytest.raises(SchemaError, match=r"carousel.slides\[1\].layout: unknown layout 'zzz'"):
        carousel_from_doc(doc)


@pytest.mark.parametrize("text, message", [
    ("{", "not a carousel file: the JSON does not parse"),
    ("[]", "not a carousel file"),
    ('{"schema": 99, "carousel": {}}', "schema: this file was written by a newer Carousel Studio"),
    ('{"schema": "1", "carousel": {}}', "schema: expected a whole number"),
])
def test_unreadable_files_get_a_clear_message(text, message):
    with pytest.raises(SchemaError, match=message):
        carousel_from_json(text)


@settings(max_examples=examples(60), deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(ANY_CHARACTER, max_size=5),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(ANY_CHARACTER, max_size=5), c, max_size=3),
                    max_leaves=10))
def test_arbitrary_json_never_crashes_the_reader(junk):
    doc = {"schema": SCHEMA, "carousel": junk}
    try:
        carousel_from_doc(doc)
    except SchemaError as exc:
        assert str(exc).startswith("carousel")


def test_formats_are_540_wide_with_the_right_ratio():
    assert set(FORMATS) == {"linkedin-portrait", "linkedin-square", "instagram-portrait",
                            "instagram-square", "instagram-tall", "instagram-story"}
    assert get_format("linkedin-portrait").design_size == (540, 675)
    assert get_format("instagram-square").design_size == (540, 540)
    assert get_format("instagram-tall").design_size == (540, 720)
    assert get_format("instagram-story").design_size == (540, 960)
    with pytest.raises(ValueError, match="choose one of: linkedin-portrait"):
        get_format("tiktok")


def test_load_image_downscales_and_keeps_alpha_as_png():
    big = load_image(_jpeg(4000, 1000), max_side=2160)
    assert (big.width, big.height) == (2160, 540) and big.mime == "image/jpeg"
    buf = io.BytesIO()
    PILImage.new("RGBA", (10, 10), (0, 0, 0, 0)).save(buf, "PNG")
    assert load_image(buf.getvalue()).mime == "image/png"
    assert load_image(_jpeg()) == load_image(_jpeg())  # content-addressed equality


@pytest.mark.parametrize("data, message", [
    (b"", "is empty"),
    (b"GIF89a not really", "is not an image"),
    (b"<svg/>", "is not an image"),
])
def test_bad_images_are_refused_in_plain_words(data, message):
    with pytest.raises(ImageError, match=message):
        load_image(data, name="avatar.png")


def test_huge_image_dimensions_are_refused_before_decoding():
    buf = io.BytesIO()
    PILImage.new("1", (9000, 10)).save(buf, "PNG")
    with pytest.raises(ImageError, match="9000×10 px; the limit is 8000 px a side"):
        load_image(buf.getvalue(), name="This image")


def _blank_png(width: int, height: int) -> bytes:
    """A valid black-and-white PNG of blank rows, written directly (Pillow's encoder took 1.8 s for 400 MP)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows, row = zlib.compressobj(9), bytes(1 + (width + 7) // 8)  # filter byte + 1 bit a pixel
    pixels = b"".join(rows.compress(row) for _ in range(height)) + rows.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_an_image_pillow_refuses_as_a_bomb_gets_the_size_message():
    bomb = _blank_png(20000, 20000)  # 400 megapixels, a few KB compressed
    with PILImage.open(io.BytesIO(_blank_png(9, 3))) as small:  # the writer makes PNGs Pillow reads
        assert small.size == (9, 3) and small.getextrema() == (0, 0)
    with pytest.raises(ImageError, match="far too large; the limit is 8000 px a side"):
        load_image(bomb, name="This image")


def test_an_odd_unknown_field_name_is_quoted_on_one_line():
    """A key from a file can hold a line break or be huge; the message stays one short line."""
    from studio.carousel import Carousel
    from studio.schema import SchemaError, from_dict
    for key, shown in (("\n", "'\\n'"), ("x" * 5000, "'" + "x" * 40 + "…'")):
        with pytest.raises(SchemaError) as caught:
            from_dict(Carousel, {key: 0}, "carousel")
        message = str(caught.value)
        assert "\n" not in message and len(message) < 300
        assert message.startswith(f"carousel.{shown}: unknown field")
