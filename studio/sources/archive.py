"""The X data archive (the zip from "Download an archive of your data") → threads.

The archive's files are read item by item, never extracted or executed
(``archive_files``). Threads are the owner's self-reply chains; photos are read
lazily, only for posts that end up in a thread.
"""
from __future__ import annotations

import bisect
import gc
import io
import operator
import posixpath
import re
import struct
import zipfile
import threading
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import IO, Any, Iterator

from ..image import Image
from ..post import Post, Thread
from ..text_patterns import link_as_shown
from .archive_files import (MAX_ENTRIES, POST_KINDS, ArchiveFiles, Folder, MemberError, Progress,
                            data_file_kind, not_posts_message)
from .cleanup import clean_text, links_to_itself, shown_words, unescape_entities, without_link
from .counting import MAX_WEIGHTED_LENGTH, weighted_length
from ..limits import MAX_BODY_CHARS, MAX_POSTS, MAX_WORDS_PER_POST
from .paste import THREAD_EMOJI, first_line, post_number, strip_post_numbers, strip_thread_labels
from .post_caps import MAX_AUTHOR_CHARS, cut_author, cut_note, cut_post_text
from .result import ImportResult, SourceError, count

AVATAR_SIDE = 400

_pauses = 0                 # reads holding the cycle collector right now (imports can run in threads)
_pauses_lock = threading.Lock()
_collector_was_on = True


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold Python's cycle collector while an archive is read.

    A listing keeps tens of thousands of small objects alive, and each full collection walked all of
    them again: a sixth of a 50,000-post listing. The reader makes no reference cycles, so holding
    the collector frees nothing later than it would have been freed.
    """
    global _pauses, _collector_was_on
    with _pauses_lock:
        if _pauses == 0:
            _collector_was_on = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _collector_was_on:
                gc.enable()


@dataclass(slots=True)
class _Tweet:
    """The few fields of an archive post the studio needs (the rest is dropped while streaming)."""

    id: int
    text: str                  # full_text, still HTML-escaped as the archive stores it
    start: int
    end: int
    reply_to: str | None
    reply_user: str | None
    reply_name: str | None
    created: str               # "Tue May 28 14:04:28 +0000 2024"
    likes: int
    reposts: int
    urls: list[tuple[str, str, str]] = field(default_factory=list)   # (t.co, expanded, display)
    media: list[tuple[str, str, str]] = field(default_factory=list)  # (t.co, file name, type)
    versions: tuple[str, ...] = ()  # an edited post: the ids of all its versions (edit_info), first to last
    borrowed: tuple[str, ...] = ()  # file names of media shown from another account's post (source_user_id)



def read_archive(source: str | Path | IO[bytes], progress: Progress | None = None, *,
                 load_media: bool = True, thread_id: str | None = None, name: str | None = None) -> ImportResult:
    """Threads from an X archive zip, best engagement (likes + reposts) first.

    ``progress(done, total)`` is called as bytes are read (``total`` grows once,
    when the photos to read are known). ``load_media=False`` lists photo file
    names in ``ImportResult.media`` instead of decoding them (fast listing);
    ``thread_id`` keeps only that thread; ``name`` is what messages call the file (the creator's
    own file name when ``source`` is an upload's temporary copy).
    """
    label = Path(source).name if isinstance(source, (str, Path)) else getattr(source, "name", "the archive")
    label = Path(str(name or label)).name or "the archive"
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        return _ArchiveReader(Folder(Path(source)), label, progress).read(load_media, thread_id)
    try:
        entries = _entry_count(source)
        zf = zipfile.ZipFile(source) if entries <= MAX_ENTRIES else None
    except FileNotFoundError:
        raise SourceError(f"{label}: file not found") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise SourceError(f"{label} is not a zip file (expected the .zip X sends as your data archive)") from None
    if zf is None:
        raise SourceError(f"{label} lists {entries:,} files; an X archive has far fewer (limit {MAX_ENTRIES:,})")
    with zf:
        return _ArchiveReader(zf, label, progress).read(load_media, thread_id)


TOP_THREAD = "top"  # a thread_id that is no post's id: the thread with the most likes and reposts


def read_archive_file(source: bytes | str | Path, name: str | None = None,
                      thread_id: str | None = None) -> ImportResult:
    """Threads from the archive's ``tweets.js`` given on its own (a file, its path as text, or its bytes): text
    only, no photos. With ``thread_id`` only that thread (TOP_THREAD: the top one), read whole (its "2/", "3/" …
    read as on an import of the zip); else a fast listing, whose threads keep the numbers of posts after the
    first."""
    source = Path(source) if isinstance(source, str) else source
    name = name or (source.name if isinstance(source, Path) else "tweets.js")
    folder = Folder()
    # named as in the archive, so a note names the file given ("data/tweets-part1.js")
    member = "data/" + (Path(name).name if _POSTS_FILE_RE.fullmatch(Path(name).name) else "tweets.js")
    if isinstance(source, Path):
        if not source.is_file():
            raise SourceError(f"{name}: file not found")
        with source.open("rb") as f:
            _check_posts_file(f.read(512), name)
        folder.add(member, source.stat().st_size, lambda: source.open("rb"))
    else:
        _check_posts_file(source[:512], name)
        folder.add(member, len(source), lambda: io.BytesIO(source))
    result = _ArchiveReader(folder, name, None).read(False, thread_id, alone=True)
    if not result.threads:
        raise SourceError(f"{name} has no thread: {result.warnings[-1]}")
    result.media.clear()
    result.warnings.append("read as an X archive's tweets.js on its own: no photos, and a big archive keeps more "
                           "posts in tweets-part1.js, …; give the archive's .zip or its extracted folder to read all")
    return result


_POSTS_FILE_RE = re.compile(r"tweets?(?:-part\d+)?\.js")
def _check_posts_file(head: bytes, name: str) -> None:
    """Refuse, naming it, another data file of the archive given in place of its posts (account.js …)."""
    kind = data_file_kind(head.decode("utf-8", "ignore"))
    if kind and kind not in POST_KINDS:
        raise SourceError(not_posts_message(kind, name))


def archive_folder(path: Path) -> Path | None:
    """The extracted archive folder at or just above ``path`` (the folder or its ``data/``), else None; or ``path``
    itself when the archive is its one folder ("twitter-2024-05-28-…/data/": a zip of the archive's folder)."""
    for root in (path, path.parent) if path.name == "data" else (path,):
        if _holds_archive(root):
            return root
    try:
        inner = _one_entry(path)
    except OSError:
        return None
    return path if inner is not None and inner.is_dir() and _holds_archive(inner) else None


_MAX_FOLDER_ENTRIES = 1_000


def _one_entry(path: Path) -> Path | None:
    """The one entry of the folder beside a Mac's own (dotfiles, __MACOSX), else None: two are not guessed
    between. SourceError past 1,000 entries (never a long walk through a folder that is no archive)."""
    found = None
    for n, child in enumerate(path.iterdir()):
        if n >= _MAX_FOLDER_ENTRIES:
            raise SourceError(f"{path.name}: is a folder of more than {_MAX_FOLDER_ENTRIES:,} files, not an "
                              "extracted X archive (no data/tweets.js): choose the archive's own folder or its .zip")
        if child.name.startswith(".") or child.name == "__MACOSX":
            continue
        if found is not None:
            return None
        found = child
    return found


def _holds_archive(root: Path) -> bool:
    return any((root / "data" / f).is_file() for f in ("manifest.js", "tweets.js", "tweet.js", "tweets-part1.js",
                                                      "js/tweet_index.js"))


class _Notes:
    """What the creator is told about the archive: ``warnings`` in the order found, and the posts later notes
    name (long posts cut, quotes hidden, damaged entries, threads cut at MAX_POSTS)."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.cut_posts: list[str] = []  # long posts whose full text the archive lacks
        self.posts_file_alone = False  # tweets.js given without the rest of the archive (no note-tweet.js)
        self.unmatched: list[str] = []  # long posts cut where note-tweet.js has a long post of that time not theirs
        self.quotes: dict[str, list[str]] = {}  # post → the links of the posts it quotes, hidden by its range
        self.damaged: set[str] = set()  # posts with links or media entries that could not be read
        self.bad_ranges: set[str] = set()  # posts whose display range could not be read
        self.bad_dates: dict[str, str] = {}  # post → the date it gives that names no time (Feb 30, …:60)
        self.long_threads: dict[str, tuple[int, list[str]]] = {}  # thread id → (its posts, the posts left out)
        self.forks: dict[str, list[tuple[str, str]]] = {}  # post with two own replies → (post left out, its words)
        self.gaps: dict[str, set[str]] = {}  # a post answering deleted posts → those posts
        self.deleted_at = 0  # where the note on deleted posts goes among the warnings

    def add(self, note: str) -> None:
        self.warnings.append(note)

    def loops(self, loops: list[str]) -> None:
        """A note on threads whose posts reply to each other in a loop."""
        if not loops:
            return
        shown = ", ".join(loops[:3]) + (" …" if len(loops) > 3 else "")
        self.add(f"{count(len(loops), 'thread')} of the archive "
                 f"{'answers itself' if len(loops) == 1 else 'answer themselves'} in a loop (posts that reply to "
                 f"each other: a damaged archive); read from the earliest post of the loop ({shown})")

    def deleted(self, shown_posts: set[str]) -> None:
        """A note on the deleted posts the shown threads go on across (``gaps``), where the archive's reading
        reached them (``deleted_at``): those of other threads are not counted."""
        skipped = set().union(*(self.gaps[post] for post in shown_posts & self.gaps.keys()))
        if skipped:
            self.warnings.insert(self.deleted_at, f"left out {count(len(skipped), 'post')} you deleted (listed in "
                                 "data/deleted-tweets.js): the thread goes on from the post before")

    def author(self, handle: str, name: str) -> tuple[str, str]:
        """The account's handle and name cut at MAX_AUTHOR_CHARS (a damaged account.js), with a note."""
        for what, value in (("handle", handle), ("display name", name)):
            if len(value) > MAX_AUTHOR_CHARS:
                self.add(f"the account's {what} in the archive is {len(value):,} characters; it is cut "
                         f"at {MAX_AUTHOR_CHARS:,} on the slides")
        return cut_author(handle), cut_author(name)

    def capped(self, chain: list[str]) -> list[str]:
        """A chain of at most MAX_POSTS posts; a longer one is cut there and noted in ``long_threads``."""
        if len(chain) <= MAX_POSTS:
            return chain
        self.long_threads[chain[0]] = (len(chain), chain[MAX_POSTS:])
        return chain[:MAX_POSTS]

    def shown(self, threads: list[Thread], joins: list[tuple[str, int]]) -> None:
        """The notes about the threads read: cut long threads, damaged entries, joins across deleted posts."""
        thread_ids = {t.id for t in threads}
        self._long(thread_ids)
        self._damaged({post.id for t in threads for post in t.posts})
        self._joins(joins, thread_ids)
        self._forks(threads)

    def _damaged(self, shown_posts: set[str]) -> None:
        """Notes naming the shown posts whose links, media entries or display range the archive holds in an
        unreadable shape."""
        if bad := sorted(self.damaged & shown_posts, key=int):
            shown = ", ".join(bad[:3]) + (" …" if len(bad) > 3 else "")
            self.add(f"{count(len(bad), 'post')} ({shown}) list{'s' if len(bad) == 1 else ''} links or "
                     "photos in a shape the archive does not use: their words are kept as written "
                     "(a t.co link stays short, a photo may be missing)")
        if bad := sorted(self.bad_dates.keys() & shown_posts, key=int):
            one = len(bad) == 1
            shown = ", ".join(f"{post} “{self.bad_dates[post]}”" for post in bad[:3]) + (" …" if len(bad) > 3 else "")
            self.add(f"{count(len(bad), 'post')} ({shown}) {'gives' if one else 'give'} a date that does not "
                     "exist or that X cannot have written (before March 2006, in the future, a clock offset over "
                     f"14 hours: a damaged archive): {'it is' if one else 'they are'} read without a date, "
                     "words kept as written")
        if bad := sorted(self.bad_ranges & shown_posts, key=int):
            shown = ", ".join(bad[:3]) + (" …" if len(bad) > 3 else "")
            one = len(bad) == 1
            self.add(f"{count(len(bad), 'post')} ({shown}) {'gives' if one else 'give'} the part of "
                     f"{'its' if one else 'their'} text X shows (display_text_range) in a shape the "
                     "archive does not use: the whole text is read, less a reply's leading @names; "
                     "check the slide")

    def _long(self, shown_threads: set[str]) -> None:
        """A note for each shown thread cut at MAX_POSTS: how many posts were left out, from which one."""
        for first, (total, left) in self.long_threads.items():
            if first in shown_threads:
                self.add(f"thread {first} has {total:,} posts; a carousel holds at most {MAX_POSTS}: its first "
                         f"{MAX_POSTS} are read and the last {total - MAX_POSTS:,} (from post {MAX_POSTS + 1}, "
                         f"{left[0]}) are left out{self._forks_past_cut(left)}. The archive keeps them all: "
                         "import the rest as another project by pasting them")

    def _forks_past_cut(self, left: list[str]) -> str:
        """The forks among the posts a thread leaves out past MAX_POSTS, named with the posts of their other
        branches ("" when none): those are left out too, and no fork note names them."""
        forks = [(MAX_POSTS + 1 + i, post, self.forks[post]) for i, post in enumerate(left) if post in self.forks]
        if not forks:
            return ""
        more = sum(len(branch) for _, _, branch in forks)
        shown = "; ".join(f"at post {n}, {post}: {', '.join(i for i, _ in branch[:3])}{' …' if len(branch) > 3 else ''}"
                          for n, post, branch in forks[:3]) + (" …" if len(forks) > 3 else "")
        return f", as {'is' if more == 1 else 'are'} {count(more, 'more post')} where the thread forks past the cut ({shown})"

    def _forks(self, threads: list[Thread]) -> None:
        """A note for each post of a shown thread that the owner replied to twice: which posts the thread leaves
        out (the branch not followed), never dropped unsaid."""
        if not self.forks:
            return
        for thread in threads:
            for n, post in enumerate(thread.posts, 1):
                if left := self.forks.get(post.id):
                    self._fork(thread.id, n, left)

    def _fork(self, thread_id: str, position: int, left: list[tuple[str, str]]) -> None:
        first_id, words = left[0]
        words = words if len(words) <= 60 else words[:59].rstrip() + "…"
        shown = first_id + (f" “{words}”" if words else "") + "".join(f", {i}" for i, _ in left[1:3])
        one = len(left) == 1
        self.add(f"post {position} of thread {thread_id} has more than one reply of yours, so the thread forks "
                 "there: the slides follow one branch (the one with the most posts; of equal ones, the first "
                 f"written) and leave out {count(len(left), 'post')} ({shown}{' …' if len(left) > 3 else ''}); "
                 f"paste {'it' if one else 'them'} into the slides if {'it belongs' if one else 'they belong'}")

    def _joins(self, joins: list[tuple[str, int]], shown_threads: set[str]) -> None:
        """A note for each imported thread that goes on across a deleted post."""
        for first, position in joins:
            if first in shown_threads and position <= MAX_POSTS:  # a gap past the cut is left out with its posts
                self.add(f"post {position} of thread {first} answers a post of yours that is not in "
                         "the archive (deleted, most likely): it was written minutes after post "
                         f"{position - 1}, so the thread goes on across the gap; check the slides there")

    def cut(self, shown_ids: set[str]) -> None:
        """A note naming the shown long posts whose full text the archive does not hold (or holds unmatched)."""
        if unmatched := [p for p in self.unmatched if p in shown_ids]:
            one = len(unmatched) == 1
            self.add(f"{count(len(unmatched), 'post')} ({', '.join(unmatched[:3])}"
                     f"{' …' if len(unmatched) > 3 else ''}) may be cut at 280 characters: data/note-tweet.js has "
                     f"a long post written at that time whose words do not start as {'its' if one else 'theirs'} "
                     "do; check the slide against the post on X and paste any rest")
        if cut := [p for p in self.cut_posts if p in shown_ids]:
            one = len(cut) == 1
            shown = ", ".join(cut[:3]) + (" …" if len(cut) > 3 else "")
            where = ("X keeps the rest in the archive's data/note-tweet.js, not given here: import the archive's "
                     ".zip or folder to read " + ("it" if one else "them") + " whole, or paste the rest into the slide"
                     if self.posts_file_alone else "the archive's data/note-tweet.js has no full text for "
                     + ("it" if one else "them") + "; paste the rest into the slide")
            self.add(f"{count(len(cut), 'long post')} ({shown}) {'is' if one else 'are'} cut at 280 characters: {where}")

    def quoting(self, threads: list[Thread]) -> None:
        """A note naming the posts of the shown threads that quote a post: X shows the quoted post under the
        words; the slides never show another post, and write the link only where the post has no words of its
        own."""
        quoting = [(i + 1, post, self.quotes[post.id]) for thread in threads
                   for i, post in enumerate(thread.posts) if post.id in self.quotes]
        if not quoting:
            return
        shown = "; ".join(f"post {n} ({post.id}): {', '.join(links)}" for n, post, links in quoting[:3])
        self.add(f"{count(len(quoting), 'post')} quote{'s' if len(quoting) == 1 else ''} another "
                 f"post, which X shows under the words and the slides leave out ({shown}"
                 f"{' …' if len(quoting) > 3 else ''}); a post with no words of its own shows the link")

    def video(self, skipped: str, post_id: str, label: str) -> None:
        self.add(f"The {skipped} in post {post_id} was not embedded (slides show photos only)"
                 + (f"; its slide says {label}" if label else ""))

    def missing_photos(self, lost: dict[str, int], folder: str) -> None:
        if not lost:
            return
        shown = ", ".join(sorted(lost, key=int)[:3]) + (" …" if len(lost) > 3 else "")
        self.add(f"{count(sum(lost.values()), 'photo')} of {count(len(lost), 'post')} ({shown}) "
                 f"{'is' if sum(lost.values()) == 1 else 'are'} not in the archive's {folder} folder: "
                 "those slides show the text without them")

    def borrowed_photos(self, borrowed: list[str]) -> None:
        if not borrowed:
            return
        shown = ", ".join(sorted(borrowed, key=int)[:3]) + (" …" if len(borrowed) > 3 else "")
        self.add(f"{count(len(borrowed), 'post')} ({shown}) {'shows' if len(borrowed) == 1 else 'show'}"
                 " a photo or video from another account's post: not put on the slides (they show "
                 "your own photos only)")


class _ArchiveContents:
    """Reading the archive's files: which hold the posts, the long posts, the deleted ones, the account and its
    picture."""

    def __init__(self, zf: zipfile.ZipFile | Folder, label: str, progress: Progress | None, notes: _Notes):
        self.label = label
        self.folder = isinstance(zf, Folder)
        self.files = ArchiveFiles(zf, progress, notes.warnings)
        self.user_info: dict = {}  # the manifest's account summary, used when account.js is missing
        self.manifest: dict = {}

    def read_manifest(self) -> None:
        member = self.files.root + "data/manifest.js"
        if member not in self.files.members:
            return
        data = self.files.json_or_none(member)
        if not isinstance(data, dict):
            return
        if isinstance(data.get("userInfo"), dict):
            self.user_info = data["userInfo"]
        self.manifest = data.get("dataTypes") if isinstance(data.get("dataTypes"), dict) else {}

    def post_files(self) -> list[str]:
        """The owner's posts: tweets.js (tweet.js before 2020) and its parts, then the posts the owner wrote in a
        community (community-tweet.js, the same items: a thread posted there is the owner's too)."""
        listed, manifest = self.files.listed, self.manifest
        own = (listed(manifest, "tweets", r"data/tweets(?:-part\d+)?\.js")
               or listed(manifest, "tweet", r"data/tweet(?:-part\d+)?\.js")
               or sorted(listed(manifest, "", _OLD_MONTH_FILE)))  # the archive of 2012–2018: a file a month
        return own and own + listed(manifest, "communityTweet", r"data/community-tweet(?:-part\d+)?\.js")

    def long_post_files(self) -> list[str]:
        return self.files.listed(self.manifest, "noteTweet", r"data/note-tweet(?:-part\d+)?\.js")

    def deleted_post_files(self) -> list[str]:
        return self.files.listed(self.manifest, "deletedTweets", r"data/deleted-tweets(?:-part\d+)?\.js")

    def account(self) -> tuple[str, str, str]:
        """(account id, handle, display name) from account.js, else from the manifest's userInfo."""
        for member in self.files.listed(self.manifest, "account", r"data/account\.js"):
            items = self.files.json_or_none(member)
            for item in items if isinstance(items, list) else []:
                acc = item.get("account") if isinstance(item, dict) else None
                if isinstance(acc, dict):
                    return (str(acc.get("accountId") or ""), str(acc.get("username") or ""),
                            str(acc.get("accountDisplayName") or ""))
        for member in self.files.listed(self.manifest, "", r"data/js/user_details\.js"):  # the archive of 2012–2018
            user = self.files.json_or_none(member)
            if isinstance(user, dict):
                return (str(user.get("id") or ""), str(user.get("screen_name") or ""),
                        str(user.get("full_name") or ""))
        info = self.user_info
        return str(info.get("accountId") or ""), str(info.get("userName") or ""), str(info.get("displayName") or "")

    def avatar(self, author_id: str) -> Image | None:
        """The account's picture from profile_media/: the one profile.js names; with no profile.js, the account's
        file there, never its header (banner). A picture profile.js names but the archive lacks (X's default
        picture) is none: another file is not guessed."""
        folder = self.files.media_dir(self.manifest, "profileMedia", ("data/profile_media",))
        if not folder:
            return None
        wanted = header = ""
        for member in self.files.listed(self.manifest, "profile", r"data/profile\.js"):
            try:
                profile = self.files.small_json(member)[0]["profile"]
                wanted = posixpath.basename(str(profile.get("avatarMediaUrl") or ""))
                header = posixpath.basename(str(profile.get("headerMediaUrl") or ""))
            except (MemberError, LookupError, TypeError, AttributeError):
                pass
        files = sorted(n for n in self.files.members if n.startswith(folder) and not _file_of(n, header))
        if wanted:
            chosen = next((n for n in files if _file_of(n, wanted)), None)
        else:
            chosen = next((n for n in files if posixpath.basename(n).startswith(author_id + "-")), None)
            chosen = chosen or (files[0] if files else None)
        return self.files.image(chosen, max_side=AVATAR_SIDE) if chosen else None

    def photo_folders(self) -> tuple[str, tuple[str, ...]]:
        """The posts' photo folder ("" when none), and every folder holding posts' photos."""
        folder = self.files.media_dir(self.manifest, "tweets", ("data/tweets_media", "data/tweet_media"))
        if not folder:
            folder = self.files.media_dir(self.manifest, "tweet", ("data/tweet_media",))
        # a post written in a community keeps its photos in their own folder
        community = self.files.media_dir(self.manifest, "communityTweet", ("data/community_tweet_media",))
        return folder, tuple(f for f in (folder, community) if f)

    def not_an_archive(self) -> SourceError:
        """What to say when no archive's files are found: another zip inside, or no posts at all."""
        inner = sorted(posixpath.basename(n) for n in self.files.members if _may_be_archive_zip(n))
        named = f"({', '.join(inner[:3])}{' …' if len(inner) > 3 else ''})"
        if inner and self.folder:  # the folder the archive's zip was downloaded to
            return SourceError(f"{self.label} is a folder with a zip in it {named}, not the archive's files: "
                               "import the archive's .zip itself")
        if inner:  # the archive zipped again, or sent inside another zip
            return SourceError(f"{self.label} holds another zip {named}, not the archive's files: unzip "
                               f"{self.label} once and import the .zip that was inside it")
        loose = sorted((n for n in self.files.members if _LOOSE_TWEETS_RE.search(n)), key=lambda n: (len(n), n))
        if loose:  # the files of data/ zipped without their folder
            return SourceError(f"{self.label} holds {loose[0]}, but not in a data/ folder as X's archive has it: "
                               "import the .zip X sent, or zip the archive's whole folder (the one holding data/)")
        return SourceError(f"{self.label} has no posts: it is a zip, but not an X archive (no data/tweets.js)")


def _read_posts(contents: _ArchiveContents, notes: _Notes, files_of: tuple[list[str], list[str]],
                author_id: str | None, after_gap: set[str]) -> tuple[dict[str, _Tweet], dict[str, _Tweet | None]]:
    """The owner's posts by id (edits merged, deleted ones left out), and the others the threads may need:
    reposts and replies to others (kept if they open a thread). ``files_of``: the files of posts and of deleted
    posts."""
    files = contents.files
    post_files, deleted_files = files_of
    tweets: dict[str, _Tweet] = {}
    others: dict[str, _Tweet | None] = {}
    for member in post_files:
        files.read_items(member, partial(_add_tweet, tweets, others, author_id, damaged=notes.damaged,
                                         bad_ranges=notes.bad_ranges))
    if not tweets and not others:
        raise SourceError(f"{contents.label} has no posts that could be read"
                          + (f" ({notes.warnings[-1]})" if notes.warnings else ""))
    deleted: dict[str, str | None] = {}
    for member in deleted_files:
        files.read_items(member, lambda item: _add_deleted(deleted, author_id, item))
    keep_answers(tweets, others, deleted)
    moved = merge_edits(tweets)
    if moved:  # a deleted post answered an edited one: the thread goes on from the version kept
        deleted = {id_str: moved.get(parent, parent) for id_str, parent in deleted.items()}
    skip_deleted(tweets, deleted, after_gap, notes.gaps)
    notes.deleted_at = len(notes.warnings)
    return tweets, others


class _ArchiveReader:
    """One read of an archive: its files, then the posts, the threads they form, the notes, the photos."""

    def __init__(self, zf: zipfile.ZipFile | Folder, label: str, progress: Progress | None):
        self.label = label
        self.notes = _Notes()
        self.contents = _ArchiveContents(zf, label, progress, self.notes)
        self.files = self.contents.files

    def read(self, load_media: bool, thread_id: str | None, alone: bool = False) -> ImportResult:
        """The archive's threads (see ``read_archive``); ``alone``: one data file given on its own, with no photos
        to look for and no note-tweet.js beside it."""
        self.notes.posts_file_alone = alone
        with _collector_paused():
            return self._read(load_media, thread_id, not alone)

    def _read(self, load_media: bool, thread_id: str | None, photos: bool) -> ImportResult:
        contents, notes = self.contents, self.notes
        if self.files.root is None:
            raise contents.not_an_archive()
        contents.read_manifest()
        post_files = contents.post_files()
        if not post_files:
            raise SourceError(f"{self.label} has no posts: no data/tweets.js in this archive")
        long_files, deleted_files = contents.long_post_files(), contents.deleted_post_files()
        self.files.total = self.files.size(post_files + long_files + deleted_files)
        author_id, handle, name = contents.account()
        after_gap: set[str] = set()  # posts that come right after a deleted one in their thread
        tweets, others = _read_posts(contents, notes, (post_files, deleted_files), author_id, after_gap)
        handle, name = notes.author(handle or _guess_handle(tweets), name)
        chains, joins, loops = self._chains(tweets, others, (author_id, handle), after_gap)
        long_posts = self._long_posts(long_files, chains)
        chains = [(notes.capped(chain), incomplete) for chain, incomplete in chains
                  if _is_thread(chain, tweets, long_posts)]
        if thread_id == TOP_THREAD:
            thread_id = _top(chains, tweets)
        result = ImportResult(warnings=notes.warnings)
        writer = _ThreadWriter(tweets, long_posts, name, handle, notes, after_gap)
        result.threads = self._threads(chains, (tweets, others), writer, load_media, thread_id)
        if thread_id is not None:
            result.threads = [result.thread(thread_id)]  # (a SourceError naming it when it is not there)
        notes.deleted({post.id for t in result.threads for post in t.posts})
        notes.shown(result.threads, joins)
        opened = {chain[0] for chain, incomplete in chains if incomplete} | set(loops)  # by an own reply
        result.answers = _answered(result.threads, tweets, opened)
        notes.cut({post.id for t in result.threads for post in t.posts})
        if load_media or thread_id is not None:  # (a listing names no post of threads not yet chosen)
            notes.quoting(result.threads)
        if photos:
            _Photos(contents, notes, tweets).attach(result, load_media)
        if load_media and result.threads:
            avatar = contents.avatar(author_id)
            for thread in result.threads:
                for post in thread.posts:
                    post.avatar = avatar
        self.files.done = self.files.total
        self.files.report()
        return result

    def _chains(self, tweets: dict[str, _Tweet], others: dict[str, _Tweet | None], account: tuple[str, str],
                after_gap: set[str]) -> tuple[list[tuple[list[str], bool]], list[tuple[str, int]], list[str]]:
        """The owner's reply chains, the joins made across deleted posts (their posts after the gap are added to
        ``after_gap``), and the loops of replies found."""
        author_id, handle = account
        joins: list[tuple[str, int]] = []
        loops: list[str] = []
        forks: dict[str, list[str]] = {}
        chains = _build_threads(tweets, others, author_id, handle, joins, loops, forks)
        self.notes.loops(loops)
        self.notes.forks = {post: [(left, first_line(_clean(_raw_text(tweets[left])))) for left in branches]
                            for post, branches in forks.items()}
        by_first = {chain[0]: chain for chain, _ in chains}
        after_gap.update(by_first[first][position - 1] for first, position in joins)
        return chains, joins, loops

    def _long_posts(self, long_files: list[str], chains: list) -> _NoteIndex:
        """The long posts of note-tweet.js (read only when there is a chain to match them to)."""
        long_posts = _NoteIndex()
        if long_files and chains:
            for member in long_files:
                self.files.read_items(member, long_posts.add)
        return long_posts

    def _threads(self, chains: list, posts: tuple[dict, dict], writer: _ThreadWriter, load_media: bool,
                 thread_id: str | None) -> list:
        """The threads built from their chains of post ids, most liked first (only ``thread_id``'s, if it is one)."""
        if thread_id is not None and any(chain[0] == thread_id for chain, _ in chains):
            chains = [(chain, incomplete) for chain, incomplete in chains if chain[0] == thread_id]  # only it is built
        listing = not load_media and thread_id is None
        tweets, others = posts
        threads = [self._thread(chain, incomplete, writer, listing) for chain, incomplete in chains]
        threads.sort(key=lambda t: (-(t.likes + t.reposts), -int(t.id)))
        if not threads:
            self.notes.add(f"{count(len(tweets) + len(others), 'post')} read, but none form a thread "
                           "(a post followed by your own replies to it)")
        return threads

    def _thread(self, chain: list[str], incomplete: bool, writer: _ThreadWriter, listing: bool = False) -> Thread:
        """The thread of ``chain`` (see ``_ThreadWriter``)."""
        return writer.thread(chain, incomplete, listing)


def _is_thread(chain: list[str], tweets: dict[str, _Tweet], long_posts: _NoteIndex) -> bool:
    """A thread is two or more posts, or one long post (X keeps those in note-tweet.js)."""
    return len(chain) >= 2 or bool(long_posts.by_time and long_posts.match(tweets[chain[0]]))


class _ThreadWriter:
    """The posts of a reply chain as the slides read them: long posts whole, links written out, "2/" dropped."""

    def __init__(self, tweets: dict[str, _Tweet], long_posts: _NoteIndex, name: str, handle: str, notes: _Notes,
                 after_gap: set[str]):
        self.tweets, self.notes, self.after_gap = tweets, notes, after_gap
        self.name, self.handle = name, handle
        self.long_posts = long_posts
        self.note_of = long_posts.match if long_posts.by_time else None  # most archives have no long post
        self.link = f"https://x.com/{handle}/status/" if handle else "https://x.com/i/status/"

    def thread(self, chain: list[str], incomplete: bool, listing: bool = False) -> Thread:
        """The thread of ``chain``. ``listing``: the words of posts after the first are cleaned when first read
        (a listing shows the first line); only where that cannot decide whether the thread is marked (🧵)."""
        posts: list[Post] = []
        marked, cut = False, []
        for post_id in chain:
            post, marks, text_cut = self._post(post_id, defer=listing and bool(posts), marked=marked)
            if text_cut:
                cut.append((len(posts), *text_cut))
            marked = marked or marks
            posts.append(post)
        # "1/", "2/" … as on a pasted thread: the slides number themselves. A listing reads them only when the
        # first post carries a number (rare), so its title is the one an import gives.
        if not listing or post_number(posts[0].text) is not None:
            gaps = {i for i, post_id in enumerate(chain) if post_id in self.after_gap}
            for post, text in zip(posts, strip_post_numbers([p.text for p in posts], gaps=gaps)):
                post.text = text or post.text
        for i, whole, last in cut:  # named once its "4/" is gone, so the count is what the slide holds
            self.notes.add(cut_note(f"post {i + 1} ({chain[i]})", whole, posts[i].text, last,
                                    "; the archive keeps it whole"))
        return Thread(id=chain[0], posts=posts, title=first_line(posts[0].text),
                      incomplete=incomplete, marked_as_thread=marked)

    def _post(self, post_id: str, defer: bool, marked: bool) -> tuple[Post, bool, tuple[str, str] | None]:
        """One post of the thread, whether its words mark a thread (🧵), and (its whole text, the words cut) when
        its text is cut at the slide's limit. ``defer``: its words may be cleaned when first read, unless they
        could mark the thread."""
        t = self.tweets[post_id]
        note = self.note_of(t) if self.note_of else None
        self._check_long(t, post_id, note)
        label = _moving_label(t) if t.media else ""
        shown = shown_words(t.text, t.start, t.end)
        if quoted := _hidden_quotes(t, shown) if t.urls else None:
            self.notes.quotes[post_id] = quoted
        post = Post(id=post_id, text="", author_name=self.name, handle=self.handle, url=self.link + post_id,
                    created_at=_shown_date(t.created), likes=t.likes, reposts=t.reposts)
        if not post.created_at and t.created.strip():  # (any date given and not read: "yesterday-ish" too)
            self.notes.bad_dates[post_id] = t.created[:40]
        raw = None if note else _raw_text(t, shown, quoted)
        if defer and raw is not None and (marked or _cannot_hold_emoji(raw)) and not _near_cap(raw, label):
            post.defer("text", _post_text, raw, label)
            return post, False, None
        text = _note_text(note, _plumbing(t), shown) if note else _clean(raw)
        whole = _with_label(text, label)
        post.text, last = cut_post_text(whole)
        return post, THREAD_EMOJI in text, ((whole, last) if last else None)

    def _check_long(self, t: _Tweet, post_id: str, note: dict | None) -> None:
        """Note a long post whose full text the archive lacks, or holds under words not its own."""
        if not note and (t.urls and any(links_to_itself(expanded, t.id) for _, expanded, _ in t.urls)
                         or _cut_at_limit(t)):
            self.notes.cut_posts.append(post_id)
        elif not note and self.note_of and self.long_posts.near(t) and _at_limit(t):  # (near: the cheaper test)
            self.notes.unmatched.append(post_id)


class _Photos:
    """The photos of the posts read: found in the archive's media folders, decoded or only named."""

    def __init__(self, contents: _ArchiveContents, notes: _Notes, tweets: dict[str, _Tweet]):
        self.contents, self.files, self.notes, self.tweets = contents, contents.files, notes, tweets
        self.folder, self.folders = contents.photo_folders()

    def attach(self, result: ImportResult, load_media: bool) -> None:
        """Each shown post's photos: decoded onto it (``load_media``), else named in ``result.media``."""
        by_post = self._files_by_post(result.threads)
        plan: list[tuple[Post, list[str]]] = []
        missing: dict[str, int] = {}
        borrowed: list[str] = []
        for thread in result.threads:
            for post in thread.posts:
                t = self.tweets[post.id]
                if not t.media and post.id not in by_post:  # most posts: no photo, nothing missing, nothing to read
                    continue
                if t.borrowed:
                    borrowed.append(post.id)
                found = by_post.get(post.id, [])
                files, skipped, missing[post.id] = _media_files(t, found, found[0].rsplit("/", 1)[0] + "/"
                                                                if found else self.folder)
                if skipped:
                    self.notes.video(skipped, post.id, _moving_label(t))
                if load_media:
                    plan.append((post, files))
                elif files:
                    result.media[post.id] = [posixpath.basename(f) for f in files]
        self.notes.missing_photos({post_id: n for post_id, n in missing.items() if n},
                                  (self.folder or self.files.root + "data/tweets_media/").rstrip("/"))
        self.notes.borrowed_photos(borrowed)
        self._decode(plan)

    def _files_by_post(self, threads: list[Thread]) -> dict[str, list[str]]:
        """The photo files of the shown posts by post id (an edited post's may be filed under another version)."""
        by_post: dict[str, list[str]] = defaultdict(list)
        wanted = {p.id: p.id for t in threads for p in t.posts}
        for post_id in list(wanted):
            for version in self.tweets[post_id].versions:
                wanted.setdefault(version, post_id)
        folders = self.folders
        for name in self.files.members:
            if folders and name.startswith(folders):
                post_id = posixpath.basename(name).split("-", 1)[0]
                if post_id in wanted:
                    by_post[wanted[post_id]].append(name)
        return by_post

    def _decode(self, plan: list[tuple[Post, list[str]]]) -> None:
        self.files.total += sum(self.files.members[f].file_size for _, files in plan for f in files)
        for post, files in plan:
            post.images = [img for img in (self.files.image(f) for f in files) if img is not None]


def _file_of(member: str, key: str) -> bool:
    """Whether the archive's ``member`` ("…/1402…-abc.jpeg") is the picture ``key`` names ("abc.jpeg"; a banner's
    key, "1600000000", has no extension)."""
    return bool(key) and posixpath.splitext(posixpath.basename(member))[0].endswith(
        "-" + posixpath.splitext(key)[0])


def _top(chains: list[tuple[list[str], bool]], tweets: dict[str, _Tweet]) -> str | None:
    """The first post of the chain that leads the threads' order (most likes and reposts, then the latest)."""
    if not chains:
        return None
    return max(chains, key=lambda c: (sum(tweets[i].likes + tweets[i].reposts for i in c[0]), int(c[0][0])))[0][0]


def _cut_at_limit(t: _Tweet) -> bool:
    """A long post whose note-tweet.js entry is missing, as the archive marks it: its shown text stops in "…" near
    X's limit and X's link to the rest ("https://t.co/…") follows outside the display range, even where its
    entity is gone. A post that ends in its own "…" has no such hidden link: it is complete. X counts the range on
    the decoded text ("&amp;" one character), some files on the stored one: each is tried."""
    if not t.end or "https://t.co/" not in t.text:  # (most posts: no link to hide, nothing to decode)
        return False
    for text in (t.text, unescape_entities(t.text)) if "&" in t.text else (t.text,):
        if hidden := _HIDDEN_LINK_RE.match(text, t.end):
            break
    else:
        return False
    if _someone_elses_link(t, hidden.group(1)):
        return False
    shown = text[t.start:t.end]
    return shown.rstrip().endswith("…") and weighted_length(shown) >= MAX_WEIGHTED_LENGTH - 10


def _at_limit(t: _Tweet) -> bool:
    """Whether the post's shown words reach X's limit, as the first 280 characters of a long post do."""
    return weighted_length(t.text[t.start:t.end] if t.end else t.text) >= MAX_WEIGHTED_LENGTH - 10


_HANDLES_RE = re.compile(r"(?:@\w+\s*)+")


def _plumbing(t: _Tweet) -> str:
    """The handles X's range hides before a reply's words ("" when none): a long post's note may repeat them."""
    lead = t.text[:t.start] if t.start else ""
    return lead if _HANDLES_RE.fullmatch(lead) else ""


_HIDDEN_LINK_RE = re.compile(r"\s*(https://t\.co/\w+)\s*$")


def _someone_elses_link(t: _Tweet, link: str) -> bool:
    """The link after the shown words is a photo's or a quoted post's, not X's link to the rest of this one."""
    return (any(short == link for short, _, _ in t.media)
            or any(short == link and "/status/" in expanded and not links_to_itself(expanded, t.id)
                   for short, expanded, _ in t.urls))


def _cannot_hold_emoji(raw: str) -> bool:
    """Whether the clean-up of ``raw`` (entities decoded already) surely has no 🧵: ASCII stays ASCII, and other
    text gains one only where it holds one, a surrogate half to join, or the start of a 4-byte UTF-8 character
    read in a code page (mojibake the clean-up repairs, see ``_mojibake_leads``)."""
    return raw.isascii() or not _MAY_HOLD_EMOJI_RE.search(raw)


_CODE_PAGES = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso-8859-2", "iso-8859-7",
               "mac-roman", "cp437")  # those whose mojibake the clean-up repairs (cleanup._charmap_chars)


def _mojibake_leads() -> str:
    """Every character that can start the mojibake of "🧵" (UTF-8 F0 9F A7 B5), however many times misread: the
    byte F0 in any code page, and the lead bytes of those characters' own UTF-8, until no new byte comes."""
    def chars(byte: int) -> set[str]:
        found = {chr(byte)}  # (a "sloppy" code page keeps a byte it does not map as that code point)
        for page in _CODE_PAGES:
            try:
                found.add(bytes([byte]).decode(page))
            except UnicodeDecodeError:
                pass
        return found
    leads, found = {0xF0}, set()
    while True:
        found = set().union(*map(chars, leads))
        more = leads | {c.encode()[0] for c in found if not c.isascii()}
        if more == leads:
            return "".join(sorted(found - {c for c in found if c.isascii()}))
        leads = more


# A lead is followed by the next byte's character, never by printable ASCII (a space may stand for byte A0, and a
# control character between them is removed before the repair).
_MAY_HOLD_EMOJI_RE = re.compile(f"{THREAD_EMOJI}|[\ud800-\udfff]|[{re.escape(_mojibake_leads())}][^!-~]")


def _with_label(text: str, label: str) -> str:
    """A post's words as its slide shows them: a video that is not embedded is named in its place."""
    if label:
        text = f"{text}\n\n{label}".strip()
    return strip_thread_labels(text)


def _post_text(raw: str, label: str) -> str:
    # a post near the caps is never deferred (``_near_cap``): it is cut, and its cut named, as the import cuts it;
    # the cut here only keeps a listing's words within a slide's if the clean-up ever made them longer
    return cut_post_text(_with_label(_clean(raw), label))[0]


_CAP_MARGIN = 2_000  # characters (and words) a post's clean-up and its video label may add


def _near_cap(raw: str, label: str) -> bool:
    """A post's raw words may reach a slide's caps once cleaned: read now, so a listing cuts it (and says so) as
    the import does."""
    size = len(raw) + len(label) + _CAP_MARGIN
    return size > MAX_BODY_CHARS or size > MAX_WORDS_PER_POST and len(raw.split()) + _CAP_MARGIN > MAX_WORDS_PER_POST


# -------------------------------------------------------------------- parsing helpers




def _add_tweet(tweets: dict[str, _Tweet], others: dict[str, _Tweet | None], author_id: str, item: Any,
               damaged: set[str] | None = None, bad_ranges: set[str] | None = None) -> bool:
    """Keep the fields of one archive post; False when the item is not a readable post.

    Links and media entries that cannot be read are passed over (the words stay as written) and the post's id is
    added to ``damaged`` (to ``bad_ranges`` for a display range that cannot be read); a count that is not a whole number reads as one where it can, else as 0.

    Reposts go to ``others`` as an id, replies to other accounts with their fields (``keep_answers``).
    """
    tw = item.get("tweet", item) if isinstance(item, dict) else None
    try:
        get = tw.get
        id_str = get("id_str") or get("id") or ""
        id_str = id_str if isinstance(id_str, str) else str(id_str)
        text = get("full_text") or get("text") or ""
        if not _digits(id_str) or not isinstance(text, str):
            return False
        reply_to = get("in_reply_to_status_id_str") or _number_id(get("in_reply_to_status_id"))
        reply_user = get("in_reply_to_user_id_str") or _number_id(get("in_reply_to_user_id")) if reply_to else None
        if text.startswith("RT @") or get("retweeted_status"):
            others[id_str] = None
            return True
        kept = others if author_id and reply_user and reply_user != author_id else tweets
        ents = get("entities") or {}
        ents = ents if isinstance(ents, dict) else _damaged(damaged, id_str, {})
        extended = get("extended_entities") or {}
        extended = extended if isinstance(extended, dict) else _damaged(damaged, id_str, {})
        media = extended.get("media") or ents.get("media")
        urls = ents.get("urls")
        if reply_to:  # _opt of each, for a value known to be set
            reply = (None if reply_to == "-1" else str(reply_to), _opt(reply_user),
                     _opt(get("in_reply_to_screen_name")))
        else:
            reply = _NO_REPLY
        # only a reply's "@name" is plumbing: older data names an account for any post that opens with its handle
        rng = _range(get("display_text_range"), text, reply[2] if reply[0] else None, bad_ranges, id_str,
                     reply[0] is not None)
        edit = get("edit_info")
        initial = edit.get("initial") if isinstance(edit, dict) else None
        kept[id_str] = _Tweet(
            int(id_str), text, *rng, *reply,
            str(get("created_at") or ""), _count(get("favorite_count")), _count(get("retweet_count")),
            [(str(u.get("url") or ""), str(u.get("expanded_url") or ""), str(u.get("display_url") or ""))
             for u in _dicts(urls, id_str, damaged) if u.get("url")] if urls else [],
            [(str(m.get("url") or ""), posixpath.basename(str(m.get("media_url_https") or m.get("media_url") or "")),
              str(m.get("type") or "photo")) for m in _dicts(media, id_str, damaged)] if media else [],
            # never edited (most posts): its first version lists only itself
            () if isinstance(initial, dict) and initial.get("editTweetIds") == [id_str] else _versions(id_str, edit),
            _borrowed(media, author_id) if media and author_id else (),
        )
        return True
    except (AttributeError, TypeError, ValueError, IndexError, KeyError):
        return False


_NO_REPLY = (None, None, None)


def _digits(text: str) -> bool:
    """Whether ``text`` is an id or count: ASCII digits only ("²" and "٣" are digits Python's int() may refuse)."""
    return text.isascii() and text.isdigit()


def _number_id(value: Any) -> Any:
    """An id given where X also writes its ``…_str`` twin (older and re-saved archives give only this one): as
    text, its every digit kept (JSON reads a number past 2**53 whole)."""
    return str(value) if type(value) is int else value


_COUNT_RE = re.compile(r"\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([KkMm]?)\s*")  # "1,234", "1.2K"


def _borrowed(media: Any, author_id: str) -> tuple[str, ...]:
    """The file names of the media a post shows from another account's post (a link to its photo): X lists that
    account as the medium's source; never the owner's to put on their slides."""
    names = []
    for m in media if isinstance(media, list) else ():
        source = m.get("source_user_id_str") or _number_id(m.get("source_user_id")) if isinstance(m, dict) else None
        if source not in (None, "", author_id):
            names.append(posixpath.basename(str(m.get("media_url_https") or m.get("media_url") or "")))
    return tuple(names)


def _range(value: Any, text: str, name: Any, bad: set[str] | None = None, id_str: str = "",
           reply: bool = True) -> tuple[int, int]:
    """The post's display range as two numbers; where the archive has none, or none that reads as two numbers in
    order (the post's id is then added to ``bad``), what X's range leaves out of a reply by its shape
    (``shown_words`` checks either against the text). A reply written before X took the "@name" it answers out of
    the words (2017) has a range from 0: that "@name", which replying put first, is left out as X leaves it out now.
    A post that answers no post (``reply`` False) keeps the handles it opens with, even where its range hides them
    (older data took a post opening with a handle for an answer to that account)."""
    if value is not None:
        if (isinstance(value, (list, tuple)) and len(value) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) or isinstance(v, str) and _digits(v)
                        for v in value) and 0 <= int(value[0]) <= int(value[1])):
            start, end = int(value[0]), int(value[1])
            if start == 0 and name and len(id_str) <= 18 and int(id_str) < _MENTIONS_OUT_OF_TEXT:
                start = min(_reply_mention_end(text, name), end)
            elif start and not reply and _HANDLES_RE.fullmatch(text[:start]):
                start = 0
            return start, end
        if bad is not None:
            bad.add(id_str)
    return _reply_mention_end(text, name), len(text)


