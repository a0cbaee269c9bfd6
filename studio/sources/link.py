"""Post links (https://x.com/<user>/status/<id>) through X's public syndication endpoint.

This is the endpoint embedded posts (and react-tweet) read: one request gives a
post and the post it answers, so the thread is walked upwards from the linked
post. ``fetch`` is injectable (tests pass recorded responses); the default uses
urllib with a short timeout and only ever contacts X's own hosts.
"""
from __future__ import annotations

import http.client
import json
import math
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable

from ..image import Image, ImageError, load_image
from ..post import Post, Thread
from ..text_patterns import link_as_shown
from .cleanup import clean_text, links_to_itself, shown_words, unescape_entities, without_link
from .paste import THREAD_EMOJI, first_line, strip_thread_labels
from .result import ImportResult, SourceError, count

Fetch = Callable[[str], bytes]

ENDPOINT = "https://cdn.syndication.twimg.com/tweet-result"
TIMEOUT = 8.0
RESPONSE_LIMIT = 8 * 2**20
MAX_POSTS = 50
OFFLINE_HINT = "Paste the thread's text or import your X archive instead."
UNREACHABLE = f"Could not reach X — you seem to be offline or X blocked the request. {OFFLINE_HINT}"
SERVER_TROUBLE = f"Could not reach X — X is having trouble right now; try again later. {OFFLINE_HINT}"
# X's own hosts, and the embed-fixing mirrors people share the same post links through (fxtwitter.com/…).
# Any case: a phone may capitalise the link's first letter ("Https://x.com/…").
_LINK_RE = re.compile(
    r"^(?:https?://)?(?:www\.|mobile\.)?(?:x|twitter|fxtwitter|vxtwitter|fixupx|fixvx)\.com/"
    r"(?:i(?:/web)?|([A-Za-z0-9_]{1,15}))/status(?:es)?/(\d{1,20})(?:[/?#][A-Za-z0-9\-._~!$&*+,;=:@%/?#]*)?$",
    re.IGNORECASE)
# Around a link copied from a chat or a document: "<https://x.com/…>". The closing one must end the text:
# a link followed by anything else ("“https://x.com/…” — notes below") is the creator's text, never fetched.
_LINK_WRAPPERS = {"<": ">", "‹": "›", "(": ")", "[": "]", '"': '"', "'": "'", "“": "”", "‘": "’", "«": "»",
                  "„": "“", "”": "”"}
_ALLOWED_HOSTS = ("cdn.syndication.twimg.com", "pbs.twimg.com")


class FetchError(Exception):
    """A fetch that failed; ``status`` is the HTTP status when X answered with an error.

    The message is for logs only: creators see ``failure_message`` instead.
    """

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


def failure_message(status: int | None, post_id: str) -> str:
    """The sentence a creator sees when a post could not be fetched (never raw error text).

    404 means the post is gone or private; a 5xx is X's own trouble; everything else —
    no DNS, refused, timed out, TLS failure, 4xx — reads as offline or blocked.
    """
    if status == 404:
        return f"Could not import post {post_id}: that post does not exist or is not public. {OFFLINE_HINT}"
    if status is not None and 500 <= status <= 599:
        return SERVER_TROUBLE
    return UNREACHABLE


def parse_post_link(url: str) -> tuple[str, str]:
    """(handle or "", post id) from a post link; SourceError when it is not one."""
    m = _LINK_RE.match(_unwrapped(url.strip()))
    if not m:
        raise SourceError("not a post link: expected https://x.com/<user>/status/<id>")
    return m.group(1) or "", m.group(2)


def _unwrapped(text: str) -> str:
    """The text inside one pair of wrappers around all of it ("<…>", "“…”"); the text itself otherwise."""
    closing = _LINK_WRAPPERS.get(text[:1])
    if closing and len(text) > 1 and text.endswith(closing):
        return text[1:-1]
    return text


def syndication_token(post_id: str) -> str:
    """The token react-tweet sends: (id / 1e15 · π) in base 36, without zeros and the dot."""
    return re.sub(r"0+|\.", "", _js_radix_string((int(post_id) / 1e15) * math.pi, 36))


