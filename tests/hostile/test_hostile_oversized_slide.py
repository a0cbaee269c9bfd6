"""One person's oversized slide never breaks the studio for everyone.

A pasted 4,500-word text (under the word cap, over MAX_PAGES_PER_SLIDE pages) made ``render.paginate`` raise, so
every page load was HTTP 500, also after a restart (the project was autosaved). Now such a slide is drawn as one
page saying what is wrong, export refuses naming it, the CLI prints an ``error:`` line; the edit door refuses text
over the word cap and titles, alt texts and names over their caps, keeping the last good text.
A title of one 600 KB word froze the server for minutes: it is drawn as its problem without being laid out, and
cutting a word too long for a line stops at the page's last line.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from studio import limits, render, text
from studio.app.document import Document
from studio.app.edit_history import EditError
from studio.carousel import Carousel
from studio.cli import main
from studio.export import ExportError
from studio.app.exports import export
from studio.project_file import carousel_to_json
from studio.slide import Slide

WORDS = " ".join(f"word{n}" for n in range(400))


@pytest.fixture
def two_pages_per_slide(monkeypatch):
    """A slide may take two pages: a 400-word slide is then over the page cap (cheap to lay out)."""
    monkeypatch.setattr(render, "MAX_PAGES_PER_SLIDE", 2)
    render.clear_cache()
    yield
    render.clear_cache()


def carousel(title: str = "Too long", body: str = WORDS) -> Carousel:
    return Carousel(name="Oversized", slides=[Slide("content", "Fine slide", "A few words."),
                                              Slide("content", title, body), Slide("content", "After", "More.")])


def svg_text(svg: str) -> str:
    return " ".join("".join(node.itertext()) for node in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"))


def test_slide_over_the_page_cap_is_drawn_as_its_problem(two_pages_per_slide):
    c = carousel()
    pages = render.paginate(c)
    assert [p.slide_index for p in pages] == [0, 1, 2]  # one page for the oversized slide; the others drawn
    assert pages[1].layout == render.TOO_LONG
    drawn = " ".join(svg_text(s) for s in render.render_slides(c))
    assert "Too long" in drawn and "split it into shorter slides" in " ".join(drawn.split())
    assert render.slide_problems(c) == [(1, render.PAGES_PROBLEM)]


def test_slide_over_the_word_cap_from_an_old_project_is_drawn_as_its_problem_before_layout(monkeypatch):
    render.clear_cache()
    render.page_count(carousel(body="short"))  # the other slides laid out (and cached)
    c = carousel(body="word " * 400_000)
    monkeypatch.setattr(render, "_lay_out", None)  # the oversized slide is not laid out
    assert render.pages_per_slide(c) == [1, 1, 1]
    monkeypatch.undo()
    assert "This slide has 400,002 words; one slide may hold at most 5,000" in \
        " ".join(svg_text(render.render_slide(c, 1)).split())
    render.clear_cache()


def test_export_and_cli_refuse_naming_the_slide(two_pages_per_slide, tmp_path, capsys):
    c = carousel()
    with pytest.raises(ExportError, match="slide 2 cannot be exported: This slide's text needs more than"):
        export(c, tmp_path / "out.pdf", "pdf")
    with pytest.raises(ExportError, match="slide 2"):
        export(c, tmp_path / "one.png", "slide", page=0)
    assert not list(tmp_path.iterdir())
    project = tmp_path / "p.json"
    project.write_text(carousel_to_json(c), encoding="utf-8")
    assert main(["render", str(project), "-o", str(tmp_path / "o.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: slide 2 cannot be exported") and "Traceback" not in err


def test_title_over_its_cap_is_drawn_as_its_problem_without_layout(monkeypatch):
    render.clear_cache()
    c = carousel(title="a" * (limits.MAX_TITLE_CHARS + 1), body="short")
    laid = render.lay_out_slide(c, 1)
    assert laid.layout_key == render.TOO_LONG and laid.pages == 1
    assert "a title may have at most 2,000" in svg_text(render.draw_slide_page(laid, 0, 2, 3))
    c.slides[1].title = "a" * 600_000  # froze the server for minutes: no layout is tried
    monkeypatch.setattr(render, "_lay_out", None)  # no layout is tried
    render.clear_cache()
    assert render.lay_out_slide(c, 1).layout_key == render.TOO_LONG


def test_over_word_cap_text_is_refused_at_the_edit_door():
    doc = Document(carousel(body="fine"))
    too_many = " ".join(["w"] * (limits.MAX_WORDS_PER_POST + 1))
    with pytest.raises(EditError, match=r"The title and text of slide 2 have 5,003 words together; .* keeps its last good text"):
        doc.set_slide_text(1, body=too_many)
    assert doc.carousel.slides[1].body == "fine"
    with pytest.raises(EditError, match="title of slide 2 has 2,001 characters"):
        doc.set_slide_text(1, title="t" * 2001)
    with pytest.raises(EditError, match="alt text of slide 2"):
        doc.set_slide_alt_text(1, "alt " * 1000)
    with pytest.raises(EditError, match="at most 200 characters"):
        doc.rename("name " * 100)
    assert (doc.carousel.slides[1].title, doc.carousel.slides[1].alt_text, doc.carousel.name) == \
        ("Too long", "", "Oversized")
    doc.set_slide_text(1, title="t" * 2000, body=" ".join(["w"] * (limits.MAX_WORDS_PER_POST - 1)))  # at the caps
    assert doc.carousel.slides[1].title == "t" * 2000
    doc.set_slide_text(2, body=" ".join(["w"] * 10))
    with pytest.raises(EditError, match="The merged slide has 5,011 words"):
        doc.merge_with_next(1)
    assert len(doc.carousel.slides) == 3


def test_an_old_slide_over_the_caps_may_be_shortened_step_by_step():
    doc = Document(carousel(title="t" * 5000, body=" ".join(["w"] * 6000)))
    doc.set_slide_text(1, title="t" * 4999)
    doc.set_slide_text(1, body=" ".join(["w"] * 5999))
    assert (len(doc.carousel.slides[1].title), len(doc.carousel.slides[1].body.split())) == (4999, 5999)
    with pytest.raises(EditError):
        doc.set_slide_text(1, body=" ".join(["w"] * 6000))


def test_cli_refuses_a_name_over_its_cap(tmp_path, capsys):
    c = carousel(body="short")
    c.name = "n" * (limits.MAX_NAME_CHARS + 1)
    project = tmp_path / "p.json"
    project.write_text(carousel_to_json(c), encoding="utf-8")
    assert main(["render", str(project), "-o", str(tmp_path / "o.pdf")]) == 2
    assert "the project name has 201 characters" in capsys.readouterr().err


class CountingClusters(tuple):
    """A paragraph's clusters that count how often one is looked up (the work of cutting a word)."""

    looked_up = 0

    def __getitem__(self, i):
        if isinstance(i, int):
            CountingClusters.looked_up += 1
        return super().__getitem__(i)


