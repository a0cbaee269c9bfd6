"""`carousel-studio profiles …` and `presets …`: output, JSON for scripts, one-line errors."""
import json

import pytest
from PIL import Image as PILImage

from studio.cli import default_data_dir, main
from studio.preset import Preset
from studio.store import Store


def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path):
    return str(tmp_path / "data")


def test_profiles_add_list_json_delete(capsys, data, tmp_path):
    avatar = tmp_path / "me.png"
    PILImage.new("RGB", (300, 300), (200, 100, 0)).save(avatar)
    assert cli(capsys, "profiles", "add", "Ada Lovelace", "--handle", "@ada", "--website", "https://ada.dev",
               "--avatar", str(avatar), "--data-dir", data)[0] == 0
    assert cli(capsys, "profiles", "--data-dir", data, "add", "Acme")[0] == 0  # --data-dir before the action too
    code, out, _ = cli(capsys, "profiles", "list", "--data-dir", data)
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["NAME", "HANDLE", "WEBSITE", "ID"]
    assert lines[1].startswith("Acme") and "@ada" in lines[2] and "https://ada.dev" in lines[2]
    code, out, _ = cli(capsys, "profiles", "list", "--json", "--data-dir", data)
    doc = json.loads(out)
    by_name = {p["name"]: p for p in doc["profiles"]}
    assert set(by_name) == {"Acme", "Ada Lovelace"}
    assert by_name["Ada Lovelace"]["handle"] == "ada" and by_name["Ada Lovelace"]["avatar"]["width"] == 300
    assert len(by_name["Ada Lovelace"]["id"]) == 12
    code, out, _ = cli(capsys, "profiles", "delete", "acme", "--data-dir", data)
    assert code == 0 and "deleted profile “Acme”" in out
    assert [p["name"] for p in json.loads(cli(capsys, "profiles", "list", "--json", "--data-dir", data)[1])["profiles"]] \
        == ["Ada Lovelace"]


def test_profiles_export_import_between_folders(capsys, data, tmp_path):
    cli(capsys, "profiles", "add", "Client A", "--data-dir", data)
    cli(capsys, "profiles", "add", "Client B", "--data-dir", data)
    kit = tmp_path / "kit.json"
    code, out, _ = cli(capsys, "profiles", "export", str(kit), "--name", "Client B", "--data-dir", data)
    assert code == 0 and out.strip() == f"wrote 1 profile to {kit}"
    other = str(tmp_path / "other")
    code, out, _ = cli(capsys, "profiles", "import", str(kit), "--data-dir", other)
    assert code == 0 and out.strip() == "imported 1 profile (1 new, 0 replaced)"
    assert [p["name"] for p in json.loads(cli(capsys, "profiles", "list", "--json", "--data-dir", other)[1])["profiles"]] \
        == ["Client B"]


def test_presets_list_export_import_delete(capsys, data, tmp_path):
    store = Store(data)
    store.presets.save(Preset("Weekly", theme="midnight", pattern="dots"))
    store.presets.save(Preset("Square", format="instagram-square"))
    code, out, _ = cli(capsys, "presets", "list", "--data-dir", data)
    assert code == 0 and out.splitlines()[0].split()[:4] == ["NAME", "FORMAT", "LAYOUT", "THEME"]
    assert "midnight" in out and "instagram-square" in out
    presets = json.loads(cli(capsys, "presets", "list", "--json", "--data-dir", data)[1])["presets"]
    assert [(p["name"], p["theme"]) for p in presets] == [("Square", "paper"), ("Weekly", "midnight")]
    kit = tmp_path / "presets.json"
    assert cli(capsys, "presets", "export", str(kit), "--data-dir", data)[0] == 0
    other = str(tmp_path / "other")
    code, out, _ = cli(capsys, "presets", "import", str(kit), "--data-dir", other)
    assert out.strip() == "imported 2 presets (2 new, 0 replaced)"
    assert cli(capsys, "presets", "delete", "Weekly", "--data-dir", other)[0] == 0
    assert [p["name"] for p in json.loads(cli(capsys, "presets", "list", "--json", "--data-dir", other)[1])["presets"]] \
        == ["Square"]


@pytest.mark.parametrize("argv, message", [
    (["profiles", "add", "a/b"], "error: profile name 'a/b' contains a path separator (/ or \\)"),
    (["profiles", "add", "X", "--accent", "red"], "error: accent must be a colour like #1D9BF0, not 'red'"),
    (["profiles", "delete", "Nobody"], "error: there is no profile named “Nobody”"),
    (["presets", "delete", "Nothing"], "error: there is no preset named 'Nothing'"),
    (["profiles", "import", "/nonexistent/kit.json"], "error: /nonexistent/kit.json does not exist"),
    (["profiles", "export", "/nonexistent/dir/kit.json"], "error: the folder /nonexistent/dir does not exist"),
])
def test_errors_are_one_line_with_exit_code_2(capsys, data, argv, message):
    code, out, err = cli(capsys, *argv, "--data-dir", data)
    assert code == 2 and err.strip().startswith(message) and len(err.strip().splitlines()) == 1


def test_add_twice_and_bad_image(capsys, data, tmp_path):
    cli(capsys, "profiles", "add", "Ada", "--data-dir", data)
    assert cli(capsys, "profiles", "add", "ada", "--data-dir", data)[2].strip().startswith(
        "error: a profile named “Ada” already exists (id ")
    fake = tmp_path / "fake.png"
    fake.write_text("not a picture")
    code, _, err = cli(capsys, "profiles", "add", "New", "--logo", str(fake), "--data-dir", data)
    assert code == 2 and "is not an image this studio can read" in err


def test_a_bad_kit_changes_nothing(capsys, data, tmp_path):
    cli(capsys, "profiles", "add", "Keep", "--data-dir", data)
    kit = tmp_path / "bad.json"
    kit.write_text(json.dumps({"profiles": [{"name": "Fine"}, {"name": "Bad", "handle": 3}]}))
    code, _, err = cli(capsys, "profiles", "import", str(kit), "--data-dir", data)
    assert code == 2 and err.strip() == "error: bad.json: profiles[1].handle: expected text, got 3"
    assert [p["name"] for p in json.loads(cli(capsys, "profiles", "list", "--json", "--data-dir", data)[1])["profiles"]] \
        == ["Keep"]


def test_notices_reach_stderr(capsys, data, tmp_path):
    cli(capsys, "profiles", "add", "Ada", "--data-dir", data)
    (tmp_path / "data" / "studio.json").write_text("{broken")
    code, out, err = cli(capsys, "profiles", "list", "--data-dir", data)
    assert code == 0 and err.startswith("note: studio.json could not be read")
    assert "Ada" in out  # recovered from the backup made by the first write


def test_default_data_dir_is_outside_the_package(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "carousel-studio"
    import studio
    assert studio.PROJECT_ROOT not in default_data_dir().parents
