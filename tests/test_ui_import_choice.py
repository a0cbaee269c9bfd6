"""One thread, one project, in the studio: importing into a project with slides asks once, "New project"
being the default; the new project is laid out, named after the hook and credited to the thread's author
(or the chosen profile); the first project is kept as it was."""
from __future__ import annotations

from studio.brand import BrandProfile
from background import running
from ui_helpers import click, until

BAKERY = ("How we took our bakery from one oven to three shops in four years, without outside money 🥐\n\n"
          "1) Start with one thing people queue for. Ours was a sourdough loaf.\n\n"
          "2) Write down every cost: flour, power, rent, our own hours.\n\n"
          "That is the plan. Follow me for the next part: the third shop.")


async def first_project(studio, testid):
    """The sample edited by hand: a project with slides of its own, saved."""
    doc = studio.shared.document
    doc.set_brand(name="Client A", handle="clienta", accent="#112233")
    doc.set_slide_text(1, body="My own words on slide two.")
    studio.shared.autosaver.flush()
    return doc.project_id, [s.body for s in doc.carousel.slides]


async def paste(studio, testid, text):
    testid(studio, "source-input")[0].value = text
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: testid(studio, "import-ask-new"))


async def test_a_second_thread_becomes_a_new_project_by_default(studio, testid):
    first_id, first_bodies = await first_project(studio, testid)
    await paste(studio, testid, BAKERY)
    new = testid(studio, "import-ask-new")[0]
    assert "autofocus" in new.props and "unelevated" in new.props  # the default answer
    click(studio, new)
    doc = studio.shared.document
    await until(lambda: doc.project_id not in (None, first_id))
    carousel = doc.carousel
    assert carousel.name == "How we took our bakery from one oven to three shops in…"
    assert testid(studio, "project-name")[0].value == carousel.name
    assert (carousel.brand.name, carousel.brand.handle, carousel.brand.accent) == ("", "", "")  # pasted: no author
    assert carousel.cta.subline == "Follow for more."  # the author's ask stays on its slide, not repeated
    assert carousel.slides[-2].body.endswith("Follow me for the next part: the third shop.")
    assert [s.kind for s in carousel.slides] == ["cover", "content", "content", "content", "outro"]
    assert "sourdough" in carousel.slides[1].body
    assert len(testid(studio, "post-card")) == 4
    # the first project is kept as it was, with its own brand
    kept = studio.shared.store.projects.load(first_id)
    assert [s.body for s in kept.slides] == first_bodies and kept.brand.name == "Client A"
    assert {p.id for p in studio.shared.store.projects.all()} >= {first_id, doc.project_id}


async def test_the_new_project_can_wear_a_chosen_profile(studio, testid):
    await first_project(studio, testid)
    crumb = studio.shared.store.profiles.save(BrandProfile(name="Crumb & Co", handle="crumbco"))
    await paste(studio, testid, BAKERY)
    testid(studio, "import-brand")[0].value = crumb
    click(studio, testid(studio, "import-ask-new")[0])
    await until(lambda: studio.shared.document.carousel.brand.name == "Crumb & Co")
    assert studio.shared.document.carousel.brand.handle == "crumbco"


async def test_add_these_posts_keeps_the_slides_and_the_look(studio, testid):
    first_id, first_bodies = await first_project(studio, testid)
    doc = studio.shared.document
    posts = len(doc.carousel.thread.posts)
    await paste(studio, testid, BAKERY)
    click(studio, testid(studio, "import-ask-add")[0])
    await until(lambda: len(doc.carousel.thread.posts) == posts + 4)
    assert doc.project_id == first_id and [s.body for s in doc.carousel.slides] == first_bodies
    assert doc.carousel.brand.name == "Client A"
    assert len(testid(studio, "post-card")) == posts + 4


async def test_dismissing_the_question_changes_nothing_and_the_paste_box_empties_once_the_posts_are_in(
        studio, testid):
    first_id, _ = await first_project(studio, testid)
    doc = studio.shared.document
    posts = len(doc.carousel.thread.posts)
    await paste(studio, testid, BAKERY)
    box = testid(studio, "source-input")[0]
    (dialog,) = testid(studio, "import-ask")
    dialog.submit(None)  # dismissed (Escape or a click outside)
    await until(lambda: not running("ask where the thread goes"))  # the answer taken
    await until(lambda: not testid(studio, "import-ask-new"), timeout=60)
    assert doc.project_id == first_id and len(doc.carousel.thread.posts) == posts
    assert box.value == BAKERY  # nothing imported, nothing lost
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: testid(studio, "import-ask-new"), timeout=60)
    click(studio, testid(studio, "import-ask-new")[0])
    await until(lambda: len(testid(studio, "post-card")) == 4, timeout=60)
    assert box.value == ""  # the posts are the cards now
