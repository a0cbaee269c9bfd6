"""Store speed: saving a 20-slide project, and start-up with 200 profiles and 500 projects.

    python3 benchmarks/store.py [--data-dir DIR] [--repeat N]

Every save is durable (temp file, fsync, rename, fsync folder, and the same for
the .bak copy), so the figures include real fsyncs on the disk that holds DIR
(default: a temp folder). Prints one row per measurement: median and spread in ms.
"""
from __future__ import annotations

import argparse
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image as PILImage, ImageDraw  # noqa: E402

from harness import Row, Timing, info, repeats  # noqa: E402
from studio.brand import BrandProfile  # noqa: E402
from studio.carousel import Carousel  # noqa: E402
from studio.history import History  # noqa: E402
from studio.image import load_image  # noqa: E402
from studio.post import Post, Thread  # noqa: E402
from studio.slide import Slide  # noqa: E402
from studio.store import Store  # noqa: E402

WORDS = ("the quick brown fox shipped a carousel before lunch and nobody retyped anything "
         "because the thread became slides with a brand and a call to action ").split()


def photo(seed: int, size=(1600, 1200)):
    img = PILImage.new("RGB", size, (seed * 37 % 256, seed * 91 % 256, 140))
    draw = ImageDraw.Draw(img)
    for i in range(0, size[0], 40):  # some detail so the JPEG is photo-sized, not a flat colour
        draw.line([(i, 0), (size[0] - i, size[1])], fill=((i + seed) % 256, 80, 200), width=7)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90)
    return load_image(buf.getvalue())


def text(n_words: int, seed: int) -> str:
    return " ".join(WORDS[(seed + i * 7) % len(WORDS)] for i in range(n_words))


def project(seed: int, images: list) -> Carousel:
    posts = [Post(f"{seed}-{i}", text(45, seed + i), author_name="Ada Lovelace", handle="ada",
                  created_at="2026-03-01T10:00:00+00:00", likes=i * 3, reposts=i)
             for i in range(20)]
    slides = [Slide("cover", text(8, seed), image=images[0] if images else None)]
    slides += [Slide(title=text(6, seed + i), body=text(40, seed + i), post_ids=[posts[i].id],
                     image=images[1] if images and i == 9 else None) for i in range(1, 19)]
    slides.append(Slide("outro"))
    return Carousel(name=f"Project {seed}", brand=BrandProfile(name="Ada Lovelace", handle="ada"),
                    slides=slides, thread=Thread(f"t{seed}", posts, title=text(6, seed)))


def timed(fn, repeat: int) -> list[float]:
    out = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def row(label: str, samples: list[float]) -> None:
    q = statistics.quantiles(samples, n=10) if len(samples) >= 10 else [min(samples), max(samples)]
    print(f"{label:<64} median {statistics.median(samples):8.2f} ms   p10 {q[0]:7.2f}   p90 {q[-1]:7.2f}   "
          f"n={len(samples)}")


def compare_storages(root: Path, db_file: Path, repeat: int) -> None:
    """One profile update on the big studio.json with TinyDB's own storages, for comparison.

    JSONStorage rewrites the file in place (a crash leaves a broken file);
    CachingMiddleware writes only every 1000 changes (an acknowledged change is
    not on disk). AtomicJSONStorage is what the Store uses.
    """
    from tinydb import TinyDB
    from tinydb.middlewares import CachingMiddleware
    from tinydb.storages import JSONStorage
    from tinydb.table import Table

    from studio.store.storage import AtomicJSONStorage

    def update(db, i):
        Table(db.storage, "profiles", cache_size=0).update({"updated_at": str(i)}, doc_ids=[1])

    for label, storage in (("TinyDB JSONStorage, in place (not crash-safe)", JSONStorage),
                           ("TinyDB CachingMiddleware (not durable)", CachingMiddleware(JSONStorage)),
                           ("AtomicJSONStorage (temp+fsync+rename, .bak)", AtomicJSONStorage)):
        path = root / f"compare-{len(label)}.json"
        shutil.copy(db_file, path)
        db = TinyDB(path, storage=storage)
        row(f"update 1 profile: {label}", timed(lambda i: update(db, i), repeat))
        db.close()


