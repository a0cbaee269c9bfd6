"""A profile brought back beside one of its name ("… (restored)") is shortened by whole graphemes (a flag, a
family, an accented letter is kept or left out, never cut inside), and no restore writes a name the store refuses
(session 25: a subdivision flag cut inside its tag letters made Undo fail and `trash restore --beside` save a name
every later save of that profile refused)."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.app.brands import Brands
from studio.app.document import Document
from studio.app.sample import sample_carousel
from studio.brand import BrandProfile
from studio.graphemes import clusters_of
from studio.preset import MAX_NAME_LENGTH
from studio.store import Store, StoreError
from studio.store.records import check_record_name
from studio.store.trash import restored_name

SCOTLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"
FRANCE = "\U0001F1EB\U0001F1F7"
E_ACUTE = "e\u0301"
CLUSTERS = [SCOTLAND, FAMILY, FRANCE, E_ACUTE, "a", "Z", " ", "\U0001F44B\U0001F3FD", "\u0915\u094D\u0937"]


def _studio(tmp_path):
    store = Store(tmp_path)
    return store, Brands(store, Document(sample_carousel()))


def _valid(name: str) -> bool:
    try:
        check_record_name(name, "profile name")
    except StoreError:
        return False
    return True


@given(st.integers(40, MAX_NAME_LENGTH), st.lists(st.sampled_from(CLUSTERS), min_size=1, max_size=12))
def test_a_restored_name_keeps_whole_graphemes_and_passes_the_stores_check(letters, tail):
    clusters = clusters_of("T" * letters + "".join(tail))
    name = "".join(clusters)
    while not _valid(name):  # the longest valid name of these clusters (the store's length rule)
        clusters.pop()
        name = "".join(clusters)
    restored = restored_name(name, [name])
    assert _valid(restored), ascii(restored)
    base = restored.removesuffix(" (restored)")
    assert restored.endswith(" (restored)") and name.startswith(base)
    kept = clusters_of(base)
    assert kept == clusters_of(name)[:len(kept)]  # no grapheme cut inside


@pytest.mark.parametrize("end", [SCOTLAND, FAMILY, FRANCE, E_ACUTE])
def test_a_name_whose_cut_falls_inside_its_last_grapheme(end):
    letters = "a" * (MAX_NAME_LENGTH - len(" (restored)") - len("Team  ") - len(end) + 1)
    name = f"Team {letters} {end}"  # one code point too long for the suffix: the cut falls inside ``end``
    assert _valid(name)
    restored = restored_name(name, [name])
    assert _valid(restored), ascii(restored)
    assert restored in (f"Team {letters} (restored)", f"{name} (restored)")  # left out whole, or kept whole
    assert (end in restored) == (end == SCOTLAND)  # the store counts a subdivision flag as one character


@pytest.mark.parametrize("how", ["panel undo", "trash beside"])
def test_a_flag_named_profile_comes_back_beside_under_a_name_it_can_be_saved_under(tmp_path, how):
    store, brands = _studio(tmp_path)
    name = "Team " + "a" * 60 + " " + SCOTLAND  # 73 code points: a valid name
    pid = store.profiles.save(BrandProfile(name=name, website="old.example"))
    profile = brands.delete_profile(pid)
    store.profiles.save(BrandProfile(name=name, website="new.example"))
    if how == "panel undo":
        back = brands.restore_profile(pid, profile, beside=True)
    else:
        [item] = store.trash.items()
        back = brands.restore_beside(item.id)
    assert back.endswith(SCOTLAND + " (restored)") and _valid(back)
    for profile_id, saved in store.profiles.all():  # an edit in the Brand panel saves each again
        store.profiles.save(saved, profile_id)
    assert sorted(p.website for _, p in store.profiles.all()) == ["new.example", "old.example"]


def _trashed_with_name(store, name):
    """A deleted profile whose trash record holds ``name`` (written by an older studio, or edited by hand)."""
    store.profiles.delete(store.profiles.save(BrandProfile(name="Placeholder", website="old.example")))
    [item] = store.trash.items()
    path = store.trash.folder / item.id / "record.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    record["name"] = record["doc"]["profile"]["name"] = name
    path.write_text(json.dumps(record), encoding="utf-8")
    return item


@pytest.mark.parametrize("beside", [False, True])
def test_no_restore_writes_a_name_the_store_refuses(tmp_path, beside):
    store = Store(tmp_path)
    bad = "Acme \U000E0067\U000E0062"  # tag letters without their flag: the store refuses them
    item = _trashed_with_name(store, bad)
    before = sorted(p.name for _, p in store.profiles.all())
    with pytest.raises(StoreError, match="stays in the trash"):
        store.trash.restore(item.id, beside=beside)
    assert sorted(p.name for _, p in store.profiles.all()) == before  # nothing written
    assert item.id in [i.id for i in store.trash.items()]  # nothing lost
    for profile_id, saved in store.profiles.all():
        store.profiles.save(saved, profile_id)
