"""Share mode's access token, tested over HTTP against ``carousel-studio serve --share``.

Every route (pages, the socket.io endpoint by polling and by websocket, uploads, downloads, fonts,
static files, the framework's own files) refuses a request without the token or with a wrong one:
401 or 404, never the editor's HTML and never a profile's name or handle.
"""
from __future__ import annotations

import http.client
from pathlib import Path

import pytest

from studio.share.access import RateLimit, TokenError, choose_token, new_token
from studio.share.link import lan_address, qr_text, share_link
from studio.server_process import running_studio

TOKEN = "test-token-0123456789abcdef"
SECRET_NAME, SECRET_HANDLE = "Zoltan Quibblesworth", "zquibble"


def _secret_project(data: Path) -> None:
    """A saved profile and an open project carrying a name and handle no refusal may show."""
    from studio.app.sample import sample_carousel
    from studio.brand import BrandProfile
    from studio.store import Store
    store = Store(data)
    brand = BrandProfile(name=SECRET_NAME, handle=SECRET_HANDLE)
    store.profiles.save(brand)
    carousel = sample_carousel()
    carousel.brand = brand
    store.settings.set("last_project", store.projects.save(carousel))


@pytest.fixture(scope="module")
def share_port(tmp_path_factory):
    data = tmp_path_factory.mktemp("share-data")
    _secret_project(data)
    with running_studio(data, "--share", "--token", TOKEN) as studio:
        yield studio.port


