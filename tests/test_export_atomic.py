"""A failed export leaves nothing behind: no half-written target, no temporary files."""
from __future__ import annotations

import io

import pytest

from studio import DATA_DIR
from studio.export import ExportError, export_images, export_pdf, pages
from studio.image import Image
from studio.post import Post, Thread
from studio.structure import carousel_from_thread


def sample_carousel():
    text = (DATA_DIR / "sample-thread.txt").read_text(encoding="utf-8")
    posts = [Post(str(i + 1), p.strip()) for i, p in enumerate(text.split("\n\n")) if p.strip()]
    return carousel_from_thread(Thread("sample", posts))


class RendererBroke(RuntimeError):
    pass


@pytest.fixture
def fails_on_page_3(monkeypatch):
    real = pages.page_svg

    def page_svg(carousel, index, scale=2):
        if index == 2:
            raise RendererBroke("page 3 failed")
        return real(carousel, index, scale)

    monkeypatch.setattr(pages, "page_svg", page_svg)
    monkeypatch.setattr(pages, "page_svgs", lambda carousel, scale=2: [
        page_svg(carousel, index, scale) for index in range(pages.page_total(carousel))])


@pytest.mark.parametrize("name", ["carousel.pdf", "slides.zip", "slides"])
def test_failure_on_page_3_leaves_no_target_and_no_temp_files(tmp_path, fails_on_page_3, name):
    target = tmp_path / name
    with pytest.raises(RendererBroke):
        if name.endswith(".pdf"):
            export_pdf(sample_carousel(), target)
        else:
            export_images(sample_carousel(), target, "png", workers=1)
    assert list(tmp_path.iterdir()) == []


def test_failure_in_a_worker_process_leaves_nothing(tmp_path, fails_on_page_3):
    with pytest.raises(RendererBroke):
        export_images(sample_carousel(), tmp_path / "slides.zip", "jpeg", workers=2)
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_the_previous_file(tmp_path, fails_on_page_3):
    target = tmp_path / "carousel.pdf"
    target.write_bytes(b"the export from yesterday")
    with pytest.raises(RendererBroke):
        export_pdf(sample_carousel(), target)
    assert target.read_bytes() == b"the export from yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["carousel.pdf"]


def test_failed_export_to_a_stream_writes_nothing(fails_on_page_3):
    out = io.BytesIO()
    with pytest.raises(RendererBroke):
        export_pdf(sample_carousel(), out)
    assert out.getvalue() == b""


def test_unreadable_photo_is_a_clear_error_naming_the_slide(tmp_path):
    carousel = sample_carousel()
    carousel.slides[1].image = Image(b"\xff\xd8\xff\xe0 this is not really a JPEG", "image/jpeg", 800, 600)
    carousel.slides[1].layout = "image-focus"
    with pytest.raises(ExportError, match=r"photo on slide 2 cannot be read"):
        export_pdf(carousel, tmp_path / "c.pdf")
    with pytest.raises(ExportError, match=r"photo on slide 2 cannot be read"):
        export_images(carousel, tmp_path / "c.zip", workers=1)
    assert list(tmp_path.iterdir()) == []


def test_existing_export_folder_is_replaced_but_a_folder_with_other_files_is_not(tmp_path):
    target = tmp_path / "slides"
    target.mkdir()
    (target / "01.png").write_bytes(b"old")
    (target / "99.png").write_bytes(b"old, a slide that no longer exists")
    report = export_images(sample_carousel(), target, "png")
    assert (target / "01.png").read_bytes() != b"old" and not (target / "99.png").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slides"]
    assert report.pages == len(list(target.glob("*.png")))

    keep = tmp_path / "holiday"
    keep.mkdir()
    (keep / "beach.jpg").write_bytes(b"precious")
    with pytest.raises(ExportError, match="holds other files"):
        export_images(sample_carousel(), keep, "png")
    assert [p.name for p in keep.iterdir()] == ["beach.jpg"]


def test_missing_output_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_pdf(sample_carousel(), tmp_path / "nowhere" / "c.pdf")


def test_leftovers_of_a_killed_export_are_cleared_but_recent_ones_kept(tmp_path):
    import os
    import time
    old_file, old_dir = tmp_path / ".carousel.pdf.abc123.part", tmp_path / ".slides.def456.part"
    running = tmp_path / ".carousel.pdf.xyz789.part"
    old_file.write_bytes(b"half")
    old_dir.mkdir()
    (old_dir / "01.png").write_bytes(b"half")
    running.write_bytes(b"another export is writing this")
    hours_ago = time.time() - 2 * 3600
    for path in (old_file, old_dir):
        os.utime(path, (hours_ago, hours_ago))
    export_pdf(sample_carousel(), tmp_path / "carousel.pdf")
    export_images(sample_carousel(), tmp_path / "slides", "jpeg", scale=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".carousel.pdf.xyz789.part", "carousel.pdf", "slides"]