def _count(value: Any) -> int:
    """A like or repost count as the archive writes it ("5", 5), or in a shape a damaged one has ("1.0", "1.2K");
    0 when it is none of these (it only orders the threads)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return max(value, 0)
    if type(value) is str and len(value) <= 20 and _digits(value):  # the archive's own shape: read exactly
        return int(value)
    m = _COUNT_RE.fullmatch(str(value)) if isinstance(value, (str, float)) else None
    if not m or len(m[1]) > 20:
        return 0
    from decimal import Decimal  # exactly: through a float "12345678901234567891K" came out rounded
    return int(Decimal(m[1].replace(",", "")) * {"": 1, "k": 1_000, "m": 1_000_000}[m[2].lower()])


def _damaged(damaged: set[str] | None, id_str: str, value: Any) -> Any:
    if damaged is not None:
        damaged.add(id_str)
    return value


def _dicts(items: Any, id_str: str, damaged: set[str] | None) -> list[dict]:
    """The entries of an entity list that can be read (a damaged archive may hold anything there)."""
    if not isinstance(items, list):
        return _damaged(damaged, id_str, [])
    kept = [item for item in items if isinstance(item, dict)]
    return kept if len(kept) == len(items) else _damaged(damaged, id_str, kept)


_MENTIONS_OUT_OF_TEXT = 847_000_000_000_000_000  # a post id from the end of March 2017


def _reply_mention_end(text: str, name: Any) -> int:
    """Where a reply's words start when the archive has no display range (before 2016), or one from 0 (before
    2017): after the "@name " that replying put first (any case: "@Jane_Builds" answers jane_builds), as X's
    display range leaves it out now.

    The rule: only a real reply (one with a replied-to post id) loses anything, and only the handle of the account
    its own ``in_reply_to_screen_name`` names, once, where it opens the words. Another handle after it ("@Dana
    @bob Ship often." answering Dana) is the writer's: nothing in the reply's fields says it was plumbing, so it
    stays. A post that answers no post keeps every "@name" it opens with (older data names an account for any post
    that starts with its handle)."""
    if isinstance(name, str) and name and text[:len(name) + 1].lower() == "@" + name.lower():
        m = re.compile(r"@" + re.escape(name) + r"\b\s+", re.IGNORECASE).match(text)
        return m.end() if m else 0
    return 0


def _versions(id_str: str, info: Any) -> tuple[str, ...]:
    """Every version of an edited post, first to last, from its ``edit_info`` (() when never edited).

    The first version lists them all (``initial.editTweetIds``); a later one names the
    first (``edit.initialTweetId``) and, when present, the whole list too.
    """
    if not isinstance(info, dict):
        return ()
    initial, edit = info.get("initial"), info.get("edit")
    ids: list[str] = []
    if isinstance(initial, dict):
        listed = initial.get("editTweetIds") or []
        if listed == [id_str] or not listed:  # never edited: most posts
            return ()
        ids = [str(i) for i in listed if _digits(str(i))]
    elif isinstance(edit, dict):
        first = str(edit.get("initialTweetId") or "")
        listed = (edit.get("editControlInitial") or {}).get("editTweetIds") or []
        ids = [first] + [str(i) for i in listed if _digits(str(i))]
    ids = sorted({i for i in ids + [id_str] if _digits(i)}, key=int)
    return tuple(ids) if len(ids) > 1 else ()


def merge_edits(tweets: dict[str, _Tweet]) -> dict[str, str]:
    """Keep one post per edited post: the latest version's text in the first version's place.

    Returns {other version id: kept id}; replies to any version then continue the thread, also to a version the
    archive lacks (only the latest is there when the first was deleted with its edits, or left out).
    """
    moved: dict[str, str] = {}
    groups = {t.versions for t in tweets.values() if t.versions}
    for versions in sorted(groups):
        present = [v for v in versions if v in tweets]
        if not present:
            continue
        kept = present[-1]
        if len(present) >= 2:
            first, latest = tweets[present[0]], tweets[kept]
            latest.reply_to, latest.reply_user, latest.reply_name = first.reply_to, first.reply_user, first.reply_name
            for old in present[:-1]:
                del tweets[old]
        moved.update((v, kept) for v in versions if v != kept and v not in tweets)
    for t in tweets.values():
        if t.reply_to in moved:
            t.reply_to = moved[t.reply_to]
    return moved


def keep_answers(tweets: dict[str, _Tweet], others: dict[str, _Tweet | None],
                 deleted: dict[str, str | None]) -> None:
    """A reply to another account that the owner went on under with replies of their own opens a thread
    (X shows it so): it is kept as that thread's first post, every version of it when it was edited (also when
    the version answered is not in the archive), for ``merge_edits`` to keep its latest words; also when the
    reply under it was deleted (``deleted``: a deleted own post → the post it answered) and the owner's next one
    answers that. Other replies to others stay out."""
    edited: dict[str, list[str]] = defaultdict(list)  # a version's id → the versions of its post that are here
    for id_str, t in others.items():
        for version in t.versions if t is not None else ():
            edited[version].append(id_str)
    answers = {t.reply_to for t in tweets.values() if t.reply_to is not None}
    for answered in list(answers) if deleted else ():
        walked: set[str] = set()  # (a damaged file could make deleted posts answer each other)
        while answered in deleted and answered not in walked:
            walked.add(answered)
            if (answered := deleted[answered]) is not None:
                answers.add(answered)
    for answered in answers:
        for id_str in edited.get(answered) or ([answered] if others.get(answered) is not None else []):
            if others.get(id_str) is not None:
                tweets[id_str] = others.pop(id_str)


def _add_deleted(deleted: dict[str, str | None], author_id: str, item: Any) -> bool:
    """Keep what a deleted post of the owner answered (None: it opened a thread); replies to others are not kept."""
    tw = item.get("tweet", item) if isinstance(item, dict) else None
    if not isinstance(tw, dict) or not _digits(str(tw.get("id_str") or tw.get("id") or "")):
        return False
    reply_to = _opt(tw.get("in_reply_to_status_id_str") or _number_id(tw.get("in_reply_to_status_id")))
    reply_user = _opt(tw.get("in_reply_to_user_id_str") or _number_id(tw.get("in_reply_to_user_id")))
    if reply_to is None or not author_id or reply_user in (None, author_id):
        deleted[str(tw.get("id_str") or tw.get("id"))] = reply_to
    return True


def skip_deleted(tweets: dict[str, _Tweet], deleted: dict[str, str | None], after_gap: set[str],
                 gaps: dict[str, set[str]]) -> None:
    """Replies to a post the owner deleted answer the post before it instead. ``after_gap`` gets the ids of those
    replies, ``gaps`` each one's deleted posts."""
    for id_str, t in tweets.items():
        walked: set[str] = set()  # a damaged file could make deleted posts answer each other
        while t.reply_to in deleted and t.reply_to not in tweets and t.reply_to not in walked:
            walked.add(t.reply_to)
            t.reply_to = deleted[t.reply_to]
        if walked:
            after_gap.add(id_str)
            gaps[id_str] = walked


