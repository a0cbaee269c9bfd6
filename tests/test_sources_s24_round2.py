"""Session 24, round 2: what the review of the first round found (a creator's line read as X's, a notice lost or
untrue, lists split one item per post, a 🧵 inside a sentence deleted)."""
from __future__ import annotations

import pytest

from test_sources_s24_pages import FULL_TIME, OPENING, paste, reply, texts  # the same page shapes


@pytest.mark.parametrize("when", ["7:00 PM · 12/05/26", "19:00 · 05.12.2026", "19.00 Uhr · 05.12.26"])
@pytest.mark.parametrize("after", [[], ["See you there"]])
def test_a_creators_time_and_date_in_figures_stay_their_words(when, after):
    """Only with X's views word on the line ("· 7.8K Views") is a phone's one-line time X's."""
    copy = "\n".join([*OPENING, "I shipped my first app.", *FULL_TIME,
                      *reply("Second post.", "Launch party is on:", when, *after), *reply("Ship it.")])
    assert texts(copy) == ["I shipped my first app.", "\n".join(["Second post.", "Launch party is on:", when, *after]),
                           "Ship it."]
    opening = "\n".join([*OPENING, "Webinar:", when, *FULL_TIME, *reply("Ship it.")])
    assert texts(opening) == [f"Webinar:\n{when}", "Ship it."]


GONE_NOTICE = "1 post of the thread is not on the page (deleted, or hidden by X): the slides go on without"


@pytest.mark.parametrize("under", [["Show replies"], ["2", "3"], []])
def test_a_deleted_thread_post_under_a_posts_counts_is_said_missing_not_a_deleted_quote(under):
    copy = "\n".join([*OPENING, "Opening post.", *FULL_TIME, *reply("Second post."), "This post is unavailable.",
                      *under, *reply("Fourth post.", counts=False), "1", "2", "3"])
    result = paste(copy)
    posts = [p.text for p in result.threads[0].posts]
    assert (len(posts), posts[0], posts[-1]) == (3, "Opening post.", "Fourth post.")
    assert any(w.startswith(GONE_NOTICE) for w in result.warnings), result.warnings
    assert not any("quoted a post" in w for w in result.warnings)
    # under the opening post's counts too
    opening = "\n".join([*OPENING, "Opening post.", *FULL_TIME, "This post is unavailable.", *under,
                         *reply("Fourth post.")])
    assert any(w.startswith(GONE_NOTICE) for w in paste(opening).warnings)


def test_a_deleted_post_quoted_inside_a_reply_is_still_named_quoted():
    copy = "\n".join([*OPENING, "Opening post.", *FULL_TIME, *reply("Look at this take:", "This post is unavailable."),
                      *reply("Fourth post.")])
    result = paste(copy)
    assert texts(copy) == ["Opening post.", "Look at this take:", "Fourth post."]
    assert any(w.startswith("post 2 quoted a post X no longer shows") for w in result.warnings), result.warnings


@pytest.mark.parametrize("tail", [["Opening hours, every day:", "9:30", "From", "Monday to Friday"],
                                  ["Horario de la tienda:", "9:30", "De", "lunes a viernes"],
                                  ["My best time on the course, thanks to my coach:", "12:42", "From @coachsam"]])
def test_a_creators_time_over_a_from_line_stays_their_words(tail):
    copy = "\n".join([*OPENING, "Opening post.", *FULL_TIME, *reply("Second post.", *tail), *reply("Third post.")])
    result = paste(copy)
    assert texts(copy) == ["Opening post.", "\n".join(["Second post.", *tail]), "Third post."]
    assert any("post 2 ended in lines shaped as X's under a video" in w and "kept" in w for w in result.warnings)


@pytest.mark.parametrize("head, items", [
    ("Top books:", ["1. Deep Work by Cal Newport", "2. Atomic Habits by James Clear",
                    "3. The Mom Test by Rob Fitzpatrick", "4. Show Your Work by Austin Kleon",
                    "5. Range by David Epstein"]),
    ("Plan:", ["1. Draft the whole post tonight, every word of it", "2. Record the video version tomorrow morning",
               "3. Publish both on Friday at noon"]),
    ("𝗧𝗵𝗲 𝟱 𝗿𝘂𝗹𝗲𝘀:", ["𝟭. 𝗦𝗵𝗶𝗽 𝗱𝗮𝗶𝗹𝘆", "𝟮. 𝗪𝗿𝗶𝘁𝗲 𝗶𝗻 𝗽𝘂𝗯𝗹𝗶𝗰", "𝟯. 𝘙𝘦𝘢𝘥 𝘮𝘰𝘳𝘦 𝘵𝘩𝘢𝘯 𝘺𝘰𝘶 𝘸𝘳𝘪𝘵𝘦",
                      "𝟰. 𝙺𝚎𝚎𝚙 𝚒𝚝 𝚜𝚒𝚖𝚙𝚕𝚎"]),
])
@pytest.mark.parametrize("blanks", ["\n\n", "\n\n\n"])
def test_a_list_of_longer_items_set_apart_by_blank_lines_stays_one_list(head, items, blanks):
    """Not one post per item (each item went on the list, then stood alone): the list stays together, every number."""
    got = texts(blanks.join([head, *items]))
    assert len(got) <= 2 and got[0].startswith(head), got
    assert [line for line in got[-1].split("\n") if line][-len(items):] == items


