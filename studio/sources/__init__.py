"""Thread import: pasted text, the X data archive, carousel JSON and post links.

Every source cleans its text with ``clean_text`` and returns posts in reading
order. ``load_input`` (the CLI's and the render command's front door) and
``load_threads`` work out which kind of input they were given.
"""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..limits import MAX_TEXT_BYTES, LimitError, megabytes, read_stream
from .archive import archive_folder, read_archive, read_archive_file
from .cleanup import clean_text
from .counting import weighted_length
from .paste import parse_paste
from .result import ImportResult, SourceError, count

if TYPE_CHECKING:
    from ..carousel import Carousel

__all__ = ["ImportResult", "SourceError", "archive_folder", "clean_text", "count", "fetch_post_link",
           "is_tweets_js", "load_input", "load_threads", "parse_paste", "read_archive", "read_archive_file",
           "read_project", "read_text", "weighted_length"]

TEXT_LIMIT = MAX_TEXT_BYTES
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# the archive's tweets.js alone, or a month of the archive of 2012–2018 (data/js/tweets/2014_05.js)
_ARCHIVE_FILE_RE = re.compile(r"[\ufeff\s]*(?:window\.YTD\.tweets?\.part\d+|Grailbird\.data\.tweets_\d{4}_\d\d)\s*=")
# Its array without the "window.YTD… =" line (saved as tweets.json, or pasted from it): items {"tweet": {…}},
# or the posts themselves with their archive fields.
_TWEET_ARRAY_RE = re.compile(r'[\ufeff\s]*\[\s*\{\s*"(?:tweet|edit_info|retweeted|source|entities|display_text_range|'
                             r'favorite_count|id_str|id|truncated|full_text|created_at|lang)"\s*:')


def _is_archive_text(text: str) -> bool:
    """Whether ``text`` is an archive's tweets.js (or its bare array of posts) rather than a thread's words."""
    return bool(_ARCHIVE_FILE_RE.match(text) or _TWEET_ARRAY_RE.match(text))


def __getattr__(name: str):
    """The project reader and the link reader, loaded when first used: they bring in the whole model and its
    layouts, and http.client, which listing an archive's threads does not need."""
    if name in ("read_project", "PROJECT_LIMIT"):
        from . import project
        return getattr(project, name)
    if name == "fetch_post_link":  # the link reader brings in http.client, which reading a file does not need
        from .link import fetch_post_link
        globals()["fetch_post_link"] = fetch_post_link
        return fetch_post_link
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load_input(path: str | Path, notes: list[str] | None = None, **archive_options) -> ImportResult | Carousel:
    """Read a text file, X archive zip or carousel JSON file; "-" reads stdin; a post link is fetched.

    ``archive_options`` go to ``read_archive`` (``load_media``, ``thread_id``, ``progress``); what a carousel file
    needed changed to open (texts cut at their caps, characters removed) is added to ``notes``.
    """
    from .project import PROJECT_LIMIT, read_project
    if str(path) == "-":
        try:
            data = read_stream(sys.stdin.buffer, PROJECT_LIMIT, "stdin")
        except LimitError as exc:
            raise SourceError(str(exc)) from None
        return load_threads(data, name="stdin", notes=notes, fetch=False, **archive_options)
    p = Path(path)
    if not p.exists():
        if _is_link(str(path)):
            return _fetch_post_link(str(path))
        raise SourceError(f"{p.name or path}: file not found")
    if p.is_dir():
        if (root := archive_folder(p)) is None:
            raise SourceError(f"{p.name}: is a folder, but not an extracted X archive (no data/tweets.js); "
                              "give the archive's .zip or folder, a text file or a carousel .json")
        return read_archive(root, **archive_options)
    if not p.is_file():  # opening a FIFO would wait for a writer forever; /dev/zero never ends
        raise SourceError(f"{p.name} is not a regular file (a pipe, device or socket); give a file")
    if is_tweets_js(p):
        return read_archive_file(p, thread_id=archive_options.get("thread_id"))
    try:
        with p.open("rb") as f:
            head = f.read(4)
            if head in _ZIP_MAGIC:
                f.seek(0)
                return read_archive(f, **archive_options)
            if p.suffix.lower() == ".zip":
                raise SourceError(f"{p.name} is not a zip file (expected the .zip X sends as your data archive)")
            f.seek(0)
            data = f.read(PROJECT_LIMIT + 1)
    except OSError as exc:
        raise SourceError(f"{p.name}: cannot be read ({exc.strerror or exc})") from None
    if p.suffix.lower() == ".json" and not _TWEET_ARRAY_RE.match(data[:4096].decode("utf-8", "ignore")):
        return read_project(data, notes)
    return load_threads(data, name=p.name, notes=notes, fetch=False, **archive_options)


