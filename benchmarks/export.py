"""Export speed and size for a 10-slide carousel with two photos.

Run: python3 benchmarks/export.py [--repeat N]

Prints medians: ms per slide for the SVG, PNG and JPEG, the whole PDF and its size,
an image export sequentially vs with 2 worker processes, and CairoSVG's stock
``svg2png`` on a photo slide for comparison.
"""
from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402

from studio.export import export_images, export_pdf, slide_image  # noqa: E402
from studio.export import pages  # noqa: E402
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


def build_carousel():
    posts = [Post(str(i + 1), text, author_name="Bench Mark", handle="bench") for i, text in enumerate(POSTS)]
    posts[2].images = [load_image(photo(0), name="photo 1")]
    posts[5].images = [load_image(photo(1), name="photo 2")]
    carousel = carousel_from_thread(Thread("bench", posts))
    for slide, layout in zip([s for s in carousel.slides if s.image], ("image-focus", "split")):
        slide.layout = layout  # layouts that show the photo
    carousel.brand.name, carousel.brand.handle = "Bench Mark", "bench"
    return carousel


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def row(name: str, value: float, unit: str) -> None:
    print(f"{name:<44} {value:>9.1f} {unit}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    pages.prepare()
    carousel = build_carousel()
    total = pages.page_total(carousel)
    photo_pages = [i for i in range(total) if "image/jpeg" in pages.page_svg(carousel, i, 2)]
    print(f"{total} pages, photos on pages {[i + 1 for i in photo_pages]}, repeat {repeat}, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    slide_image(carousel, 0, "png")  # warm caches (fonts, text widths)

    def per_slide(fn) -> float:
        return statistics.median(median_ms(lambda i=i: fn(i), repeat) for i in range(total))

    row("SVG per slide (median)", per_slide(lambda i: pages.page_svg(carousel, i, 2)), "ms")
    row("PNG per slide (median)", per_slide(lambda i: slide_image(carousel, i, "png")), "ms")
    row("JPEG per slide (median)", per_slide(lambda i: slide_image(carousel, i, "jpeg")), "ms")
    if photo_pages:
        p = photo_pages[0]
        row("PNG, photo slide", median_ms(lambda: slide_image(carousel, p, "png"), repeat), "ms")
        row("JPEG, photo slide", median_ms(lambda: slide_image(carousel, p, "jpeg"), repeat), "ms")
        import cairosvg
        svg = pages.page_svg(carousel, p, 2).encode()
        row("  stock cairosvg.svg2png, photo slide", median_ms(lambda: cairosvg.svg2png(bytestring=svg), repeat),
            "ms")
    pdf = io.BytesIO()
    row("PDF, whole carousel", median_ms(lambda: export_pdf(carousel, io.BytesIO()), repeat), "ms")
    export_pdf(carousel, pdf)
    row("PDF size", len(pdf.getvalue()) / 1024, "KiB")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("png", "jpeg"):
            for workers in (1, 2, None):
                target = Path(tmp) / f"{fmt}-{workers}.zip"
                ms = median_ms(lambda: export_images(carousel, target, fmt, workers=workers), repeat)
                label = "automatic choice" if workers is None else f"{workers} process{'es' if workers > 1 else ''}"
                row(f"{fmt.upper()} zip, {label}", ms, "ms")
            row(f"{fmt.upper()} zip size", target.stat().st_size / 1024, "KiB")


if __name__ == "__main__":
    main()
