"""A studio export that fails leaves no empty file behind, and empty leftovers never push a real export (someone's
"Download again") out of the exports folder's prune."""
import json
import os
import time

import pytest

from studio.app import exports
from studio.app.studio import Studio
from studio.export import ExportError
from studio.export.stream import ExportStream


def test_a_failed_studio_export_removes_the_file_it_reserved(tmp_path):
    studio = Studio(tmp_path / "shared")
    out, _ = studio.export_path("slide", page=0)
    assert out.exists() and out.stat().st_size == 0  # reserved by an exclusive create
    stream = ExportStream()
    with pytest.raises(ExportError):
        exports.export_in_studio(studio.carousel, out, "slide", stream=stream, page=99)
    assert stream.error is not None
    assert list(studio.exports_dir.iterdir()) == []


def test_a_finished_studio_export_stays(tmp_path):
    studio = Studio(tmp_path / "shared")
    out, _ = studio.export_path("project")
    exports.export_in_studio(studio.carousel, out, "project")
    assert json.loads(out.read_text(encoding="utf-8"))


def test_empty_leftovers_never_push_real_exports_out_of_the_prune(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    hour_ago = time.time() - 2 * 3600
    real = folder / "client-b.pdf"
    real.write_bytes(b"%PDF-1.7 client B")
    os.utime(real, (hour_ago - 60, hour_ago - 60))  # older than every leftover
    for i in range(25):
        leftover = folder / f"old-{i}.png"
        leftover.touch()
        os.utime(leftover, (hour_ago + i, hour_ago + i))
    running = folder / "running.pdf"
    running.touch()  # an export under way: reserved just now
    exports.prune(folder, keep=20)
    assert sorted(p.name for p in folder.iterdir()) == ["client-b.pdf", "running.pdf"]
    assert real.read_bytes() == b"%PDF-1.7 client B"
