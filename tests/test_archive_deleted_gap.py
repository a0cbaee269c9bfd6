"""A thread with a deleted middle post (session 16): the archive leaves the post out, and the posts after it
answer a post that is not there. They used to make a second thread "(first post missing)", and the first
stopped at the gap without a word. A post's id tells when it was written: a missing post written minutes after
a thread's last post was that thread's next one, so the thread goes on across the gap, with a warning. A thread
whose own first post was deleted, hours later or after other posts, stays on its own."""
from __future__ import annotations

import io
import json
import random
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.sources.archive import read_archive

OWNER = "1456789012345678901"
EPOCH_MS = 1288834974657
START_MS = 1793000000000  # Nov 2026


def post_id(ms: int, seq: int = 0) -> str:
    """A post id as X makes them: the time in milliseconds since X's epoch, above 22 bits of sequence."""
    return str(((ms - EPOCH_MS) << 22) | seq)


def tweet(id_str: str, text: str, reply_to: str | None = None) -> dict:
    t = {"id_str": id_str, "id": id_str, "full_text": text, "created_at": "Mon Nov 02 15:04:05 +0000 2026",
         "favorite_count": "3", "retweet_count": "1", "entities": {"urls": []},
         "display_text_range": ["0", str(len(text))], "edit_info": {"initial": {"editTweetIds": [id_str]}}}
    if reply_to:
        t.update(in_reply_to_status_id_str=reply_to, in_reply_to_user_id_str=OWNER, in_reply_to_screen_name="mara")
    return {"tweet": t}


def thread(start_ms: int, texts: list[str], step_ms: int = 20_000) -> list[tuple[str, str, str | None]]:
    """(id, text, answers) for a thread written one post every ``step_ms``."""
    ids = [post_id(start_ms + k * step_ms, k) for k in range(len(texts))]
    return [(i, t, ids[k - 1] if k else None) for k, (i, t) in enumerate(zip(ids, texts))]


def archive(posts: list[tuple[str, str, str | None]], seed: int = 0) -> io.BytesIO:
    rows = [tweet(*p) for p in posts]
    random.Random(seed).shuffle(rows)  # X writes newest first; the order in the file is not the thread's
    account = [{"account": {"username": "mara", "accountId": OWNER, "accountDisplayName": "Mara"}}]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(rows))
        z.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(account))
    out.seek(0)
    return out


def texts_of(result) -> list[list[str]]:
    return sorted([p.text for p in t.posts] for t in result.threads)


def test_a_deleted_middle_post_leaves_one_thread_with_a_warning():
    posts = thread(START_MS, [f"Post {k} of the launch thread." for k in range(1, 6)])
    result = read_archive(archive([p for k, p in enumerate(posts) if k != 2]), load_media=False)
    assert texts_of(result) == [["Post 1 of the launch thread.", "Post 2 of the launch thread.",
                                 "Post 4 of the launch thread.", "Post 5 of the launch thread."]]
    assert not result.threads[0].incomplete
    assert any(w.startswith(f"post 3 of thread {posts[0][0]} answers a post of yours that is not in the archive")
               for w in result.warnings)


def test_two_deleted_posts_in_a_row_are_crossed_too():
    posts = thread(START_MS, [f"Step {k}." for k in range(1, 7)])
    result = read_archive(archive([p for k, p in enumerate(posts) if k not in (2, 3)]), load_media=False)
    assert texts_of(result) == [["Step 1.", "Step 2.", "Step 5.", "Step 6."]]


def test_a_thread_whose_first_post_was_deleted_hours_later_stays_apart():
    first = thread(START_MS, ["Morning thread, one.", "Morning thread, two."])
    later = thread(START_MS + 3 * 3600_000, ["Evening opener (deleted).", "Evening two.", "Evening three."])
    result = read_archive(archive(first + later[1:]), load_media=False)
    assert texts_of(result) == [["Evening two.", "Evening three."], ["Morning thread, one.", "Morning thread, two."]]
    assert [t.incomplete for t in sorted(result.threads, key=lambda t: t.posts[0].text)] == [True, False]
    assert not any("not in the archive" in w for w in result.warnings)


def test_a_missing_post_after_a_post_that_goes_on_elsewhere_joins_nothing():
    first = thread(START_MS, ["A one.", "A two."])
    other = thread(START_MS + 60_000, ["C one.", "C two."], step_ms=120_000)  # C one, the missing post, C two
    missing = post_id(START_MS + 100_000, 5)
    later = [(post_id(START_MS + 140_000, 6), "B two.", missing)]
    result = read_archive(archive(first + other + later), load_media=False)
    assert ["A one.", "A two."] in texts_of(result) and ["C one.", "C two."] in texts_of(result)
    assert not any("not in the archive" in w for w in result.warnings)


@settings(max_examples=examples(60), deadline=None)
@given(st.integers(4, 25), st.data(), st.integers(0, 1000), st.integers(1_000, 600_000))
def test_property_a_thread_goes_on_across_its_deleted_posts_in_order(n, data, seed, step):
    deleted = data.draw(st.sets(st.integers(2, n - 2), min_size=1, max_size=max(1, n // 3)))  # post 2 on: see
    # test_archive_gap_guesses for a deleted second post
    posts = thread(START_MS, [f"Post number {k}." for k in range(n)], step_ms=step)
    noise = [(post_id(START_MS - 86_400_000 * (j + 1), j), f"Old post {j}.", None) for j in range(3)]
    kept = [p for k, p in enumerate(posts) if k not in deleted]
    result = read_archive(archive(kept + noise, seed), load_media=False)
    assert [[p.text for p in t.posts] for t in result.threads if len(t.posts) > 1] == [[p[1] for p in kept]]

