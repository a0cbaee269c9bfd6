"""Kit files: export/import between machines, and every kind of bad file refused with nothing written."""
import base64
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PIL import Image as PILImage

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.image import load_image
from studio.outro import OutroCTA
from studio.preset import Preset
from studio.store import Store, StoreError
from studio.store.kits import MAX_KIT_IMAGE_BYTES
from studio.typography import Typography
from property_examples import ANY_CHARACTER, examples


def png(colour=(0, 120, 255, 128), size=(32, 32)) -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGBA", size, colour).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def agency(tmp_path):
    """A machine with two client profiles and two presets, exported to kits.json."""
    store = Store(tmp_path / "agency")
    logo = load_image(png())
    store.profiles.save(BrandProfile(name="Client A", handle="a", logo=logo, accent="#FF0000",
                                    cta=OutroCTA.default(3, "https://a.example")))
    store.profiles.save(BrandProfile(name="Client B", avatar=load_image(png((9, 9, 9, 255)))))
    store.presets.save(Preset("A weekly", theme="midnight", typography=Typography(body_size=20),
                             profile=BrandProfile(name="Client A", logo=logo)))
    store.presets.save(Preset("B square", format="instagram-square", pattern="dots"))
    path = tmp_path / "kits.json"
    assert Brands(store).export_kits(path) == (2, 2)
    return store, path


def state(store):
    """Everything a store holds, as bytes, to prove nothing was written."""
    files = sorted(p for p in store.data_dir.rglob("*") if p.is_file() and not p.name.endswith(".lock"))
    return {p.relative_to(store.data_dir).as_posix(): p.read_bytes() for p in files}


def test_kits_move_between_machines_with_their_images(agency, tmp_path):
    source, path = agency
    other = Store(tmp_path / "laptop")
    summary = Brands(other).import_kits(path)
    assert (summary.profiles_added, summary.presets_added) == (2, 2)
    assert str(summary) == "imported 2 profiles (2 new, 0 replaced) and 2 presets (2 new, 0 replaced)"
    assert [p for _, p in other.profiles.all()] == [p for _, p in source.profiles.all()]
    assert other.presets.all() == source.presets.all()
    assert other.presets.get("A weekly").profile.logo.data == source.presets.get("A weekly").profile.logo.data
    again = Brands(other).import_kits(path)  # importing twice replaces by name, it does not duplicate
    assert (again.profiles_added, again.profiles_replaced, again.presets_replaced) == (0, 2, 2)
    assert len(other.profiles.all()) == 2


def test_export_a_selection_and_import_one_kind(agency, tmp_path):
    source, _ = agency
    [(a_id, _)] = [(i, p) for i, p in source.profiles.all() if p.name == "Client A"]
    path = tmp_path / "one.json"
    assert Brands(source).export_kits(path, profile_ids=[a_id], preset_names=["B square"]) == (1, 1)
    other = Store(tmp_path / "other")
    summary = Brands(other).import_kits(path, presets=False)
    assert str(summary) == "imported 1 profile (1 new, 0 replaced); 1 preset in the file were left out"
    assert other.presets.all() == []
    with pytest.raises(StoreError, match="no profile with id"):
        Brands(source).export_kits(tmp_path / "x.json", profile_ids=["nope"])
    with pytest.raises(StoreError, match="does not exist"):
        Brands(source).export_kits(tmp_path / "missing" / "x.json")


def mutated(path, change):
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))
    return path


def huge_png_b64():
    return base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\0" * (MAX_KIT_IMAGE_BYTES + 10)).decode()


BAD_KITS = [
    ("unknown top field", lambda d: d.__setitem__("extra", 1), "unknown field 'extra'"),
    ("unknown profile field", lambda d: d["profiles"][0].__setitem__("colour", "red"),
     "profiles[0].colour: unknown field"),
    ("wrong type", lambda d: d["profiles"][1].__setitem__("handle", 7), "profiles[1].handle: expected text, got 7"),
    ("wrong nested type", lambda d: d["presets"][0]["typography"].__setitem__("body_size", "big"),
     "presets[0].typography.body_size: expected a number"),
    ("out of range", lambda d: d["presets"][0]["typography"].__setitem__("body_size", 400),
     "presets[0].typography: body_size must be between"),
    ("profiles not a list", lambda d: d.__setitem__("profiles", {}), "profiles must be a list"),
    ("path separator in profile name", lambda d: d["profiles"][0].__setitem__("name", "../../etc"),
     "profiles[0].name '../../etc' contains a path separator"),
    ("backslash in preset name", lambda d: d["presets"][1].__setitem__("name", "a\\b"),
     "presets[1]: preset name 'a\\\\b' contains a path separator"),
    ("empty name", lambda d: d["profiles"][0].__setitem__("name", "  "), "profiles[0].name is empty"),
    ("duplicate names", lambda d: d["profiles"][1].__setitem__("name", "client a"),
     "profiles[1].name: 'client a' appears twice"),
    ("non-image", lambda d: d["profiles"][0]["logo"].__setitem__("data", base64.b64encode(b"<svg/>" * 50).decode()),
     "profiles[0].logo is not an image"),
    ("huge image", lambda d: d["profiles"][1]["avatar"].__setitem__("data", huge_png_b64()),
     "profiles[1].avatar: the image is 10.0 MB; a kit image may be at most 10 MB"),
    ("damaged base64", lambda d: d["profiles"][1]["avatar"].__setitem__("data", "@@@"),
     "profiles[1].avatar.data: the base64 data is damaged"),
    ("bad mime", lambda d: d["profiles"][1]["avatar"].__setitem__("mime", "image/svg+xml"),
     "profiles[1].avatar: mime must be"),
    ("unknown format", lambda d: d["presets"][1].__setitem__("format", "tiktok"), "unknown format 'tiktok'"),
    ("unknown theme", lambda d: d["presets"][1].__setitem__("theme", "nope"), "presets[1].theme: unknown theme"),
    ("unknown profile font", lambda d: d["profiles"][0].__setitem__("title_font", "Comic Sans"),
     "profiles[0].title_font: unknown font 'Comic Sans'"),
    ("unknown preset font", lambda d: d["presets"][0]["typography"].__setitem__("body_font", "Arial"),
     "presets[0].typography.body_font: unknown font 'Arial'"),
    ("newer kit", lambda d: d.__setitem__("schema", 9), "newer Carousel Studio"),
    ("other app", lambda d: d.__setitem__("kind", "fonts"), "not a Carousel Studio kit file"),
]


