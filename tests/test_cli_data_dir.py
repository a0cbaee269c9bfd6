"""Every command that keeps data refuses an unusable --data-dir with one line, before starting anything."""
import pytest

from studio.cli import main


@pytest.mark.parametrize("command", [["serve", "--no-browser", "--port", "8979"], ["profiles", "list"],
                                     ["presets", "list"]])
def test_a_file_or_an_impossible_folder_is_refused(tmp_path, capsys, command):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    for bad, words in ((a_file, "is a file"), (tmp_path / "notes.txt" / "sub", "cannot create the data folder")):
        assert main([*command, "--data-dir", str(bad)]) == 2
        out = capsys.readouterr()
        lines = out.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], out.err
        assert "running at" not in out.out
