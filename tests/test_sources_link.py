"""Post links through the syndication endpoint, with recorded responses (never the network)."""
from __future__ import annotations

import http.client
import io
import json
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from PIL import Image as PILImage

from studio.sources import SourceError, fetch_post_link
from studio.sources import link as link_mod
from studio.sources.link import FetchError, parse_post_link, syndication_token

RECORDED = Path(__file__).parent / "fixtures" / "sources" / "syndication"
TOKENS = Path(__file__).parent / "fixtures" / "sources" / "syndication-tokens.json"


def jpeg(size=(120, 90)) -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", size, (20, 120, 200)).save(out, "JPEG")
    return out.getvalue()


class Recorded:
    """A fetch that answers from the recorded responses and logs every URL asked for."""

    def __init__(self, images: dict[str, bytes] | None = None):
        self.asked: list[str] = []
        self.images = images or {}

    def __call__(self, url: str) -> bytes:
        self.asked.append(url)
        parts = urllib.parse.urlsplit(url)
        if parts.hostname == "pbs.twimg.com":
            if url in self.images:
                return self.images[url]
            raise FetchError("HTTP 404", 404)
        query = urllib.parse.parse_qs(parts.query)
        post_id = query["id"][0]
        assert query["token"] == [syndication_token(post_id)]
        path = RECORDED / f"{post_id}.json"
        if not path.exists():
            raise FetchError("HTTP 404", 404)
        return path.read_bytes()


def test_token_matches_react_tweet():
    # Expected values computed with react-tweet's own expression in Node.js:
    # ((Number(id) / 1e15) * Math.PI).toString(6 ** 2).replace(/(0+|\.)/g, '')
    for post_id, token in json.loads(TOKENS.read_text()).items():
        assert syndication_token(post_id) == token, post_id


@pytest.mark.parametrize("url,expected", [
    ("https://x.com/jane_builds/status/1795455791755609371", ("jane_builds", "1795455791755609371")),
    ("https://twitter.com/jane_builds/status/1795455791755609371?s=20", ("jane_builds", "1795455791755609371")),
    ("mobile.twitter.com/jane_builds/status/1795455791755609371/photo/1", ("jane_builds", "1795455791755609371")),
    ("https://x.com/i/web/status/1795455791755609371", ("", "1795455791755609371")),
])
def test_post_link_forms(url, expected):
    assert parse_post_link(url) == expected


@pytest.mark.parametrize("url", ["https://example.com/jane/status/1", "https://x.com/jane", "x.com/jane/status/abc",
                                 "https://x.com.evil.example/jane/status/1"])
def test_not_a_post_link(url):
    with pytest.raises(SourceError, match="not a post link"):
        parse_post_link(url)


def test_walks_up_the_thread_from_the_linked_post():
    fetch = Recorded(images={"https://pbs.twimg.com/media/A7F11A3922406B7.jpg": jpeg(),
                             "https://pbs.twimg.com/profile_images/1/avatar_400x400.jpg": jpeg((400, 400))})
    result = fetch_post_link("https://x.com/jane_builds/status/1795455791755609371", fetch=fetch)
    (thread,) = result.threads
    assert [p.id for p in thread.posts] == ["1795455785472424065", "1795455788614016718", "1795455791755609371"]
    assert thread.id == "1795455785472424065" and not thread.incomplete and thread.marked_as_thread
    first, second, third = thread.posts
    assert first.text == "How we cut CI from 40 to 8 minutes\n\nCaching & parallel jobs did most of it."
    assert second.text == "1) Measure first. 61% of the time was installs. Details: example.dev/blog/faster-ci"
    assert third.text.startswith("2) Cache what doesn't change.") and not third.text.endswith("…")
    assert len(third.text) > 280  # the long post's full text
    assert len(second.images) == 1 and second.images[0].width == 120
    assert first.avatar is not None and first.avatar.width == 400
    assert (first.author_name, first.handle) == ("Jane Builds", "jane_builds")
    assert first.created_at == "2024-05-28T14:03:18+00:00" and first.likes == 412
    assert first.reposts is None  # the endpoint has no repost count: never invented
    assert first.url == "https://x.com/jane_builds/status/1795455785472424065"
    assert result.warnings == []
    hosts = {urllib.parse.urlsplit(u).hostname for u in fetch.asked}
    assert hosts == {"cdn.syndication.twimg.com", "pbs.twimg.com"}


