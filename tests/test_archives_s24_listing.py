"""A listing of a big archive stays bounded: a thread's later posts written in any script are cleaned only when
read, yet the listing says what the full read says (words, title, 🧵 mark)."""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from hypothesis import given, settings, strategies as st

from property_examples import examples
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
