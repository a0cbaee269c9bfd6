"""`carousel-studio render` and `themes` through studio.cli.main: outputs, summaries and one-line errors."""
from __future__ import annotations

import io
import json
import sys
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader

from cli_helpers import error_line
from studio.cli import main


def test_render_sample_to_pdf_prints_a_summary(tmp_path, capsys):
    target = tmp_path / "sample.pdf"
    assert main(["render", "-o", str(target)]) == 0
    out = capsys.readouterr().out.strip()
    reader = PdfReader(target)
    assert out.startswith(f"wrote {len(reader.pages)} pages") and str(target) in out and "1080×1350" in out
    assert "payoff" in reader.pages[1].extract_text()


def test_render_text_file_to_jpeg_zip_with_settings(tmp_path, capsys):
    source = tmp_path / "thread.txt"
    source.write_text("A hook worth reading\n\nFirst point, well made.\n\nSecond point, with a #tag.\n",
                      encoding="utf-8")
    target = tmp_path / "slides.zip"
    code = main(["render", str(source), "-o", str(target), "--format", "instagram-square", "--theme", "midnight",
                 "--pattern", "dots", "--layout", "big-statement", "--cta", "2", "--title-size", "40",
                 "--body-size", "20", "--image-format", "jpeg"])
    assert code == 0, capsys.readouterr().err
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert names == ["01.jpg", "02.jpg", "03.jpg", "04.jpg", "alt-text.txt"]  # cover, 2 posts, outro
        assert Image.open(io.BytesIO(archive.read("01.jpg"))).size == (1080, 1080)
        assert "Repost" in archive.read("alt-text.txt").decode()  # the outro uses CTA #2


def test_render_single_slide_png_and_svg(tmp_path, capsys):
    png = tmp_path / "two.png"
    assert main(["render", "-o", str(png), "--slide", "2", "--scale", "3"]) == 0
    assert Image.open(png).size == (1620, 2025)
    svg = tmp_path / "two.svg"
    assert main(["render", "-o", str(svg), "--slide", "2"]) == 0
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_render_stdin_to_folder(tmp_path, capsys, monkeypatch):
    thread = "The first post of a piped thread.\n\nThe second post, also piped in."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(thread.encode())))
    target = tmp_path / "folder"
    assert main(["render", "-", "-o", str(target)]) == 0
    assert sorted(p.name for p in target.iterdir()) == ["01.png", "02.png", "03.png", "alt-text.txt"]
    assert capsys.readouterr().out.strip().endswith(f"to {target}")


def test_render_empty_stdin_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    assert main(["render", "-", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "empty" in error_line(capsys)


def _archive(path, threads):
    """A minimal X archive: data/tweets.js and data/account.js, one reply chain per thread."""
    tweets = []
    for start, likes, texts in threads:
        for i, text in enumerate(texts):
            t = {"id_str": str(start + i), "id": str(start + i), "full_text": text, "favorite_count": str(likes),
                 "retweet_count": "0", "created_at": "Wed May 29 15:12:04 +0000 2024",
                 "display_text_range": ["0", str(len(text))], "entities": {"urls": [], "hashtags": [],
                                                                           "user_mentions": []}}
            if i:
                t.update(in_reply_to_status_id_str=str(start + i - 1), in_reply_to_user_id_str="42",
                         in_reply_to_screen_name="ada")
            tweets.append({"tweet": t})
    account = [{"account": {"accountId": "42", "username": "ada", "accountDisplayName": "Ada"}}]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets))
        archive.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(account))
    return path


def test_render_archive_top_thread_or_the_one_asked_for(tmp_path, capsys):
    source = _archive(tmp_path / "archive.zip", [
        (100, 50, ["Popular hook about carousels people swipe", "Popular second post, with enough words."]),
        (200, 5, ["Quiet hook about typography for slides", "Quiet second post, about fonts and sizes."])])
    assert main(["render", str(source), "-o", str(tmp_path / "top.pdf")]) == 0
    assert "Popular" in PdfReader(tmp_path / "top.pdf").pages[0].extract_text()
    assert main(["render", str(source), "-o", str(tmp_path / "quiet.pdf"), "--thread", "200"]) == 0
    assert "Quiet" in PdfReader(tmp_path / "quiet.pdf").pages[0].extract_text()
    capsys.readouterr()
    assert main(["render", str(source), "-o", str(tmp_path / "none.pdf"), "--thread", "999"]) == 2
    assert "999" in error_line(capsys)


