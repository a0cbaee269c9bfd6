"""Access: in share mode every request to the studio needs its token.

``AccessGuard`` is plain ASGI middleware that wraps the whole web app (pages, the websocket,
uploads, downloads, fonts, static files and the framework's own routes):

- A request without the token gets 401 and a small page asking for the link: never the editor.
- The link carries the token once (``/?token=…``); the answer is a signed, HttpOnly,
  SameSite=Strict cookie and a step to the same address without the token, so it does not
  linger in the address bar or the history.
- Tokens are compared in constant time; an address that keeps guessing wrong is made to wait.
- Only the studio's own paths are served; anything else is 404 (the framework would answer
  every path with the editor).
- The Host header must name this machine (an IP address or its own name), and a websocket or a
  form post must come from a page of the studio itself (Origin), so another web site open in
  the same browser cannot reach in.
- Every response says ``nosniff`` and may not be framed.
"""
from __future__ import annotations

import hashlib
import hmac
import html
import ipaddress
import os
import re
import secrets
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "CAROUSEL_STUDIO_TOKEN"
TOKEN_PARAM = "token"
COOKIE = "carousel_studio_access"
COOKIE_MAX_AGE = 30 * 24 * 3600
MIN_TOKEN_LENGTH = 16
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~-]+")  # travels in a URL unescaped

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # the token in a link never leaks to another site
]


class TokenError(ValueError):
    """A token that cannot protect the studio; the message says why."""


def new_token() -> str:
    """A fresh random access token: 144 bits, URL-safe."""
    return secrets.token_urlsafe(18)


def choose_token(given: str | None = None, environ: MutableMapping[str, str] | None = None) -> str:
    """``--token`` if given, else ``CAROUSEL_STUDIO_TOKEN``, else a new random one."""
    environ = os.environ if environ is None else environ
    token = given or environ.get(TOKEN_ENV) or new_token()
    if len(token) < MIN_TOKEN_LENGTH:
        raise TokenError(f"the access token must be at least {MIN_TOKEN_LENGTH} characters long "
                         f"(leave it out and the studio makes a strong one)")
    if not _TOKEN_CHARS.fullmatch(token):
        raise TokenError("the access token may use only letters, digits and - _ . ~")
    return token


