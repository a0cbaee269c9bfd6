"""Any damaged store file is kept aside and recovered from its .bak: huge integers, deep nesting,
wrong types, bad schema numbers, unlisted project files; asset names cannot leave the data folder."""
from __future__ import annotations

import json

import pytest

from studio.carousel import Carousel
from studio.image import Image
from studio.slide import Slide
from studio.store import Store, StoreError

HUGE_INT = "9" * 5_000     # Python refuses to parse more than 4,300 digits (ValueError)
DEEP = "[" * 5_000 + "]" * 5_000  # RecursionError in the parser
DAMAGE = {
    "huge integer": lambda good: good.replace(b'"schema":1', f'"schema":{HUGE_INT}'.encode(), 1),
    "deep nesting": lambda good: DEEP.encode(),
    "deep nesting inside": lambda good: good[:-1] + b',"x":' + (b"[" * 200 + b"]" * 200) + b"}",
    "NaN": lambda good: good[:-1] + b',"x":NaN}',
    "not an object": lambda good: b"[1, 2, 3]",
    "wrong table type": lambda good: b'{"profiles": ["a"]}',
    "schema 0": lambda good: good.replace(b'"schema":1', b'"schema":0', 1),
    "schema -1": lambda good: good.replace(b'"schema":1', b'"schema":-1', 1),
    "not UTF-8": lambda good: b"\xff\xfe\x00garbage",
}


def _store_with_profile(tmp_path):
    from studio.brand import BrandProfile
    store = Store(tmp_path)
    store.profiles.save(BrandProfile(name="Kept"), "kept")
    return store


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_database_is_kept_aside_and_recovered_from_bak(tmp_path, damage):
    _store_with_profile(tmp_path)
    db = tmp_path / "studio.json"
    good = db.read_bytes()
    assert b'"schema":1' in good
    db.write_bytes(DAMAGE[damage](good))
    store = Store(tmp_path)  # never a traceback
    assert [name for _, name in [(i, p.name) for i, p in store.profiles.all()]] == ["Kept"]
    assert any("Recovered the last good copy" in n for n in store.notices), store.notices
    assert list(tmp_path.glob("studio.json.corrupt-*"))


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_project_file_is_kept_aside_and_recovered_from_bak(tmp_path, damage):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Mine", slides=[Slide("cover", "Hook")]))
    path = tmp_path / "projects" / f"{pid}.json"
    good = path.read_bytes()
    path.write_bytes(DAMAGE[damage](good))
    store = Store(tmp_path)
    assert store.projects.load(pid).slides[0].title == "Hook"
    assert any("last good copy was recovered" in n for n in store.notices), store.notices
    assert list(path.parent.glob(f"{pid}.json.corrupt-*"))


def test_project_that_does_not_fit_the_model_is_recovered_from_bak(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Mine", slides=[Slide("cover", "Hook")]))
    path = tmp_path / "projects" / f"{pid}.json"
    doc = json.loads(path.read_bytes())
    doc["carousel"]["slides"] = "not a list"
    path.write_text(json.dumps(doc))
    store = Store(tmp_path)
    assert store.projects.load(pid).slides[0].title == "Hook"
    assert any("does not fit the carousel model" in n for n in store.notices)


def test_damaged_project_without_backup_is_a_clear_error(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Mine"))
    path = tmp_path / "projects" / f"{pid}.json"
    path.write_bytes(DEEP.encode())
    path.with_name(path.name + ".bak").write_bytes(DEEP.encode())
    with pytest.raises(StoreError, match="no readable backup"):
        Store(tmp_path).projects.load(pid)


@pytest.mark.parametrize("content", [DEEP.encode(), ('{"schema":1,"carousel":' + HUGE_INT + "}").encode()])
def test_unlisted_damaged_project_file_never_stops_the_store_opening(tmp_path, content):
    Store(tmp_path)
    (tmp_path / "projects" / "abc123.json").write_bytes(content)
    store = Store(tmp_path)  # no RecursionError / ValueError
    assert store.projects.all() == []
    assert any("abc123.json" in n and "kept as" in n for n in store.notices), store.notices


def test_unlisted_damaged_project_with_backup_is_recovered_and_listed(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Lost", slides=[Slide("cover", "Hook")]))
    store.db.table("projects").truncate()
    (tmp_path / "projects" / f"{pid}.json").write_bytes(DEEP.encode())
    store = Store(tmp_path)
    assert [p.name for p in store.projects.all()] == ["Lost"]
    assert store.projects.load(pid).slides[0].title == "Hook"


def test_damaged_history_starts_empty(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Mine"))
    (tmp_path / "projects" / f"{pid}.history.json").write_bytes(DEEP.encode())
    assert store.projects.load_history(pid).to_doc(encode=lambda v: v) is not None
    assert any("undo history" in n for n in store.notices)


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "../studio", "/etc/passwd", "a" * 63, "A" * 64,
                                  "g" * 64, 12, None])
def test_asset_references_outside_the_data_folder_are_refused(tmp_path, name):
    store = Store(tmp_path)
    problems: list[str] = []
    ref = {"$asset": name, "mime": "image/png", "width": 1, "height": 1}
    assert store.assets.inflate({"avatar": ref}, problems) == {"avatar": None}
    assert problems and "damaged image reference" in problems[0]


def test_asset_files_are_read_with_a_size_cap(tmp_path, monkeypatch):
    from studio.store import assets
    store = Store(tmp_path)
    sha = "0" * 64
    big = tmp_path / "assets" / f"{sha}.png"
    big.parent.mkdir(exist_ok=True)
    with open(big, "wb") as f:  # sparse: 2 GB that take no disk
        f.truncate(2 * 2**30)
    monkeypatch.setattr(assets, "MAX_IMAGE_BYTES", 1024)
    with pytest.raises(assets.MissingAsset, match="damaged"):
        store.assets.get({"$asset": sha, "mime": "image/png"})


def test_store_of_a_real_image_still_works(tmp_path):
    import io

    from PIL import Image as PILImage
    buf = io.BytesIO()
    PILImage.new("RGB", (8, 6), (200, 10, 10)).save(buf, "PNG")
    store = Store(tmp_path)
    image = Image(buf.getvalue(), "image/png", 8, 6)
    pid = store.projects.save(Carousel(slides=[Slide(body="b", image=image)]))
    assert Store(tmp_path).projects.load(pid).slides[0].image == image
