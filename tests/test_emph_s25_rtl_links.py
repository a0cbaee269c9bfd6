"""A link in a right-to-left line is an isolated left-to-right run (UBA X5c, as X's page sets it): its "…" at its
end, the text after it on its left. Numbers in Arabic and Hebrew lines are ordered as the Unicode Bidirectional
Algorithm orders them (python-bidi's full implementation is the reference)."""
from __future__ import annotations

from bidi import get_display
from hypothesis import given, settings
from hypothesis import strategies as st

from render_helpers import carousel_of, runs
from studio.render import render_slide
from studio.text import prepare, wrap, _visual_order


def _body_lines(text: str) -> list[list]:
    lines: dict[int, list] = {}
    for r in runs(render_slide(carousel_of(["غلاف", text]), 1)):
        if r.role == "body":
            lines.setdefault(round(r.y), []).append(r)
    return [sorted(rs, key=lambda r: r.x) for _, rs in sorted(lines.items())]


def test_a_shortened_link_keeps_its_ellipsis_at_its_end():
    lines = _body_lines("اقرأ المزيد هنا https://example.com/remote-teams-guide")
    last = "".join(r.text for r in lines[-1])
    assert last.endswith("…") and not last.startswith("…"), [[r.text for r in rs] for rs in lines]


def test_text_after_a_link_stays_on_its_left():
    lines = _body_lines("اقرأ المزيد هنا https://example.com/remote-teams-guide (13)")
    last = lines[-1]
    texts = [r.text for r in last]
    link = next(k for k, t in enumerate(texts) if "…" in t)
    note = next(k for k, t in enumerate(texts) if "13" in t)
    assert note < link and texts[link].endswith("…"), texts


def _visual(text: str) -> tuple[str, str]:
    (para,) = prepare(text, False)
    (line,) = wrap((para,), "Inter", 400, 16, 100000)
    shaped = "".join(c.text for c in para.clusters)
    return "".join(t for _, t in _visual_order(line)), get_display(shaped, base_dir="R" if para.rtl else "L")


def test_numbers_in_right_to_left_lines_read_as_unicode_orders_them():
    for text in ["עלייה של 3.5% השנה", "نمو 3.5% سنويا", "המחיר $20 בלבד", "השעה 10:30 בבוקר", "בין 3-5 ימים",
                 "درجة +5 اليوم", "من 3-5 أيام", "עלה ב-3.5% השנה", "שלום 1,234.56 ש״ח"]:
        ours, reference = _visual(text)
        assert ours == reference, text
    assert _visual("עלייה של 3.5% השנה")[0] == "הנשה 3.5% לש היילע"


def test_arabic_digits_in_a_left_to_right_line_are_reordered():
    ours, reference = _visual("١٢٣ ,١٢٣ x")
    assert ours == reference


_ATOMS = st.sampled_from(["نمو", "سنويا", "עולם", "שלום", "ship", "AI", "3.5%", "50%", "$20", "20$", "€5", "+5",
                          "-5", "10:30", "3-5", "1,234.56", "١٢٣", "٪", "%", " ", " ", ".", ",", ":", "x.com",
                          "v2.0", "24/7", "-", "+", "/", "5x", "2024-01-01"])


@settings(max_examples=150)
@given(st.lists(_ATOMS, min_size=1, max_size=9).map("".join))
def test_visual_order_is_unicodes(text):
    if not text.strip():
        return
    ours, reference = _visual(text.strip())
    assert ours == reference
