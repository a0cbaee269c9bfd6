"""The command line: an output named only by its suffix, and profile names in messages and as twins."""
from __future__ import annotations

import pytest

from cli_helpers import error_line
from studio.cli import main


@pytest.mark.parametrize("name", [".pdf", ".PDF", ".zip", ".png"])
def test_an_output_named_only_by_its_suffix_is_refused_and_nothing_is_written(tmp_path, capsys, name):
    # "-o DIR/.pdf" wrote a hidden folder of PNGs named ".pdf"
    assert main(["render", "-o", str(tmp_path / name), "--data-dir", str(tmp_path / "data")]) != 0
    line = error_line(capsys)
    assert "no name before" in line and f"carousel{name.lower()}" in line
    assert not (tmp_path / name).exists()


FAMILY = "Acme 👨\u200d👩\u200d👧\u200d👦"


def _add(tmp_path, name: str) -> int:
    return main(["profiles", "add", name, "--data-dir", str(tmp_path)])


def _ids(tmp_path, capsys) -> dict[str, str]:
    import json
    capsys.readouterr()
    assert main(["profiles", "list", "--json", "--data-dir", str(tmp_path)]) == 0
    return {p["id"]: p["name"] for p in json.loads(capsys.readouterr().out)["profiles"]}


def test_messages_show_a_profile_name_as_it_reads(tmp_path, capsys):
    assert _add(tmp_path, FAMILY) == 0
    out = capsys.readouterr().out
    assert FAMILY in out and "\\u200d" not in out  # it read 'Acme 👨\u200d👩…'
    assert _add(tmp_path, FAMILY) != 0
    line = error_line(capsys)
    assert FAMILY in line and "already exists" in line and "\\u" not in line
    assert main(["profiles", "delete", FAMILY, "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == f"deleted profile “{FAMILY}”"


def test_a_name_shows_characters_that_hide_or_move_text_escaped():
    from studio.cli.profiles import shown_name
    assert shown_name("Ada\u202eevil\x1b[2J") == "“Ada\\u202eevil\\x1b[2J”"
    assert shown_name("می\u200cخواهم 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f") == \
        "“می\u200cخواهم 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f”"


def test_names_that_differ_only_by_unicode_normalization_are_one_name(tmp_path, capsys):
    assert _add(tmp_path, "Café") == 0
    assert _add(tmp_path, "Cafe\u0301") != 0  # the same name, typed with a combining accent
    assert "already exists" in error_line(capsys)
    assert list(_ids(tmp_path, capsys).values()) == ["Café"]
    assert main(["profiles", "delete", "CAFE\u0301", "--data-dir", str(tmp_path)]) == 0
    assert _ids(tmp_path, capsys) == {}


def test_a_profile_id_names_its_own_profile_first(tmp_path, capsys):
    from studio.app.brands import Brands
    from studio.brand import BrandProfile
    from studio.store import Store
    assert _add(tmp_path, "Zen Garden Co") == 0
    (zen,) = _ids(tmp_path, capsys)
    assert _add(tmp_path, zen) != 0  # a name that is another profile's id is refused
    assert "is the id of the profile" in error_line(capsys)
    Brands(Store(tmp_path)).add_profile(BrandProfile(name=zen))  # one made so before (a kit, an old version)
    assert main(["profiles", "delete", zen, "--data-dir", str(tmp_path)]) == 0
    assert "Zen Garden Co" in capsys.readouterr().out
    assert list(_ids(tmp_path, capsys).values()) == [zen]  # the profile named like the id is still there
