"""Links on a slide: the short text X shows, and the full target without the click trackers platforms add.

The model keeps what the creator wrote; the renderer shows ``shown(url)``
("example.com/guides/caching-st…") and the PDF links to ``target(url)``.
"""
from __future__ import annotations

import re
import urllib.parse
from functools import lru_cache

SHOWN_CHARS = 28  # X shows host and path cut to about this many characters, then "…"
# Added by platforms to a link someone clicked or shared, never by its author. Campaign tags (utm_source=…) stay:
# a creator adds them on purpose, to count what their carousel brings.
_TRACKING = re.compile(r"^(?:fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|igsh|yclid|"
                       r"twclid|_hsenc|_hsmi|mkt_tok|li_fat_id|ref_src|ref_url|si)$", re.IGNORECASE)
_X_HOSTS = {"x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"}
_X_TRACKING = {"s", "t"}  # the share-sheet parameters X adds to post links
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$")


def _host(parts: urllib.parse.SplitResult) -> str:
    host = (parts.hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=2048)
def target(url: str) -> str:
    """The full link a click opens: with a scheme, platforms' click trackers removed."""
    url = url.strip()
    if _EMAIL.match(url):
        return "mailto:" + url
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "https://" + url
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    host = _host(parts)
    kept = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k) and not (host in _X_HOSTS and k in _X_TRACKING)]
    query = urllib.parse.urlencode(kept, safe="/:,@") if kept != urllib.parse.parse_qsl(
        parts.query, keep_blank_values=True) else parts.query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


@lru_cache(maxsize=2048)
def shown(url: str) -> str:
    """The visible text of a link as X shows it: host and path, no scheme or "www.", cut with "…"."""
    full = target(url)
    if full.startswith("mailto:"):
        return url.strip()
    parts = urllib.parse.urlsplit(full)
    text = _host(parts) + (parts.path if parts.path != "/" else "")
    if parts.query:
        text += "?" + parts.query
    if parts.fragment:
        text += "#" + parts.fragment
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"
