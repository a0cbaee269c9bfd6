"""Archive fidelity: an edited post appears once with its latest text, in its place; a video post keeps
its place, says "▶ video", shows its still image when the archive has one, and the note says so."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from studio.sources import read_archive

OWNER, HANDLE = "1402345678901234567", "ada_ships"


def _post(id_: int, text: str, reply_to: int | None = None, *, edit_info: dict | None = None,
          media: list[dict] | None = None, created: str = "Tue May 28 14:04:28 +0000 2024") -> dict:
    """One item of data/tweets.js as X writes it (strings for numbers, edit_info on every post)."""
    tweet = {"edit_info": edit_info or {"initial": {"editTweetIds": [str(id_)], "editsRemaining": "5",
                                                    "isEditEligible": True}},
             "retweeted": False, "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
             "display_text_range": ["0", str(len(text))], "favorite_count": "3", "id_str": str(id_),
             "retweet_count": "1", "id": str(id_), "created_at": created, "full_text": text, "lang": "en"}
    if reply_to is not None:
        tweet.update(in_reply_to_status_id_str=str(reply_to), in_reply_to_status_id=str(reply_to),
                     in_reply_to_user_id_str=OWNER, in_reply_to_user_id=OWNER, in_reply_to_screen_name=HANDLE)
    if media:
        tweet["entities"]["media"] = media[:1]
        tweet["extended_entities"] = {"media": media}
    return {"tweet": tweet}


def _archive(path: Path, posts: list[dict], media: dict[str, bytes] | None = None) -> Path:
    """A zip in the real X archive layout: manifest.js, account.js, tweets.js, tweets_media/."""
    manifest = {"userInfo": {"accountId": OWNER, "userName": HANDLE, "displayName": "Ada Ships"},
                "dataTypes": {"tweets": {"mediaDirectory": "data/tweets_media",
                                         "files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0",
                                                    "count": str(len(posts))}]}}}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Your archive.html", "<html></html>")
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2))
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Ada Ships"}}]))
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(posts, indent=2))
        for name, data in (media or {}).items():
            zf.writestr(f"data/tweets_media/{name}", data)
    return path


FIRST, EDITED_V1, EDITED_V2, AFTER, LAST = 1795455800000000001, 1795455800000000002, 1795455800000000009, \
    1795455800000000003, 1795455800000000004


def _edited_thread(reply_to_edit: int) -> list[dict]:
    both = [str(EDITED_V1), str(EDITED_V2)]
    return [
        _post(FIRST, "How I review pull requests in ten minutes 🧵"),
        _post(EDITED_V1, "Rule one: read the tests frist.", FIRST,
              edit_info={"initial": {"editTweetIds": both, "editsRemaining": "4", "isEditEligible": True}}),
        _post(AFTER, "Rule two: ask questions, don't issue orders.", reply_to_edit),
        _post(LAST, "Rule three: approve when it is better, not perfect.", AFTER),
        _post(EDITED_V2, "Rule one: read the tests first.", FIRST,
              edit_info={"edit": {"initialTweetId": str(EDITED_V1),
                                  "editControlInitial": {"editTweetIds": both}}},
              created="Tue May 28 14:09:10 +0000 2024"),
    ]


@pytest.mark.parametrize("reply_to_edit", [EDITED_V1, EDITED_V2], ids=["replies-to-first", "replies-to-edit"])
def test_an_edited_post_appears_once_with_its_latest_text_in_its_place(tmp_path, reply_to_edit):
    result = read_archive(_archive(tmp_path / "a.zip", _edited_thread(reply_to_edit)))
    thread, = result.threads
    texts = [p.text for p in thread.posts]
    assert texts == ["How I review pull requests in ten minutes",
                     "Rule one: read the tests first.",
                     "Rule two: ask questions, don't issue orders.",
                     "Rule three: approve when it is better, not perfect."]
    assert not any("frist" in t for t in texts)


def _jpeg(colour=(30, 120, 200)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (80, 45), colour).save(out, "JPEG")
    return out.getvalue()


def _video(post_id: int, thumb: str) -> dict:
    return {"type": "video", "url": "https://t.co/vid", "display_url": "pic.x.com/vid",
            "media_url_https": f"https://pbs.twimg.com/ext_tw_video_thumb/1/pu/img/{thumb}",
            "expanded_url": f"https://x.com/{HANDLE}/status/{post_id}/video/1",
            "video_info": {"variants": [{"content_type": "video/mp4",
                                         "url": "https://video.twimg.com/ext_tw_video/1/pu/vid/clip.mp4"}]}}


@pytest.mark.parametrize("with_still", [False, True])
def test_a_video_post_keeps_its_place_says_video_and_the_note_tells(tmp_path, with_still):
    posts = [_post(FIRST, "Three demos of the new editor"),
             _post(EDITED_V1, "Here it is in action https://t.co/vid", FIRST, media=[_video(EDITED_V1, "still.jpg")]),
             _post(AFTER, "And that is the whole tour.", EDITED_V1)]
    media = {f"{EDITED_V1}-clip.mp4": b"\x00\x00\x00\x18ftypmp42"}
    if with_still:
        media[f"{EDITED_V1}-still.jpg"] = _jpeg()
    result = read_archive(_archive(tmp_path / "v.zip", posts, media))
    thread, = result.threads
    video = thread.posts[1]
    assert [p.id for p in thread.posts] == [str(FIRST), str(EDITED_V1), str(AFTER)]
    assert video.text.startswith("Here it is in action") and video.text.endswith("▶ video")
    assert len(video.images) == (1 if with_still else 0)
    note, = [w for w in result.warnings if str(EDITED_V1) in w]
    assert "video" in note and "not embedded" in note and ("still image" in note) == with_still


def test_the_video_label_reaches_the_slide(tmp_path):
    from studio import render
    from studio.structure import carousel_from_thread
    posts = [_post(FIRST, "Three demos of the new editor. Watch them all."),
             _post(EDITED_V1, "Here it is in action https://t.co/vid", FIRST, media=[_video(EDITED_V1, "s.jpg")])]
    thread, = read_archive(_archive(tmp_path / "v.zip", posts, {f"{EDITED_V1}-clip.mp4": b"\x00"})).threads
    svg = render.render_slide(carousel_from_thread(thread), 1, scale=1)
    assert "video" in svg and "▶" in svg