def load_threads(source: str | bytes | Path | IO[bytes], *, name: str = "the input", notes: list[str] | None = None,
                 fetch: bool = True, **archive_options) -> ImportResult | Carousel:
    """Detect what ``source`` is — zip bytes or file object, carousel JSON, a post link, or thread text — and read it.

    A ``Path`` is a file to open; a ``str`` is always content (text or a post link),
    never a file name, so text typed into the studio can never reach the server's disk. A lone post link is
    fetched only when ``fetch``: a file or stream that holds one is refused (nobody asked for a fetch).
    """
    from .project import PROJECT_LIMIT, read_project
    if isinstance(source, Path):
        return load_input(source, notes, **archive_options)
    if hasattr(source, "read"):
        head = source.read(4)
        source.seek(0)
        if head in _ZIP_MAGIC:
            return read_archive(source, **archive_options)
        source = source.read(PROJECT_LIMIT + 1)
    if isinstance(source, bytes):
        if source[:4] in _ZIP_MAGIC:
            return read_archive(io.BytesIO(source), **archive_options)
        if source.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return read_project(source, notes)
        text = _decode(source, name)
    else:
        text = source
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        return read_project(stripped, notes)
    if _is_archive_text(stripped):
        return read_archive_file(stripped.encode("utf-8", "surrogatepass"), name=name)
    if len(stripped) > TEXT_LIMIT:
        raise SourceError(f"{name} is {megabytes(len(stripped))}: too large for thread text "
                          f"(the limit is {megabytes(TEXT_LIMIT)})")
    if stripped and "\n" not in stripped.strip() and _is_link(stripped.strip()):
        if not fetch:
            raise SourceError(f"{name} holds only a post link, which is not fetched from a file: to import that "
                              f"post, give the link itself instead of the file ({stripped.strip()[:200]})")
        return _fetch_post_link(stripped.strip())
    if not stripped.strip():
        raise SourceError(f"{name} is empty: nothing to import")
    return parse_paste(text)


def _fetch_post_link(url: str) -> ImportResult:
    """``fetch_post_link`` as this module holds it: loaded on first use (or replaced, in a test)."""
    return getattr(sys.modules[__name__], "fetch_post_link")(url)


def _is_link(text: str) -> bool:
    from .link import parse_post_link
    try:
        parse_post_link(text)
    except SourceError:
        return False
    return True


def is_tweets_js(path: Path) -> bool:
    """Whether the file is an X archive's ``tweets.js`` (or one of its parts) on its own."""
    try:
        with path.open("rb") as f:
            return bool(_ARCHIVE_FILE_RE.match(f.read(256).decode("utf-8", "ignore")))
    except OSError:
        return False


def read_text(text: str, name: str = "the pasted text") -> ImportResult:
    """Pasted text: a thread, or an archive's ``tweets.js`` pasted whole (read as the archive would be)."""
    if not _is_archive_text(text):
        return parse_paste(text)
    result = read_archive_file(text.encode("utf-8", "surrogatepass"), name=name)
    if len(result.threads) > 1:
        result.warnings.append(f"{name} holds {count(len(result.threads), 'thread')}: the one with the most likes "
                               "and reposts comes first (import the archive's .zip to choose another)")
    return result


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; a clear error for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{name} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset "
                          f"{exc.start:,}); save it as UTF-8 and try again") from None
