"""Archives built in X's real shapes (tests/archive_shapes_s24.py) read as their creator wrote them, word for word:
no thread lost, split or reordered, no word dropped or added, every link written out."""
from __future__ import annotations

import pytest

from archive_shapes_s24 import build
from studio.sources import read_archive


def _words(text: str) -> list[str]:
    return [w.removeprefix("https://").removeprefix("http://") for w in text.split()]


# 13: a long reply opening with the @name X puts before a reply; 57, 75: an answer to someone gone on under across
# a deleted reply; the others: parts, Mac folders, manifests, numeric ids, edits, notes with links
@pytest.mark.parametrize("seed", [13, 57, 75, 3, 8, 21, 44])
@pytest.mark.parametrize("load_media", [True, False], ids=["import", "listing"])
def test_an_archive_in_a_real_shape_reads_word_for_word(tmp_path, seed, load_media):
    shape = build(seed, tmp_path / "archive.zip")
    result = read_archive(tmp_path / "archive.zip", load_media=load_media)
    got = {t.id: [_words(p.text) for p in t.posts] for t in result.threads}
    want = {first: [_words(text) for text in posts] for first, posts in shape["expected"]}
    assert got == want
    assert not any("cut at 280" in w or "unreadable" in w or "skipped" in w for w in result.warnings), result.warnings