@pytest.mark.parametrize("label, change, message", BAD_KITS, ids=[b[0] for b in BAD_KITS])
def test_bad_kits_are_refused_with_the_problem_named_and_nothing_written(agency, tmp_path, label, change, message):
    _, path = agency
    target = Store(tmp_path / "target")
    target.profiles.save(BrandProfile(name="Existing"))
    before = state(target)
    with pytest.raises(StoreError) as caught:
        Brands(target).import_kits(mutated(path, change))
    text = str(caught.value)
    assert text.startswith("kits.json") and message in text and "\n" not in text
    assert state(target) == before


@pytest.mark.parametrize("content, message", [
    (b"{not json", "kits.json is not JSON (line 1, column 2"),
    (b"\xff\xfe\x00", "not a text file"),
    (b"[]", "expected a JSON object"),
])
def test_files_that_are_not_kits(tmp_path, content, message):
    store = Store(tmp_path / "s")
    (tmp_path / "kits.json").write_bytes(content)
    with pytest.raises(StoreError, match=message.replace("(", r"\(")):
        Brands(store).import_kits(tmp_path / "kits.json")
    with pytest.raises(StoreError, match="does not exist"):
        Brands(store).import_kits(tmp_path / "nope.json")
    with pytest.raises(StoreError, match="is a folder"):
        Brands(store).import_kits(tmp_path)


def test_a_large_clean_image_is_downscaled_on_import(tmp_path):
    big = io.BytesIO()
    PILImage.new("RGB", (3000, 1500), (10, 200, 30)).save(big, "JPEG")
    doc = {"app": "carousel-studio", "kind": "kits", "schema": 1,
           "profiles": [{"name": "Big", "logo": {"data": base64.b64encode(big.getvalue()).decode(),
                                                 "mime": "image/jpeg", "width": 3000, "height": 1500}}]}
    (tmp_path / "k.json").write_text(json.dumps(doc))
    store = Store(tmp_path / "s")
    Brands(store).import_kits(tmp_path / "k.json")
    [(_, profile)] = store.profiles.all()
    assert (profile.logo.width, profile.logo.height) == (2160, 1080)


def test_a_lying_image_size_is_corrected_by_reencoding(agency, tmp_path):
    _, path = agency
    mutated(path, lambda d: d["profiles"][0]["logo"].update(width=999, height=999))
    store = Store(tmp_path / "s")
    Brands(store).import_kits(path)
    logo = dict(store.profiles.all())[store.profiles.find("Client A")[0]].logo
    assert (logo.width, logo.height) == (32, 32)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_kits_import_fully_or_fail_cleanly(agency, tmp_path_factory, data):
    _, path = agency
    doc = json.loads(path.read_text())
    junk = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False),
                     st.text(ANY_CHARACTER, max_size=20), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(ANY_CHARACTER, max_size=5), st.integers(), max_size=2))
    containers = [doc, *doc["profiles"], *doc["presets"], doc["presets"][0]["typography"],
                  doc["presets"][0]["cta"], doc["profiles"][0]["cta"], doc["profiles"][0]["logo"]]
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from(containers))  # picked up front: a replaced one is simply detached
        key = data.draw(st.sampled_from(sorted(target) + ["unexpected"]))
        target[key] = data.draw(junk)
    tmp = tmp_path_factory.mktemp("fuzz")
    (tmp / "kits.json").write_text(json.dumps(doc))
    store = Store(tmp / "s")
    before = state(store)
    try:
        Brands(store).import_kits(tmp / "kits.json")
    except StoreError as exc:
        assert str(exc) and "\n" not in str(exc) and "Traceback" not in str(exc)
        assert state(store) == before
    else:
        assert store.profiles.all() or store.presets.all() or not (doc.get("profiles") or doc.get("presets"))