# An archive's post file outside a data/ folder (its root would have been found otherwise).
_LOOSE_TWEETS_RE = re.compile(r"(?:^|/)tweets?(?:-part\d+)?\.js$")


def _may_be_archive_zip(name: str) -> bool:
    """A zip inside a zip that may be the archive: not a Mac's "._" copy of a file's attributes (under
    __MACOSX/), nor a file among an archive's own (under data/)."""
    parts = name.lower().split("/")
    return (parts[-1].endswith(".zip") and not parts[-1].startswith("._")
            and "__macosx" not in parts[:-1] and "data" not in parts[:-1])


def _opt(value: Any) -> str | None:
    return str(value) if value not in (None, "", "-1") else None


def _guess_handle(tweets: dict[str, _Tweet]) -> str:
    """Without account.js, the handle the owner's self-replies answer to is the owner's."""
    counts: dict[str, int] = defaultdict(int)
    for t in tweets.values():
        if t.reply_name and t.reply_to in tweets:
            counts[t.reply_name] += 1
    return max(counts, key=counts.get) if counts else ""


_HANDLE_RE = re.compile(r"[A-Za-z0-9_]{1,50}")


def _answered(threads: list[Thread], tweets: dict[str, _Tweet], own_opened: set[str]) -> dict[str, str]:
    """Thread id → the handle its first post answered, for threads that open with an answer to another account
    ("" when the archive does not name that account, or names it in a shape no handle has)."""
    answers = {}
    for thread in threads:
        t = tweets[thread.id]
        if t.reply_to is not None and thread.id not in own_opened:  # own replies open one if incomplete or a loop
            answers[thread.id] = t.reply_name if t.reply_name and _HANDLE_RE.fullmatch(t.reply_name) else ""
    return answers


