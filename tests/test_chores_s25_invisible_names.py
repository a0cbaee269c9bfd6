"""A project name is refused when it draws nothing: every character a space or blank, a default-ignorable code
point (Unicode's list, assigned or not), a control or format character, or a combining mark with no base. A mark
on a space draws (" \\u20dd" is a circle). Session 25: U+180E, U+1D159 and 3,737 unassigned default-ignorables
(U+E0080, U+FFF0…) were accepted, and " \\u20dd" refused."""
import sys

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from studio.app.edit_history import EditError, refuse_name
from studio.app.sample import sample_carousel
from studio.store import Store, StoreError
from studio.store.projects import shows_nothing

_EVERY = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
DEFAULT_IGNORABLE = regex.findall(r"\p{Default_Ignorable_Code_Point}", _EVERY)
BLANKS = [" ", "\u00a0", "\u3000", "\u2003", "\u2800", "\U0001D159", "\t", "\n", "\u2028", "\u0085"]
FORMAT = ["\u00ad", "\u200b", "\u2062", "\ufeff", "\ufff9", "\U00013430", "\U000E0001"]
LONE_MARKS = ["\u0301", "\u20dd", "\u0e31", "\u20e3"]  # with nothing to sit on
SEEN = ["a", "é", "日", "😀", "\U0001F3FB", "\u0600", "\U000110BD", "\u0903", "\ufffc", "7"]


def _refused_everywhere(store, pid, name):
    with pytest.raises(EditError, match="character you can see"):
        refuse_name(name)
    with pytest.raises(StoreError, match="character you can see"):
        store.projects.rename(pid, name)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("invisible"))
    return store, store.projects.save(sample_carousel())


def test_the_sweep_holds_unassigned_default_ignorables_too():
    assert len(DEFAULT_IGNORABLE) > 4000 and "\U000E0080" in DEFAULT_IGNORABLE and "\ufff0" in DEFAULT_IGNORABLE


@given(st.lists(st.sampled_from(DEFAULT_IGNORABLE), min_size=1, max_size=4),
       st.lists(st.sampled_from(BLANKS + FORMAT), max_size=3))
@example(["\u180e"], []).via("U+180E Mongolian vowel separator")
@example(["\U000E0080"], []).via("an unassigned tag")
@example(["\ufff0"], []).via("an unassigned specials code point")
@example(["\u180e", "\u180e", "\u180e"], ["\u200b"])
def test_a_name_of_default_ignorables_blanks_and_format_characters_is_refused(saved, ignorables, others):
    name = "".join(ignorables + others)
    assert shows_nothing(name), ascii(name)
    _refused_everywhere(*saved, name)


@given(st.lists(st.sampled_from(DEFAULT_IGNORABLE + FORMAT + ["\t", "\n"]), max_size=3),
       st.sampled_from(LONE_MARKS))
def test_a_combining_mark_with_nothing_to_sit_on_draws_nothing(saved, invisible, mark):
    name = mark + "".join(invisible)
    assert shows_nothing(name), ascii(name)


def test_the_blank_null_notehead_alone_is_refused(saved):
    assert shows_nothing("\U0001D159") and shows_nothing(" \U0001D159 ")
    _refused_everywhere(*saved, "\U0001D159")


@given(st.lists(st.sampled_from(DEFAULT_IGNORABLE + BLANKS + FORMAT), max_size=4), st.sampled_from(SEEN),
       st.integers(0, 4))
def test_one_character_that_draws_makes_a_name(invisible, seen, at):
    name = "".join(invisible[:at]) + seen + "".join(invisible[at:])
    assert not shows_nothing(name), ascii(name)


@pytest.mark.parametrize("name", [" \u20dd", "\u3000\u20dd", "\u00a0\u0301"])
def test_a_mark_on_a_space_draws_and_names_a_project(tmp_path, name):
    assert not shows_nothing(name) and not shows_nothing(" \u200d\u20dd")
    refuse_name(name)
    store = Store(tmp_path)
    pid = store.projects.save(sample_carousel())
    store.projects.rename(pid, "  " + name + " ")  # the spaces around go; the one its mark sits on stays
    assert store.projects.load(pid).name == name


def test_a_mark_after_a_tab_has_no_space_to_sit_on(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(sample_carousel())
    store.projects.rename(pid, "\t\u0301x ")
    assert store.projects.load(pid).name == "\u0301x"
