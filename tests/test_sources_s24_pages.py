"""Session 24: page copies and pastes not tuned on before (Edge, Brave, Chrome on Android, "Who can reply?",
"Post your reply", translate and community-note buttons, videos, edits, Grok, deleted quoted posts, numbered
lists inside a post) and the notices that name what a copy left out."""
from __future__ import annotations

from studio.app.imports import Imports


def paste(text: str):
    return Imports.paste(text)


def texts(text: str) -> list[str]:
    return [p.text for p in paste(text).threads[0].posts]


OPENING = ["Post", "Conversation", "Ben Carter", "@bencarter", "Follow"]
FULL_TIME = ["9:40 AM · Nov 28, 2026", "·", "7,800", "Views", "3", "12", "90", "4"]


def reply(*words: str, counts: bool = True) -> list[str]:
    return ["Ben Carter", "@bencarter", "·", "Nov 28", *words, *(["2", "3", "40"] if counts else [])]


def test_a_name_box_left_out_between_posts_quotes_its_follow_button_too():
    copy = "\n".join([*OPENING, "Go follow him:", *FULL_TIME, "Sam Lee", "@samlee", "Follow",
                      *reply("He taught me pricing.")])
    result = paste(copy)
    assert texts(copy) == ["Go follow him:", "He taught me pricing."]
    assert any("“Sam Lee” / “@samlee” between the posts (and “Follow” under it)" in w for w in result.warnings)


def test_a_deleted_quoted_post_in_the_opening_is_named_quoted_not_read_as_a_missing_post():
    copy = "\n".join([*OPENING, "Someone asked me to explain this take.", "This post is unavailable.", *FULL_TIME,
                      *reply("The take was: most advice is survivorship bias.")])
    result = paste(copy)
    assert texts(copy) == ["Someone asked me to explain this take.", "The take was: most advice is survivorship bias."]
    assert result.warnings == ['post 1 quoted a post X no longer shows ("This post is unavailable." in its place): '
                               "left out, X's notice is not the author's words"]


def test_a_deleted_quoted_post_over_a_replys_counts_is_named_with_its_learn_more():
    copy = "\n".join([*OPENING, "Two replies I keep thinking about.", *FULL_TIME,
                      *reply("The first one is gone now:", "This post is unavailable. Learn more"),
                      *reply("The second said: ship weekly.")])
    result = paste(copy)
    assert texts(copy) == ["Two replies I keep thinking about.", "The first one is gone now:",
                           "The second said: ship weekly."]
    assert any('post 2 quoted a post X no longer shows ("This post is unavailable. Learn more"' in w
               for w in result.warnings)
    assert not any("not on the page" in w for w in result.warnings)


def test_a_gone_post_with_nothing_of_its_own_under_it_is_still_a_missing_post_of_the_thread():
    copy = "\n".join([*OPENING, "Opening words.", *FULL_TIME, *reply("Second post.", counts=False),
                      "This post was deleted by the post author. Learn more", *reply("Fourth post.", counts=False)])
    assert "1 post of the thread is not on the page (deleted, or hidden by X): the slides go on without" in \
        paste(copy).warnings


def test_a_numbered_list_opened_under_a_short_head_keeps_every_number():
    """"Plan:" / "1. Draft…" / "2. Record…": the list opens in the first post, so "2." and "3." are words too."""
    got = texts("Plan:\n\n1. Draft the post tonight.\n\n2. Record it tomorrow.\n\n3. Publish on Friday.")
    assert got == ["Plan:\n1. Draft the post tonight.", "2. Record it tomorrow.", "3. Publish on Friday."]
    got = texts("How I plan content.\n\n1) Draft the post tonight.\n\n2) Record it tomorrow.\n\n3) Publish.")
    assert [w for t in got for w in t.split() if w.endswith(")")] == ["1)", "2)", "3)"]


def test_thread_numbering_still_goes_where_no_list_opens_in_the_first_post():
    assert texts("1. Start before you feel ready.\n\n2. Publish before it feels finished.\n\n3. Ask.") == [
        "Start before you feel ready.", "Publish before it feels finished.", "Ask."]
    assert texts("Hook here 🧵\n\n2. Second post.\n\n3. Third post.") == ["Hook here", "Second post.", "Third post."]
    assert texts("Why it fails 🧵\n\n(1/3) One.\n\n(2/3) Two.\n\n(3/3) Three.") == ["Why it fails", "One.", "Two.",
                                                                                       "Three."]
    assert texts("My plan:\n1. Draft\n2. Record\n3. Publish") == ["My plan:\n1. Draft\n2. Record\n3. Publish"]


def test_a_phones_one_line_time_with_the_date_in_figures_and_the_views_is_xs():
    """Chrome on Android: "9:40 AM · 11/28/26 · 7.8K Views" on one line under the opening post's words."""
    copy = "\n".join(["Post", "Maya Chen", "@mayachen_", "Follow", "I shipped my first app at 41.",
                      "9:40 AM · 11/28/26 · 7.8K Views", "12", "31", "402", "55",
                      "Maya Chen", "@mayachen_", "·", "11h", "Ship the ugly version.", "3", "5", "98"])
    assert texts(copy) == ["I shipped my first app at 41.", "Ship the ugly version."]
    alone = "\n".join(["Maya Chen", "@mayachen_", "Follow", "Cut the first paragraph.",
                       "9:40 AM · 11/28/26 · 3.1K Views", "3", "6", "80", "9", "Show more replies"])
    assert texts(alone) == ["Cut the first paragraph."]
    # a creator's line with a time and a date in figures, and words after them, stays
    words = ["Doors open", "9:40 AM · 11/28/26 · see you there"]
    copy = "\n".join([*OPENING, *words, *FULL_TIME, *reply("Bring a friend.")])
    assert texts(copy) == ["Doors open\n9:40 AM · 11/28/26 · see you there", "Bring a friend."]


