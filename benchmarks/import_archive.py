"""Listing the threads of a 50,000-post X archive: time and peak memory.

Generates an archive in X's real layout (tweets.js in parts, full post objects
with edit_info, entities and source, note tweets, account.js) in a temporary
folder, then lists its threads in a fresh subprocess per run so the peak
resident memory (VmHWM) belongs to the import alone. Times include the imports. Goal: < 3 s, < 400 MB.

    python3 benchmarks/import_archive.py [--posts 50000] [--runs 3] [--photos 5000] [--top-folder] [--backslashes]

``--photos N`` puts N small JPEGs in data/tweets_media/ (on thread posts first), ``--top-folder`` zips
everything under "twitter-2024-05-28-…/" as a re-zipped download has it, ``--backslashes`` writes the
names as Windows' Compress-Archive does ("data\\tweets.js"). With photos, a third row reads the top
thread with its photos decoded (what picking a thread does).

Through benchmarks/run.py the goal is 2 s for 50,000 posts; ``--quick`` lists 10,000 (no goal).
"""
from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Row, Timing, at_most, info  # noqa: E402

GOAL_S = 2
OWNER = "1402345678901234567"
WORDS = ("build ship test cache deploy measure thread carousel swipe design review latency queue index "
         "schema python rust api team users growth retention onboarding pricing launch").split()

MEASURE = r"""
import resource, sys, time
sys.path.insert(0, {root!r})
t0, c0 = time.perf_counter(), time.process_time()
if {mode!r} == "cli":
    import io, contextlib
    from studio.cli import main
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["threads", {path!r}])
    assert code == 0
    n = -1
elif {mode!r} == "top":
    from studio.sources.archive import TOP_THREAD, read_archive
    result = read_archive({path!r}, thread_id=TOP_THREAD)
    n = sum(len(p.images) for p in result.threads[0].posts)
else:
    from studio.sources import read_archive
    result = read_archive({path!r}, load_media=False)
    n = len(result.threads)
elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
try:  # VmHWM: this process's own peak; ru_maxrss would carry the parent's peak across exec
    peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(elapsed, cpu, peak, n)
"""


def _post(rng: random.Random, id_: int, reply_to: int | None, reply_user: str | None, when: int) -> dict:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 40))).capitalize() + "."
    if rng.random() < 0.2:
        text += " https://t.co/" + format(id_ % 10**10, "x")
    tw = {
        "edit_info": {"initial": {"editTweetIds": [str(id_)], "editableUntil": "2024-05-28T15:03:11.000Z",
                                  "editsRemaining": "5", "isEditEligible": True}},
        "retweeted": False,
        "source": "<a href=\"https://mobile.x.com\" rel=\"nofollow\">X Web App</a>",
        "entities": {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rng.choice([0, 0, 1, 2, 5, 12, 40, 300])),
        "id_str": str(id_), "truncated": False, "retweet_count": str(rng.choice([0, 0, 0, 1, 3, 20])),
        "id": str(id_),
        "created_at": time.strftime("%a %b %d %H:%M:%S +0000 %Y", time.gmtime(when)),
        "favorited": False, "full_text": text, "lang": "en",
    }
    if "https://t.co/" in text:
        short = text.rsplit(" ", 1)[1]
        tw["entities"]["urls"].append({"url": short, "expanded_url": f"https://example.org/post/{id_}",
                                       "display_url": f"example.org/post/{id_}", "indices": ["0", "23"]})
    if reply_to is not None:
        tw.update(in_reply_to_status_id_str=str(reply_to), in_reply_to_status_id=str(reply_to),
                  in_reply_to_user_id_str=reply_user, in_reply_to_user_id=reply_user,
                  in_reply_to_screen_name="jane_builds" if reply_user == OWNER else "someone")
    return tw