def _build_threads(tweets: dict[str, _Tweet], others: dict[str, _Tweet | None], author_id: str,
                   handle: str, joins: list[tuple[str, int]] | None = None,
                   loops: list[str] | None = None,
                   forks: dict[str, list[str]] | None = None) -> list[tuple[list[str], bool]]:
    """Self-reply chains as (post ids in reading order, incomplete). Where the owner replied twice to one post (or
    to two versions of an edited one) the chain follows the longest branch (of equal ones, the first written);
    ``forks`` gets that post's id → the posts of the branches left out.

    With ``joins``, a chain that answers a deleted post goes on from the chain that post went on from
    (``_join_across_gaps``), and each join is added there as (thread id, position after the gap). Posts that answer
    each other in a loop (a damaged archive) are read from the loop's earliest post, added to ``loops``."""
    def own_reply(t: _Tweet) -> bool:
        if author_id and t.reply_user:
            return t.reply_user == author_id
        return bool(handle) and (t.reply_name or "").lower() == handle.lower()

    children: dict[str, list[tuple[int, str]]] = defaultdict(list)
    roots: list[tuple[str, bool]] = []
    for id_str, t in tweets.items():
        if t.text.startswith("RT @"):
            continue  # a repost of someone else's post
        if t.reply_to is None or not own_reply(t):  # a post, or an answer to someone that opens a thread
            roots.append((id_str, False))
        else:
            children[t.reply_to].append((int(t.versions[0]) if t.versions else t.id, id_str))  # an edit: first's place
            if t.reply_to not in tweets and t.reply_to not in others:
                roots.append((id_str, True))  # its first post is not in the archive
    before = _written_before([root for root, incomplete in roots if incomplete], tweets)
    parents = {id_str: t.reply_to for id_str, t in tweets.items()
               if t.reply_to in tweets and not t.text.startswith("RT @") and own_reply(t)}
    if found := _loop_starts(parents):
        roots += [(start, False) for start in found]  # no post is missing: the loop's earliest opens it
        if loops is not None:
            loops.extend(found)
    wanted = set(before.values())
    chains, ends, starts = [], {}, {}
    lengths = _BranchLengths(children)
    for root, incomplete in roots:
        chain = [root]
        if root in children:  # most posts have no reply of the owner's
            seen = {root}
            while kids := children.get(chain[-1]):
                open_kids = [kid for kid in kids if kid[1] not in seen]
                if not open_kids:
                    break
                nxt = min(open_kids)[1] if len(open_kids) == 1 else lengths.longest(open_kids)
                if len(open_kids) > 1 and forks is not None:
                    forks[chain[-1]] = [post for _, kid in sorted(open_kids) if kid != nxt
                                        for post in lengths.branch(kid, seen)]
                chain.append(nxt)
                seen.add(nxt)
        if chain[-1] in wanted:
            ends[chain[-1]] = len(chains)
        if root in before:
            starts[root] = len(chains)
        chains.append((chain, incomplete))
    if ends and joins is not None:
        joins.extend(_join_across_gaps(chains, before, starts, ends, tweets))
    return chains


