"""Links on a slide: the short text X shows, and the full target without the click trackers platforms add.

The model keeps what the creator wrote; the renderer shows ``shown(url)``
("example.com/guides/caching-st…") and the PDF links to ``target(url)``: a web (http, https) or e-mail address
only, written as a plain-ASCII URI (host in punycode, anything else percent-encoded, parentheses included), so
a PDF string holding it can never be closed early. Anything else ("file:///etc/passwd", "javascript:…", words
with a space) is no link: its text is drawn as typed and ``problem`` says why.
"""
from __future__ import annotations

import re
import string
import unicodedata
import urllib.parse
from functools import lru_cache

import idna

SHOWN_CHARS = 28  # X shows host and path cut to about this many characters, then "…"
# Added by platforms to a link someone clicked or shared, never by its author. Campaign tags (utm_source=…) stay:
# a creator adds them on purpose, to count what their carousel brings.
_TRACKING = re.compile(r"^(?:fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|igsh|yclid|"
                       r"twclid|_hsenc|_hsmi|mkt_tok|li_fat_id|ref_src|ref_url|si)$", re.IGNORECASE)
_X_HOSTS = {"x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"}
_X_TRACKING = {"s", "t"}  # the share-sheet parameters X adds to post links
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(?!\d)", re.IGNORECASE)  # "host:8080" is a port, not a scheme
_WEB = re.compile(r"^https?://", re.IGNORECASE)
# What a URI holds raw: unreserved and reserved characters, less the PDF string's "(", ")" and cairo's "'" (all
# three percent-encoded mean the same to a web server); "%" only as the start of an escape.
_RAW = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&*+,;=")
_HOST_CHARS = frozenset(string.ascii_lowercase + string.digits + "-._")


def uri_safe(text: str) -> str:
    """``text`` with every character a URI may not hold raw percent-encoded (UTF-8); escapes already there kept."""
    out = []
    for i, ch in enumerate(text):
        if ch in _RAW or (ch == "%" and re.fullmatch(r"[0-9A-Fa-f]{2}", text[i + 1:i + 3])):
            out.append(ch)
        else:
            out.extend(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
    return "".join(out)


def _host(parts: urllib.parse.SplitResult) -> str:
    host = (parts.hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _ascii_host(host: str) -> str:
    """The host in ASCII (internationalised labels in punycode); "" when it cannot be a host name."""
    if host.startswith("[") and host.endswith("]"):  # an IPv6 address
        return host if re.fullmatch(r"\[[0-9A-Fa-f:.]+\]", host) else ""
    try:
        ascii_host = idna.encode(host, uts46=True, std3_rules=False, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        try:  # an emoji or other label IDNA 2008 refuses: punycode as browsers still do
            ascii_host = ".".join(label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
                                  for label in host.lower().split("."))
        except UnicodeError:
            return ""
    ascii_host = ascii_host.lower()
    return ascii_host if ascii_host.strip(".") and set(ascii_host) <= _HOST_CHARS else ""


_FLAG = re.compile("\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F")  # a subdivision flag's tag letters
_EMOJI_JOINERS = frozenset("\u200c\u200d")  # inside an emoji (👨‍👩‍👧) or a Persian word


def _hidden(url: str) -> bool:
    """Whether ``url`` holds a character nothing draws or a control (a reader would not see where it leads);
    the joiners and tag letters an emoji is spelled with are part of what is drawn."""
    return any(unicodedata.category(ch)[0] == "C" and ch not in _EMOJI_JOINERS for ch in _FLAG.sub("", url))


def _resolved(url: str) -> str:
    """The link as the creator means it (scheme added, trackers removed, letters as typed); "" for no link."""
    url = url.strip()
    if not url or any(ch.isspace() for ch in url) or _hidden(url):
        return ""
    address = _MAILTO.sub("", url, count=1)
    if _EMAIL.match(address):
        return "mailto:" + address
    scheme = _SCHEME.match(url)
    if scheme and not _WEB.match(url):
        return ""
    if not scheme:
        url = "https://" + url
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - a port that is no number raises
    except ValueError:
        return ""
    if not parts.hostname:
        return ""
    host = _host(parts)
    kept = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k) and not (host in _X_HOSTS and k in _X_TRACKING)]
    query = urllib.parse.urlencode(kept, safe="/:,@") if kept != urllib.parse.parse_qsl(
        parts.query, keep_blank_values=True) else parts.query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def _as_uri(iri: str) -> str:
    """An IRI as a URI of safe ASCII characters only: host in punycode, the rest percent-encoded."""
    if iri.startswith("mailto:"):
        return "mailto:" + uri_safe(iri[len("mailto:"):])
    parts = urllib.parse.urlsplit(iri)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    host, colon, port = hostport, "", ""
    if re.search(r":\d*$", hostport) and not hostport.endswith("]"):
        host, colon, port = hostport.rpartition(":")
    host = _ascii_host(host)
    if not host:
        return ""
    netloc = (uri_safe(userinfo) + at if at else "") + host + colon + port
    return urllib.parse.urlunsplit((parts.scheme, netloc, uri_safe(parts.path), uri_safe(parts.query),
                                    uri_safe(parts.fragment)))


@lru_cache(maxsize=2048)
def target(url: str) -> str:
    """The full link a click opens: an http(s) or mailto URI of safe ASCII characters, platforms' click trackers
    removed; "" when ``url`` is no web or e-mail address (it is then drawn as text, with no link)."""
    iri = _resolved(url)
    return _as_uri(iri) if iri else ""


@lru_cache(maxsize=2048)
def shown(url: str) -> str:
    """The visible text of a link as X shows it: host and path, no scheme or "www.", cut with "…"; text that
    is no link is shown as typed."""
    full = _resolved(url)
    if not full or not target(url):
        return url.strip()
    if full.startswith("mailto:"):
        return full[len("mailto:"):]
    parts = urllib.parse.urlsplit(full)
    text = _host(parts) + (parts.path if parts.path != "/" else "")
    if parts.query:
        text += "?" + parts.query
    if parts.fragment:
        text += "#" + parts.fragment
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"


def problem(text: str) -> str:
    """Why a typed website or CTA link opens nothing ("" when it is a link, or empty): what the box says."""
    if not text.strip() or target(text):
        return ""
    return ("Not a web or e-mail address, so it is shown as text with no link. "
            "A link looks like yoursite.com/guide, https://yoursite.com or you@yoursite.com.")