def test_chain_stops_at_a_reply_to_someone_else():
    result = fetch_post_link("https://x.com/jane_builds/status/1800000000000000003", fetch=Recorded())
    (thread,) = result.threads
    assert [p.id for p in thread.posts] == ["1800000000000000002", "1800000000000000003"]
    assert not thread.incomplete
    assert any("author's picture" in w for w in result.warnings)  # the avatar 404 is a warning, not a failure


def test_deleted_parent_marks_the_thread_incomplete():
    result = fetch_post_link("https://x.com/jane_builds/status/1810000000000000002", fetch=Recorded())
    (thread,) = result.threads
    assert thread.incomplete and [p.id for p in thread.posts] == ["1810000000000000002"]
    assert any("1810000000000000001" in w and "not available" in w for w in result.warnings)


def test_single_post_warns_that_later_replies_are_not_included():
    result = fetch_post_link("https://x.com/jane_builds/status/1795455785472424065", fetch=Recorded())
    assert len(result.threads[0].posts) == 1
    assert any("link the thread's last post" in w for w in result.warnings)


OFFLINE = ("Could not reach X — you seem to be offline or X blocked the request. "
           "Paste the thread's text or import your X archive instead.")


def test_missing_post_is_a_creator_sentence():
    with pytest.raises(SourceError) as err:
        fetch_post_link("https://x.com/jane_builds/status/1234", fetch=Recorded())
    assert str(err.value) == ("Could not import post 1234: that post does not exist or is not public. "
                              "Paste the thread's text or import your X archive instead.")


def _raising(exc: BaseException):
    def urlopen(*args, **kwargs):
        raise exc
    return urlopen


def _http(code: int) -> urllib.error.HTTPError:
    return urllib.error.HTTPError("https://cdn.syndication.twimg.com/tweet-result", code, "x", {}, None)


