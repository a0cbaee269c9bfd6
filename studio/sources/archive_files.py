"""The files of an X archive (its zip, its extracted folder, or one data file), read in bounded chunks.

Nothing is extracted to disk or executed. A member whose path would escape a folder is skipped;
a member may inflate to ``MEMBER_LIMIT`` at most; ``window.YTD… = [ … ]`` data files are decoded
one item at a time (``iter_items``), so memory stays bounded however many posts there are.
"""
from __future__ import annotations

import codecs
import json
import os
import posixpath
import re
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any, Callable, Iterator

from ..image import MAX_INPUT_BYTES, Image, ImageError, load_image
from .result import SourceError, count

MEMBER_LIMIT = 512 * 2**20     # no archive file may inflate beyond this
SMALL_FILE_LIMIT = 16 * 2**20  # manifest.js, account.js, profile.js
ITEM_LIMIT = 16 * 2**20        # one post's JSON; anything bigger is damage
CHUNK = 1 << 20
READ_AHEAD = 1 << 16           # an item is parsed with at least this much text behind it (or the file's end)
MAX_ENTRIES = 500_000          # the zip's directory is read into memory: refuse absurd ones first

Progress = Callable[[int, int], None]


class MemberError(Exception):
    """One archive file cannot be read; it is skipped with a warning."""


class Folder:
    """Archive files outside a zip (an extracted folder, or one data file), behind the zip calls the reader uses."""

    def __init__(self, root: Path | None = None):
        self.files: dict[str, Callable[[], IO[bytes]]] = {}
        self.infos: list[zipfile.ZipInfo] = []
        if root is not None:
            for folder, _, names in os.walk(root):  # links to folders are not followed
                for path in (Path(folder, n) for n in names):
                    if path.is_symlink() or not path.is_file():
                        continue
                    if len(self.infos) >= MAX_ENTRIES:
                        raise SourceError(f"{root.name} holds more than {MAX_ENTRIES:,} files; "
                                          "an X archive has far fewer")
                    self.add(path.relative_to(root).as_posix(), path.stat().st_size, lambda p=path: p.open("rb"))

    def add(self, member: str, size: int, opener: Callable[[], IO[bytes]]) -> None:
        info = zipfile.ZipInfo(member)
        info.file_size = size
        self.infos.append(info)
        self.files[member] = opener

    def infolist(self) -> list[zipfile.ZipInfo]:
        return self.infos

    def open(self, info: zipfile.ZipInfo) -> IO[bytes]:
        return self.files[info.filename]()


