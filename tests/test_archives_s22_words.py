"""Words an archive post must keep: the "@name" a creator typed first on a post that answers no post, a long
post's full text wherever its shown range starts, and only a reply's own plumbing left out."""
from __future__ import annotations

import json
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_archives_s22_real import BASE, BOB, HANDLE, OWNER, item, write, ytd

from studio.sources import read_archive

OLD = 500000000000000000  # a 2015 post id: X wrote a reply's "@name" into its words then


def post(n: int, text: str, *, old: bool = True, ranged: bool = True, parent: int | None = None,
         named: tuple[str, str] | None = None, when: str = "") -> dict:
    """A post of the owner's; ``named``: (screen name, user id) older data fills for a post opening with a handle
    even when it answers no post; ``parent``: the post it answers (the owner's own)."""
    base = OLD if old else BASE
    t = {"id_str": str(base + n), "full_text": text, "favorite_count": "3", "retweet_count": "0",
         "created_at": when or f"Tue May 28 14:{n:02d}:00 +0000 {2015 if old else 2024}",
         "entities": {"urls": [], "user_mentions": []}}
    if ranged:
        t["display_text_range"] = ["0", str(len(text))]
    if named:
        t.update(in_reply_to_screen_name=named[0], in_reply_to_user_id_str=named[1])
    if parent is not None:
        t.update(in_reply_to_status_id_str=str(base + parent), in_reply_to_user_id_str=OWNER,
                 in_reply_to_screen_name=named[0] if named else HANDLE)
    return {"tweet": t}


def words(tmp_path, items: list, **files: str) -> list[list[str]]:
    extra = {f"data/{name.replace('_', '-')}.js": body for name, body in files.items()}
    result = read_archive(write(tmp_path / "a.zip", {"data/tweets.js": ytd("tweets", items), **extra}))
    return [[p.text for p in t.posts] for t in result.threads]


@pytest.mark.parametrize("old", [True, False])
@pytest.mark.parametrize("ranged", [True, False])
@pytest.mark.parametrize("opening, named", [("@bob @carol you two should read this", ("bob", BOB)),
                                            ("@Bob look at this, my thread", ("bob", BOB)),
                                            ("@Dana_Ships note to self: the plan", (HANDLE, OWNER)),
                                            ("@dana_ships note to self: the plan", (HANDLE, OWNER))])
def test_a_post_answering_no_post_keeps_the_at_name_typed_first(tmp_path, old, ranged, opening, named):
    """Older data names an account for any post that opens with its handle, with no replied-to post: those words
    are the creator's (they answer nothing), in any case, with or without a display range."""
    items = [post(1, opening, old=old, ranged=ranged, named=named),
             post(2, "Second post of my own thread.", old=old, ranged=ranged, parent=1)]
    assert words(tmp_path, items) == [[opening, "Second post of my own thread."]]


@pytest.mark.parametrize("ranged", [True, False])
def test_an_old_self_reply_loses_only_its_own_replied_to_handle(tmp_path, ranged):
    """A 2015 self-reply: the "@dana_ships" replying put first goes (as X hides it now); "@bob" after it is not
    the account the reply's fields name, so it stays; the handle goes once, a second one typed after it stays."""
    items = [post(1, "Tweetstorm about shipping.", ranged=ranged),
             post(2, "@dana_ships Ship small.", ranged=ranged, parent=1),
             post(3, "@Dana_Ships @bob Ship often.", ranged=ranged, parent=2),
             post(4, "@dana_ships @dana_ships twice, as typed.", ranged=ranged, parent=3)]
    assert words(tmp_path, items) == [["Tweetstorm about shipping.", "Ship small.", "@bob Ship often.",
                                       "@dana_ships twice, as typed."]]


@settings(max_examples=30, deadline=None)
@given(handle=st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,14}", fullmatch=True),
       said=st.from_regex(r"[A-Za-z0-9 ,.!?']{1,40}", fullmatch=True).map(str.strip).filter(bool),
       ranged=st.booleans(), old=st.booleans())