def rows(quick: bool) -> list[Row]:
    """Saving and loading a 20-slide project in a small store (the full run: the same in a big one too)."""
    repeat = 3 * repeats(quick)
    root = Path(tempfile.mkdtemp(prefix="store-bench-"))
    try:
        images = [photo(1), photo(2, (400, 400))]
        store = Store(root / "small")
        c = project(0, images)
        pid = store.projects.save(c)

        def edit_and_save(i):
            c.slides[5].body = f"edit {i}"
            store.projects.save(c, pid)

        out = [info("store: save a 20-slide project (fsync'd)", Timing(timed(edit_and_save, repeat))),
               info("store: load a 20-slide project", Timing(timed(lambda i: store.projects.load(pid), repeat)))]
        if not quick:
            big = Store(root / "big")
            for i in range(500):
                big.projects.save(project(i, images if i % 10 == 0 else []))
            out.append(info("store: open + list 500 projects", Timing(timed(lambda i: Store(root / "big").projects.all(),
                                                                            repeat))))
        return out
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None, help="where to build the test folders")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="store-bench-", dir=args.data_dir))
    try:
        images = [photo(1), photo(2, (400, 400))]
        print(f"# images: {len(images[0].data) // 1024} KiB + {len(images[1].data) // 1024} KiB; folder {root}")

        # -- saving one 20-slide project in a small store ------------------------------------
        small = Store(root / "small")
        c = project(0, images)
        first = timed(lambda i: small.projects.save(project(100 + i, images)), 1)
        pid = small.projects.save(c)

        def edit_and_save(i):
            c.slides[5].body = f"edit {i}"
            small.projects.save(c, pid)

        row("first save of a 20-slide project (2 new images)", first)
        row("save 20-slide project (small store)", timed(edit_and_save, args.repeat))
        base = small.projects.load(pid)

        def merge_save(i):
            c.slides[6].body = f"merge {i}"
            small.projects.save(c, pid, base=base)

        row("save 20-slide project, per-field merge with base", timed(merge_save, args.repeat))
        row("load 20-slide project", timed(lambda i: small.projects.load(pid), args.repeat))
        history = History(c, cap=100)
        for i in range(100):
            c.slides[i % 18 + 1].body = f"history {i}"
            history.record(c)
        row("save a full 100-step undo history", timed(lambda i: small.projects.save_history(pid, history), 10))

        # -- a big store: 200 profiles, 500 projects ----------------------------------------
        big_dir = root / "big"
        big = Store(big_dir)
        avatars = [photo(10 + i, (256, 256)) for i in range(20)]
        start = time.perf_counter()
        with big.transaction(write=True):  # one transaction: builds the fixture fast; each save is still a real save
            for i in range(200):
                big.profiles.save(BrandProfile(name=f"Client {i:03}", handle=f"client{i}", avatar=avatars[i % 20],
                                              website=f"https://client{i}.example", accent="#1D9BF0"))
        project_ids = [big.projects.save(project(i, images if i % 10 == 0 else [])) for i in range(500)]
        size = (big_dir / "studio.json").stat().st_size
        print(f"# big store built in {time.perf_counter() - start:.1f} s; studio.json {size // 1024} KiB, "
              f"projects/ {sum(p.stat().st_size for p in (big_dir / 'projects').iterdir()) // 1024} KiB")

        def startup(i):
            s = Store(big_dir)
            assert len(s.profiles.all()) == 200 and len(s.projects.all()) == 500

        row("startup: Store open + list_profiles + list_projects (200/500)", timed(startup, max(5, args.repeat // 3)))
        row("startup without list_profiles (open + list_projects)",
            timed(lambda i: Store(big_dir).projects.all(), max(5, args.repeat // 3)))
        target = project_ids[250]
        cb = big.projects.load(target)

        def big_save(i):
            cb.slides[3].body = f"edit {i}"
            big.projects.save(cb, target)

        row("save 20-slide project (store with 200 profiles + 500 projects)", timed(big_save, args.repeat))
        some_profile = big.profiles.all()[0][0]
        row("save a profile (store with 200 profiles + 500 projects)",
            timed(lambda i: big.profiles.save(BrandProfile(name=f"Client {i:03}"), some_profile), args.repeat))

        compare_storages(root, big_dir / "studio.json", args.repeat)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