class RateLimit:
    """At most ``attempts`` wrong tokens from one address per ``window`` seconds; then it waits."""

    def __init__(self, attempts: int = 5, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.attempts, self.window, self.clock = attempts, window, clock
        self._failures: dict[str, deque[float]] = {}

    def wait(self, address: str) -> float:
        """Seconds this address must wait before its next try (0: it may try now)."""
        failures = self._failures.get(address)
        if not failures:
            return 0.0
        now = self.clock()
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            del self._failures[address]
            return 0.0
        return failures[0] + self.window - now if len(failures) >= self.attempts else 0.0

    def failed(self, address: str) -> None:
        if len(self._failures) > 10_000:  # a flood of addresses must not grow memory without bound
            self._failures.clear()
        self._failures.setdefault(address, deque()).append(self.clock())


class AccessGuard:
    """ASGI middleware: only requests carrying the studio's token (or its cookie) reach ``app``.

    ``pages`` are the studio's page paths (exact), ``prefixes`` the path prefixes of its other
    routes (fonts, static files, downloads, the framework's own ``/_nicegui…``); everything else
    is 404. ``hosts`` are extra names this machine answers to besides IP addresses and its own
    host names.
    """

    def __init__(self, app: ASGIApp, *, token: str, pages: Iterable[str] = ("/",),
                 prefixes: Iterable[str] = ("/_nicegui",), hosts: Iterable[str] = (),
                 limit: RateLimit | None = None, clock: Callable[[], float] = time.time) -> None:
        self.app = app
        self._token = token.encode()
        self._key = hmac.new(self._token, b"carousel-studio access cookie", hashlib.sha256).digest()
        self.pages = frozenset(pages)
        self.prefixes = tuple(prefixes)
        self.hosts = frozenset(h.lower() for h in (*hosts, *own_host_names()))
        self.limit = limit or RateLimit()
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):  # lifespan
            await self.app(scope, receive, send)
            return
        send = _with_security_headers(send)
        headers = _headers(scope)
        if not self._host_allowed(headers.get("host", "")):
            await _refuse(scope, receive, send, 400, "Unknown address",
                          "Open the studio by the address in the link you were given.")
            return
        if not _same_origin(scope, headers):
            await _refuse(scope, receive, send, 403, "Not allowed",
                          "Only the studio's own pages may do that.")
            return
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        given = query.get(TOKEN_PARAM)
        if given is None and self._cookie_valid(headers.get("cookie", "")):
            await self._pass(scope, receive, send)
            return
        address = (scope.get("client") or ("unknown",))[0]
        if given is None:
            await _refuse(scope, receive, send, 401, "Open the link to this studio", _ASK_FOR_LINK)
            return
        wait = self.limit.wait(address)
        if wait:
            await _refuse(scope, receive, send, 429, "Too many wrong links",
                          f"Wait {int(wait) + 1} seconds, then open the link you were given.",
                          [(b"retry-after", str(int(wait) + 1).encode())])
            return
        if not hmac.compare_digest(given.encode(), self._token):
            self.limit.failed(address)
            await _refuse(scope, receive, send, 401, "This link is not valid (any more)", _ASK_FOR_LINK)
            return
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            await self._welcome(scope, query, send)
        else:
            await self._pass(scope, receive, _with_cookie(send, self._cookie()))

    async def _pass(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if path in self.pages or any(path.startswith(p) for p in self.prefixes):
            await self.app(scope, receive, send)
        else:
            await _refuse(scope, receive, send, 404, "Not found", "There is nothing at this address.")

    async def _welcome(self, scope: Scope, query: dict[str, str], send: Send) -> None:
        """Set the cookie and step to the same address without the token."""
        rest = urlencode({k: v for k, v in query.items() if k != TOKEN_PARAM})
        target = scope.get("path", "/") + (f"?{rest}" if rest else "")
        head = f'<meta http-equiv="refresh" content="0;url={html.escape(target, quote=True)}">'
        body = _page("Opening the studio…", f'<a href="{html.escape(target, quote=True)}">Open the studio</a>',
                     head)
        await _respond(send, 200, body, [(b"set-cookie", self._cookie().encode())])

    def _cookie(self) -> str:
        issued = str(int(self.clock()))
        signature = hmac.new(self._key, issued.encode(), hashlib.sha256).hexdigest()
        return (f"{COOKIE}={issued}.{signature}; Path=/; Max-Age={COOKIE_MAX_AGE}; "
                f"HttpOnly; SameSite=Strict")

    def _cookie_valid(self, header: str) -> bool:
        for part in header.split(";"):
            name, _, value = part.strip().partition("=")
            if name != COOKIE:
                continue
            issued, _, signature = value.partition(".")
            expected = hmac.new(self._key, issued.encode(), hashlib.sha256).hexdigest()
            if (hmac.compare_digest(signature.encode(), expected.encode()) and issued.isdigit()
                    and self.clock() - int(issued) < COOKIE_MAX_AGE):
                return True
        return False

    def _host_allowed(self, host: str) -> bool:
        name = urlsplit(f"//{host}").hostname or ""
        if not name:
            return False
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return name.lower().rstrip(".") in self.hosts


def own_host_names() -> set[str]:
    """The names this machine answers to: localhost and its host name (with .local for mDNS)."""
    names = {"localhost"}
    for name in (socket.gethostname(), socket.getfqdn()):
        if name:
            names |= {name.lower(), name.lower().split(".")[0] + ".local"}
    return names


def _same_origin(scope: Scope, headers: dict[str, str]) -> bool:
    """A websocket or a state-changing request must come from the studio's own pages (if a browser says)."""
    safe = scope["type"] == "http" and scope["method"] in ("GET", "HEAD", "OPTIONS")
    origin = headers.get("origin")
    if safe or origin is None:  # no Origin: not a browser page (curl, scripts) — the token still applies
        return True
    return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _with_security_headers(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] in ("http.response.start", "websocket.http.response.start"):
            present = {k.lower() for k, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []),
                                  *((k, v) for k, v in SECURITY_HEADERS if k not in present)]
        await send(message)
    return wrapped


def _with_cookie(send: Send, cookie: str) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = [*message.get("headers", []), (b"set-cookie", cookie.encode())]
        await send(message)
    return wrapped


_ASK_FOR_LINK = ("This studio is shared by link. Ask the person running it for the link "
                 "(it ends in <code>?token=…</code>) and open that.")


def _page(title: str, text: str, head: str = "") -> bytes:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">{head}'
            f'<title>{html.escape(title)}</title></head><body style="font-family:system-ui,sans-serif;'
            f'max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5">'
            f'<h1 style="font-size:1.4rem">{html.escape(title)}</h1><p>{text}</p></body></html>').encode()


async def _respond(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]] = (),
                   kind: str = "http") -> None:
    await send({"type": f"{kind}.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"cache-control", b"no-store"), *headers]})
    await send({"type": f"{kind}.response.body", "body": body})


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, title: str, text: str,
                  headers: list[tuple[bytes, bytes]] = ()) -> None:
    body = _page(title, text)
    if scope["type"] == "http":
        await _respond(send, status, body, headers)
        return
    await receive()  # the websocket.connect message
    if "websocket.http.response" in scope.get("extensions", {}):
        await _respond(send, status, body, headers, kind="websocket.http")
    else:
        await send({"type": "websocket.close", "code": 1008})