class _BranchLengths:
    """How far the owner's replies go on below a post (worked out only where a post has two replies of theirs)."""

    def __init__(self, children: dict[str, list[tuple[int, str]]]):
        self.children = children
        self.lengths: dict[str, int] = {}

    def longest(self, kids: list[tuple[int, str]]) -> str:
        """The reply whose branch has the most posts; of equal ones, the first written."""
        return min(kids, key=lambda kid: (-self.length(kid[1]), kid))[1]

    def length(self, post: str) -> int:
        """The posts of the longest branch from ``post`` on (a loop of replies in a damaged archive ends it)."""
        lengths, children = self.lengths, self.children
        stack, walking = [(post, False)], set()
        while stack:
            node, below_done = stack.pop()
            if node in lengths:
                continue
            if below_done:
                lengths[node] = 1 + max((lengths.get(kid, 0) for _, kid in children.get(node, ())), default=0)
                walking.discard(node)
                continue
            walking.add(node)
            stack.append((node, True))
            stack.extend((kid, False) for _, kid in children.get(node, ())
                         if kid not in lengths and kid not in walking)
        return lengths[post]

    def branch(self, post: str, seen: set[str]) -> list[str]:
        """The posts of the branch from ``post`` on, in the order written."""
        found: set[str] = set()
        stack = [post]
        while stack:
            node = stack.pop()
            if node in seen or node in found:
                continue
            found.add(node)
            stack.extend(kid for _, kid in self.children.get(node, ()))
        return sorted(found, key=int)


