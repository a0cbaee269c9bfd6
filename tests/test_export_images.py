"""Instagram images: names and order, size per scale, RGB sRGB pixels, JPEG 4:4:4, alt text, both cores."""
from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image, ImageChops, ImageCms, JpegImagePlugin
from defusedxml import ElementTree

from studio import DATA_DIR
from studio.export import ExportError, export_images, pages, slide_png, slide_svg
from studio.post import Post, Thread
from studio.structure import carousel_from_thread
from studio.theme import THEMES

EDITORIAL = THEMES["editorial"]  # a flat background and no pattern: corner pixels are the background


def sample_carousel(**settings):
    text = (DATA_DIR / "sample-thread.txt").read_text(encoding="utf-8")
    posts = [Post(str(i + 1), p.strip()) for i, p in enumerate(text.split("\n\n")) if p.strip()]
    return carousel_from_thread(Thread("sample", posts), theme="editorial", **settings)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


@pytest.fixture(scope="module")
def png_zip(tmp_path_factory):
    carousel = sample_carousel()
    carousel.slides[2].alt_text = "A hand-written description of slide three."
    target = tmp_path_factory.mktemp("zip") / "slides.zip"
    report = export_images(carousel, target, "png", workers=1)
    return carousel, target, report


def test_zip_holds_numbered_pngs_in_order_and_alt_text(png_zip):
    carousel, target, report = png_zip
    total = pages.page_total(carousel)
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert names == [f"{i:02d}.png" for i in range(1, total + 1)] + ["alt-text.txt"]
        alt = archive.read("alt-text.txt").decode("utf-8")
        first = Image.open(io.BytesIO(archive.read("01.png")))
        assert first.format == "PNG" and first.size == (1080, 1350) and first.mode == "RGB"
        assert ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(first.info["icc_profile"])))
        assert first.getpixel((2, 2)) == _rgb(EDITORIAL.base)
    assert report.pages == total and report.paths == [target] and report.size == (1080, 1350)
    blocks = alt.strip().split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == names[:-1]
    assert "A hand-written description of slide three." in blocks[2]
    assert "skimmable" in alt.lower() and "<" not in alt


def test_scale_three_is_1620_wide_and_warns_for_instagram(tmp_path):
    carousel = sample_carousel()
    png = Image.open(io.BytesIO(slide_png(carousel, 0, scale=3)))
    assert png.size == (1620, 2025)
    report = export_images(sample_carousel(format="instagram-square"), tmp_path / "hi", "png", scale=3)
    assert report.size == (1620, 1620)
    assert any("1620 px" in w for w in report.warnings)


def test_jpeg_folder_is_444_srgb(tmp_path):
    target = tmp_path / "out"
    report = export_images(sample_carousel(format="instagram-square"), target, "jpeg")
    files = sorted(p.name for p in target.iterdir())
    assert files == [f"{i:02d}.jpg" for i in range(1, report.pages + 1)] + ["alt-text.txt"]
    image = Image.open(target / "01.jpg")
    assert image.format == "JPEG" and image.mode == "RGB" and image.size == (1080, 1080)
    assert JpegImagePlugin.get_sampling(image) == 0  # 4:4:4, crisp coloured text
    assert "sRGB" in ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"])))
    assert all(abs(a - b) <= 3 for a, b in zip(image.getpixel((2, 2)), _rgb(EDITORIAL.base)))
    assert not list(tmp_path.glob(".*"))  # no temporary folder left behind


def _same_content(name: str, a: bytes, b: bytes) -> bool:
    """The same pixels and profile for images, the same bytes otherwise. A PNG's bytes may differ between
    processes: the deflate (ISA-L) may pick other matches for the same pixels (seen in the project's CI)."""
    if not name.endswith((".png", ".jpg")):
        return a == b
    first, second = Image.open(io.BytesIO(a)), Image.open(io.BytesIO(b))
    return (first.size == second.size and first.info.get("icc_profile") == second.info.get("icc_profile")
            and ImageChops.difference(first.convert("RGB"), second.convert("RGB")).getbbox() is None)


@pytest.mark.slow  # forks worker processes; test_the_workers_path_gives_what_one_process_draws is its core twin
def test_two_workers_give_the_same_images_as_one(tmp_path):
    carousel = sample_carousel()
    one = export_images(carousel, tmp_path / "one.zip", "png", workers=1)
    two = export_images(carousel, tmp_path / "two.zip", "png", workers=2)
    with zipfile.ZipFile(tmp_path / "one.zip") as a, zipfile.ZipFile(tmp_path / "two.zip") as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            assert _same_content(name, a.read(name), b.read(name)), name
    assert one.pages == two.pages


def test_single_slide_svg_parses_at_2x():
    root = ElementTree.fromstring(slide_svg(sample_carousel(), 1).encode("utf-8"))
    assert root.get("viewBox").split()[2:] == ["540", "675"]
    assert float(root.get("width")) == 1080


def test_unknown_image_format_is_refused(tmp_path):
    with pytest.raises(ExportError, match="png or jpeg"):
        export_images(sample_carousel(), tmp_path / "x.zip", "gif")
    assert not (tmp_path / "x.zip").exists()


