"""Store: profiles, presets, projects, settings, images as files, history, two tabs, autosave."""
from __future__ import annotations

import io
import json
import threading
import time

import pytest
from PIL import Image as PILImage

from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.history import History
from studio.image import Image, load_image
from studio.outro import OutroCTA
from studio.post import Post, Thread
from studio.preset import Preset
from studio.slide import Slide
from studio.store import Autosaver, Store, StoreError
from studio.typography import Typography

from hand_clock import HandClock


def picture(colour=(200, 30, 30), size=(64, 48), fmt="JPEG") -> Image:
    buf = io.BytesIO()
    PILImage.new("RGBA" if fmt == "PNG" else "RGB", size, colour).save(buf, fmt)
    return load_image(buf.getvalue())


def carousel(name="Launch", slides=3, photo=None) -> Carousel:
    photo = photo or picture()
    thread = Thread("t1", [Post(str(i), f"post {i} ✨", handle="ada", images=[photo] if i == 0 else [])
                           for i in range(slides)])
    return Carousel(name=name, brand=BrandProfile(name="Ada", avatar=photo),
                    slides=[Slide("cover", "Title")] + [Slide(body=f"body {i}", image=photo if i == 1 else None)
                                                        for i in range(1, slides)],
                    thread=thread)


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "data")


def test_new_store_creates_the_folder_layout(tmp_path):
    s = Store(tmp_path / "deep" / "data")
    assert s.notices == []
    assert (tmp_path / "deep" / "data" / "studio.json").is_file()
    doc = json.loads((tmp_path / "deep" / "data" / "studio.json").read_text())
    assert doc["meta"]["1"]["schema"] == 1
    assert b" " not in (tmp_path / "deep" / "data" / "studio.json").read_bytes().split(b'"created_at"')[0]


def test_profiles_create_rename_duplicate_delete(store):
    pid = store.profiles.save(BrandProfile(name="Ada", handle="@ada", accent="#112233",
                                          cta=OutroCTA.default(3, "https://ada.dev")))
    assert store.profiles.get(pid).handle == "ada"
    store.profiles.rename(pid, "Ada Lovelace")
    copy_id = store.profiles.duplicate(pid)
    names = [p.name for _, p in store.profiles.all()]
    assert names == ["Ada Lovelace", "Ada Lovelace (copy)"]
    assert store.profiles.get(copy_id).cta == OutroCTA.default(3, "https://ada.dev")
    assert store.profiles.duplicate(pid) != copy_id
    assert "Ada Lovelace (copy 2)" in [p.name for _, p in store.profiles.all()]
    store.profiles.delete(pid)
    assert pid not in [i for i, _ in store.profiles.all()]
    with pytest.raises(StoreError, match="no profile"):
        store.profiles.get(pid)
    with pytest.raises(StoreError, match="no profile"):
        store.profiles.delete(pid)


@pytest.mark.parametrize("name, message", [("", "empty"), ("a/b", "path separator"), ("a\\b", "path separator"),
                                           ("x" * 81, "limit is 80"), ("bad\x00", "control")])
def test_profile_names_are_checked(store, name, message):
    with pytest.raises(StoreError, match=message):
        store.profiles.save(BrandProfile(name=name))


def test_ids_cannot_escape_the_folder(store):
    for bad in ("../x", "a/b", "", "A", "x" * 65):
        with pytest.raises(StoreError, match="not a valid id"):
            store.projects.load(bad)


def test_current_profile_setting_is_cleared_when_the_profile_goes(store):
    pid = store.profiles.save(BrandProfile(name="Ada"))
    store.settings.set("current_profile", pid)
    assert store.settings.get("current_profile") == pid
    store.profiles.delete(pid)
    assert store.settings.get("current_profile") is None


def test_settings_hold_json_values_only(store):
    store.settings.set("recent", ["a", "b"])
    assert store.settings["recent"] == ["a", "b"]
    assert Store(store.data_dir).settings.get("recent") == ["a", "b"]
    with pytest.raises(StoreError, match="not JSON"):
        store.settings.set("bad", object())
    with pytest.raises(StoreError, match="64 KiB"):
        store.settings.set("big", "x" * 70000)
    store.settings.set("recent", None)
    assert store.settings.get("recent", "gone") == "gone"


