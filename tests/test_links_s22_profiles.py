"""Profile names: one "same name" rule for every door, a subdivision flag accepted, names quoted as they read,
and table columns that line up with a flag in them."""
from __future__ import annotations

import json

import pytest

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.choice import quote
from studio.cli import _width, main, print_table
from studio.app.document import EditError
from studio.store import Store
from studio.store.records import StoreError, check_record_name

SCOTLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"


def test_a_flag_is_two_columns_and_a_table_lines_up(capsys):
    assert _width("\U0001F1EF\U0001F1F5") == 2 == _width("\U0001F680")
    print_table(("NAME", "ID"), [("\U0001F1EF\U0001F1F5 Japan", "aaa"), ("\U0001F680 Japan", "bbb"), ("Plain nam", "ccc")])
    rows = capsys.readouterr().out.splitlines()
    assert {_width(row.split("aaa")[0]) for row in rows[1:2]} == {_width(rows[2].split("bbb")[0])} == \
        {_width(rows[3].split("ccc")[0])}


def test_a_subdivision_flag_profile_name_is_accepted(tmp_path, capsys):
    assert check_record_name(f" {SCOTLAND} Scot ", "profile name") == f"{SCOTLAND} Scot"
    assert main(["profiles", "add", f"{SCOTLAND} Scot", "--data-dir", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["profiles", "list", "--json", "--data-dir", str(tmp_path)]) == 0
    assert [p["name"] for p in json.loads(capsys.readouterr().out)["profiles"]] == [f"{SCOTLAND} Scot"]


@pytest.mark.parametrize("name", ["Ada\u202eevil", "stray \U000E0067 tag", "bell\x07"])
def test_a_hidden_character_is_still_refused_and_shown_escaped(name):
    with pytest.raises(StoreError) as exc:
        check_record_name(name, "profile name")
    assert "control or unassigned" in str(exc.value) and "\\" in str(exc.value)


def test_a_refused_name_reads_as_typed():
    with pytest.raises(StoreError) as exc:
        check_record_name(f"a/b {SCOTLAND} 👨\u200d👩\u200d👧", "profile name")
    assert f"'a/b {SCOTLAND} 👨\u200d👩\u200d👧'" in str(exc.value)


def test_quote_shows_text_as_it_reads_and_escapes_what_hides_text():
    assert quote("Acme 👨\u200d👩\u200d👧 Café") == "'Acme 👨\u200d👩\u200d👧 Café'"
    assert quote("a\u202eb\nc") == "'a\\u202eb\\nc'"


def test_every_door_uses_one_same_name_rule(tmp_path):
    brands = Brands(Store(tmp_path))
    brands.add_profile(BrandProfile(name="Café"))
    with pytest.raises(EditError) as exc:
        brands.add_profile(BrandProfile(name=" CAFE\u0301 "))
    assert "'CAFE\u0301'" in str(exc.value)
    assert brands.store.profiles.find("cafe\u0301") == brands.store.profiles.find("Café") != []
    assert brands.profile_id("CAFE\u0301") == brands.store.profiles.find("Café")[0]
