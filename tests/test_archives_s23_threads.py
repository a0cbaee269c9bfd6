"""Property: an archive in X's real shapes (tweets.js in parts, bare or wrapped items, edited posts with or without
their earlier versions, deleted posts listed in deleted-tweets.js, entities in the words) reads back every thread
exactly as its creator wrote it: every word, in order, nothing invented, no thread split or joined."""
from __future__ import annotations

import json
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from studio.sources import read_archive

OWNER, HANDLE = "1402345678901234567", "dana_ships"
EPOCH_MS = 1288834974657  # X's ids count milliseconds from here, shifted 22 bits
START_MS = 1700000000000

WORDS = st.lists(st.sampled_from("ship test cache & deploy <measure> R&D > café 😀 naïve a<->b".split()),
                 min_size=1, max_size=8).map(" ".join)
# one post: its words, how it was edited, whether it was deleted later
POST = st.tuples(WORDS, st.sampled_from(["never", "both versions", "latest only", "first deleted"]), st.booleans())
THREADS = st.lists(st.lists(POST, min_size=2, max_size=5), min_size=1, max_size=3)


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Writer:
    """Posts as tweets.js and deleted-tweets.js hold them, with ids whose time goes on as written."""

    def __init__(self) -> None:
        self.ms, self.seq = START_MS, 0
        self.kept: list[dict] = []
        self.deleted: list[dict] = []

    def new_id(self) -> int:
        self.ms += 20_000
        self.seq += 1
        return ((self.ms - EPOCH_MS) << 22) | self.seq

    def post(self, id_: int, text: str, parent: int | None, versions: tuple[int, ...]) -> dict:
        lead = f"@{HANDLE} " if parent else ""
        ids = [str(v) for v in versions] or [str(id_)]
        edit = ({"initial": {"editTweetIds": ids}} if ids[0] == str(id_) else
                {"edit": {"initialTweetId": ids[0], "editControlInitial": {"editTweetIds": ids}}})
        t = {"id_str": str(id_), "id": str(id_), "full_text": lead + escaped(text),
             "display_text_range": [str(len(lead)), str(len(lead + text))],  # counted on the decoded text, as X does
             "created_at": "Tue Nov 14 22:13:21 +0000 2023", "favorite_count": "1", "retweet_count": "0",
             "entities": {"hashtags": [], "urls": [], "user_mentions": []}, "edit_info": edit}
        if parent:
            t.update(in_reply_to_status_id_str=str(parent), in_reply_to_user_id_str=OWNER,
                     in_reply_to_screen_name=HANDLE)
        return t

    def thread(self, posts: list[tuple[str, str, bool]]) -> tuple[str, list[str]]:
        """Write one thread; (its id as read, its words post by post as the creator left them)."""
        answered: int | None = None  # the id the next post answers (the version there was when it was written)
        first, words = None, []
        for k, (text, edited, deleted) in enumerate(posts):
            deleted = deleted and 0 < k < len(posts) - 1
            i = self.new_id()
            if edited == "never":
                shown_id = i
                written = [(i, self.post(i, text, answered, ()))]
            else:
                j = self.new_id()
                shown_id = j
                written = [(i, self.post(i, text + " (typo)", answered, (i, j))),
                           (j, self.post(j, text, answered, (i, j)))]
            if deleted:
                self.deleted += [t for _, t in written]
            else:
                self.kept.append(written[-1][1])
                if edited == "both versions":
                    self.kept.append(written[0][1])
                elif edited == "first deleted":
                    self.deleted.append(written[0][1])
                first = first or str(shown_id)
                words.append(text)
            answered = i  # a reply written before the edit answers the first version
        return first, words


@settings(max_examples=30, deadline=None)
@given(threads=THREADS, split=st.floats(0, 1), wrapped=st.booleans(), order=st.randoms(use_true_random=False))
def test_every_thread_reads_as_written(tmp_path_factory, threads, split, wrapped, order):
    writer = Writer()
    want = dict(writer.thread(posts) for posts in threads)
    items = [{"tweet": t} if wrapped else t for t in writer.kept]
    order.shuffle(items)
    at = round(split * len(items))
    path = tmp_path_factory.mktemp("a") / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(items[:at]))
        zf.writestr("data/tweets-part1.js", "window.YTD.tweets.part1 = " + json.dumps(items[at:]))
        if writer.deleted:
            zf.writestr("data/deleted-tweets.js", "window.YTD.deleted_tweets.part0 = " + json.dumps(
                [{"tweet": dict(t, deleted_at="2024-06-01T00:00:00.000Z")} for t in writer.deleted]))
    for load_media in (True, False):
        result = read_archive(path, load_media=load_media)
        assert {t.id: [p.text for p in t.posts] for t in result.threads} == want, result.warnings
        assert not any(t.incomplete for t in result.threads)