def test_presets_overwrite_by_name_and_keep_the_profile(store):
    avatar = picture((0, 90, 200), fmt="PNG")
    store.presets.save(Preset("Weekly", theme="midnight", typography=Typography(title_size=44)))
    store.presets.save(Preset("Client A", format="instagram-square", profile=BrandProfile(name="A", avatar=avatar)))
    store.presets.save(Preset("Weekly", theme="sunset"))
    presets = store.presets.all()
    assert [p.name for p in presets] == ["Client A", "Weekly"]
    assert store.presets.get("Weekly").theme == "sunset"
    assert store.presets.get("Client A").profile.avatar == avatar
    store.presets.delete("Weekly")
    with pytest.raises(StoreError, match="no preset named 'Weekly'"):
        store.presets.get("Weekly")


def test_projects_round_trip_with_images_stored_once(store):
    photo = picture((10, 200, 10))
    original = carousel(photo=photo)
    pid = store.projects.save(original)
    again = store.projects.load(pid)
    assert again == original
    assert again.slides[1].image.data == photo.data
    assets = list((store.data_dir / "assets").iterdir())
    assert [a.name for a in assets] == [f"{photo.sha256}.jpg"]  # avatar, slide and post photo: one file
    raw = (store.data_dir / "projects" / f"{pid}.json").read_text()
    assert photo.sha256 in raw and len(raw) < 4000  # a reference, not the base64 bytes
    [info] = store.projects.all()
    assert (info.id, info.name, info.slide_count) == (pid, "Launch", 3)


def test_project_list_rename_duplicate_delete(store):
    first = store.projects.save(carousel("One"))
    time.sleep(0.002)
    second = store.projects.save(carousel("Two", slides=5))
    assert [p.name for p in store.projects.all()] == ["Two", "One"]  # most recent first
    store.projects.rename(first, "Uno")
    assert store.projects.all()[0].name == "Uno"
    assert store.projects.load(first).name == "Uno"
    dup = store.projects.duplicate(second)
    assert store.projects.load(dup).name == "Two (copy)"
    assert store.projects.load(dup).slides == store.projects.load(second).slides
    store.projects.save_history(second, History(carousel("Two")))
    store.projects.delete(second)
    assert second not in [p.id for p in store.projects.all()]
    assert not list((store.data_dir / "projects").glob(f"{second}*"))
    with pytest.raises(StoreError, match="no project"):
        store.projects.load(second)


def test_history_survives_a_reload(store):
    c = carousel()
    pid = store.projects.save(c)
    history = History(c, cap=10)
    for i in range(4):
        c.slides[1].body = f"edit {i}"
        history.record(c)
    history.undo()
    store.projects.save_history(pid, history)
    raw = (store.data_dir / "projects" / f"{pid}.history.json").read_bytes()
    assert raw.count(b'"post 0 ') == 1  # the unchanged thread is stored once, not 5 times
    again = Store(store.data_dir).projects.load_history(pid)
    assert (len(again), again.index, again.cap) == (5, 3, 10)
    assert again.current.slides[1].body == "edit 2"
    assert again.redo().slides[1].body == "edit 3"
    assert again.current.slides[1].image.data == c.slides[1].image.data


def test_a_damaged_history_starts_empty_with_a_notice(store):
    pid = store.projects.save(carousel())
    (store.data_dir / "projects" / f"{pid}.history.json").write_text('{"schema": 1, "parts": [')
    assert len(store.projects.load_history(pid)) == 0
    assert any("undo history" in n for n in store.notices)
    assert len(store.projects.load_history(store.projects.save(carousel()))) == 0  # none saved yet: quietly empty


def test_a_missing_image_is_left_out_with_a_notice(store):
    photo = picture((1, 2, 3))
    pid = store.projects.save(Carousel(slides=[Slide(image=photo)]))
    (store.data_dir / "assets" / f"{photo.sha256}.jpg").unlink()
    fresh = Store(store.data_dir)
    assert fresh.projects.load(pid).slides[0].image is None
    assert any("missing" in n and photo.sha256[:12] in n for n in fresh.notices)