def _loop_starts(parents: dict[str, str]) -> list[str]:
    """The earliest post of each loop of replies (``parents``: post → the own post it answers); one walk up from
    each post, never walking a post twice."""
    done: set[str] = set()
    starts = []
    for start in parents:
        path: dict[str, int] = {}
        node = start
        while node in parents and node not in done:
            if node in path:
                starts.append(min(list(path)[path[node]:], key=int))
                break
            path[node] = len(path)
            node = parents[node]
        done.update(path)
    return starts


_SNOWFLAKE_SHIFT = 22  # a post id's bits above these are its time in milliseconds (ids from late 2010 on)
_SNOWFLAKE_MIN = 10 ** 15  # an id this large is such an id
_GAP_MS = 30 * 60 * 1000
_TWEET_ID = operator.attrgetter("id")


def _written_before(roots: list[str], tweets: dict[str, _Tweet]) -> dict[str, str]:
    """For each root that answers an own post missing from the archive: the own post written last before that
    one, if less than half an hour before it (a post's id tells when it was written)."""
    if not roots:
        return {}
    own = list(map(_TWEET_ID, tweets.values()))
    if len(roots) > 4:  # (a few are found faster by a scan each than by sorting 50,000 ids)
        own.sort()
    before = {}
    for root in roots:
        missing = tweets[root].reply_to or ""
        if not _digits(missing):
            continue
        m = int(missing)
        if len(roots) > 4:
            at = bisect.bisect_left(own, m)
            last = own[at - 1] if at else 0
        else:
            last = max(filter(m.__gt__, own), default=0)
        if last >= _SNOWFLAKE_MIN and (m >> _SNOWFLAKE_SHIFT) - (last >> _SNOWFLAKE_SHIFT) <= _GAP_MS:
            before[root] = str(last)
    return before


