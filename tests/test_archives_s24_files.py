"""Which files of an archive hold its posts: a part the manifest leaves out is read too."""
from __future__ import annotations

import json
import zipfile

from studio.sources import read_archive
from test_archives_s23_shapes import HANDLE, OWNER, post


def test_a_posts_part_missing_from_the_manifest_is_read_too(tmp_path):
    """tweets-part1.js holds a thread's first post but manifest.js lists only tweets.js (an archive merged from
    two downloads): the thread was read from its second post, marked incomplete, its first post lost unsaid."""
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(
            [post(3, "Third.", 2), post(2, "Second.", 1)]))
        zf.writestr("data/tweets-part1.js", "window.YTD.tweets.part1 = " + json.dumps([post(1, "First.")]))
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(
            {"dataTypes": {"tweets": {"files": [{"fileName": "data/tweets.js", "count": "2"}]}}}))
    result = read_archive(path)
    assert [([p.text for p in t.posts], t.incomplete) for t in result.threads] == [
        (["First.", "Second.", "Third."], False)]
    assert result.warnings == []


def test_a_file_the_manifest_lists_but_the_extracted_folder_lacks_is_named_as_missing_from_the_folder(tmp_path):
    root = tmp_path / "twitter-2024-05-28-abc"
    (root / "data").mkdir(parents=True)
    (root / "data" / "tweets.js").write_text("window.YTD.tweets.part0 = " + json.dumps(
        [post(2, "Second.", 1), post(1, "First.")]), encoding="utf-8")
    (root / "data" / "manifest.js").write_text("window.__THAR_CONFIG = " + json.dumps(
        {"userInfo": {"accountId": OWNER, "userName": HANDLE, "displayName": "Dana"},
         "dataTypes": {"account": {"files": [{"fileName": "data/account.js"}]},
                       "tweets": {"files": [{"fileName": "data/tweets.js"}]}}}), encoding="utf-8")
    result = read_archive(root)
    assert [[p.text for p in t.posts] for t in result.threads] == [["First.", "Second."]]
    assert result.warnings == ["data/account.js is listed in the manifest but missing from the folder"]


def test_a_tweets_js_cut_short_says_how_much_was_read_and_why_the_rest_was_not(tmp_path):
    """A download cut short ends tweets.js inside a post: the posts before the cut are read, and the note says so
    (it said the file was "skipped", with JSON's "Unterminated string starting at")."""
    items = [post(3, "Third.", 2), post(2, "Second.", 1), post(1, "First."), post(9, "A post of its own, cut.")]
    text = "window.YTD.tweets.part0 = " + json.dumps(items, indent=2)
    text = text[:text.index("A post of its own")]
    path = tmp_path / "a.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", text)
    result = read_archive(path)
    assert [[p.text for p in t.posts] for t in result.threads] == [["First.", "Second.", "Third."]]
    assert result.warnings == ["read only the first 3 items of data/tweets.js, then skipped the rest: the file ends "
                               "too early, inside a post (a download cut short? download the archive again to "
                               "read it all)"]
