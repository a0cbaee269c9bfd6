"""No-break spaces the author typed (U+00A0, U+202F as French writes "10 000 €" and "Prix :", U+2007) keep the
words on either side on one line; plain spaces still break; every word arrives."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from render_helpers import carousel_of, runs
from studio import text
from studio.export.pages import page_svgs

NBSP, NNBSP, FIGURE = "\u00a0", "\u202f", "\u2007"
POST = (f"Le prix{NNBSP}: 10{NNBSP}000{NNBSP}€ par an{NNBSP}! We ran 100{NBSP}km in 20{NBSP}h, with "
        f"1{FIGURE}234 steps a minute and Mr.{NBSP}Smith at our side, every single day of the week.")
BOUND = [("prix", ":"), ("10", "000"), ("000", "€"), ("an", "!"), ("100", "km"), ("20", "h"), ("1", "234"),
         ("Mr.", "Smith")]


def line_texts(width: float, size: float = 20.0) -> list[str]:
    para = text.prepare(POST)[0]
    return [line.text for line in text.wrap_from(para, 0, "Inter", 400, size, width)]


@given(st.floats(160, 520), st.sampled_from([14.0, 18.0, 26.0]))
def test_property_no_line_breaks_at_a_no_break_space(width, size):
    """(At widths where each bound group fits a line: a group wider than the line breaks like any long word.)"""
    lines = line_texts(width, size)
    for a, b in zip(lines, lines[1:]):
        for left, right in BOUND:
            assert not (a.endswith(left) and b.startswith(right)), (a, b)
    assert "".join(lines).replace(" ", "") == text.prepare(POST)[0].text.replace(" ", "")  # nothing lost


def test_a_plain_space_still_breaks_where_a_no_break_one_does_not():
    para = text.prepare("aaaa 10 000 bbbb")[0]
    plain = [line.text for line in text.wrap_from(para, 0, "Inter", 400, 20.0, 80.0)]
    bound = [line.text for line in text.wrap_from(text.prepare(f"aaaa 10{NNBSP}000 bbbb")[0], 0, "Inter", 400,
                                                  20.0, 80.0)]
    assert plain == ["aaaa 10", "000", "bbbb"]  # the two halves of the number on separate lines
    assert bound == ["aaaa", f"10{NNBSP}000", "bbbb"]


def test_the_slide_draws_the_bound_words_on_one_line():
    carousel = carousel_of(["Hook", POST], format="instagram-square")
    drawn = [r for r in runs(page_svgs(carousel, 1)[1]) if r.role in ("body", "title")]
    lines: dict[float, str] = {}
    for r in drawn:
        lines[r.y] = lines.get(r.y, "") + r.text
    squeezed = ["".join(line.split()) for line in lines.values()]  # (a space drawn in a face of its own is no run)
    for left, right in BOUND:
        assert any(left + right in line for line in squeezed), (left, right, squeezed)


def test_a_no_break_space_a_face_lacks_does_not_change_the_face_of_what_follows():
    """Fraunces has no U+202F: the space comes from another face, the digits and "!" after it stay in Fraunces,
    as after a plain space (they were drawn in Inter)."""
    from studio import fonts
    for family in fonts.FAMILIES:
        bound = text.prepare(f"Le prix{NNBSP}: 10{NNBSP}000{NNBSP}€ par an{NNBSP}! 100{NBSP}km")[0]
        plain = text.prepare("Le prix : 10 000 € par an ! 100 km")[0]
        faces = [f for c, f in zip(bound.clusters, text.assign_fonts(bound, family)) if not c.text.isspace()]
        assert faces == [f for c, f in zip(plain.clusters, text.assign_fonts(plain, family)) if not c.text.isspace()]
