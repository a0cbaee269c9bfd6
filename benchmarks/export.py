"""Export speed and size for a 10-slide carousel with two photos, beside the alternatives.

    python3 benchmarks/export.py [--quick]      (or through benchmarks/run.py)

Ours: the PNG set, the JPEG set (ZIPs, 2 worker processes) and the PDF. Anchors on
the very same SVGs (see ``anchors.py``): a warm Chromium's screenshots and
``page.pdf``, resvg-py, and the encoding floor (our encoder on ready-made pixels,
over the same number of processes). Quality beside speed: the share of pixels
that differ between our PNG and Chromium's drawing of the same slide.
"""
from __future__ import annotations

import io
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402

import anchors  # noqa: E402
from harness import Row, Timing, at_most, faster, info, repeats, round_robin, timed, within  # noqa: E402

from studio.export import export_images, export_pdf  # noqa: E402
from studio.export import pages  # noqa: E402
from studio.export.drawing import render_pixels  # noqa: E402
from studio.export.images import encode_image, srgb_profile  # noqa: E402
from studio.fonts import cache_dir  # noqa: E402
from studio.image import load_image  # noqa: E402
from studio.post import Post, Thread  # noqa: E402
from studio.structure import carousel_from_thread  # noqa: E402

POSTS = [
    "Ten slides, two photos: a benchmark thread for the export engine 🧵",
    "1) Measure first\nGuessing where time goes is how slow code stays slow.",
    "2) Photos are the heavy part\nA 3000×2000 photo is downscaled once and embedded as JPEG.",
    "3) Text is cheap\nA slide's SVG takes well under a millisecond once widths are cached.",
    "4) Two cores\nMany slides are drawn by two worker processes.",
    "5) Small PDFs\nFonts are subset, photos stay JPEG, pages share one document.",
    "6) Same size pages\nLinkedIn wants every page the same size, and gets it.",
    "7) sRGB\nImages carry an sRGB profile, as the platforms expect.",
    "8) Atomic files\nA failed export leaves nothing half-written behind.",
]


def photo(seed: int) -> bytes:
    """A 3000×2000 JPEG: colour gradients plus noise (hard for JPEG, like a real photo)."""
    w, h = 3000, 2000
    red = Image.linear_gradient("L").rotate(seed * 50 + 20).resize((w, h))
    green = Image.radial_gradient("L").resize((w, h))
    blue = Image.linear_gradient("L").transpose(Image.Transpose.ROTATE_90).resize((w, h))
    colour = Image.merge("RGB", (red, green, blue))
    noise = Image.effect_noise((w, h), 24 + seed * 8).convert("RGB")
    out = io.BytesIO()
    Image.blend(colour, noise, 0.18).save(out, "JPEG", quality=90)
    return out.getvalue()


def build_carousel(slides: int = len(POSTS) + 1):
    """The benchmark's carousel: ``POSTS`` (10 slides: cover, posts, outro), made longer with numbered points."""
    texts = POSTS + [f"{n}) Point {n} of a long thread\nA line of body text that explains point {n} in a sentence."
                     for n in range(len(POSTS), slides - 1)]
    posts = [Post(str(i + 1), text, author_name="Bench Mark", handle="bench") for i, text in enumerate(texts)]
    posts[2].images = [load_image(photo(0), name="photo 1")]
    posts[5].images = [load_image(photo(1), name="photo 2")]
    carousel = carousel_from_thread(Thread("bench", posts))
    for slide, layout in zip([s for s in carousel.slides if s.image], ("image-focus", "split")):
        slide.layout = layout  # layouts that show the photo
    carousel.brand.name, carousel.brand.handle = "Bench Mark", "bench"
    return carousel


WORKERS = 2  # both cores, for ours and for every anchor that can be split


def pillow_png(image: Image.Image) -> bytes:
    """The encoder the issue's floor was measured with: Pillow's PNG writer at compress_level=1."""
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1, icc_profile=srgb_profile())
    return out.getvalue()


def cpu(timing: Timing) -> float:
    """Median CPU ms (ours: this process and its workers; Chromium: its processes and Playwright's driver)."""
    return statistics.median(timing.cpu)


