"""Renderer speed: median ms to build one slide's SVG (cold layout vs cached), to paginate,
and the first start on a fresh machine (fonts not yet built), each in a fresh process.

Run: python3 benchmarks/render.py (or through benchmarks/run.py; ``--quick`` there skips the cold starts)
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from studio import fonts, render  # noqa: E402
from studio.post import Post, Thread  # noqa: E402
from studio.structure import carousel_from_thread  # noqa: E402
from studio import DATA_DIR  # noqa: E402
from harness import Row, info, repeats, timed  # noqa: E402


def sample():
    texts = [p.strip() for p in (DATA_DIR / "sample-thread.txt").read_text("utf-8").split("\n\n") if p.strip()]
    return carousel_from_thread(Thread("t", [Post(str(i), t, author_name="Maya", handle="maya")
                                             for i, t in enumerate(texts)]))


ROOT = Path(__file__).resolve().parent.parent
# The first start before fonts were built on demand (recipe 3: all 27 faces one after another,
# OpenType layout tables kept), measured on this machine with the same per-face timing loop.
BEFORE_COLD_MS = 78_362

_COLD = r"""
import json, sys, time
t0 = time.perf_counter()
from studio import fonts
fonts.ensure_fonts()
t1 = time.perf_counter()
if sys.argv[1] == "render":
    from studio import render, DATA_DIR
    from studio.post import Post, Thread
    from studio.structure import carousel_from_thread
    texts = [p.strip() for p in (DATA_DIR / "sample-thread.txt").read_text("utf-8").split("\n\n") if p.strip()]
    render.render_slides(carousel_from_thread(Thread("t", [Post(str(i), t) for i, t in enumerate(texts)])))
elif sys.argv[1] == "all":
    fonts.build_all()
print(json.dumps({"ensure": (t1 - t0) * 1000, "total": (time.perf_counter() - t0) * 1000}))
"""


def cold_ms(what: str, runs: int = 3) -> tuple[float, float]:
    """Median (ensure_fonts ms, total ms) in a fresh process with an empty font cache."""
    ensure, total = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = dict(os.environ, CAROUSEL_STUDIO_CACHE=cache, PYTHONPATH=str(ROOT))
            env.pop("FONTCONFIG_FILE", None)
            out = subprocess.run([sys.executable, "-c", _COLD, what], env=env, capture_output=True, text=True,
                                 check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            ensure.append(row["ensure"])
            total.append(row["total"])
    return statistics.median(ensure), statistics.median(total)


def rows(quick: bool) -> list[Row]:
    """Warm renderer timings; the full run adds the cold starts (fresh processes, empty font cache)."""
    fonts.ensure_fonts()
    c = sample()
    render.render_slides(c)  # warm fonts, emoji, measurement caches
    runs = 3 * repeats(quick)

    def cold_slide():
        render.clear_cache()
        render.render_slide(c, 3)

    def edited_slide():  # typing in one slide: that slide is laid out again, the others come from the cache
        c.slides[3].body += " x"
        render.render_slide(c, 3)

    long = carousel_from_thread(Thread("t", [Post("a", "Hook."), Post("b", "word " * 5000)]))

    def long_post():
        render.clear_cache()
        render.paginate(long)

    out = [info("render: slide SVG, cached layout", timed(lambda: render.render_slide(c, 3), runs)),
           info("render: slide SVG after an edit of that slide", timed(edited_slide, runs)),
           info("render: slide SVG, page cache cleared (all slides laid out)", timed(cold_slide, runs)),
           info("render: all 9 pages SVG, cached", timed(lambda: render.render_slides(c), runs)),
           info("render: paginate a 5,000-word post (page cache cleared)", timed(long_post, repeats(quick)))]
    if not quick:
        ensure_cold, render_cold = cold_ms("render")
        out += [info("render: first ensure_fonts (cold cache)", ensure_cold),
                info("render: first sample render, 9 pages SVG, fonts built on demand (cold cache)", render_cold),
                info("render: every face for the browser, build_all in 2 processes (cold cache)", cold_ms("all")[1])]
    return out


def main() -> None:
    for row in rows(quick=False):
        print(f"{row.metric:72s} {row.ours:10.2f} ms (median)")
    print(f"{'before: first ensure_fonts built every face (cold cache)':72s} {BEFORE_COLD_MS:10.2f} ms (measured once)")

if __name__ == "__main__":
    main()