def test_property_a_post_answering_nothing_reads_exactly_as_typed(tmp_path_factory, handle, said, ranged, old):
    """Property: a post with no replied-to post id reads whole, whatever handle opens it and whatever account
    the data names for it."""
    opening = f"@{handle} {said}"
    items = [post(1, opening, old=old, ranged=ranged, named=(handle.lower(), BOB)),
             post(2, "Next.", old=old, ranged=ranged, parent=1)]
    assert words(tmp_path_factory.mktemp("p"), items) == [[opening, "Next."]]


LONG = "The long version of the post, every word of it. " + "More words of the long post, kept whole. " * 12


def note(text: str, minute: int, second: int = 0) -> dict:
    return {"noteTweet": {"noteTweetId": str(9000 + minute), "createdAt": f"2024-05-28T14:{minute:02d}:{second:02d}.000Z",
                          "core": {"text": text, "urls": [], "mentions": []}}}


@pytest.mark.parametrize("repeats_handle", [True, False])
@pytest.mark.parametrize("ranged", [True, False])
def test_a_long_self_reply_reads_its_whole_note_whether_or_not_the_note_repeats_the_handle(tmp_path, repeats_handle,
                                                                                          ranged):
    """A long reply's first 280 characters follow the "@dana_ships " replying put first (hidden by its range, or
    by its shape where a re-saved archive has none): its note is found either way and read whole, the handle
    left out as X leaves it out."""
    shown = LONG[:270] + "…"
    reply = post(2, f"@{HANDLE} {shown}", old=False, ranged=False, parent=1)
    if ranged:
        reply["tweet"]["display_text_range"] = [str(len(HANDLE) + 2), str(len(HANDLE) + 2 + len(shown))]
    items = [post(1, "Opening post 🧵", old=False, ranged=ranged), reply]
    body = (f"@{HANDLE} " if repeats_handle else "") + LONG
    got = words(tmp_path, items, note_tweet=ytd("noteTweet", [note(body, 2)]))
    assert got == [["Opening post", LONG.strip()]]


def test_a_long_post_whose_note_is_not_found_is_named_never_cut_silently(tmp_path):
    """note-tweet.js holds a long post written at that second whose words do not start as the post's (edited
    on X after the archive's copy, say): the post's first 280 characters are all there is, and a note says so."""
    shown = LONG[:270] + "…"
    items = [post(1, shown, old=False, ranged=False), post(2, "Next.", old=False, ranged=False, parent=1)]
    result = read_archive(write(tmp_path / "a.zip", {"data/tweets.js": ytd("tweets", items), "data/note-tweet.js":
                                                     ytd("noteTweet", [note("Another start. " + LONG, 1)])}))
    assert [p.text for p in result.threads[0].posts] == [shown, "Next."]
    named = [w for w in result.warnings if str(BASE + 1) in w]
    assert len(named) == 1 and "may be cut at 280 characters" in named[0], result.warnings


def test_a_short_post_beside_a_long_one_of_that_second_is_not_named(tmp_path):
    """A short post written the second of someone's long one is whole: no note."""
    items = [post(1, "Short and whole.", old=False), post(2, "Next.", old=False, parent=1)]
    result = read_archive(write(tmp_path / "a.zip", {"data/tweets.js": ytd("tweets", items), "data/note-tweet.js":
                                                     ytd("noteTweet", [note(LONG, 1)])}))
    assert [p.text for p in result.threads[0].posts] == ["Short and whole.", "Next."]
    assert not any("280" in w for w in result.warnings), result.warnings


