"""`profiles export` and `presets export` never write into the data folder they read (its database, backup and
images are their input), --force or not; a folder given as the file is called a folder before anything else."""
import pytest

from studio.cli import main
from studio.store import Store

EXPORTS = (["profiles", "export"], ["presets", "export"])


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    for name in ("Acme", "Beta"):
        assert main(["profiles", "--data-dir", str(folder), "add", name, "--handle", name.lower()]) == 0
    return folder


def run(capsys, *argv):
    capsys.readouterr()
    return main(list(argv)), capsys.readouterr().err


@pytest.mark.parametrize("command", EXPORTS)
@pytest.mark.parametrize("target", ["studio.json", "studio.json.bak", "kit.json"])
def test_a_file_in_the_data_folder_is_refused_even_with_force(data, capsys, command, target):
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    code, err = run(capsys, *command, "--data-dir", str(data), str(data / target), "--force")
    assert code != 0 and "inside the data folder" in err
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    store = Store(data)
    assert store.notices == []
    assert sorted(p.name for _, p in store.profiles.all()) == ["Acme", "Beta"]


@pytest.mark.parametrize("command", EXPORTS)
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_folder_is_called_a_folder_with_or_without_force(data, tmp_path, capsys, command, force):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    code, err = run(capsys, *command, "--data-dir", str(data), str(folder), *force)
    assert code != 0 and "is a folder; give a file name" in err and "--force" not in err
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
