"""``carousel-studio threads``: list the threads in a text file, X archive or carousel file."""
from __future__ import annotations

import json
import sys

from . import CliError

HELP = "List the threads in a text file, an X archive .zip or a carousel .json (best engagement first)."

TITLE_WIDTH = 60


def register(parser) -> None:
    parser.add_argument("input", help="a text file, an X archive .zip, a carousel .json, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (threads with their posts) instead of a table")


def run(args) -> int:
    from ..carousel import Carousel
    from ..sources import SourceError, load_input
    try:
        loaded = load_input(args.input, load_media=False)
    except SourceError as exc:
        raise CliError(str(exc)) from None
    if isinstance(loaded, Carousel):
        if loaded.thread is None:
            raise CliError(f"{args.input} is a carousel without a source thread: nothing to list")
        threads, warnings, media, answers = [loaded.thread], [], {}, {}
    else:
        threads, warnings, media, answers = loaded.threads, loaded.warnings, loaded.media, loaded.answers
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not threads:
        raise CliError(f"no threads found in {args.input}")
    if args.json:
        doc = {"threads": [thread_json(t, media) for t in threads]}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(table(threads, answers))
    return 0


def thread_json(thread, media: dict[str, list[str]]) -> dict:
    """One thread as the --json output describes it; images as "sha256.ext" names or archive file names."""
    author = next((p for p in thread.posts if p.handle or p.author_name), None)
    counted = any(p.likes is not None or p.reposts is not None for p in thread.posts)
    return {
        "id": thread.id,
        "title": thread.title,
        "incomplete": thread.incomplete,
        "likes": thread.likes if counted else None,
        "reposts": thread.reposts if counted else None,
        "author": {"name": author.author_name if author else "", "handle": author.handle if author else ""},
        "posts": [{"id": p.id, "text": p.text,
                   "images": [f"{img.sha256}.{img.extension}" for img in p.images] or list(media.get(p.id, [])),
                   "url": p.url} for p in thread.posts],
    }


def table(threads, answers: dict[str, str] | None = None) -> str:
    """A plain-text table: engagement, date, post count, id and first line.

    ``answers`` (``ImportResult.answers``): a thread opened by an answer to someone says so before its
    first line, as the studio's picker does ("(answers @handle)")."""
    from ..sources.result import answer_note
    answers = answers or {}
    rows = [("LIKES+REPOSTS", "DATE", "POSTS", "ID", "FIRST LINE")]
    for t in threads:
        counted = any(p.likes is not None or p.reposts is not None for p in t.posts)
        date = t.posts[0].created_at[:10] if t.posts and t.posts[0].created_at else "-"
        title = t.title if len(t.title) <= TITLE_WIDTH else t.title[:TITLE_WIDTH - 1] + "…"
        if t.incomplete:
            title = "(first post missing) " + title
        elif note := answer_note(answers.get(t.id)):
            title = f"({note}) " + title
        rows.append((str(t.likes + t.reposts) if counted else "-", date, str(len(t.posts)), t.id, title))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = []
    for r in rows:
        cells = [r[0].rjust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2]), r[3].ljust(widths[3]), r[4]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