@pytest.mark.parametrize("exc", [
    socket.gaierror(-2, "Name or service not known"),
    urllib.error.URLError(socket.gaierror(-3, "Temporary failure in name resolution")),
    urllib.error.URLError(ConnectionRefusedError(111, "Connection refused")),
    ConnectionResetError(104, "Connection reset by peer"),
    TimeoutError("timed out"),
    socket.timeout("The read operation timed out"),
    urllib.error.URLError(ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")),
    ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"),
    OSError(101, "Network is unreachable"),
    http.client.BadStatusLine("HTTP/1.1 ???"),
    _http(403), _http(401), _http(400), _http(429),
], ids=["dns", "dns-urlerror", "refused", "reset", "timeout", "read-timeout", "tls-cert", "tls", "unreachable", "bad-status",
        "403", "401", "400", "429"])
def test_every_network_failure_is_one_creator_sentence(monkeypatch, exc):
    monkeypatch.setattr(urllib.request, "urlopen", _raising(exc))
    with pytest.raises(SourceError) as err:
        fetch_post_link("https://x.com/jane_builds/status/1795455785472424065")
    assert str(err.value) == OFFLINE


def test_http_404_and_server_errors(monkeypatch):
    monkeypatch.setattr(urllib.request, "urlopen", _raising(_http(404)))
    with pytest.raises(SourceError, match=r"^Could not import post 1795455785472424065: that post does not exist "
                                          r"or is not public\. Paste the thread's text"):
        fetch_post_link("https://x.com/jane_builds/status/1795455785472424065")
    monkeypatch.setattr(urllib.request, "urlopen", _raising(_http(503)))
    with pytest.raises(SourceError) as err:
        fetch_post_link("https://x.com/jane_builds/status/1795455785472424065")
    assert str(err.value) == ("Could not reach X — X is having trouble right now; try again later. "
                              "Paste the thread's text or import your X archive instead.")


def test_injected_fetch_failures_never_show_raw_error_text():
    def offline(url: str) -> bytes:
        raise FetchError("[Errno -3] Temporary failure in name resolution")
    with pytest.raises(SourceError) as err:
        fetch_post_link("https://x.com/jane_builds/status/1795455785472424065", fetch=offline)
    assert str(err.value) == OFFLINE

    def broken(url: str) -> bytes:
        raise OSError(-2, "Name or service not known")
    with pytest.raises(SourceError) as err:
        fetch_post_link("https://x.com/jane_builds/status/1795455785472424065", fetch=broken)
    assert str(err.value) == OFFLINE


def test_default_fetch_offline_gives_the_hint(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network is unreachable")
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(SourceError) as err:
        fetch_post_link("https://x.com/jane_builds/status/1795455785472424065")
    assert str(err.value) == OFFLINE


def test_a_photo_that_cannot_be_downloaded_is_a_plain_warning():
    def fetch(url: str) -> bytes:
        if "pbs.twimg.com" in url:
            raise FetchError("[Errno 110] Connection timed out")
        return Recorded()(url)
    result = fetch_post_link("https://x.com/jane_builds/status/1795455788614016718", fetch=fetch)
    photo = [w for w in result.warnings if w.startswith("skipped photo 1 of post")]
    assert photo and all("Errno" not in w and "[" not in w for w in result.warnings)
    assert photo[0].endswith("could not download it from X")


def test_default_fetch_only_contacts_x_hosts():
    for url in ("http://cdn.syndication.twimg.com/tweet-result", "https://example.org/", "file:///etc/passwd",
                "https://pbs.twimg.com.evil.example/x.jpg"):
        with pytest.raises(FetchError, match="refusing"):
            link_mod.default_fetch(url)


def test_garbage_and_tombstone_answers():
    with pytest.raises(SourceError, match=r"^Could not import post 1: X answered with something that is not a post"
                                          r"\. Paste the thread's text"):
        fetch_post_link("https://x.com/a/status/1", fetch=lambda url: b"<html>blocked</html>")
    with pytest.raises(SourceError, match="not available"):
        fetch_post_link("https://x.com/a/status/1", fetch=lambda url: b"{}")
    tomb = (RECORDED / "1810000000000000001.json").read_bytes()
    with pytest.raises(SourceError, match="not available"):
        fetch_post_link("https://x.com/a/status/1810000000000000001", fetch=lambda url: tomb)


def test_images_from_other_hosts_in_a_response_are_not_fetched():
    data = json.loads((RECORDED / "1795455785472424065.json").read_text())
    data["photos"] = [{"url": "https://attacker.example/x.jpg"}]
    data["user"]["profile_image_url_https"] = "http://169.254.169.254/latest_normal.jpg"
    asked = []

    def fetch(url):
        asked.append(url)
        return json.dumps(data).encode()
    result = fetch_post_link("https://x.com/jane_builds/status/1795455785472424065", fetch=fetch)
    assert len(asked) == 1
    assert sum("not hosted by X" in w for w in result.warnings) == 2


def test_a_photo_that_is_not_an_image_is_a_warning():
    fetch = Recorded(images={"https://pbs.twimg.com/media/A7F11A3922406B7.jpg": b"<html>not a photo</html>"})
    result = fetch_post_link("https://x.com/jane_builds/status/1795455788614016718", fetch=fetch)
    assert result.threads[0].posts[1].images == []
    assert any(w.startswith("skipped photo 1 of post 1795455788614016718: ") and "not an image" in w
               for w in result.warnings)


def test_stopping_after_one_post_is_singular():
    result = fetch_post_link("https://x.com/jane_builds/status/1795455791755609371", fetch=Recorded(), max_posts=1)
    assert "stopped after 1 post; earlier posts were not imported" in result.warnings
