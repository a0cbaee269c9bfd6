"""The studio and ``carousel-studio render`` give the same carousel for the same input and settings.

Each input goes once through the application layer (as the studio's import does) and once through
the command line; the slides, their layouts and every page's text must match.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from studio.app import Studio
from studio.project_file import carousel_to_json
from studio.cli import main
from studio.cli.render import load_carousel
from studio.export import pages
from core_matrix import covering
from test_sources_archive import build, jpeg, photo, tweet

PASTE = ("Three habits that made my mornings calm 🧵\n\n"
         "1) Put the phone in another room. The first hour is yours, not the feed's.\n\n"
         "2) Write one line about yesterday. Just one; it adds up over a year.\n\n"
         "3) Walk before you check anything. Ten minutes is enough.\n\n"
         "Follow for more small habits.")


def archive_with_photos(folder: Path) -> Path:
    posts = [tweet(100, "A thread with photos, first post https://t.co/a", rng=(0, 33), media=[photo(100, "A.jpg")]),
             tweet(101, "Second post has two photos https://t.co/b", 100, rng=(0, 27),
                   media=[photo(101, "B.jpg"), photo(101, "C.jpg")]),
             tweet(102, "Third post is only words, and enough of them to fill a slide.", 101)]
    files = {"data/tweets_media/100-A.jpg": jpeg((200, 30, 30)), "data/tweets_media/101-B.jpg": jpeg((30, 200, 30)),
             "data/tweets_media/101-C.jpg": jpeg((30, 30, 200))}
    return build(folder / "archive.zip", posts, files=files)


def project_file(folder: Path) -> Path:
    studio = Studio(folder / "maker")
    studio.document.set_setting("theme", "midnight")
    studio.document.rename("From a file")
    path = folder / "project.json"
    path.write_text(carousel_to_json(studio.carousel), encoding="utf-8")
    return path


def through_the_app(tmp_path: Path, kind: str, source: Path, settings: dict) -> Studio:
    """What the studio does with this input: a fresh studio, the settings chosen, the import, "Lay out all"."""
    studio = Studio(tmp_path / "studio-data")
    if kind == "project":
        studio.projects.open_file(studio.imports.read_project(source.read_bytes()))
    for name, value in settings.items():
        studio.document.set_setting(name, value)
    if kind == "paste":
        thread = studio.imports.paste(source.read_text(encoding="utf-8")).threads[0]
    elif kind == "archive":
        thread_id = studio.imports.list_archive(source).threads[0].id
        thread = studio.imports.read_archive_thread(source, thread_id).thread(thread_id)
    else:
        return studio
    if not studio.imports.use_thread(thread):  # the settings were changed first: the sample is not untouched
        studio.imports.lay_out()
    return studio


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


SETTINGS = {"defaults": {}, "post-card": {"layout": "post-card"},
            "statement-square": {"layout": "big-statement", "format": "instagram-square"}}


# core: each input once and each setting once (paste with the defaults, the archive as post cards, the project
# file as square statements); CI runs all nine
@pytest.mark.parametrize("kind, setting", covering(["paste", "archive", "project"], list(SETTINGS)))
def test_studio_and_render_make_the_same_carousel(tmp_path, kind, setting):
    settings = SETTINGS[setting]
    if kind == "paste":
        source = tmp_path / "thread.txt"
        source.write_text(PASTE, encoding="utf-8")
    else:
        source = archive_with_photos(tmp_path) if kind == "archive" else project_file(tmp_path)
    studio = through_the_app(tmp_path, kind, source, settings)
    flags = [arg for name, value in settings.items() for arg in (f"--{name}", value)]

    cli = load_carousel(str(source), None, settings)  # the command line's own reading of the input
    assert [(s.kind, s.layout, s.title, s.body, s.image) for s in cli.slides] == \
        [(s.kind, s.layout, s.title, s.body, s.image) for s in studio.carousel.slides]
    assert (cli.format, cli.layout, cli.theme) == (studio.carousel.format, studio.carousel.layout,
                                                    studio.carousel.theme)
    if kind == "archive":
        assert sum(s.image is not None for s in cli.slides) == 3  # every photo is on a slide

    rendered = tmp_path / "cli.pdf"
    assert main(["render", str(source), "-o", str(rendered), "--data-dir", str(tmp_path / "cli-data"), *flags]) == 0
    exported = studio.export("pdf", tmp_path / "studio.pdf")
    assert exported.pages == pages.page_total(studio.carousel)
    assert page_texts(rendered.read_bytes()) == page_texts((tmp_path / "studio.pdf").read_bytes())
