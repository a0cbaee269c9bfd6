"""A listing of a big archive stays bounded: a thread's later posts written in any script are cleaned only when
read, yet the listing says what the full read says (words, title, 🧵 mark)."""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from property_examples import examples
from studio.limits import MAX_BODY_CHARS, MAX_WORDS_PER_POST
from studio.sources import read_archive
from studio.sources.archive import _cannot_hold_emoji
from studio.sources.cleanup import clean_text
from test_archive_deferred import _archive

THREAD = "\U0001f9f5"
PAGES = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso-8859-2", "iso-8859-7",
         "mac-roman", "cp437")


def _misread(text: str, page: str) -> str:
    return text.encode("utf-8").decode(page, "replace")


# 🧵 misread once or twice in each code page the clean-up repairs, and the pieces around it
MOJIBAKE = sorted({_misread(THREAD, a) for a in PAGES} | {_misread(_misread(THREAD, a), b) for a in PAGES
                                                           for b in ("latin-1", "cp1252", "cp1251", "mac-roman")})
PIECES = st.sampled_from(MOJIBAKE + [THREAD, " ", "\x00", "\n", "—", "café", "Привет", "שלום", "日本語", "’", "\xa0",
                                     "\ud83e", "\uddf5", "ð", "Ÿ", "§µ", "a"])


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=8).map("".join))
def test_a_text_said_to_hold_no_thread_emoji_never_gains_one_in_the_clean_up(raw):
    if _cannot_hold_emoji(raw):
        assert THREAD not in clean_text(raw, html_markup=False)


def test_every_misread_thread_emoji_the_clean_up_repairs_is_seen():
    for text in MOJIBAKE:
        for raw in (text, f"x {text} y", f"{text}\n", text.replace(text[1:2], text[1:2] + "\x00", 1)):
            if THREAD in clean_text(raw, html_markup=False):
                assert not _cannot_hold_emoji(raw), repr(raw)


def test_later_posts_in_any_script_wait_to_be_cleaned_and_read_as_the_full_read_does():
    words = ["Notes from the road", "Café: “naïve” ideas’ end", "مرحبا بالعالم 🚀", "日本語のテキスト", "नमस्ते दुनिया 안녕"]
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", words, False)
        listed = read_archive(path, load_media=False).threads[0]
        assert ["text" in vars(p) for p in listed.posts] == [True, False, False, False, False]
        full = read_archive(path).threads[0]
        assert [dataclasses.astuple(p) for p in listed.posts] == [dataclasses.astuple(p) for p in full.posts]
        assert (listed.title, listed.marked_as_thread) == (full.title, full.marked_as_thread) == (words[0], False)


def test_a_later_post_holding_a_misread_thread_emoji_marks_the_listed_thread():
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", ["Opening words", "café", "Part two ðŸ§µ", "end"], False)
        listed, full = read_archive(path, load_media=False).threads[0], read_archive(path).threads[0]
        assert listed.marked_as_thread and full.marked_as_thread
        assert [p.text for p in listed.posts] == [p.text for p in full.posts]


def _read_both(words: list[str]) -> tuple:
    with tempfile.TemporaryDirectory() as tmp:
        path = _archive(Path(tmp) / "a.zip", words, False)
        listing, chosen = read_archive(path, load_media=False), read_archive(path, thread_id="1600000000000000000")
        return listing, chosen, read_archive(path)


@pytest.mark.parametrize("word", ["hello", "Привет", "שלום", "日本語", "café", "a\u0344"])
def test_a_later_post_over_a_slides_caps_is_cut_and_noted_in_the_listing_as_in_the_import(word):
    listing, chosen, full = _read_both(["Opening post", (word + " ") * 9000, "end"])
    for result in (listing, full):
        texts = [p.text for p in result.threads[0].posts]
        assert texts == [p.text for p in chosen.threads[0].posts]
        assert len(texts[1]) <= MAX_BODY_CHARS and len(texts[1].split()) <= MAX_WORDS_PER_POST
        assert [w for w in result.warnings if "is cut after" in w] == [w for w in chosen.warnings if "is cut after" in w]
    [note] = [w for w in listing.warnings if "is cut after" in w]
    assert note.startswith("post 2 (1600000000000000001) has ")


WORDS = st.sampled_from(["hello ", "שלום ", "日本語 ", "café ", "’", "\xa0", "a\u0344 ", "Привет ", "&amp; ", "x"])


@settings(max_examples=examples(25), deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=4).map("".join), st.one_of(st.integers(1, 50), st.integers(5_000, 12_000)))
def test_a_listing_reads_any_later_post_as_a_chosen_thread_does(piece, times):
    listing, chosen, _ = _read_both(["Opening post", piece * times])
    assert [p.text for p in listing.threads[0].posts] == [p.text for p in chosen.threads[0].posts]
    assert [w for w in listing.warnings if "is cut after" in w] == [w for w in chosen.warnings if "is cut after" in w]