def test_a_tampered_image_file_is_not_trusted(store):
    photo = picture((4, 5, 6))
    pid = store.profiles.save(BrandProfile(name="A", logo=photo))
    (store.data_dir / "assets" / f"{photo.sha256}.jpg").write_bytes(picture((9, 9, 9)).data)
    fresh = Store(store.data_dir)
    assert fresh.profiles.get(pid).logo is None
    assert any("damaged" in n for n in fresh.notices)


def test_an_image_whose_bytes_lie_is_refused(store):
    liar = Image(picture().data, "image/png", 64, 48)  # JPEG bytes claiming PNG
    with pytest.raises(StoreError, match="image/png"):
        store.profiles.save(BrandProfile(name="A", avatar=liar))
    assert store.profiles.all() == []


def test_two_stores_on_one_folder_see_each_other(tmp_path):
    a, b = Store(tmp_path), Store(tmp_path)
    pid = a.profiles.save(BrandProfile(name="From A"))
    assert b.profiles.get(pid).name == "From A"
    b.profiles.rename(pid, "From B")
    assert a.profiles.get(pid).name == "From B"
    b.profiles.save(BrandProfile(name="Second"))
    assert len(a.profiles.all()) == 2  # no stale TinyDB id or query cache


def test_two_tabs_keep_each_others_fields(store):
    pid = store.projects.save(carousel())
    tab_a, tab_b = store.projects.load(pid), store.projects.load(pid)
    base_a, base_b = store.projects.load(pid), store.projects.load(pid)
    tab_a.theme = "midnight"
    tab_b.slides[1].body = "edited in tab B"
    store.projects.save(tab_a, pid, base=base_a)
    store.projects.save(tab_b, pid, base=base_b)
    merged = store.projects.load(pid)
    assert merged.theme == "midnight" and merged.slides[1].body == "edited in tab B"
    tab_a.slides[1].body = "edited in tab A later"  # same field: the later save wins
    store.projects.save(tab_a, pid, base=base_a)
    assert store.projects.load(pid).slides[1].body == "edited in tab A later"