def rows(quick: bool) -> list[Row]:
    """Ours and every anchor, timed round-robin (one run of each per round), so load drifts hit all alike."""
    repeat = repeats(quick)
    pages.prepare()
    carousel = build_carousel()
    total = pages.page_total(carousel)
    width, height = pages.page_size(carousel, 2)
    svgs = [pages.page_svg(carousel, i, 2) for i in range(total)]
    out: list[Row] = [info(f"export: slide SVG, median of {total} pages", timed(
        lambda: [pages.page_svg(carousel, i, 2) for i in range(total)], repeat).median / total)]
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    export_images(carousel, tmp / "warm.zip", "png", workers=WORKERS)  # our warm workers exist before any thread
    work = {f"ours {fmt}": lambda fmt=fmt: export_images(carousel, tmp / f"{fmt}.zip", fmt, workers=WORKERS)
            for fmt in ("png", "jpeg")}
    work["ours pdf"] = lambda: export_pdf(carousel, tmp / "slides.pdf")
    if not quick:
        work["ours png 1"] = lambda: export_images(carousel, tmp / "png-1.zip", "png", workers=1)

    pixels = [render_pixels(svg, width, height) for svg in svgs]
    our_pngs = [encode_image(image, "png") for image in pixels]
    pools = {"floor png": anchors.Workers(lambda image: encode_image(image, "png"), pixels, WORKERS),
             "floor jpeg": anchors.Workers(lambda image: encode_image(image, "jpeg"), pixels, WORKERS),
             "floor pillow png": anchors.Workers(pillow_png, pixels, WORKERS)}
    if not quick:
        pools["floor png 1"] = anchors.Workers(lambda image: encode_image(image, "png"), pixels, 1)
    work.update({name: pool.run for name, pool in pools.items()})
    del pixels

    missing = anchors.available()
    browser = None if missing["chromium"] else anchors.Chromium(width, height)
    last: dict[str, object] = {}  # Chromium's output of the last round, compared with ours below
    if browser:
        work["chromium png"] = lambda: last.__setitem__("png", browser.image_set(svgs, "png"))
        work["chromium jpeg"] = lambda: browser.image_set(svgs, "jpeg")
        work["chromium pdf"] = lambda: last.__setitem__("pdf", browser.pdf(svgs, width, height))
    else:
        print(f"skipped the Chromium anchor: {missing['chromium']}", file=sys.stderr)
    try:
        t = round_robin(work, repeat, warmup=0 if quick else 1)  # quick: our workers are warm already
        sizes = {fmt: (tmp / f"{fmt}.zip").stat().st_size / 1024 for fmt in ("png", "jpeg")}
        sizes["pdf"] = (tmp / "slides.pdf").stat().st_size / 1024
        their_pngs, their_pdf = last.get("png"), last.get("pdf")
    finally:
        if browser:
            browser.close()
        for pool in pools.values():
            pool.close()
        shutil.rmtree(tmp, ignore_errors=True)

    label = f"{total} slides, {WORKERS} processes"
    out.append(within(f"PNG set ({label}) vs encoding floor", t["ours png"], t["floor png"], 1.3))
    out.append(within("PNG set vs floor with Pillow's PNG encoder (level 1)", t["ours png"], t["floor pillow png"],
                      1.3))
    if not quick:
        out.append(within("PNG set (1 process) vs encoding floor (1 process)", t["ours png 1"], t["floor png 1"], 1.3))
    out.append(within(f"JPEG set ({label}) vs encoding floor", t["ours jpeg"], t["floor jpeg"], None))
    if not missing["resvg"]:
        font_dir = str(cache_dir())
        # resvg-py takes seconds a set: a quick run times 2 of the pages and counts the set from them
        timed_svgs = svgs[:2] if quick else svgs
        resvg = anchors.Workers(lambda svg: anchors.resvg_png(svg, font_dir), timed_svgs, WORKERS)
        resvg_set = timed(resvg.run, 1 if quick else repeat // 2, warmup=0)
        resvg.close()
        resvg_set.samples = [ms * len(svgs) / len(timed_svgs) for ms in resvg_set.samples]
        out.append(faster(f"PNG set vs resvg-py ({WORKERS} processes{', 2 pages timed' if quick else ''})",
                          t["ours png"], resvg_set, None))
    if not browser:
        return out
    out += [faster("PNG set vs Chromium screenshots", t["ours png"], t["chromium png"], 3),
            within("PNG set size vs Chromium's", sizes["png"], sum(map(len, their_pngs)) / 1024, None, "KiB"),
            faster("JPEG set vs Chromium screenshots", t["ours jpeg"], t["chromium jpeg"], 3),
            faster("PDF vs Chromium page.pdf", t["ours pdf"], t["chromium pdf"], 4),
            *[faster(f"{what} vs Chromium, CPU time of all processes", cpu(t[f"ours {key}"]),
                     cpu(t[f"chromium {key}"]), None) for what, key in (("PNG set", "png"), ("JPEG set", "jpeg"),
                                                                          ("PDF", "pdf"))],
            within("PDF size vs Chromium page.pdf", sizes["pdf"], len(their_pdf) / 1024, 0.1, "KiB")]
    if not missing["numpy"]:
        shares = [anchors.differing_share(a, b) for a, b in zip(our_pngs, their_pngs)]
        worst = max(range(total), key=shares.__getitem__)
        if os.environ.get("BENCH_SHOW"):  # a folder to look at our slide beside Chromium's
            for i in range(total):
                anchors.save_side_by_side(our_pngs[i], their_pngs[i], Path(os.environ["BENCH_SHOW"]) / f"{i + 1:02d}.png")
        out += [at_most("preview equals export: pixels differing from Chromium, all slides",
                        100 * sum(shares) / total, 1, "%"),
                info(f"  worst slide ({worst + 1})", 100 * shares[worst], "%")]
    return out


def main() -> None:
    from run import table
    quick = "--quick" in sys.argv
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(table(rows(quick)))


if __name__ == "__main__":
    main()
