"""Session 22, round 3: only an unmistakable table or drawing is drawn in monospace; ordinary text with two spaces
between words, a box-drawing character in a sentence, and list lines stay prose; a table's "-" cell stays "-"."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.text import aligned_table, drawing_lines

SCHEDULE = ("My schedule:\n"
            "Mon:  Deep work on the product roadmap until lunch, then calls with customers\n"
            "Tue:  Writing day: one long essay for the newsletter and three threads\n"
            "Wed:  Hiring interviews, then a long walk without my phone")


def _families(svg: str) -> set[str]:
    return {t.get("font-family") or "" for t in parse(svg).iter(NS + "tspan") if (t.text or "").strip()}


def test_a_schedule_with_two_spaces_after_the_day_is_prose():
    assert not any(drawing_lines(SCHEDULE.split("\n")))
    svg = render.render_slides(carousel_of(["Intro", SCHEDULE], layout="headline-body",
                                           format="linkedin-portrait"))[1]
    assert not any("Mono" in f for f in _families(svg))


def test_one_box_drawing_character_in_a_sentence_is_prose():
    assert not any(drawing_lines(["Progress so far ▓▓▓░░ 60% done", "More soon."]))
    assert not any(drawing_lines(["(╯°□°)╯︵ ┻━┻ when the build fails"]))


def test_list_lines_with_two_spaces_after_the_marker_are_no_drawing():
    assert not any(drawing_lines(["1.  Ship the thing", "2.  Learn from it", "3.  Repeat it weekly"]))
    assert not any(drawing_lines(["✅  Shipped  today", "✅  Tested  today", "✅  Released  today"]))
    assert not any(drawing_lines(["#buildinpublic  #startups  #saas", "#growth  #marketing  #seo",
                                  "#ai  #tools  #dev"]))


def test_unmistakable_tables_and_drawings_still_are():
    assert all(drawing_lines(["| Plan | Price |", "|---|---|", "| Free | - |"]))
    assert all(drawing_lines(["+------+", "|  db  |", "+------+"]))
    assert all(drawing_lines(["Free    $0    1", "Pro     $12   5", "Team    $49   9"]))


def test_a_dash_cell_is_kept_as_written():
    out = aligned_table(["| Plan | Support |", "|---|---|", "| Free | - |", "| Pro | email and chat |"])
    assert [c.strip() for c in out[2].strip()[1:-1].split("|")] == ["Free", "-"]
    assert out[1].replace("|", "").split() == ["----", "-" * len("email and chat")]  # the separator row grows


_cell = st.one_of(st.sampled_from(["-", "--", ":-", "-:", ":--:", "---"]),
                  st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="|\n"),
                          max_size=6))


@given(st.lists(st.lists(_cell, min_size=2, max_size=2), min_size=3, max_size=5))
def test_property_every_cell_but_the_separator_rows_is_kept_as_written(rows):
    rows = [rows[0], ["---", ":-:"], *rows[1:]]
    out = aligned_table(["| " + " | ".join(r) + " |" for r in rows])
    cells = [[c.strip() for c in line.strip()[1:-1].split("|")] for line in out]
    assert [c for n, c in enumerate(cells) if n != 1] == [[c.strip() for c in r] for n, r in enumerate(rows) if n != 1]


def _drawn(post: str, layout: str, fmt: str) -> list[tuple]:
    svg = render.render_slides(carousel_of(["Intro", post, "ok"], layout=layout, format=fmt))[1]
    return [(r.role, r.text, round(r.x), round(r.size)) for r in runs(svg)]


@pytest.mark.parametrize("layout", ["list", "headline-body", "post-card", "split"])
@pytest.mark.parametrize("fmt", ["instagram-square", "linkedin-portrait"])
def test_a_list_with_two_spaces_after_its_markers_is_drawn_as_with_one(layout, fmt):
    for marker in ("1.", "2.", "3."), ("✅", "✅", "✅"), ("-", "-", "-"):
        rows = [f"{m}  {w}" for m, w in zip(marker, ("Write every morning", "Edit every evening", "Publish on Friday"))]
        two = _drawn("My rules:\n" + "\n".join(rows), layout, fmt)
        one = _drawn("My rules:\n" + "\n".join(r.replace("  ", " ", 1) for r in rows), layout, fmt)
        assert two == one


def test_a_post_opening_with_a_drawing_has_no_headline_cut_out_of_it():
    from studio.reading import headline_and_body
    art = "| client | ---> | db |\n+--------+------+----+\n| web    | ---> | kv |\nThat is it."
    assert headline_and_body(art) == ("", art)