def test_cutting_a_long_word_stops_at_the_pages_last_line():
    """A page of one 200 KB word looks at the clusters of its own lines, not the whole word (each page walked it
    all: quadratic in the word's length over its pages)."""
    para = text.prepare("a" * 200_000)[0]
    counted = text.Para(CountingClusters(para.clusters), para.rtl)
    text.wrap_from(counted, 0, "Inter", 400, 20.0, 400.0, max_lines=3)  # the paragraph's one-off measuring
    CountingClusters.looked_up = 0
    lines = text.wrap_from(counted, 1000, "Inter", 400, 20.0, 400.0, max_lines=3)
    assert len(lines) == 3 and lines[0].start == 1000
    assert CountingClusters.looked_up < 2_000


def test_a_project_file_holding_an_oversized_slide_opens(two_pages_per_slide):
    from studio.sources.project import read_project
    loaded = read_project(carousel_to_json(carousel()))
    assert loaded.slides[1].body == WORDS  # kept whole
    assert render.page_count(loaded) == 3


def test_a_long_title_is_cut_with_an_ellipsis_in_few_measurements(monkeypatch):
    """A continuation page names its slide's title on one line, cut with "…": cut word by word, a 2,000-character
    title was measured once per word on every page (7 s for a cover slide)."""
    from studio.layouts import base
    calls = []
    real = base.measure
    monkeypatch.setattr(base, "measure", lambda *a: (calls.append(a), real(*a))[1])
    title = "ab " * 666
    st = base.TextStyle("Inter", 400, 12.0, 1.2, "#000", "#f00")
    cut = base._ellipsize(title, st, 12.0, 200.0)
    assert cut.endswith("…") and title.startswith(cut[:-1]) and real(cut, "Inter", 400, 12.0) <= 200.0
    assert real(" ".join(title.split()[:len(cut[:-1].split()) + 1]) + "…", "Inter", 400, 12.0) > 200.0  # the most
    assert len(calls) < 50


def test_a_post_dropped_on_a_slide_may_not_put_it_over_the_word_cap():
    from studio.post import Post, Thread
    from studio.structure import carousel_from_thread
    half = " ".join(["w"] * 3_000)
    doc = Document(carousel_from_thread(Thread("t", [Post("p1", "Hook"), Post("p2", half), Post("p3", half)])))
    slides = [(s.title, s.body) for s in doc.carousel.slides]
    target = next(i for i, s in enumerate(doc.carousel.slides) if "p2" in s.post_ids)
    with pytest.raises(EditError, match=f"Slide {target + 1} with this post has 6,00"):
        doc.add_post_to_slide("p3", target)
    assert [(s.title, s.body) for s in doc.carousel.slides] == slides