class ArchiveFiles:
    """The archive's members by path, read with limits; bytes read are reported to ``progress(done, total)``."""

    def __init__(self, zf: zipfile.ZipFile | Folder, progress: Progress | None, warnings: list[str]):
        self.zf, self.progress, self.warnings = zf, progress, warnings
        self.done = self.total = 0
        self.members: dict[str, zipfile.ZipInfo] = {}
        unsafe = []
        for info in zf.infolist():
            if unsafe_name(info.filename):
                unsafe.append(info.filename)
            elif info.filename and not info.is_dir():  # a damaged entry can have no name at all
                # (Windows PowerShell's Compress-Archive writes "data\\tweets.js": read as "data/tweets.js")
                self.members[info.filename.replace("\\", "/")] = info
        if unsafe:
            shown = ", ".join(repr(n) for n in unsafe[:3]) + (" …" if len(unsafe) > 3 else "")
            self.warnings.append(f"skipped {count(len(unsafe), 'file')} with unsafe paths: {shown}")
        roots = archive_roots(self.members)
        self.root = roots[0] if roots else None
        if len(roots) > 1:  # two accounts' archives (or two downloads of one) zipped together: never mixed
            shown = ", ".join(r or "the top folder" for r in roots[:4]) + (" …" if len(roots) > 4 else "")
            self.warnings.append(f"found {len(roots)} X archives in it ({shown}): read only "
                                 f"{self.root or 'the one in the top folder'}; import each other archive on its own")

    def size(self, members: list[str]) -> int:
        """The bytes ``members`` inflate to."""
        return sum(self.members[m].file_size for m in members)

    def listed(self, manifest: dict, key: str, pattern: str) -> list[str]:
        """Files of one data type: those the manifest lists, then those named as X names them (a part the manifest
        leaves out is read too: its posts would be lost unsaid)."""
        entry = manifest.get(key)
        names: list[str] = []
        if isinstance(entry, dict) and isinstance(entry.get("files"), list):
            for f in entry["files"]:
                name = f.get("fileName") if isinstance(f, dict) else None
                if not isinstance(name, str):
                    continue
                member = self.root + name.lstrip("./")
                if member in self.members:
                    names.append(member)
                elif not unsafe_name(name):
                    where = "folder" if isinstance(self.zf, Folder) else "zip"
                    self.warnings.append(f"{name} is listed in the manifest but missing from the {where}")
        regex = re.compile(re.escape(self.root) + pattern + "$")
        found = sorted((n for n in self.members if regex.match(n)), key=part_number)
        return names + [n for n in found if n not in names] if names else found

    def media_dir(self, manifest: dict, key: str, defaults: tuple[str, ...]) -> str:
        """The media folder of one data type ("" when the archive has none): the manifest's, else a default."""
        entry = manifest.get(key)
        listed = entry.get("mediaDirectory") if isinstance(entry, dict) else None
        for d in ([listed] if isinstance(listed, str) and not unsafe_name(listed) else []) + list(defaults):
            prefix = self.root + d.strip("/") + "/"
            if any(n.startswith(prefix) for n in self.members):
                return prefix
        return ""

    def image(self, member: str, max_side: int | None = None) -> Image | None:
        """The photo in ``member``, or None with a warning when it is too large or unreadable."""
        info = self.members[member]
        if info.file_size > MAX_INPUT_BYTES:
            self.warnings.append(f"skipped {member}: {size_text(info.file_size)} is too large for a photo")
            return None
        try:
            data = b"".join(self.chunks(info, MAX_INPUT_BYTES))
            kwargs = {"max_side": max_side} if max_side else {}
            return load_image(data, name=posixpath.basename(member), **kwargs)
        except (MemberError, ImageError) as exc:
            self.warnings.append(f"skipped {member}: {exc}")
        return None

    # ---------------------------------------------------------------- streaming

    def chunks(self, info: zipfile.ZipInfo, limit: int | None = None) -> Iterator[bytes]:
        """The member's bytes in chunks, refusing to inflate past ``limit`` (declared or actual)."""
        limit = limit or MEMBER_LIMIT
        if info.file_size > limit:
            raise MemberError(f"it would inflate to {size_text(info.file_size)} (limit {size_text(limit)})")
        if info.flag_bits & 0x1:
            raise MemberError("it is encrypted")
        read = 0
        try:
            with self.zf.open(info) as f:
                while chunk := f.read(CHUNK):
                    read += len(chunk)
                    if read > limit:
                        raise MemberError(f"it inflates beyond {size_text(limit)}")
                    self.done += len(chunk)
                    self.report()
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError,
                ValueError) as exc:  # ValueError: a damaged header offset ("negative seek value")
            raise MemberError(f"the zip entry is damaged ({exc})") from None

    def text_chunks(self, info: zipfile.ZipInfo, limit: int | None = None) -> Iterator[str]:
        """The member's UTF-8 text in chunks (see ``chunks``)."""
        decoder = codecs.getincrementaldecoder("utf-8")()
        offset = 0
        try:
            for chunk in self.chunks(info, limit):
                yield decoder.decode(chunk)
                offset += len(chunk)
            yield decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise MemberError(f"it is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} "
                               f"at offset {offset + exc.start:,})") from None

    def small_json(self, member: str) -> Any:
        """The JSON value of a small file (manifest.js, account.js …), its ``window.… =`` prefix dropped."""
        text = "".join(self.text_chunks(self.members[member], SMALL_FILE_LIMIT)).lstrip("\ufeff")
        m = _PREFIX_RE.match(text)
        try:
            return json.loads(text[m.end() if m else 0:].rstrip().rstrip(";"))
        except json.JSONDecodeError as exc:
            raise MemberError(f"damaged JSON ({exc.msg} at line {exc.lineno})") from None
        except RecursionError:
            raise MemberError("damaged JSON (nested too deeply)") from None
        except ValueError:  # an integer of more digits than Python converts (4,300)
            raise MemberError("damaged JSON (a number too long to read)") from None

    def read_items(self, member: str, handle: Callable[[Any], bool]) -> None:
        """Feed each item of a ``window.YTD… = [ … ]`` file to ``handle``; warn about what was skipped."""
        bad = read = 0
        try:
            for item in iter_items(self.text_chunks(self.members[member])):
                read += 1
                if not handle(item):
                    bad += 1
        except MemberError as exc:
            self.warnings.append(f"read only the first {count(read, 'item')} of {member}, then skipped the rest: {exc}"
                                 if read else f"skipped {member}: {exc}")
        if bad:
            self.warnings.append(f"skipped {count(bad, 'unreadable item')} in {member}")

    def json_or_none(self, member: str) -> Any:
        """``small_json``, or None with a warning that the damaged file was ignored."""
        try:
            return self.small_json(member)
        except MemberError as exc:
            self.warnings.append(f"ignored {member}: {exc}")
            return None

    def report(self) -> None:
        """Tell ``progress`` how many of the bytes to read are read."""
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


_PREFIX_RE = re.compile(r"\s*(?:window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)"
                        r"|Grailbird\.data\.tweets_\d{4}_\d{2}|var\s+user_details)\s*=\s*")  # (those two: 2012–2018)
