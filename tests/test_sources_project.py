"""Carousel JSON as a source: round trip with embedded images, damaged files refused with a reason."""
from __future__ import annotations

import base64
import io
import json

import pytest
from PIL import Image as PILImage

from studio.carousel import Carousel
from studio.project_file import carousel_to_json
from studio.image import load_image
from studio.post import Post, Thread
from studio.slide import Slide
from studio.sources import SourceError, load_input, read_project


def png(size=(40, 30)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGBA", size, (10, 200, 30, 128)).save(out, "PNG")
    return out.getvalue()


def sample() -> Carousel:
    photo = load_image(png(), name="photo")
    thread = Thread(id="t1", title="Hello", posts=[Post(id="p1", text="Hello world", images=[photo]),
                                                   Post(id="p2", text="Second")])
    return Carousel(name="Demo", thread=thread, slides=[Slide(title="Hello", image=photo, post_ids=["p1"])])


def test_round_trip_keeps_images_embedded(tmp_path):
    text = carousel_to_json(sample())
    carousel = read_project(text)
    assert carousel.thread.posts[0].images[0] == sample().thread.posts[0].images[0]
    assert carousel.slides[0].image.mime == "image/png"
    assert read_project(text.encode("utf-8")).name == "Demo"
    path = tmp_path / "demo.json"
    path.write_text(text, encoding="utf-8")
    assert isinstance(load_input(path), Carousel)


def test_post_text_is_cleaned_on_import():
    doc = json.loads(carousel_to_json(sample()))
    doc["carousel"]["thread"]["posts"][1]["text"] = "Next β†’ step\x00"
    assert read_project(json.dumps(doc)).thread.posts[1].text == "Next → step"


@pytest.mark.parametrize("text,message", [
    ("not json", "not a carousel file: the JSON does not parse"),
    ('{"hello": 1}', "not a carousel file"),
    ('{"schema": 99, "carousel": {}}', "newer Carousel Studio"),
    ('{"schema": 1, "carousel": {"slides": [{"kind": "poster"}]}}', "carousel.slides[0].kind"),
    ('{"schema": 1, "carousel": {"path": "/etc/passwd"}}', "carousel.path: unknown field"),
])
def test_damaged_files_name_the_problem(text, message):
    with pytest.raises(SourceError, match=message.replace("[", r"\[").replace("]", r"\]")) as err:
        read_project(text)
    assert "\n" not in str(err.value)


def test_embedded_image_must_be_what_it_claims():
    doc = json.loads(carousel_to_json(sample()))
    doc["carousel"]["slides"][0]["image"]["data"] = base64.b64encode(b"GIF89a not really").decode()
    with pytest.raises(SourceError, match=r"carousel.slides\[0\].image is not a readable image"):
        read_project(json.dumps(doc))
    doc["carousel"]["slides"][0]["image"]["mime"] = "image/jpeg"
    doc["carousel"]["slides"][0]["image"]["data"] = base64.b64encode(png()).decode()
    with pytest.raises(SourceError, match="says image/jpeg but holds PNG"):
        read_project(json.dumps(doc))


def test_invalid_utf8_project():
    with pytest.raises(SourceError, match="not UTF-8"):
        read_project(b'{"schema": 1, "carousel": {"name": "\xff"}}')