def test_a_video_from_another_account_keeps_its_length_and_from_line_and_says_so():
    """X's "0:42" / "From @x" under a video is also what a creator writes ("My best time:" / "0:42" / "From @coach"):
    kept, named in the notice."""
    for source in (["From @writingclass"], ["From", "Studio Lumen"]):
        copy = "\n".join([*OPENING, "The clip that changed how I teach:", "0:42", *source, *FULL_TIME,
                          *reply("Short sentences.")])
        result = paste(copy)
        assert texts(copy) == ["\n".join(["The clip that changed how I teach:", "0:42", *source]), "Short sentences."]
        assert any(w.startswith("post 1 ended in lines shaped as X's under a video") and '"0:42 / ' + " / ".join(source)
                   in w and "kept" in w for w in result.warnings)
    # the creator's own "From" line with words after it stays, unsaid
    copy = "\n".join([*OPENING, "Recorded at 0:42", "From my kitchen, with love.", *FULL_TIME, *reply("Next.")])
    assert texts(copy)[0] == "Recorded at 0:42\nFrom my kitchen, with love."
    assert not any("video" in w for w in paste(copy).warnings)


def test_xs_button_for_rating_community_notes_goes_and_is_named():
    copy = "\n".join([*OPENING, "Write better, meet less.", "Translate post", "Rate proposed Community Notes",
                      *FULL_TIME, *reply("Write the decision down.", "Rate proposed Community Notes")])
    result = paste(copy)
    assert texts(copy) == ["Write better, meet less.", "Write the decision down."]
    assert any(w.startswith("posts 1, 2 ended in X's button for rating community notes") for w in result.warnings)
    # the words with the creator's own line under them stay
    copy = "\n".join([*OPENING, "The button I press most:", "Rate proposed Community Notes", "It keeps X honest.",
                      *FULL_TIME, *reply("Next.")])
    assert texts(copy)[0] == "The button I press most:\nRate proposed Community Notes\nIt keeps X honest."


def test_an_ad_kept_in_a_post_whose_counts_the_copy_cut_is_named_in_the_notice():
    """With no counts between the post and the ad, the ad's shape is also a creator's own mention: every line stays,
    and the notice says where the ad-like lines are."""
    copy = "\n".join([*OPENING, "Hiring is sales in reverse.", *FULL_TIME,
                      *reply("Sell the job like a product.", counts=False), "CloudDesk", "@clouddesk", "Ad",
                      "Try free for 30 days.", "12", "30", "400"])
    result = paste(copy)
    assert texts(copy)[1].splitlines() == ["Sell the job like a product.", "CloudDesk", "@clouddesk", "Ad",
                                           "Try free for 30 days."]
    assert any(w.startswith('post 2 holds "Ad" under a name and its handle') and "kept as the author's" in w
               for w in result.warnings)


def test_last_edited_over_the_edits_time_over_the_first_full_time_all_go():
    copy = "\n".join([*OPENING, "Replies per send is the metric.", "Last edited", "4:41 PM · Nov 9, 2026",
                      *FULL_TIME, *reply("Opens lie.")])
    assert texts(copy) == ["Replies per send is the metric.", "Opens lie."]


def test_a_short_numbered_list_set_apart_by_blank_lines_stays_one_list():
    """"2. Atomic Habits" under "1. Deep Work" goes on the list: no heading over "3.", so no split inside it."""
    got = texts("Top 3 books:\n\n1. Deep Work\n\n2. Atomic Habits\n\n3. The Mom Test")
    assert got == ["Top 3 books:\n1. Deep Work\n\n2. Atomic Habits\n\n3. The Mom Test"]


def test_a_post_ending_in_edited_on_its_own_line_keeps_it_and_says_so():
    copy = "\n".join([*OPENING, "Opening words.", *FULL_TIME, *reply("Small fix.", "Edited")])
    result = paste(copy)
    assert texts(copy) == ["Opening words.", "Small fix.\nEdited"]
    assert any(w.startswith('post 2 ended in "Edited" on a line of its own') and "kept" in w for w in result.warnings)


def test_the_creators_own_account_under_xs_side_menu_is_no_image_only_post():
    """A creator copies their own thread logged in: X's side menu ends in their name and handle, over the page's
    title. That box is no post, so no "post with no text (images or videos only)" is said to be skipped."""
    menu = ["Skip to home", "Home", "Explore", "Grok", "Profile", "More", "Post", "Ben Carter", "@bencarter", ""]
    copy = "\n".join([*menu, *OPENING, "Opening words.", *FULL_TIME, *reply("Second."), *reply("Third.")])
    result = paste(copy)
    assert texts(copy) == ["Opening words.", "Second.", "Third."]
    assert not any("no text" in w for w in result.warnings)
    # a reply of the thread with only a photo is still named
    copy = "\n".join([*OPENING, "Opening words.", *FULL_TIME, *reply("Image"), *reply("Third.")])
    assert any("no text" in w for w in paste(copy).warnings)