_GAP_RE = re.compile(r"[\s,]*")
_CLOSED_RE = re.compile(r"[}\]]\s*\]\s*;?\s*$")  # a data file's end: its last item, then the array, closed


def _cut_short(buf: str, exc: json.JSONDecodeError | StopIteration) -> bool:
    """Whether the item that failed to decode runs to the end of ``buf`` (the whole rest of the file): a file cut
    short inside it, even right after one of its lists closed, rather than damaged before the end."""
    if isinstance(exc, StopIteration):
        return exc.value >= len(buf.rstrip())
    return exc.msg.startswith("Unterminated string") or exc.pos >= len(buf.rstrip())


def iter_items(chunks: Iterator[str]) -> Iterator[Any]:
    """Decode the array of a ``window.YTD.x.partN = [...]`` file one item at a time."""
    scan = json.JSONDecoder().scan_once
    buf, pos, eof = "", 0, False

    def more() -> None:
        nonlocal buf, pos, eof
        chunk = next(chunks, None)
        if chunk is None:
            eof = True
        else:
            buf, pos = buf[pos:] + chunk, 0

    while len(buf) < 512 and not eof:
        more()
    buf = buf.lstrip("\ufeff")
    m = _PREFIX_RE.match(buf)
    pos = m.end() if m else len(buf) - len(buf.lstrip())
    if not buf[pos:pos + 1] == "[":
        raise MemberError("not an archive data file (expected window.YTD… = [ … ])")
    pos += 1
    while True:
        pos = _GAP_RE.match(buf, pos).end()
        if len(buf) - pos < READ_AHEAD and not eof:
            more()  # before the item, not after a failed try: a failed try counts the lines of the whole buffer
            continue
        if pos >= len(buf):
            if eof:
                raise MemberError("the file ends too early (truncated download?)")
            more()
            continue
        if buf[pos] == "]":
            return
        try:
            item, end = scan(buf, pos)  # raw_decode's own step, without its Python frame per item
        except (json.JSONDecodeError, StopIteration) as exc:  # StopIteration: no value starts here
            if eof and (not _CLOSED_RE.search(buf, pos) or _cut_short(buf, exc)):
                raise MemberError("the file ends too early, inside a post (a download cut short? download the "
                                  "archive again to read it all)") from None
            if eof or len(buf) - pos > ITEM_LIMIT:
                msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "Expecting value"  # raw_decode's words
                raise MemberError(f"damaged JSON ({msg.removesuffix(' starting at')})") from None
            more()
            continue
        except RecursionError:
            raise MemberError("damaged JSON (nested too deeply)") from None
        except ValueError:  # an integer of more digits than Python converts (4,300)
            raise MemberError("damaged JSON (a number too long to read)") from None
        pos = end
        yield item


def unsafe_name(name: str) -> bool:
    """A member path that would escape a folder if anyone extracted it: absolute, drive, or ``..``."""
    norm = name.replace("\\", "/")
    return norm.startswith("/") or bool(re.match(r"^[A-Za-z]:", norm)) or ".." in norm.split("/")


_ROOT_RE = re.compile(r"^(.*?)data/(?:manifest|tweets?|tweets?-part\d+|js/tweets/\d{4}_\d\d)\.js$")


def archive_roots(members: dict[str, zipfile.ZipInfo]) -> list[str]:
    """The folders holding an archive's ``data/`` ("" for X's own zip; "twitter-2024…/" when re-zipped), the
    shortest first: more than one when several archives were zipped together."""
    return sorted({m.group(1) for n in members if (m := _ROOT_RE.match(n))}, key=lambda r: (len(r), r))


def size_text(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 1024:,.0f} KB"


def part_number(name: str) -> int:
    m = re.search(r"-part(\d+)\.js$", name)
    return int(m.group(1)) if m else 0


# What counts as an archive's data file: here, where paste.py can import it without a cycle (archive.py imports
# paste.py).
_DATA_KIND_RE = re.compile(r"window\.(?:YTD\.([A-Za-z0-9_]+)(?:\.part\d+)?|(__THAR_CONFIG))\s*=")
POST_KINDS = frozenset({"tweets", "tweet", "community_tweet", "communityTweet"})


def data_file_kind(text: str) -> str | None:
    """The kind of X archive data file ``text`` opens as ("tweets", "account", "manifest" for manifest.js …), None
    when it is none: the one rule for what counts as an archive's data file, given or pasted."""
    m = _DATA_KIND_RE.match(text.lstrip("\ufeff \t\r\n"))
    return m and (m[1] or "manifest")


def not_posts_message(kind: str, name: str) -> str:
    """What to say when ``name`` is the archive's ``kind`` data (not posts) given in place of its posts."""
    return (f"{name} holds the archive's “{kind}” data, not your posts: give data/tweets.js (and tweets-part1.js "
            "… when there are parts) under Archive, or better the archive's .zip")