def _join_across_gaps(chains: list[tuple[list[str], bool]], before: dict[str, str], starts: dict[str, int],
                      ends: dict[str, int], tweets: dict[str, _Tweet]) -> list[tuple[str, int]]:
    """Join a chain that answers a deleted post to the chain whose last post was written just before that post.

    The missing post was that chain's next one (written less than half an hour after it, with no post of the
    owner's between) when nothing says otherwise: no other thread or post of the owner's ended in that half
    hour (two threads written at once: which went on is a guess), and the numbers the two sides carry ("2/",
    "3/") do not say the chain after the gap began a thread of its own. A thread whose first post was deleted,
    written later or after other posts, stays on its own. ``starts`` and ``ends``: first and last post → index
    of its chain. Changes ``chains`` in place; returns (thread id, position of the first post after the gap)
    for each join.
    """
    joins, gone = [], set()
    last_posts = sorted(int(chain[-1]) for chain, _ in chains)
    for root in sorted(before, key=int):  # in the order written: a thread with two gaps joins twice
        into, k = ends.get(before[root]), starts[root]
        if into is None or into == k or _ends_within(last_posts, int(tweets[root].reply_to or 0)) > 1:
            continue
        head, chain = chains[into][0], chains[k][0]
        if not _numbers_go_on(tweets[head[-1]], tweets[chain[0]], len(head) == 1):
            continue
        joins.append((head[0], len(head) + 1))
        del last_posts[bisect.bisect_left(last_posts, int(head[-1]))]  # no longer a chain's last post
        del ends[head[-1]]
        head.extend(chain)
        ends[head[-1]] = into
        gone.add(k)
    for k in sorted(gone, reverse=True):
        del chains[k]
    return joins


def _ends_within(last_posts: list[int], missing: int) -> int:
    """How many chains (threads, single posts) ended in the half hour before the post ``missing`` was written."""
    since = ((missing >> _SNOWFLAKE_SHIFT) - _GAP_MS) << _SNOWFLAKE_SHIFT
    return bisect.bisect_left(last_posts, missing) - bisect.bisect_left(last_posts, since)


def _numbers_go_on(last: _Tweet, after: _Tweet, single: bool) -> bool:
    """The post after the gap carries no post number, or one that follows the number of the last post before
    it (same style, same total): "2/" after an unnumbered post began a thread whose "1/" was deleted.

    ``single``: the post before the gap is a post of its own, which a thread whose first post was deleted
    could follow as well; only its number, or a 🧵 saying a thread starts there, says it went on."""
    number = post_number(_clean(_raw_text(after)))
    text = _clean(_raw_text(last))
    previous = post_number(text)
    if number is None:
        return not single or previous is not None or THREAD_EMOJI in text
    return (previous is not None and previous[0] == number[0] and previous[1] < number[1]
            and previous[2] == number[2])


MOVING = {"video": "▶ video", "animated_gif": "▶ GIF"}


def _moving_label(t: _Tweet) -> str:
    """"▶ video" (or "▶ GIF") for a post with a video the slides cannot play, else ""."""
    return next((MOVING[kind] for _, name, kind in t.media if kind in MOVING and name not in t.borrowed), "")


def _media_files(t: _Tweet, files: list[str], folder: str) -> tuple[list[str], str, int]:
    """Photo files of a post in the order the post shows them (a video's still image when the
    archive has it), and a note on videos that are not embedded."""
    if not t.media and not files:  # most posts
        return [], "", 0
    photos, skipped, stills = [], "", 0
    remaining = sorted(files)
    ids = (str(t.id), *reversed(t.versions))  # the post's own id first, then its other versions', latest first
    for _, name, kind in t.media:
        member = next((m for m in (folder + f"{i}-{name}" for i in ids) if m in remaining), folder + f"{t.id}-{name}")
        if name in t.borrowed:  # another account's photo: left out, and never taken for an unmatched one
            if member in remaining:
                remaining.remove(member)
            continue
        if kind != "photo":
            what = "video" if kind == "video" else "animated GIF" if kind == "animated_gif" else kind
            still = member in remaining and not name.lower().endswith((".mp4", ".mov", ".m4v"))
            skipped = what + (", with its still image," if still else "")
            if not still:
                continue
            stills += 1
        if member in remaining:
            photos.append(member)
            remaining.remove(member)
    wanted = sum(1 for _, name, kind in t.media if kind == "photo" and name not in t.borrowed)
    if len(photos) < wanted or not t.media:  # names that do not match (older archives): files in name order
        extra = [f for f in remaining if not f.lower().endswith((".mp4", ".mov", ".m4v"))]
        photos += extra[:max(wanted - len(photos), 0)] if t.media else extra
    photos = [p for p in photos if not p.lower().endswith((".mp4", ".mov", ".m4v"))]
    return photos, skipped, max(wanted - (len(photos) - stills), 0)


