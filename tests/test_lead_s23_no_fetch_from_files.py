"""A post link is fetched only when the creator gave the link itself: never because a file or stream holds one,
and never when a file on disk has a link-shaped name."""
from __future__ import annotations

import io
import sys

import pytest

from studio.cli import main
from studio.sources import ImportResult, SourceError, load_input


@pytest.fixture
def fetches(monkeypatch):
    calls: list[str] = []

    def fake(url, fetch=None):
        calls.append(url)
        return ImportResult()
    monkeypatch.setattr("studio.sources.fetch_post_link", fake)
    return calls


def test_a_file_holding_only_a_post_link_is_refused_with_what_to_do(tmp_path, fetches):
    file = tmp_path / "mythread.txt"
    file.write_text("https://x.com/jack/status/20\n")
    with pytest.raises(SourceError, match=r"mythread\.txt holds only a post link.*give the link itself"):
        load_input(file)
    assert fetches == []


def test_stdin_holding_only_a_post_link_is_not_fetched(monkeypatch, fetches):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"https://x.com/jack/status/20\n")))
    with pytest.raises(SourceError, match="holds only a post link"):
        load_input("-")
    assert fetches == []


def test_a_file_whose_path_reads_like_a_link_is_read_from_disk(tmp_path, monkeypatch, fetches):
    monkeypatch.chdir(tmp_path)
    post = tmp_path / "x.com" / "jack" / "status" / "20"
    post.parent.mkdir(parents=True)
    post.write_text("A post written on disk, not fetched.")
    result = load_input("x.com/jack/status/20")
    assert fetches == []
    assert result.threads[0].posts[0].text == "A post written on disk, not fetched."


def test_the_cli_says_so_and_fetches_nothing(tmp_path, fetches, capsys):
    file = tmp_path / "mythread.txt"
    file.write_text("https://x.com/jack/status/20")
    assert main(["threads", str(file)]) == 2
    assert "holds only a post link" in capsys.readouterr().err
    assert fetches == []


def test_a_link_given_itself_is_still_fetched(fetches):
    load_input("https://x.com/jane/status/456")
    assert fetches == ["https://x.com/jane/status/456"]
