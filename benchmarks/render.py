"""Renderer speed: median ms to build one slide's SVG (cold layout vs cached), and to paginate.

Run: python3 benchmarks/render.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from studio import fonts, render  # noqa: E402
from studio.post import Post, Thread  # noqa: E402
from studio.structure import carousel_from_thread  # noqa: E402
from studio import DATA_DIR  # noqa: E402


def sample():
    texts = [p.strip() for p in (DATA_DIR / "sample-thread.txt").read_text("utf-8").split("\n\n") if p.strip()]
    return carousel_from_thread(Thread("t", [Post(str(i), t, author_name="Maya", handle="maya")
                                             for i, t in enumerate(texts)]))


def median_ms(fn, runs: int = 30) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    fonts.ensure_fonts()
    c = sample()
    render.render_slides(c)  # warm fonts, emoji, measurement caches

    def cold_slide():
        render.clear_cache()
        render.render_slide(c, 3)

    def edited_slide():  # typing in one slide: that slide is laid out again, the others come from the cache
        c.slides[3].body += " x"
        render.render_slide(c, 3)

    rows = [
        ("slide SVG, cached layout", median_ms(lambda: render.render_slide(c, 3))),
        ("slide SVG after an edit of that slide", median_ms(edited_slide)),
        ("slide SVG, page cache cleared (all slides laid out)", median_ms(cold_slide)),
        ("all 9 pages SVG, cached", median_ms(lambda: render.render_slides(c))),
    ]
    long = carousel_from_thread(Thread("t", [Post("a", "Hook."), Post("b", "word " * 5000)]))

    def long_post():
        render.clear_cache()
        render.paginate(long)

    rows.append(("paginate a 5,000-word post (page cache cleared)", median_ms(long_post, runs=5)))
    for name, ms in rows:
        print(f"{name:45s} {ms:8.2f} ms (median)")


if __name__ == "__main__":
    main()