def _display_url(expanded: str, display: str, short: str) -> str:
    """The link as X shows it, but complete: no scheme, no "www.", never cut with "…"."""
    return link_as_shown(expanded or display or short)


def _raw_text(t: _Tweet, shown: str | None = None, quoted: list[str] | None = None) -> str:
    """The post's words as the archive has them (entities decoded), its links written out (``_clean`` tidies them).

    The display range is trusted only where what it hides is X's (leading @handles, trailing t.co links): a range
    counted in other units would otherwise cut the author's words (``shown_words``). ``shown`` and ``quoted``:
    the shown words and ``_hidden_quotes`` where the caller has them already.
    """
    text = shown_words(t.text, t.start, t.end) if shown is None else shown
    if t.urls and not text.strip() and (quoted := _hidden_quotes(t, text) if quoted is None else quoted):
        text = " ".join(quoted)  # a post that only quotes: the quote's link, never an empty slide
    for short, _, _ in t.media:
        if short:
            text = without_link(text, short)
    for short, expanded, display in t.urls:
        text = text.replace(short, "" if links_to_itself(expanded, t.id) else _display_url(expanded, display, short))
    return text


_STATUS_LINK_RE = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/\w+/status/\d+", re.IGNORECASE)


def _hidden_quotes(t: _Tweet, shown: str) -> list[str]:
    """The links of the posts ``t`` quotes that its display range hides (X shows the quoted post under the words),
    as the slides would write them."""
    return [_display_url(expanded, display, short) for short, expanded, display in t.urls
            if short and short in t.text and short not in shown and _STATUS_LINK_RE.match(expanded)
            and not links_to_itself(expanded, t.id)]


def _clean(raw: str) -> str:
    return clean_text(raw, html_markup=False)


_MONTHS = {m: f"{i:02d}" for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                  "Oct", "Nov", "Dec"), 1)}


_CREATED_RE = re.compile(r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d) (\d{4})")
_OLD_CREATED_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d) ([+-]\d\d)(\d\d)")  # the archive of 2012–2018


def _iso_date(created: str) -> str:
    """"Wed May 29 15:12:04 +0000 2024" (or "2014-05-29 15:12:04 +0000") → "2024-05-29T15:12:04+00:00" ("" when
    unreadable)."""
    m = _CREATED_RE.fullmatch(created)
    if not m:
        old = _OLD_CREATED_RE.fullmatch(created)
        return f"{old[1]}-{old[2]}-{old[3]}T{old[4]}{old[5]}:{old[6]}" if old and old[0].isascii() else ""
    month, day, clock, tz_h, tz_m, year = m.groups()
    month = _MONTHS.get(month)
    if month is None:
        return ""
    if len(day) == 1 or not day.isascii():  # "7" (or digits of another script): written as two ASCII digits
        day = f"{int(day):02d}"
    return f"{year}-{month}-{day}T{clock}{tz_h}:{tz_m}"


def _post_date(created: str) -> str:
    """The ``_iso_date`` of ``created`` in ASCII digits when it names a time that exists; "" for "…14:00:60" or
    February 30."""
    iso = _iso_date(created)
    if not iso.isascii():  # (rare: digits of another script)
        iso = "".join(str(int(c)) if c.isdecimal() else c for c in iso)
    try:
        datetime.fromisoformat(iso)
    except ValueError:
        return ""
    return iso


_FIRST_POST_DAY = datetime(2006, 3, 21, tzinfo=timezone.utc)  # the day the first post was written
_MOST_OFFSET = timedelta(hours=14)  # the farthest any clock on earth is from UTC


def _shown_date(created: str) -> str:
    """``_post_date``, or "" for a date X cannot have written (before its first post, later than tomorrow, a
    clock offset over 14 hours): the slides, the picker and the CLI show no date rather than that one."""
    iso = _post_date(created)
    if not iso:
        return ""
    at = datetime.fromisoformat(iso)
    offset = at.utcoffset()
    if offset is not None and abs(offset) > _MOST_OFFSET:
        return ""
    if at.tzinfo is None:
        at = at.replace(tzinfo=timezone.utc)
    try:
        return iso if _FIRST_POST_DAY <= at <= datetime.now(timezone.utc) + timedelta(days=1) else ""
    except OverflowError:  # (a date at the calendar's edge)
        return ""


# -------------------------------------------------------------------- note tweets (> 280 characters)

_URL_IN_TEXT_RE = re.compile(r"https?://\S+")


def _comparable(text: str, decoded: bool = False) -> str:
    text = _URL_IN_TEXT_RE.sub("", text)
    text = text if decoded else unescape_entities(text)
    return re.sub(r"\s+", " ", text).strip().rstrip("…").rstrip()


class _NoteIndex:
    """Long posts from note-tweet.js, found by creation time and text prefix."""

    def __init__(self) -> None:
        self.by_time: dict[str, list[dict]] = defaultdict(list)
        self.minutes: set[str] = set()  # "2024-05-28T14:04" of every note

    def add(self, item: Any) -> bool:
        note = item.get("noteTweet") if isinstance(item, dict) else None
        core = note.get("core") if isinstance(note, dict) else None
        if not isinstance(core, dict) or not isinstance(core.get("text"), str):
            return False
        key = str(note.get("createdAt") or "")[:19]
        self.by_time[key].append(core)
        self.minutes.add(key[:16])
        return True

    def match(self, t: _Tweet) -> dict | None:
        if not self.by_time:
            return None
        cores = self._nearby(t)
        if not cores:  # (most posts: the words are compared only with a note written within 2 s)
            return None
        # the shown words, or the whole text: a note may or may not repeat the handles a reply's range hides
        # (the shown words decoded whole: a range counted on the decoded text cut "&amp;" in two on the stored one)
        shown = shown_words(t.text, t.start, t.end) if t.end else unescape_entities(t.text)
        prefixes = {_comparable(shown, decoded=True)[:120], _comparable(t.text)[:120]} - {""}
        for core in cores:
            if any(map(_comparable(core["text"]).startswith, prefixes)):
                return core
        return None

    def near(self, t: _Tweet) -> bool:
        """Whether a long post was written within 2 seconds of ``t``."""
        return bool(self._nearby(t))

    def _nearby(self, t: _Tweet) -> list[dict]:
        """The long posts written within 2 seconds of ``t``."""
        iso = _post_date(t.created)[:19]
        if not iso or (2 <= int(iso[17:19]) <= 57 and iso[:16] not in self.minutes):
            return []  # no note within ±2 s: they would all share this minute
        return [core for key in _nearby_seconds(iso) for core in self.by_time.get(key, ())]


def _nearby_seconds(iso: str) -> list[str]:
    at = datetime.fromisoformat(iso)
    near = []
    for d in (0, -1, 1, -2, 2):
        try:
            near.append((at + timedelta(seconds=d)).isoformat()[:19])
        except OverflowError:  # the first or last second of the calendar (a damaged date): nothing beyond it
            pass
    return near


def _note_text(core: dict, plumbing: str = "", shown: str = "") -> str:
    """The long post's words; ``plumbing``: the handles its reply's range hides, left out where the note repeats
    them. ``shown``: the post's own words in tweets.js; a note that starts as they do starts with the writer's
    own "@name" (a reply to Dana opening "@Dana …"), never repeated plumbing."""
    text = core["text"]
    lead = plumbing.rstrip()
    if (lead and text.startswith(lead) and text[len(lead):len(lead) + 1].isspace()
            and not (shown and _comparable(text).startswith(_comparable(shown, decoded=True)[:60]))):
        text = text[len(lead):].lstrip()
    urls = core.get("urls")
    for u in urls if isinstance(urls, list) else ():  # (a damaged file may hold anything there)
        if isinstance(u, dict) and u.get("shortUrl"):
            text = text.replace(str(u["shortUrl"]), _display_url(str(u.get("expandedUrl") or ""),
                                                                  str(u.get("displayUrl") or ""),
                                                                  str(u["shortUrl"])))
    return clean_text(unescape_entities(text), html_markup=False)


_OLD_MONTH_FILE = r"data/js/tweets/\d{4}_\d\d\.js"  # the archive of 2012–2018: Grailbird.data.tweets_2014_05 = [ … ]


def _entry_count(source: str | Path | IO[bytes]) -> int:
    """How many files the zip's end-of-directory record declares (0 when it cannot tell)."""
    f = open(source, "rb") if isinstance(source, (str, Path)) else source
    try:
        start = f.tell()
        f.seek(0, 2)
        size = f.tell()
        tail_at = max(0, size - (1 << 16) - 22)
        f.seek(tail_at)
        tail = f.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) < at + 22:
            return 0
        count = struct.unpack_from("<H", tail, at + 10)[0]
        locator = at - 20
        if count == 0xFFFF and locator >= 0 and tail[locator:locator + 4] == b"PK\x06\x07":
            f.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = f.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                count = struct.unpack_from("<Q", record, 32)[0]
        return count
    finally:
        if f is not source:
            f.close()
        else:
            f.seek(start)