def test_alt_text_for_a_slide_continued_over_pages_follows_each_page(tmp_path):
    words = " ".join(f"word{i}" for i in range(400))
    carousel = carousel_from_thread(Thread("t", [Post("1", "A hook for a long thread"), Post("2", "Long one\n" + words)]))
    counts = pages.pages_per_slide(carousel)
    assert counts[1] >= 2  # auto-fit continued the long post
    export_images(carousel, tmp_path / "long.zip", "jpeg", scale=1)
    with zipfile.ZipFile(tmp_path / "long.zip") as archive:
        blocks = archive.read("alt-text.txt").decode("utf-8").strip().split("\n\n")
    assert len(blocks) == sum(counts)
    parts = [blocks[i].split("\n", 1)[1] for i in range(1, 1 + counts[1])]
    said = " ".join(parts).split()
    assert [w for w in said if w.startswith("word")] == words.split()  # every word once, in order
    assert not any("Swipe" in p or "/" in p for p in parts)  # no footer text


def test_worker_count_is_at_most_two_and_one_when_it_would_not_help(monkeypatch):
    from studio.export import images
    assert images.workers_for(10, 8) == 2 and images.workers_for(10, 0) == 1
    assert images.workers_for(2) == 1  # a pool costs more than two pages
    monkeypatch.setattr(images.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(images.threading, "active_count", lambda: 1)
    monkeypatch.setattr(images.os, "getloadavg", lambda: (0.2, 0.2, 0.2))
    assert images.workers_for(10) == 2
    monkeypatch.setattr(images.os, "getloadavg", lambda: (1.8, 1.0, 0.5))  # the other core is busy
    assert images.workers_for(10) == 1
    monkeypatch.setattr(images.os, "getloadavg", lambda: (0.2, 0.2, 0.2))
    monkeypatch.setattr(images.threading, "active_count", lambda: 3)  # forking a threaded process is unsafe
    monkeypatch.setattr(images, "_pool", None)  # (a warm pool needs no fork)
    assert images.workers_for(10) == 1


def test_png_writer_keeps_every_pixel_and_the_file_checks_out(png_zip):
    """Our own PNG writer: CRCs valid, pixels identical to what cairo drew, sRGB profile, not larger than Pillow's."""
    from studio.export.drawing import render_pixels
    carousel, target, _ = png_zip
    drawn = render_pixels(pages.page_svg(carousel, 2, 2), 1080, 1350)
    with zipfile.ZipFile(target) as archive:
        data = archive.read("03.png")
    Image.open(io.BytesIO(data)).verify()  # chunk CRCs and structure
    written = Image.open(io.BytesIO(data))
    assert written.mode == "RGB" and ImageChops.difference(written, drawn).getbbox() is None
    assert "sRGB" in ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(written.info["icc_profile"])))
    pillow = io.BytesIO()
    drawn.save(pillow, "PNG", compress_level=1)
    assert len(data) <= len(pillow.getvalue()) * 1.1


def test_the_workers_path_gives_what_one_process_draws(png_zip, tmp_path, monkeypatch):
    """The pages handed to workers and gathered in order, with two threads standing in for the two forked
    processes (in process: the core suite's twin of the slow tests that fork them)."""
    from concurrent.futures import ThreadPoolExecutor
    from studio.export import images
    carousel, one, report = png_zip
    with ThreadPoolExecutor(2) as threads:
        handed = []
        monkeypatch.setattr(images, "workers_for", lambda total, requested=None: 2)
        monkeypatch.setattr(images, "warm_pool", lambda: handed.append(threads) or threads)
        two = export_images(carousel, tmp_path / "two.zip", "png")
    assert handed == [threads] and two.pages == report.pages
    with zipfile.ZipFile(one) as a, zipfile.ZipFile(tmp_path / "two.zip") as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            assert _same_content(name, a.read(name), b.read(name)), name


@pytest.mark.slow  # forks worker processes
def test_warm_workers_are_kept_between_exports_and_draw_what_one_process_draws(tmp_path):
    from studio.export import images
    carousel = sample_carousel()
    export_images(carousel, tmp_path / "one", "png", workers=1)
    export_images(carousel, tmp_path / "first", "png", workers=2)
    pool = images._pool
    if pool is None:
        pytest.skip("this test process runs other threads: no worker pool is forked")
    pids = set(pool._processes)
    export_images(carousel, tmp_path / "second", "png", workers=2)
    assert images._pool is pool and set(pool._processes) == pids  # the same warm processes
    for name in sorted(p.name for p in (tmp_path / "one").iterdir()):
        assert _same_content(name, (tmp_path / "second" / name).read_bytes(), (tmp_path / "one" / name).read_bytes())


@pytest.mark.slow  # a fresh interpreter forks its workers and is killed
def test_warm_workers_leave_when_the_process_that_forked_them_is_killed():
    """A studio killed without shutting down (SIGKILL, out of memory) leaves no export workers behind."""
    import os
    import subprocess
    import sys
    import time
    script = ("import os, signal\nfrom studio.export import images\npool = images.warm_pool()\n"
              "print(' '.join(map(str, pool._processes)) if pool else '', flush=True)\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    workers = [int(pid) for pid in done.stdout.split()]
    from studio.export import images
    assert len(workers) == images.MAX_WORKERS
    deadline = time.monotonic() + 120
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    import os
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_the_srgb_profile_is_the_same_bytes_at_any_time():
    """Little CMS dates each profile it makes; exports must not differ by the second they were encoded.

    The time goes only into the ICC header's creation date (bytes 24–36, the header's one date field);
    the profile ID (bytes 84–100), a checksum that would cover that date, is left empty. So a profile
    whose date is fixed and whose other bytes are Little CMS's own is the same at any time."""
    from studio.export import images

    images.srgb_profile.cache_clear()
    made = images.srgb_profile()
    fresh = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    assert fresh[84:100] == bytes(16)
    assert made[:24] + made[36:] == fresh[:24] + fresh[36:]
    assert made[24:36] == bytes.fromhex("07e8" "0001" "0001" "0000" "0000" "0000")
    assert "sRGB" in ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(made)))
