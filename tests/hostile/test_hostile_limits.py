"""Caps decided up front (studio/limits.py), enforced where input comes in, with quick clear messages."""
from __future__ import annotations

import io
import json
from xml.etree import ElementTree

import pytest
from hostile_helpers import project_json
from PIL import Image as PILImage

from studio import limits
from studio.carousel import Carousel
from studio.image import ImageError, load_image
from studio.slide import Slide
from studio.sources import SourceError, load_threads, parse_paste, read_project
from studio.sources.counting import weighted_length
from studio.sources.paste import pack_sentences


def test_one_1mb_word_is_split_without_losing_a_character():
    # The old cluster-by-cluster split re-measured the growing part each time: minutes for 1 MB.
    # (Timing is reported in the issue note, not asserted: the machine is shared.)
    word = "a" * 1_000_000
    parts = pack_sentences(word)
    assert "".join(parts) == word and all(weighted_length(p) <= 280 for p in parts)


@pytest.mark.parametrize("word", ["é" * 3_000, "👩‍💻" * 400, "日本" * 900, "a.co" * 300, "x" * 290 + "https://e.org"])
def test_long_words_of_any_script_are_split_without_losing_a_character(word):
    parts = pack_sentences(word)
    assert "".join(parts) == word
    assert all(weighted_length(p) <= 280 for p in parts)


def test_paste_over_the_cap_is_refused_at_once():
    with pytest.raises(SourceError, match="at most 1 MB"):
        parse_paste("word " * 300_000)


def test_paste_making_more_posts_than_the_cap_is_refused():
    text = "\n\n".join(f"Post number {i} says something." for i in range(limits.MAX_POSTS + 1))
    with pytest.raises(SourceError, match=f"at most {limits.MAX_POSTS}"):
        parse_paste(text)


def test_text_input_over_the_cap_is_refused():
    with pytest.raises(SourceError, match="too large for thread text"):
        load_threads(b"a " * (limits.MAX_TEXT_BYTES // 2 + 10))


def test_project_with_a_400k_word_slide_gets_a_clear_message_quickly():
    doc = json.loads(project_json())
    doc["carousel"]["slides"][1]["body"] = "word " * 400_000
    with pytest.raises(SourceError, match="slide 2 has 400,000 words; one slide may hold at most 5,000"):
        read_project(json.dumps(doc))


def test_rendering_a_400k_word_slide_draws_its_problem_not_its_layout(monkeypatch):
    """A slide over the word cap (from an old project) is one page naming the cap, never a layout of 400k words."""
    from studio import render
    from studio.render import render_slide
    monkeypatch.setattr(render, "_lay_out", None)  # laying it out would fail here
    carousel = Carousel(slides=[Slide(body="word " * 400_000)])
    words = " ".join(" ".join(ElementTree.fromstring(render_slide(carousel, 0)).itertext()).split())
    assert "This slide has 400,000 words; one slide may hold at most 5,000" in words


def test_project_with_too_many_slides_is_refused():
    doc = json.loads(project_json())
    doc["carousel"]["slides"] = [{"kind": "content", "body": "b"}] * (limits.MAX_SLIDES + 1)
    with pytest.raises(SourceError, match=f"the limit is {limits.MAX_SLIDES}"):
        read_project(json.dumps(doc))


def _png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    PILImage.new("1", (w, h)).save(buf, "PNG")  # 1-bit: a tiny file that decodes huge
    return buf.getvalue()


def test_image_over_the_pixel_cap_is_refused_before_decoding():
    data = _png(7999, 7999)
    assert len(data) < 300_000
    with pytest.raises(ImageError, match="megapixels"):
        load_image(data)


def test_large_jpeg_is_decoded_at_a_reduced_scale():
    buf = io.BytesIO()
    PILImage.new("RGB", (6000, 4000), (10, 120, 200)).save(buf, "JPEG")
    image = load_image(buf.getvalue())
    assert max(image.width, image.height) == 2160


@pytest.mark.parametrize("raw,problem", [
    ("1" * 31, "digits"), ("[" * 65 + "]" * 65, "nested too deeply"), ("[" * 5000, "nested too deeply"),
    ("NaN", "not a JSON number"), ('{"a": Infinity}', "not a JSON number"), ("1e999999", None),
])
def test_parse_json_refuses_what_would_crash_later(raw, problem):
    if problem is None:  # a float that overflows is inf: allowed by json, refused by the model later
        limits.parse_json(raw)
        return
    with pytest.raises(limits.LimitError, match=problem):
        limits.parse_json(raw, "x.json")


def test_read_capped_refuses_pipes_devices_and_sparse_giants(tmp_path):
    import os
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(limits.LimitError, match="not a regular file"):
        limits.read_capped(fifo, 100)  # would hang forever if it opened the FIFO
    with pytest.raises(limits.LimitError, match="not a regular file"):
        limits.read_capped("/dev/zero", 100)
    sparse = tmp_path / "sparse.png"
    with open(sparse, "wb") as f:
        f.truncate(2 * 2**30)
    with pytest.raises(limits.LimitError, match="2 GB; the limit is 40 MB"):
        limits.read_capped(sparse, limits.MAX_IMAGE_BYTES)
    with pytest.raises(limits.LimitError, match="more than"):
        limits.read_stream(io.BytesIO(b"x" * 11), 10)
