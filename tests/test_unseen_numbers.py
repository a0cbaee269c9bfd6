"""A post whose last line is a number of the author's ("The answer:" / "42") keeps it, wherever a copied page
shows that the number cannot be one of X's counts: X shows at most four (replies, reposts, likes, views, the
views never fewer than any other), and only where the copy shows counts at all."""
from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from studio.sources import parse_paste

MAIN = ["Dana Kim", "@danakim_dev", "Quiz time 🧵", "10:04 AM · May 28, 2024", "·", "12K", "Views"]


def reply(text: str, counts: list[str]) -> list[str]:
    return ["Dana Kim", "@danakim_dev", "·", "May 28", text, *counts]


def posts(lines: list[str]) -> list[str]:
    return [p.text for p in parse_paste("\n".join(lines)).threads[0].posts]


def test_a_lone_number_above_a_full_count_group_stays():
    got = posts(MAIN + reply("What is 6 × 7? The answer:\n42", ["3", "12", "1.1K", "5K"]) +
                reply("Next question tomorrow.", ["1", "9", "2K"]))
    assert got[1:] == ["What is 6 × 7? The answer:\n42", "Next question tomorrow."]


def test_a_number_larger_than_the_views_under_it_stays():
    got = posts(MAIN + reply("Guests this year:\n1,200", ["8", "2", "640"]) + reply("See you there.", ["4"]))
    assert got[1:] == ["Guests this year:\n1,200", "See you there."]


def test_a_lone_number_in_a_copy_that_shows_no_counts_stays():
    lines = ["Dana Kim", "@danakim_dev", "Quiz time 🧵", "10:04 AM · May 28, 2024",
             *reply("The answer:\n42", []), *reply("Thanks for playing along.", [])]
    assert posts(lines)[1:] == ["The answer:\n42", "Thanks for playing along."]


def test_x_counts_under_a_post_still_go():
    got = posts(MAIN + reply("Ship it on Fridays.", ["3", "12", "1.1K", "5K"]) + reply("Or not.", ["2"]))
    assert got[1:] == ["Ship it on Fridays.", "Or not."]


def shown(n: int) -> str:
    """A count as X shows it: 999, 1.2K, 12K, 1.5M."""
    if n < 1000:
        return str(n)
    if n < 1_000_000:
        return f"{n / 1000:.1f}K".replace(".0K", "K") if n < 10_000 else f"{n // 1000}K"
    return f"{n / 1_000_000:.1f}M".replace(".0M", "M")


def value(count: str) -> float:
    scale = {"K": 1e3, "M": 1e6}.get(count[-1], 1)
    return float(count.rstrip("KM")) * scale


@given(st.lists(st.integers(0, 99_999), max_size=3), st.integers(1, 3_000_000),
       st.lists(st.booleans(), min_size=3, max_size=3), st.data())
def test_property_x_counts_never_join_a_post_and_the_authors_numbers_arrive_where_they_can(mine, views, has, data):
    others = [data.draw(st.integers(1, views)) for present in has if present]  # replies, reposts, likes
    group = [shown(n) for n in others] + [shown(views)]
    run = [*mine, *others, views]
    assume(len(run) < 3 or run[-1] > 1 or any(a != b + 1 for a, b in zip(run, run[1:])))  # a countdown: the author's
    text = "\n".join(["The numbers:"] + [f"{n:,}" for n in mine])
    got = posts(MAIN + reply(text, group) + reply("That is the whole list for today.", ["7", "1.2K"]))
    lines = got[1].split("\n")
    assert lines[0] == "The numbers:"
    kept = lines[1:]
    assert kept == [f"{n:,}" for n in mine][:len(kept)]  # only the author's, in order: never one of X's counts
    at_least = max(0, len(mine) + len(group) - 4)
    while at_least < len(mine) and mine[at_least] > value(group[-1]):
        at_least += 1
    assert len(kept) >= at_least
    assert got[2] == "That is the whole list for today."


def test_a_date_opening_the_first_post_stays():
    got = posts(["Dana Kim", "@danakim_dev", "May 28", "Launch day. Here is what we shipped 🧵",
                 "10:04 AM · May 28, 2024", "·", "12K", "Views", *reply("First: the new editor.", ["3", "1.2K"])])
    assert got == ["May 28\nLaunch day. Here is what we shipped", "First: the new editor."]