def _js_radix_string(value: float, radix: int) -> str:
    """JavaScript's Number.prototype.toString(radix) for a positive finite double (V8's algorithm)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    integer = math.floor(value)
    fraction = value - integer
    delta = max(0.5 * (math.nextafter(value, math.inf) - value), math.nextafter(0.0, 1.0))
    frac_digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            frac_digits.append(digit)
            fraction -= digit
            if fraction > 0.5 or (fraction == 0.5 and (digit & 1)):
                if fraction + delta > 1:
                    while True:  # round up, carrying into earlier digits
                        if not frac_digits:
                            integer += 1
                            break
                        last = frac_digits.pop() + 1
                        if last < radix:
                            frac_digits.append(last)
                            break
                    break
            if fraction < delta:
                break
    int_digits = ""
    integer = int(integer)
    while True:
        integer, rem = divmod(integer, radix)
        int_digits = digits[rem] + int_digits
        if not integer:
            break
    return int_digits + ("." + "".join(digits[d] for d in frac_digits) if frac_digits else "")


def default_fetch(url: str) -> bytes:
    """GET ``url`` from X's own hosts with a short timeout; FetchError on any failure."""
    host = urllib.parse.urlsplit(url).hostname or ""
    if not url.startswith("https://") or host not in _ALLOWED_HOSTS:
        raise FetchError(f"refusing to fetch {host or url}")
    request = urllib.request.Request(url, headers={"User-Agent": "carousel-studio"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data = response.read(RESPONSE_LIMIT + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code}", exc.code) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:  # DNS, refused, timeout, TLS
        raise FetchError(str(getattr(exc, "reason", exc))) from None
    if len(data) > RESPONSE_LIMIT:
        raise FetchError("the response is too large")
    return data


def fetch_post_link(url: str, fetch: Fetch | None = None, *, max_posts: int = MAX_POSTS) -> ImportResult:
    """The thread that ends at the linked post, walked up through the author's self-replies."""
    _, post_id = parse_post_link(url)
    fetch = fetch or default_fetch
    warnings: list[str] = []
    chain: list[dict] = []
    incomplete = False
    next_id: str | None = post_id
    while next_id and len(chain) < max_posts:
        data = _fetch_post(next_id, fetch, first=not chain)
        if data is None:  # a post higher up is gone (deleted, protected)
            incomplete = True
            warnings.append(f"post {next_id} earlier in the thread is not available; the thread starts after it")
            break
        if chain and _author_id(data) != _author_id(chain[0]):
            break
        chain.append(data)
        next_id = _parent_id(data)
        if next_id and data.get("in_reply_to_user_id_str") not in (None, _author_id(data)) \
                and (data.get("in_reply_to_screen_name") or "").lower() != _screen_name(data).lower():
            next_id = None  # a reply to someone else: the thread starts here
    else:
        if next_id:
            incomplete = True
            warnings.append(f"stopped after {count(max_posts, 'post')}; earlier posts were not imported")
    chain.reverse()
    if len(chain) == 1:
        warnings.append("X's public view shows a post and the posts it answers, not later replies: "
                        "link the thread's last post to import all of it")
    user = chain[-1].get("user") or {}
    avatar = _fetch_image(str(user.get("profile_image_url_https") or "").replace("_normal.", "_400x400."),
                          fetch, warnings, "the author's picture", max_side=400)
    posts = [_post(d, fetch, warnings, avatar) for d in chain]
    if cut := [str(d["id_str"]) for d in chain if d.get("note_tweet") and _note(d) is None]:
        one = len(cut) == 1
        warnings.append(f"{count(len(cut), 'long post')} ({', '.join(cut[:3])}{' …' if len(cut) > 3 else ''}) "
                        f"{'is' if one else 'are'} cut at 280 characters: X's public view does not give the rest; "
                        "paste it into the slide, or import your X archive")
    marked = any(THREAD_EMOJI in p.text for p in posts)
    for p in posts:
        p.text = strip_thread_labels(p.text)
    thread = Thread(id=posts[0].id, posts=posts, title=first_line(posts[0].text), incomplete=incomplete,
                    marked_as_thread=marked)
    return ImportResult(threads=[thread], warnings=warnings)


def _fetch_post(post_id: str, fetch: Fetch, first: bool) -> dict | None:
    query = urllib.parse.urlencode({"id": post_id, "lang": "en", "token": syndication_token(post_id)})
    try:
        raw = fetch(f"{ENDPOINT}?{query}")
    except FetchError as exc:
        if exc.status == 404 and not first:
            return None
        raise SourceError(failure_message(exc.status, post_id)) from None
    except (OSError, ValueError):
        raise SourceError(UNREACHABLE) from None
    try:
        data = json.loads(raw) if raw.strip() else {}
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise SourceError(f"Could not import post {post_id}: X answered with something that is not a post. "
                          f"{OFFLINE_HINT}") from None
    if not isinstance(data, dict) or data.get("__typename") not in (None, "Tweet") or not data.get("id_str"):
        if first:
            raise SourceError(f"Could not import post {post_id}: it is not available (deleted, protected or "
                              f"age-restricted). {OFFLINE_HINT}")
        return None
    return data


def _author_id(data: dict) -> str:
    return str((data.get("user") or {}).get("id_str") or "")


def _screen_name(data: dict) -> str:
    return str((data.get("user") or {}).get("screen_name") or "")


def _parent_id(data: dict) -> str | None:
    value = data.get("in_reply_to_status_id_str")
    return str(value) if value and str(value).isdigit() else None


def _post(data: dict, fetch: Fetch, warnings: list[str], avatar: Image | None) -> Post:
    user = data.get("user") or {}
    handle = _screen_name(data)
    post_id = str(data["id_str"])
    images = []
    for i, photo in enumerate(_photos(data), 1):
        img = _fetch_image(photo, fetch, warnings, f"photo {i} of post {post_id}")
        if img is not None:
            images.append(img)
    return Post(id=post_id, text=_text(data), author_name=str(user.get("name") or ""), handle=handle,
                avatar=avatar, images=images, url=f"https://x.com/{handle or 'i'}/status/{post_id}",
                created_at=_iso(str(data.get("created_at") or "")),
                likes=_int(data.get("favorite_count")), reposts=_int(data.get("retweet_count")))


def _note(data: dict) -> dict | None:
    """A long post's full text and its links, when X's answer has them."""
    note = data.get("note_tweet")
    result = ((note.get("note_tweet_results") or {}).get("result") or {}) if isinstance(note, dict) else {}
    return result if isinstance(result, dict) and isinstance(result.get("text"), str) and result["text"].strip() \
        else None


def _text(data: dict) -> str:
    if (note := _note(data)) is not None:
        text = unescape_entities(note["text"])
        urls = ((note.get("entity_set") or {}).get("urls")) or []
    else:
        text = _shown_words(str(data.get("text") or ""), data.get("display_text_range"))
        urls = (data.get("entities") or {}).get("urls") or []
        for m in (data.get("entities") or {}).get("media") or data.get("mediaDetails") or []:
            if isinstance(m, dict) and m.get("url"):
                text = without_link(text, str(m["url"]))
    for u in urls:
        if isinstance(u, dict) and u.get("url"):
            expanded = str(u.get("expanded_url") or u.get("display_url") or u["url"])
            if links_to_itself(expanded, str(data.get("id_str"))):  # after a long post's cut
                text = without_link(text, str(u["url"]))
            else:
                text = text.replace(str(u["url"]), link_as_shown(expanded))
    return clean_text(text, html_markup=False)


def _shown_words(stored: str, display_range: Any) -> str:
    """The post's words within its display range, its entities decoded once (``cleanup.shown_words``)."""
    try:
        start, end = int(display_range[0]), int(display_range[1])
    except (TypeError, ValueError, IndexError, KeyError):
        return unescape_entities(stored)
    return shown_words(stored, start, end)


def _photos(data: dict) -> list[str]:
    details = [m for m in data.get("mediaDetails") or [] if isinstance(m, dict) and m.get("type") == "photo"]
    if details:
        return [str(m.get("media_url_https") or "") for m in details if m.get("media_url_https")]
    return [str(p.get("url")) for p in data.get("photos") or [] if isinstance(p, dict) and p.get("url")]


def _fetch_image(url: str, fetch: Fetch, warnings: list[str], what: str, max_side: int | None = None) -> Image | None:
    if not url:
        return None
    if urllib.parse.urlsplit(url).hostname not in _ALLOWED_HOSTS or not url.startswith("https://"):
        warnings.append(f"skipped {what}: it is not hosted by X")
        return None
    try:
        data = fetch(url)
    except (FetchError, OSError, ValueError):
        warnings.append(f"skipped {what}: could not download it from X")
        return None
    try:
        return load_image(data, name=what, **({"max_side": max_side} if max_side else {}))
    except ImageError as exc:
        warnings.append(f"skipped {what}: {exc}")
    return None


def _iso(value: str) -> str:
    """"2024-05-28T14:04:14.000Z" → "2024-05-28T14:04:14+00:00"."""
    m = re.fullmatch(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)", value)
    if not m:
        return ""
    return m.group(1) + ("+00:00" if m.group(2) == "Z" else m.group(2))


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