def test_render_carousel_json(tmp_path, capsys):
    from studio.project_file import carousel_to_json
    from studio.post import Post, Thread
    from studio.structure import carousel_from_thread
    carousel = carousel_from_thread(Thread("t", [Post("1", "Saved project hook"), Post("2", "Body")]))
    source = tmp_path / "project.json"
    source.write_text(carousel_to_json(carousel), encoding="utf-8")
    target = tmp_path / "project.pdf"
    assert main(["render", str(source), "-o", str(target), "--theme", "mono"]) == 0
    assert "Saved project hook" in PdfReader(target).pages[0].extract_text()


@pytest.mark.parametrize("args, words", [
    (["missing.txt"], ["not found"]),
    (["--theme", "neon"], ["unknown theme 'neon'", "paper", "midnight"]),
    (["--format", "a4"], ["unknown format", "linkedin-portrait", "instagram-story"]),
    (["--layout", "grid"], ["unknown layout", "post-card"]),
    (["--pattern", "stars"], ["unknown pattern", "dots"]),
    (["--cta", "4"], ["--cta must be one of 1, 2, 3"]),
    (["--title-size", "big"], ["--title-size must be a number"]),
    (["--body-size", "200"], ["--body-size must be between 10 and 48"]),
    (["--scale", "5"], ["--scale must be one of 1, 2, 3"]),
    (["--image-format", "gif"], ["png or jpeg"]),
])
def test_bad_options_exit_2_with_one_line(tmp_path, capsys, args, words):
    assert main(["render", *args, "-o", str(tmp_path / "x.pdf")]) == 2
    line = error_line(capsys)
    for word in words:
        assert word in line
    assert list(tmp_path.iterdir()) == []


def test_bad_inputs_and_outputs_exit_2(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"schema": 1, "carousel": {"theme": 3}}), encoding="utf-8")
    cases = [
        ([str(empty), "-o", str(tmp_path / "a.pdf")], "empty"),
        ([str(broken), "-o", str(tmp_path / "b.pdf")], "theme"),
        (["-o", str(tmp_path / "no" / "such" / "c.pdf")], "does not exist"),
        (["-o", str(tmp_path / "c.docx")], "cannot write .docx"),
        (["-o", str(tmp_path / "d.png"), "--slide", "99"], "--slide must be"),
    ]
    for args, word in cases:
        assert main(["render", *args]) == 2, args
        assert word in error_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json", "empty.txt"]


def test_themes_lists_every_theme_and_draws_a_sheet(tmp_path, capsys):
    from studio.theme import THEMES
    sheet = tmp_path / "themes.png"
    assert main(["themes", "--sheet", str(sheet)]) == 0
    out = capsys.readouterr().out
    for key, theme in THEMES.items():
        assert key in out and theme.title_font in out
    image = Image.open(sheet)
    assert image.mode == "RGB" and image.width > 1000
    # one thumbnail per theme: their top-left pixels show (nearly) every theme's background
    corners = {image.getpixel((28 + 2 + (i % 4) * 388, 28 + 2 + (i // 4) * (450 + 58 + 28))) for i in range(len(THEMES))}
    assert len(corners) >= len(THEMES) - 2


def test_themes_sheet_must_be_png(tmp_path, capsys):
    assert main(["themes", "--sheet", str(tmp_path / "sheet.jpg")]) == 2
    assert ".png" in error_line(capsys)


def test_carousel_file_with_an_unreadable_photo_exits_2(tmp_path, capsys):
    from studio.project_file import carousel_to_json
    from studio.image import Image as StudioImage
    from studio.post import Post, Thread
    from studio.structure import carousel_from_thread
    carousel = carousel_from_thread(Thread("t", [Post("1", "A hook for the broken photo"), Post("2", "With a photo")]))
    carousel.slides[1].image = StudioImage(b"\xff\xd8\xff\xe0 not a photo", "image/jpeg", 800, 600)
    carousel.slides[1].layout = "image-focus"
    source = tmp_path / "broken.json"
    source.write_text(carousel_to_json(carousel), encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "out.pdf")]) == 2
    assert "image" in error_line(capsys)
    assert not (tmp_path / "out.pdf").exists()


def test_layout_option_decides_where_photos_go(sample_archive):
    from studio.cli.render import load_carousel
    archive = sample_archive
    default = load_carousel(str(archive), None, {})
    with_photos = [s for s in default.slides if s.image is not None]
    assert with_photos and all(s.layout == "image-focus" for s in with_photos)  # never hidden by a text layout
    cards = load_carousel(str(archive), None, {"layout": "post-card"})
    assert cards.layout == "post-card"
    assert [s.image for s in cards.slides] == [s.image for s in default.slides]
    # post cards show their photo themselves; only a post's extra photos get slides of their own
    assert all(s.layout is None for s in cards.slides if s.body or s.title)