def _jpeg(seed: int) -> bytes:
    """A small photo (a few KB), its colour from ``seed``."""
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (96, 64), (seed * 37 % 256, seed * 91 % 256, seed * 53 % 256)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _add_photo(tw: dict, key: str) -> None:
    """Give the post one photo, as X lists it (its t.co link ends the text, outside the display range)."""
    short = "https://t.co/p" + key[-8:]
    tw["full_text"] += " " + short
    media = {"type": "photo", "url": short, "id_str": key, "display_url": "pic.x.com/" + key[-10:],
             "media_url_https": f"https://pbs.twimg.com/media/{key}.jpg"}
    tw["extended_entities"] = {"media": [media]}
    tw["entities"]["media"] = [media]


def generate(path: Path, posts: int, seed: int = 7, photos: int = 0, top: str = "",
             backslashes: bool = False) -> dict:
    """Write a ``posts``-post archive: ~40 % in threads of 2–12, replies to others, reposts, singles; ``photos``
    JPEGs in tweets_media/ (thread posts first), the names under ``top`` and with backslashes if asked."""
    rng = random.Random(seed)
    items, next_id, when = [], 1_600_000_000_000_000_000, 1_600_000_000
    threads = 0
    while len(items) < posts:
        roll = rng.random()
        if roll < 0.08:  # a thread
            n = min(rng.randint(2, 12), posts - len(items))
            parent = None
            for _ in range(n):
                next_id += rng.randint(1, 10**6)
                when += rng.randint(5, 60)
                items.append(_post(rng, next_id, parent, OWNER if parent else None, when))
                parent = next_id
            threads += n >= 2
        else:
            next_id += rng.randint(1, 10**9)
            when += rng.randint(60, 7200)
            if roll < 0.35:
                items.append(_post(rng, next_id, next_id - 12345, "99", when))  # reply to someone else
            elif roll < 0.45:
                tw = _post(rng, next_id, None, None, when)
                tw["full_text"] = "RT @someone: " + tw["full_text"]
                items.append(tw)
            else:
                items.append(_post(rng, next_id, None, None, when))
    with_photo = sorted(items, key=lambda t: "in_reply_to_user_id_str" not in t
                        or t["in_reply_to_user_id_str"] != OWNER)[:photos]  # thread posts first
    media_files = []
    for tw in with_photo:
        key = format(int(tw["id_str"]) % 10**12, "X")
        _add_photo(tw, key)
        media_files.append(f"data/tweets_media/{tw['id_str']}-{key}.jpg")
    parts = 3
    size = -(-len(items) // parts)

    def name(member: str) -> str:
        member = top + member
        return member.replace("/", "\\") if backslashes else member

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in range(parts):
            member = "data/tweets.js" if p == 0 else f"data/tweets-part{p}.js"
            body = json.dumps([{"tweet": t} for t in items[p * size:(p + 1) * size]], indent=2, ensure_ascii=False)
            zf.writestr(name(member), f"window.YTD.tweets.part{p} = {body}")
        zf.writestr(name("data/account.js"), "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": "jane_builds", "accountDisplayName": "Jane Builds"}}]))
        zf.writestr(name("data/note-tweet.js"), "window.YTD.noteTweet.part0 = []")
        for i, member in enumerate(media_files):  # JPEGs are stored: deflating them gains nothing
            zf.writestr(name(member), _jpeg(i), compress_type=zipfile.ZIP_STORED)
    with zipfile.ZipFile(path) as zf:
        inflated = sum(i.file_size for i in zf.infolist())
    return {"posts": len(items), "threads": threads, "zip_mb": path.stat().st_size / 2**20,
            "inflated_mb": inflated / 2**20, "photos": len(media_files)}


# A fixed piece of the same kind of work (JSON, regular expressions, dicts) in a fresh interpreter: the
# listing's time divided by this one's tells a change of the code from a change of the machine's speed.
REFERENCE = r"""
import json, re, time
wall, cpu = time.perf_counter(), time.process_time()
posts = [{"id": str(i), "text": "post %d with some words #tag @user https://t.co/x" % i, "n": i} for i in range(120000)]
back = json.loads(json.dumps(posts))
mentions = re.compile(r"@(\w+)|#(\w+)")
found = sum(len(mentions.findall(p["text"])) for p in back)
groups = {}
for p in back:
    groups.setdefault(p["n"] % 997, []).append(p["id"])
print(time.perf_counter() - wall, time.process_time() - cpu)
"""


