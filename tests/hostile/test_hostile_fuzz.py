"""Fuzz every parser: whatever comes in, the answer is a result or the parser's own error with a
message, never another exception, and every text that comes out can be saved and drawn.

Bounded in CI (the "ci" profile in conftest.py); ``HYPOTHESIS_PROFILE=long`` runs many more examples.
"""
from __future__ import annotations

import io
import json
import re
import zipfile

from hostile_helpers import project_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from studio.carousel import Carousel
from studio.image import ImageError, load_image
from studio.slide import Slide
from studio.sources import SourceError, parse_paste, read_archive, read_project
from studio.store import Store
from studio.store.kits import kit_to_json, read_kit

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ANY_TEXT = st.text(st.characters(codec=None, blacklist_categories=()), max_size=400)
_TRICKY = st.sampled_from(["<script>", "</p>", "<p>", "<a href='https://e.org'>x</a>", "&amp;", "&#0;", "\ud800",
                           "\x00", "\x1b[31m", "1/", "2/5", "🧵", "\n\n", "https://x.com/a/status/1", "👩‍💻",
                           "a" * 300, "β†’", "\r\n", "\u2028", "Thread:", "/end", "@handle", "Show more"])
_PASTE = st.lists(st.one_of(_TRICKY, _ANY_TEXT), max_size=20).map("".join)


def _saveable(text: str) -> None:
    assert not _UNSAFE.search(text), repr(text)
    text.encode("utf-8")


@given(_PASTE)
def test_fuzz_paste_splitter(text):
    try:
        result = parse_paste(text)
    except SourceError as exc:
        assert str(exc)
        return
    for post in result.threads[0].posts:
        _saveable(post.text)
        assert post.text.strip()


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _ANY_TEXT,
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_ANY_TEXT, inner, max_size=4),
                     max_leaves=20)
_FIELDS = ["name", "format", "layout", "theme", "pattern", "slides", "thread", "brand", "typography", "cta"]


@given(st.sampled_from(_FIELDS), _JSON, st.sampled_from([None, 0, -1, 1, 2, "1", 10**20]))
def test_fuzz_project_json(field, value, schema):
    doc = json.loads(project_json())
    doc["carousel"][field] = value
    if schema is not None:
        doc["schema"] = schema
    try:
        carousel = read_project(json.dumps(doc))
    except SourceError as exc:
        assert str(exc)
        return
    _saveable(json.dumps(carousel.name, ensure_ascii=False))
    for slide in carousel.slides:
        _saveable(slide.title + slide.body)


@given(st.binary(max_size=400))
def test_fuzz_project_bytes(raw):
    try:
        read_project(raw)
    except SourceError:
        pass


@given(st.sampled_from(["name", "handle", "website", "accent", "avatar", "title_font", "unknown"]), _JSON)
def test_fuzz_kit_json(field, value):
    from studio.brand import BrandProfile
    doc = json.loads(kit_to_json([BrandProfile(name="Acme")], [], "2026-01-01T00:00:00Z"))
    doc["profiles"][0][field] = value
    try:
        profiles, _ = read_kit(json.dumps(doc).encode())
    except ValueError as exc:
        assert str(exc)
        return
    _saveable(profiles[0].name + profiles[0].website + profiles[0].handle)


@given(st.binary(max_size=300))
def test_fuzz_kit_bytes(raw):
    try:
        read_kit(raw)
    except ValueError:
        pass


def _small_png() -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGBA", (6, 4), (200, 20, 20, 128)).save(buf, "PNG")
    return buf.getvalue()


_PNG = _small_png()


@given(st.lists(st.tuples(st.integers(0, len(_PNG) - 1), st.integers(0, 255)), max_size=8), st.binary(max_size=64))
def test_fuzz_image_intake(flips, tail):
    data = bytearray(_PNG)
    for where, byte in flips:
        data[where] = byte
    try:
        image = load_image(bytes(data) + tail)
    except ImageError as exc:
        assert str(exc)
        return
    assert image.width > 0 and image.height > 0


def _archive(text: str, extra: bytes = b"") -> bytes:
    tweet = {"tweet": {"id_str": "1", "id": "1", "full_text": text, "created_at": "Wed May 29 14:03:18 +0000 2024",
                       "favorite_count": "1", "retweet_count": "0", "entities": {}}}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps([tweet]))
        if extra:
            zf.writestr("data/account.js", extra)
    return buf.getvalue()


@given(_PASTE, st.binary(max_size=60))
def test_fuzz_archive_reader(text, extra):
    try:
        result = read_archive(io.BytesIO(_archive(text, extra)), load_media=False)
    except SourceError as exc:
        assert str(exc)
        return
    for thread in result.threads:
        for post in thread.posts:
            _saveable(post.text)


@given(st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=6))
def test_fuzz_archive_bytes(flips):
    data = bytearray(_archive("A post worth reading, long enough to be a thread of one."))
    for where, byte in flips:
        data[where % len(data)] = byte
    try:
        read_archive(io.BytesIO(bytes(data)), load_media=False)
    except SourceError:
        pass


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["studio.json", "project"]), st.one_of(st.binary(max_size=200), _JSON.map(
    lambda v: json.dumps(v).encode())))
def test_fuzz_store_files(tmp_path_factory, which, content):
    folder = tmp_path_factory.mktemp("store")
    store = Store(folder)
    pid = store.projects.save(Carousel(name="Mine", slides=[Slide("cover", "Hook")]))
    target = folder / "studio.json" if which == "studio.json" else folder / "projects" / f"{pid}.json"
    target.write_bytes(content)
    store = Store(folder)  # opens, always
    assert [p.id for p in store.projects.all()] == [pid]
    assert store.projects.load(pid).slides[0].title == "Hook"  # from the file, or recovered from its .bak


def test_archive_entry_without_a_name_is_skipped():
    """Found by fuzzing: zipfile's is_dir() fails with IndexError on an entry whose name is empty."""
    buf = io.BytesIO(_archive("A post worth reading, long enough to be a thread of one."))
    with zipfile.ZipFile(buf, "a") as zf:
        zf.writestr(zipfile.ZipInfo(""), b"nameless")
    plain = read_archive(io.BytesIO(_archive("A post worth reading, long enough to be a thread of one.")),
                         load_media=False)
    result = read_archive(io.BytesIO(buf.getvalue()), load_media=False)  # no IndexError
    assert [t.posts for t in result.threads] == [t.posts for t in plain.threads]
