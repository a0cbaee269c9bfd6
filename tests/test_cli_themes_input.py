"""``themes --sheet`` draws your own carousel (a thread or project INPUT) in every theme, not only the sample."""
from __future__ import annotations

from PIL import Image, ImageChops

from studio.cli import main

BAKERY = ("Three ovens, four years, no investors 🥐\n\n"
          "1) Start with one thing people queue for. Ours was a sourdough loaf.\n\n"
          "2) Write down every cost: flour, power, rent and our own hours.")


def test_the_sheet_draws_the_given_thread(tmp_path, capsys):
    thread = tmp_path / "bakery.txt"
    thread.write_text(BAKERY, encoding="utf-8")
    mine, sample = tmp_path / "mine.png", tmp_path / "sample.png"
    assert main(["themes", str(thread), "--sheet", str(mine), "--slide", "2"]) == 0
    assert "wrote a contact sheet" in capsys.readouterr().out
    assert main(["themes", "--sheet", str(sample), "--slide", "2"]) == 0
    a, b = Image.open(mine).convert("RGB"), Image.open(sample).convert("RGB")
    assert a.size == b.size and ImageChops.difference(a, b).getbbox() is not None  # other words drawn


def test_input_without_sheet_and_a_slide_beyond_the_input_are_clear_errors(tmp_path, capsys):
    thread = tmp_path / "bakery.txt"
    thread.write_text(BAKERY, encoding="utf-8")
    assert main(["themes", str(thread)]) == 2
    assert "--sheet OUT.png" in capsys.readouterr().err
    assert main(["themes", str(thread), "--sheet", str(tmp_path / "s.png"), "--slide", "40"]) == 2
    assert "from 1 to" in capsys.readouterr().err
    assert not (tmp_path / "s.png").exists()
