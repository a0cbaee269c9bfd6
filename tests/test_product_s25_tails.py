"""Session 25: an emoji right after a CJK full stop inside a line ("毎日書く。🚀 我的工具很好用。") is that
sentence's tail, not the start of the next one (the List layout drew "🚀 我的工具很好用。" as a row)."""
from __future__ import annotations

import pytest

from studio.layouts.templates import list_of
from studio.reading import sentences


@pytest.mark.parametrize("text, first", [
    ("毎日書く。🚀 我的工具很好用。", "毎日書く。🚀"),
    ("毎日書く！🔥👍🏽 毎週公開する。", "毎日書く！🔥👍🏽"),
    ("「書く」。🇯🇵 次へ。", "「書く」。🇯🇵"),
])
def test_an_emoji_after_a_cjk_full_stop_stays_with_its_sentence(text, first):
    found = sentences(text)
    assert found[0] == first and "".join(found).replace(" ", "") == text.replace(" ", "")


def test_the_list_layout_keeps_the_tail_on_its_row():
    _, items, _ = list_of("Notes: I write daily. 毎日書く。🚀 我的工具很好用。")
    assert "毎日書く。🚀" in items and "我的工具很好用。" in items


def test_a_latin_sentence_led_by_an_emoji_is_unchanged():
    assert sentences("Ship it. 🚀 Launch day!") == ["Ship it.", "🚀 Launch day!"]


def test_no_line_starts_with_the_emoji_after_a_cjk_full_stop():
    from studio.fonts import ensure_fonts
    from studio.text import prepare, wrap

    ensure_fonts()
    paras = prepare("I mix scripts here. 毎日書く。🚀 我的工具很好用。毎週公開する！🔥 日曜は休む。")
    starts = set()
    for width in range(60, 400, 7):
        for line in wrap(paras, "Inter", 400, 18, width):
            starts.add(line.para.clusters[line.start].text)
    assert not starts & {"🚀", "🔥"}