def test_concurrent_saves_from_threads_never_fail(store):
    pid = store.projects.save(carousel())
    errors = []

    def tab(n):
        try:
            base = store.projects.load(pid)
            mine = store.projects.load(pid)
            for i in range(15):
                mine.name = f"tab {n} save {i}"
                mine.slides[n % 2 + 1].body = f"tab {n} body {i}"
                store.projects.save(mine, pid, base=base)
                base = store.projects.load(pid)
        except Exception as exc:  # noqa: BLE001 - any failure is the bug we look for
            errors.append(exc)

    threads = [threading.Thread(target=tab, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    final = Store(store.data_dir).projects.load(pid)
    assert final.name.startswith("tab ") and final.name.endswith("save 14")
    assert [p.id for p in store.projects.all()] == [pid]


def manual_autosaver(store, saved: list, **timing) -> tuple[Autosaver, HandClock]:
    """An autosaver on a hand-moved clock; ``saved`` receives the time of each save."""
    time_ = HandClock()
    saver = Autosaver(store, on_saved=lambda pid: saved.append(time_.now()), clock=time_.now,
                      start_timer=time_.start_timer, **timing)
    return saver, time_


def test_autosave_saves_once_the_delay_after_the_last_change(store):
    saved = []
    saver, time_ = manual_autosaver(store, saved, delay=2.0, max_wait=30.0)
    pid = store.projects.save(carousel())
    c = saver.open(pid)
    for i in range(5):  # typing: a change every second, at 0 … 4 s
        c.slides[1].body = f"typing {i}"
        saver.changed(pid, c)
        time_.advance(1.0)
    c.slides[1].body = "typing done"  # after changed(): the snapshot taken at changed() is what is saved
    assert saved == []  # 5 s: 1 s after the last change
    time_.advance(1.0)
    assert saved == [6.0]  # the delay after the last change, once
    time_.advance(10.0)
    assert saved == [6.0]
    assert store.projects.load(pid).slides[1].body == "typing 4"


def test_a_long_burst_of_changes_is_saved_every_max_wait(store):
    saved = []
    saver, time_ = manual_autosaver(store, saved, delay=2.0, max_wait=5.0)
    pid = store.projects.save(carousel())
    c = saver.open(pid)
    for i in range(12):  # a change every second for 12 s: the delay never passes without one
        c.slides[1].body = f"typing {i}"
        saver.changed(pid, c)
        time_.advance(1.0)
    assert saved == [5.0, 10.0]
    time_.advance(1.0)
    assert saved == [5.0, 10.0, 13.0]  # and the delay after the last change
    assert store.projects.load(pid).slides[1].body == "typing 11"


def test_autosave_flush_and_history(store):
    pid = store.projects.save(carousel())
    saver = Autosaver(store, delay=30)
    c = saver.open(pid)
    history = History(c)
    c.theme = "noir"
    history.record(c)
    saver.changed(pid, c, history)
    assert saver.pending
    saver.flush()
    assert not saver.pending
    assert store.projects.load(pid).theme == "noir"
    assert store.projects.load_history(pid).undo().theme == "paper"


def test_autosave_reports_errors_instead_of_raising(tmp_path):
    s = Store(tmp_path)
    pid = s.projects.save(carousel())
    errors = []
    saver = Autosaver(s, delay=30, on_error=lambda p, e: errors.append(str(e)))
    c = saver.open(pid)
    s.db.storage.read_only, s.db.storage.read_only_reason = True, "read-only for this test"
    saver.changed(pid, c)
    saver.flush()
    assert errors == ["read-only for this test"] and saver.last_error == "read-only for this test"


def test_two_tabs_merge_without_passing_a_base(store):
    """The store remembers what each loaded carousel object looked like, so plain saves merge too."""
    pid = store.projects.save(carousel())
    tab_a, tab_b = store.projects.load(pid), store.projects.load(pid)
    tab_a.theme = "midnight"
    store.projects.save(tab_a, pid)
    tab_b.slides[2].body = "tab B"
    store.projects.save(tab_b, pid)
    tab_a.pattern = "dots"
    store.projects.save(tab_a, pid)  # tab A's stale slides do not undo tab B's edit
    merged = store.projects.load(pid)
    assert (merged.theme, merged.pattern, merged.slides[2].body) == ("midnight", "dots", "tab B")
    stranger = carousel()  # never loaded: written whole
    stranger.theme = "noir"
    store.projects.save(stranger, pid)
    assert store.projects.load(pid).slides[2].body == "body 2"


def test_two_autosaving_tabs_keep_each_others_changes(store):
    pid = store.projects.save(carousel())
    saver = Autosaver(store, delay=0.05)
    tab_a, tab_b = saver.open(pid), saver.open(pid)
    tab_a.theme = "electric"
    saver.changed(pid, tab_a)
    tab_b.slides[1].body = "from B"
    saver.changed(pid, tab_b)
    saver.flush()
    tab_b.name = "Renamed in B"
    saver.changed(pid, tab_b)
    saver.flush()
    final = store.projects.load(pid)
    assert (final.theme, final.slides[1].body, final.name) == ("electric", "from B", "Renamed in B")


def test_autosaver_track_takes_a_carousel_made_elsewhere(store):
    pid = store.projects.save(carousel())
    saver = Autosaver(store, delay=30)
    other_tab = store.projects.load(pid)
    mine = carousel()  # built by the editor, e.g. from a file, not loaded through the store
    saver.track(pid, mine)
    other_tab.slides[2].body = "other tab"
    store.projects.save(other_tab, pid)
    mine.theme = "forest"
    saver.changed(pid, mine)
    saver.flush()
    final = store.projects.load(pid)
    assert (final.theme, final.slides[2].body) == ("forest", "other tab")


def test_prune_assets_removes_only_old_unreferenced_images(store):
    kept, history_only, dropped = picture((1, 1, 1)), picture((2, 2, 2)), picture((3, 3, 3))
    pid = store.projects.save(Carousel(slides=[Slide(image=kept)]))
    old = Carousel(slides=[Slide(image=history_only)])
    store.projects.save_history(pid, History(old))
    temp = store.profiles.save(BrandProfile(name="Temp", logo=dropped))
    store.profiles.save(BrandProfile(name="Temp"), temp)  # the logo taken off: nothing refers to it
    assert store.prune_assets() == 0  # everything is younger than a day
    assert store.prune_assets(min_age=0) == 1
    names = {p.stem for p in (store.data_dir / "assets").iterdir()}
    assert names == {kept.sha256, history_only.sha256}
    assert store.projects.load(pid).slides[0].image == kept