def reference() -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``REFERENCE`` in a fresh interpreter."""
    wall, cpu = subprocess.run([sys.executable, "-c", REFERENCE], capture_output=True, text=True,
                               check=True).stdout.split()
    return float(wall), float(cpu)


def measure(path: Path, mode: str) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds, peak MB, threads listed or photos read) for one run in a fresh interpreter;
    ``mode``: "list" (read_archive, no photos), "cli" (``threads``), "top" (the top thread with its photos)."""
    code = MEASURE.format(root=str(ROOT), path=str(path), mode=mode)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    seconds, cpu, rss, n = out.split()
    return float(seconds), float(cpu), float(rss), int(n)


def rows(quick: bool) -> list[Row]:
    posts, runs = (10_000, 1) if quick else (50_000, 5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.zip"
        generate(path, posts)
        measure(path, "list")  # warm-up: file cache and imports
        results, references = [], []
        for _ in range(runs):  # alternated with the reference: both see the same machine
            results.append(measure(path, "list"))
            references.append(reference())
        photos = 500 if quick else 5_000
        mixed = Path(tmp) / "photos.zip"
        generate(mixed, posts, photos=photos, top="twitter-2024-05-28-0a1b2c/", backslashes=True)
        measure(mixed, "list")
        with_photos = [measure(mixed, "list") for _ in range(runs)]
    seconds = Timing([r[0] * 1000 for r in results])
    label = f"import: list the threads of a {posts:,}-post archive (fresh process)"
    return [info(label, seconds) if quick else at_most(label, seconds, GOAL_S * 1000),
            info("import: CPU time of that process", Timing([r[1] * 1000 for r in results])),
            info("import: peak memory of that process", max(r[2] for r in results), "MB"),
            info("import: a fixed reference of the same kind of work (fresh process, CPU)",
                 Timing([r[1] * 1000 for r in references])),
            info("import: the listing's CPU time in references (the machine's speed taken out)",
                 statistics.median(r[1] / ref[1] for r, ref in zip(results, references)), "×"),
            info(f"import: list the same archive with {photos:,} photos, a top folder and backslashed names",
                 Timing([r[0] * 1000 for r in with_photos]))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--photos", type=int, default=0, help="JPEGs in data/tweets_media/")
    parser.add_argument("--top-folder", action="store_true", help="names under twitter-2024-05-28-…/")
    parser.add_argument("--backslashes", action="store_true", help='names as "data\\tweets.js"')
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.zip"
        t0 = time.perf_counter()
        info = generate(path, args.posts, photos=args.photos, backslashes=args.backslashes,
                        top="twitter-2024-05-28-0a1b2c/" if args.top_folder else "")
        print(f"archive: {info['posts']:,} posts, {info['threads']:,} threads, {info['photos']:,} photos, "
              f"{info['zip_mb']:.1f} MB zip, {info['inflated_mb']:.1f} MB inflated "
              f"(generated in {time.perf_counter() - t0:.1f} s)")
        print(f"{'what':<40}{'median s':>10}{'max s':>8}{'cpu s':>8}{'peak RSS MB':>13}  goal <3 s, <400 MB")
        modes = [("read_archive(load_media=False)", "list"), ("carousel-studio threads (table)", "cli")]
        if info["photos"]:
            modes.append(("read_archive(top thread, photos)", "top"))
        for label, mode in modes:
            runs = [measure(path, mode) for _ in range(args.runs)]
            secs = [r[0] for r in runs]
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            found = runs[0][3]
            ok = "ok" if statistics.median(secs) < 3 and rss < 400 else "MISSED"
            what = "photos read" if mode == "top" else "threads listed"
            print(f"{label:<40}{statistics.median(secs):>10.2f}{max(secs):>8.2f}{cpu:>8.2f}{rss:>13.0f}  {ok}"
                  + (f"  ({found:,} {what})" if found >= 0 else ""))


if __name__ == "__main__":
    main()