def request(port: int, method: str, path: str, headers: dict[str, str] | None = None,
            body: bytes | None = None, source: str = "127.0.0.1") -> tuple[int, dict[str, str], bytes]:
    """One request from ``source`` (another loopback address counts as another computer)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120, source_address=(source, 0))
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def websocket_status(port: int, path: str, headers: dict[str, str] | None = None) -> int:
    """The HTTP status a websocket upgrade request gets (101 when it is accepted)."""
    upgrade = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", **(headers or {})}
    status, _, _ = request(port, "GET", path, upgrade)
    return status


def cookie_for(port: int, source: str = "127.0.0.1") -> str:
    status, headers, _ = request(port, "GET", f"/?token={TOKEN}", source=source)
    assert status == 200
    return headers["set-cookie"].split(";", 1)[0]


def assert_refused(status: int, headers: dict[str, str], body: bytes, allowed=(401, 404)) -> None:
    assert status in allowed, (status, body[:200])
    text = body.decode("utf-8", "replace")
    for secret in (SECRET_NAME, SECRET_HANDLE, "nicegui", "<script", "socket.io"):
        assert secret.lower() not in text.lower()
    assert headers.get("x-content-type-options") == "nosniff"
    assert "frame-ancestors 'none'" in headers.get("content-security-policy", "")


ROUTES = [
    ("GET", "/"),
    ("HEAD", "/"),
    ("GET", "/?client=1"),
    ("GET", "/index.html"),
    ("GET", "/some/unknown/path"),
    ("GET", "/docs"),
    ("GET", "/openapi.json"),
    ("GET", "/favicon.ico"),
    ("GET", "/_nicegui_ws/socket.io/?EIO=4&transport=polling"),
    ("POST", "/_nicegui_ws/socket.io/?EIO=4&transport=polling&sid=x"),
    ("GET", "/_nicegui/3.18.0/static/nicegui.css"),
    ("GET", "/_nicegui/3.18.0/libraries/vue.global.prod.js"),
    ("POST", "/_nicegui/client/abc/upload/123"),
    ("GET", "/studio-fonts/Inter-400.ttf"),
    ("GET", "/studio-static/studio.css"),
    ("GET", "/studio-download/anything"),
]


@pytest.mark.parametrize("method,path", ROUTES)
def test_every_route_refuses_a_request_without_the_token(share_port, method, path):
    assert_refused(*request(share_port, method, path))


@pytest.mark.parametrize("method,path", ROUTES)
def test_every_route_refuses_a_wrong_token(share_port, method, path):
    sep = "&" if "?" in path else "?"
    for wrong in (TOKEN[:-1], TOKEN + "x", TOKEN.upper(), ""):
        assert_refused(*request(share_port, method, f"{path}{sep}token={wrong}", source="127.0.0.2"),
                       allowed=(401, 404, 429))


def test_a_forged_or_foreign_cookie_is_refused(share_port):
    for cookie in ("carousel_studio_access=1.abc", "carousel_studio_access=99999999999.00",
                   "carousel_studio_access=", "session=whatever"):
        assert_refused(*request(share_port, "GET", "/", {"Cookie": cookie}))


def test_the_websocket_refuses_without_the_token(share_port):
    assert websocket_status(share_port, "/_nicegui_ws/socket.io/?EIO=4&transport=websocket") in (401, 403)


def test_the_token_once_then_a_signed_httponly_strict_cookie(share_port):
    status, headers, body = request(share_port, "GET", f"/?token={TOKEN}")
    assert status == 200 and TOKEN not in body.decode()  # a step to the same page without the token
    assert 'http-equiv="refresh" content="0;url=/"' in body.decode()
    cookie = headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and TOKEN not in cookie
    assert headers["referrer-policy"] == "no-referrer"
    page = cookie.split(";", 1)[0]
    status, headers, body = request(share_port, "GET", "/", {"Cookie": page})
    assert status == 200 and b"nicegui" in body.lower()
    assert SECRET_NAME.encode() in body  # so the refusals above are telling: the editor does show it
    assert headers["x-content-type-options"] == "nosniff"
    assert request(share_port, "GET", "/studio-static/studio.css", {"Cookie": page})[0] == 200
    assert request(share_port, "GET", "/_nicegui/3.18.0/static/nicegui.css", {"Cookie": page})[0] == 200


def test_with_the_cookie_unknown_paths_are_404_not_the_editor(share_port):
    page = cookie_for(share_port)
    for path in ("/some/unknown/path", "/docs", "/openapi.json", "/index.html"):
        status, headers, body = request(share_port, "GET", path, {"Cookie": page})
        assert_refused(status, headers, body, allowed=(404,))


def test_the_websocket_opens_with_the_cookie_but_not_from_another_site(share_port):
    page = cookie_for(share_port)
    host = f"127.0.0.1:{share_port}"
    path = "/_nicegui_ws/socket.io/?EIO=4&transport=websocket"
    assert websocket_status(share_port, path, {"Cookie": page, "Origin": f"http://{host}"}) == 101
    assert websocket_status(share_port, path, {"Cookie": page, "Origin": "http://evil.example"}) in (401, 403)


def test_a_foreign_host_name_is_refused(share_port):
    """DNS rebinding: a page of another site resolved to this machine still names its own host."""
    page = cookie_for(share_port)
    status, _, body = request(share_port, "GET", "/", {"Cookie": page, "Host": "evil.example"})
    assert status == 400 and b"nicegui" not in body.lower()
    assert request(share_port, "GET", "/", {"Cookie": page, "Host": f"localhost:{share_port}"})[0] == 200


def test_repeated_wrong_tokens_make_that_address_wait(share_port):
    earlier = cookie_for(share_port, source="127.0.0.3")
    statuses = [request(share_port, "GET", f"/?token=guess-{i}", source="127.0.0.3")[0] for i in range(8)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    status, headers, _ = request(share_port, "GET", f"/?token={TOKEN}", source="127.0.0.3")
    assert status == 429 and int(headers["retry-after"]) > 0  # even the right token waits its turn
    assert request(share_port, "GET", "/", {"Cookie": earlier}, source="127.0.0.3")[0] == 200
    assert request(share_port, "GET", f"/?token={TOKEN}", source="127.0.0.4")[0] == 200  # others are not blocked


# -- without a server ---------------------------------------------------------------------------

def test_rate_limit_forgets_after_the_window():
    now = [0.0]
    limit = RateLimit(attempts=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert limit.wait("10.0.0.9") == 0
        limit.failed("10.0.0.9")
    assert limit.wait("10.0.0.9") == 60 and limit.wait("10.0.0.8") == 0
    now[0] = 59.5
    assert limit.wait("10.0.0.9") == pytest.approx(0.5)
    now[0] = 60.0
    assert limit.wait("10.0.0.9") == 0


def test_tokens_are_random_long_and_chosen_by_flag_then_environment():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100 and all(len(t) * 6 >= 128 for t in tokens)
    assert choose_token("flag-token-0123456789", {"CAROUSEL_STUDIO_TOKEN": "env-token-0123456789"}) \
        == "flag-token-0123456789"
    assert choose_token(None, {"CAROUSEL_STUDIO_TOKEN": "env-token-0123456789"}) == "env-token-0123456789"
    assert len(choose_token(None, {})) >= 22
    with pytest.raises(TokenError, match="at least 16"):
        choose_token("short", {})
    with pytest.raises(TokenError, match="letters, digits"):
        choose_token("spaces are not allowed here", {})


def test_share_link_and_qr_code():
    address = lan_address()
    assert address.count(".") == 3
    assert share_link("192.168.1.20", 8080, "abc") == "http://192.168.1.20:8080/?token=abc"
    assert share_link("fe80::1", 8080, "abc") == "http://[fe80::1]:8080/?token=abc"
    qr = qr_text("http://192.168.1.20:8080/?token=" + "x" * 24)
    lines = qr.splitlines()
    assert len(lines) > 10 and len({len(line) for line in lines if line.strip()}) <= 2
    assert set("".join(lines)) <= set(" █▀▄\x1b[0123456789;m")


def test_lan_address_is_not_loopback_when_there_is_a_network():
    address = lan_address()
    assert address == "127.0.0.1" or not address.startswith("127.")
