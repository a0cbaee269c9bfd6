"""`carousel-studio threads`: the table, --json, and one-line errors with exit code 2."""
from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from studio.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["threads", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_for_the_sample_archive(capsys, sample_archive):
    code, out, err = run(capsys, sample_archive, "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)
    top = doc["threads"][0]
    assert set(top) == {"id", "title", "incomplete", "likes", "reposts", "author", "posts"}
    assert top["id"] == "1795455785472424065" and top["likes"] == 412 and top["reposts"] == 88
    assert top["author"] == {"name": "Jane Builds", "handle": "jane_builds"}
    assert top["incomplete"] is False
    assert [set(p) for p in top["posts"]] == [{"id", "text", "images", "url"}] * 6
    assert top["posts"][3]["images"] == ["1795455794897202024-B00501BDDCD0528.jpg",
                                         "1795455794897202024-3AA22AC1B83A88B.jpg"]
    assert [t["id"] for t in doc["threads"]] == ["1795455785472424065", "1795455810605165289"]


def test_table_for_the_sample_archive(capsys, sample_archive):
    code, out, _ = run(capsys, sample_archive)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["LIKES+REPOSTS", "DATE", "POSTS", "ID", "FIRST", "LINE"]
    assert lines[1].split()[:4] == ["500", "2024-05-28", "6", "1795455785472424065"]
    assert lines[1].endswith("How we cut CI from 40 to 8 minutes")
    assert lines[2].split()[:3] == ["57", "2024-05-28", "3"] and lines[2].endswith("…")


def test_pasted_text_file_and_stdin(capsys, monkeypatch, pasted_thread):
    code, out, _ = run(capsys, pasted_thread, "--json")
    (thread,) = json.loads(out)["threads"]
    assert code == 0 and len(thread["posts"]) == 7 and thread["likes"] is None
    assert thread["posts"][0]["id"] == "p1" and thread["posts"][0]["images"] == []
    text = (FIXTURES / "copied-thread-page.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, err = run(capsys, "-", "--json")
    (thread,) = json.loads(out)["threads"]
    assert thread["author"] == {"name": "Ana Ships", "handle": "ana_ships"}
    assert "warning: skipped posts by other accounts on the page: @sam_reads" in err


def test_carousel_file_lists_its_thread(capsys, tmp_path):
    from studio.carousel import Carousel
    from studio.project_file import carousel_to_json
    from studio.post import Post, Thread
    path = tmp_path / "c.json"
    path.write_text(carousel_to_json(Carousel(thread=Thread(id="t", title="T", posts=[Post(id="p1", text="T")]))))
    code, out, _ = run(capsys, path, "--json")
    assert code == 0 and json.loads(out)["threads"][0]["id"] == "t"
    path.write_text(carousel_to_json(Carousel()))
    code, _, err = run(capsys, path)
    assert code == 2 and "without a source thread" in err


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    data = bytearray(path.read_bytes())
    at = data.index(b"PK\x01\x02")
    data[at + 24:at + 28] = (600 * 2**20).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize("make,message", [
    (lambda p: p.with_suffix(".zip").write_bytes(b"hello") and p.with_suffix(".zip"), "not a zip file"),
    (lambda p: p.with_suffix(".txt").write_bytes(b"") is not None and p.with_suffix(".txt"), "empty"),
    (lambda p: p.with_suffix(".txt").write_bytes(b"caf\xe9 ok") and p.with_suffix(".txt"), "not UTF-8 text"),
    (lambda p: _zip_bomb(p.with_suffix(".zip")), "would inflate to 600 MB"),
    (lambda p: p.with_suffix(".json").write_text("{broken") and p.with_suffix(".json"), "not a carousel file"),
    (lambda p: p / "missing.txt", "file not found"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, tmp_path, make, message):
    path = make(tmp_path / "input")
    code, out, err = run(capsys, path)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err and err.count("\n") == 1