@pytest.mark.parametrize("first", ["\n", "\n\n", "\r\n", "\r\n\r\n"])
@pytest.mark.parametrize("between", ["\n\n", "\n\n\n", "\r\n\r\n"])
def test_a_list_opened_under_its_lead_in_keeps_every_number_blank_line_or_not(first, between):
    """"Plan:" right over "1. …" (no blank line) read "2." and "3." as post numbers and dropped them."""
    items = ["1. Draft the whole post tonight, every word of it.", "2. Record the video version tomorrow morning.",
             "3. Publish both on Friday at noon."]
    got = texts("Plan for the week:" + first + between.join(items))
    words = "\n".join(got)
    assert all(item in words for item in items), got
    same = texts("Plan for the week:\n\n" + "\n\n".join(items))
    assert [t.split() for t in got] == [t.split() for t in same]  # one rule for both shapes


@pytest.mark.parametrize("header", [["Ben Carter @bencarter · Nov 28"], ["Ben Carter", "@bencarter", "·", "Nov 28"]])
def test_an_image_only_reply_is_still_said_skipped(header):
    """A reply with no words (its image not in the copy) is said, not left out silently."""
    copy = "\n".join([*OPENING, "Opening post.", *FULL_TIME, *header, *header, "Third post.", "1", "2", "3"])
    result = paste(copy)
    assert texts(copy) == ["Opening post.", "Third post."]
    assert "skipped 1 post with no text (images or videos only)" in result.warnings


def test_notices_about_several_posts_or_boxes_read_as_english():
    ads = "\n".join([*OPENING, "Opening post.", "Sam Lee", "@samlee", "Ad", *FULL_TIME,
                     *reply("Second post.", "Acme", "@acme", "Promoted"), *reply("Third post.")])
    assert any(w.startswith('posts 1, 2 hold "Ad", "Promoted" under a name') for w in paste(ads).warnings)
    edited = "\n".join([*OPENING, "Opening post.", *FULL_TIME, *reply("Second post.", "Edited"),
                        *reply("Third post.", "Edited")])
    assert any(w.startswith('posts 2, 3 ended in "Edited" on a line') for w in paste(edited).warnings)
    boxes = "\n".join([*OPENING, "Go follow them:", *FULL_TIME, "Sam Lee", "@samlee", "Follow", "Kim Park", "@kimpark",
                       *reply("They taught me pricing.")])
    said = [w for w in paste(boxes).warnings if w.startswith("left out")]
    assert said == ["left out “Sam Lee” / “@samlee”, “Kim Park” / “@kimpark” between the posts (and “Follow” under "
                    "1 of them), read as X's headers of other accounts with nothing under them: paste them back into "
                    "the slides if they were yours"], said


SHOP = "My shop opens today.\n\nWe sell 🧵 thread, 🪡 needles and 🧶 yarn. Our 🧵 comes in 40 colours.\n\nSee you there."


def test_a_thread_emoji_among_words_is_the_creators_and_stays():
    result = paste(SHOP)
    assert "We sell 🧵 thread, 🪡 needles and 🧶 yarn. Our 🧵 comes in 40 colours." in "\n".join(
        p.text for p in result.threads[0].posts)
    assert not any("🧵" in w for w in result.warnings)


@pytest.mark.parametrize("text, hook", [("How I grew to 10K 🧵\n\nPost two.\n\nPost three.", "How I grew to 10K"),
                                        ("🧵 How I grew to 10K\n\nPost two.\n\nPost three.", "How I grew to 10K"),
                                        ("How I grew to 10K 🧵👇\n\nPost two.\n\nPost three.", "How I grew to 10K 👇"),
                                        ("1/ 🧵 How I grew to 10K\n\n2/ Post two.\n\n3/ Post three.",
                                         "How I grew to 10K"),
                                        ("How I grew to 10K\n🧵\n\nPost two.\n\nPost three.", "How I grew to 10K")])
def test_xs_thread_label_still_goes(text, hook):
    assert texts(text)[0] == hook


def test_the_cover_keeps_a_thread_emoji_among_words():
    from studio.code import without_thread_emoji
    assert without_thread_emoji("Our 🧵 comes in 40 colours.") == "Our 🧵 comes in 40 colours."
    assert without_thread_emoji("How I grew 🧵").strip() == "How I grew"



def test_a_hook_holding_a_whole_list_over_posts_numbered_from_2_still_splits_as_a_thread():
    text = ("Three tools I use daily:\n1. Notion\n2. Figma\n3. Linear\n\n2. Notion holds every note I take.\n\n"
            "3. Figma is where every design starts.\n\n4. Linear tracks every bug.")
    assert texts(text) == ["Three tools I use daily:\n1. Notion\n2. Figma\n3. Linear", "Notion holds every note I take.",
                           "Figma is where every design starts.", "Linear tracks every bug."]
