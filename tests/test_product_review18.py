"""What the session-18 review found in the product work, each drawn wrong before (tests fail on the old code)."""
from __future__ import annotations

from render_helpers import carousel_of, runs
from studio import render


def _markers(body: str) -> list[str]:
    c = carousel_of(["Hook.", body], layout="list", format="linkedin-portrait")
    counts = render.pages_per_slide(c)
    return [r.text for svg in render.render_slides(c)[counts[0]:counts[0] + counts[1]] for r in runs(svg)
            if r.role == "marker"]


def test_a_countdown_list_draws_the_creators_own_numbers():
    # "5. … 1." was counted up from its first number: 05 06 07 08 09 ("1. Rest" read "09", never written)
    assert _markers("Top 5:\n5. Ship\n4. Write docs\n3. Delete code\n2. Test\n1. Rest") == ["05", "04", "03", "02", "01"]


def test_a_list_with_gaps_keeps_its_gaps():
    # "1. 3. 7." was renumbered 01 02 03
    assert _markers("Rules:\n1. Ship\n3. Write docs\n7. Delete code") == ["01", "03", "07"]


def test_item_100_of_a_top_100_list_is_a_row_of_its_own():
    # "100." was no list line: it was glued onto item 99
    assert _markers("The end of the top 100:\n98. Ship\n99. Test\n100. Delete code") == ["98", "99", "100"]


def test_rows_without_a_number_are_counted():
    assert _markers("Tools:\n- Figma\n- Notion\n- Linear") == ["01", "02", "03"]
