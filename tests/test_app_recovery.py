"""The studio starts on a data folder whose last project names things this studio does not have."""
import json

from studio.app import Studio
from studio.carousel import Carousel
from studio.store import Store


def test_a_project_with_an_unknown_format_opens_the_sample_with_a_notice(tmp_path):
    store = Store(tmp_path)
    project_id = store.projects.save(Carousel(name="Imported elsewhere"))
    store.settings.set("last_project", project_id)
    path = tmp_path / "projects" / f"{project_id}.json"
    doc = json.loads(path.read_text())
    doc["carousel"]["format"] = "tiktok"
    path.write_text(json.dumps(doc))
    (tmp_path / "projects" / f"{project_id}.json.bak").unlink(missing_ok=True)

    studio = Studio(tmp_path)
    assert studio.document.carousel.name != "Imported elsewhere"  # the sample, which renders
    assert studio.document.carousel.format == "linkedin-portrait"
    assert any("could not be opened" in n for n in studio.store.notices)


def test_start_up_removes_image_files_nothing_uses(tmp_path):
    import os
    import time
    store = Store(tmp_path)
    orphan = tmp_path / "assets" / ("0" * 64 + ".jpg")
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_bytes(b"old and unused")
    old = time.time() - 3 * 24 * 3600
    os.utime(orphan, (old, old))
    del store
    Studio(tmp_path)
    assert not orphan.exists()