def test_the_archive_of_2012_to_2018_follows_the_same_rule(tmp_path):
    """A Grailbird month file (no display range): the self-reply loses its own "@dana_ships" only; a post that
    answers nothing but opens with "@bob" (the data naming bob) keeps it."""
    def old(n, text, parent=None, named=None):
        t = {"id_str": str(OLD + n), "text": text, "created_at": f"2014-05-2{n} 14:03:0{n} +0000",
             "entities": {"urls": [], "user_mentions": [], "media": []},
             "user": {"name": "Dana", "screen_name": HANDLE, "id_str": OWNER}}
        if named:
            t.update(in_reply_to_screen_name=named[0], in_reply_to_user_id_str=named[1])
        if parent:
            t.update(in_reply_to_status_id_str=str(OLD + parent), in_reply_to_user_id_str=OWNER,
                     in_reply_to_screen_name=HANDLE)
        return t
    path = tmp_path / "old.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/js/user_details.js", "var user_details = " + json.dumps(
            {"screen_name": HANDLE, "full_name": "Dana", "id": OWNER}))
        zf.writestr("data/js/tweet_index.js", "var tweet_index = []")
        zf.writestr("data/js/tweets/2014_05.js", "Grailbird.data.tweets_2014_05 = " + json.dumps(
            [old(3, "@Dana_Ships @bob Ship often.", 2), old(2, "@dana_ships Ship small.", 1),
             old(1, "@bob you will like this storm", named=("bob", BOB))]))
    assert [[p.text for p in t.posts] for t in read_archive(path).threads] == \
        [["@bob you will like this storm", "Ship small.", "@bob Ship often."]]


def test_a_posts_hidden_quotes_are_found_once(tmp_path, monkeypatch):
    """The links a post's range hides (a quoted post's) are looked for once a post, on the words it shows."""
    import studio.sources.archive as archive
    seen: list[int] = []
    found = archive._hidden_quotes
    monkeypatch.setattr(archive, "_hidden_quotes", lambda t, shown: seen.append(t.id) or found(t, shown))
    quoting = "https://x.com/sam/status/1700000000000000009"
    items = [post(1, "Words of mine https://t.co/q1", old=False),
             post(2, f"@{HANDLE} https://t.co/q2", old=False, parent=1)]  # X's range: empty, after the @name
    for n, it in ((1, items[0]), (2, items[1])):
        t = it["tweet"]
        t["display_text_range"] = ["0" if n == 1 else str(len(HANDLE) + 2), str(t["full_text"].index("https://t.co"))]
        t["entities"]["urls"] = [{"url": f"https://t.co/q{n}", "expanded_url": quoting, "display_url": "x.com/sam/…"}]
    assert words(tmp_path, items) == [["Words of mine", "x.com/sam/status/1700000000000000009"]]
    assert sorted(seen) == [BASE + 1, BASE + 2]


@pytest.mark.parametrize("head", ["window.YTD.account.part0 = ", "window.YTD.account = ", "\ufeff window.YTD.account.part12="])
def test_one_rule_names_an_archive_data_file_that_holds_no_posts(head):
    """One rule (``data_file_kind``) tells an archive's data file from its posts, one wording names it: the
    Archive tab's lone .js uses it (paste.py is to use it too)."""
    from studio.sources.archive_files import POST_KINDS, data_file_kind, not_posts_message
    from studio.sources import read_archive_file
    from studio.sources.result import SourceError
    body = head + json.dumps([{"account": {"accountId": OWNER}}])
    assert data_file_kind(body) == "account" and "tweets" in POST_KINDS
    assert data_file_kind("window.__THAR_CONFIG = {}") == "manifest" and data_file_kind("1/ A thread") is None
    with pytest.raises(SourceError) as caught:
        read_archive_file(body.encode(), name="account.js")
    assert str(caught.value) == not_posts_message("account", "account.js")
    assert "under Archive" in str(caught.value) and "data/tweets.js" in str(caught.value)


@pytest.mark.parametrize("old", [True, False])
def test_a_post_answering_no_post_keeps_the_handles_even_where_its_range_hides_them(tmp_path, old):
    """Older data took a post opening with "@bob" for an answer to bob and may give it a range after the handles:
    a post with no replied-to post answers nothing, so its words are read whole, its long note too."""
    opening = "@bob @carol two people named first"
    first = post(1, opening, old=old, named=("bob", BOB), when="Tue May 28 14:01:00 +0000 2024")
    first["tweet"]["display_text_range"] = ["5", str(len(opening))]
    second = post(2, "Next.", old=old, parent=1)
    assert words(tmp_path, [first, second]) == [[opening, "Next."]]
    long = opening + " and the rest. " + LONG
    first["tweet"]["full_text"] = long[:270] + "…"
    first["tweet"]["display_text_range"] = ["5", "271"]
    assert words(tmp_path, [first, second], note_tweet=ytd("noteTweet", [note(long, 1)])) == [[long.strip(), "Next."]]
