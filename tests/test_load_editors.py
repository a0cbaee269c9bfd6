"""``benchmarks/load.py --mode edits``: its browser-like editors each type into a title box their page shows, so
every typed title reaches the other browsers and the saved project (a benchmark that types into a hidden box
measures lost edits the product never lost)."""
from __future__ import annotations

import asyncio
import importlib.util
import sys
import time
from pathlib import Path

import pytest

from studio.server_process import running_studio

ROOT = Path(__file__).resolve().parent.parent
EDITORS = 10  # the benchmark's own number: more than the sample's titled slides, so slides are added first
GIVE_UP_S = 90

pytestmark = pytest.mark.slow  # a studio server process and ten websocket clients


def _load_benchmark(monkeypatch):
    """The benchmark's module; its browsers' Socket.IO client needs AIOHTTP, which the test processes load NiceGUI
    without (conftest.py): the engine.io client found none then, so it is given the package now."""
    import aiohttp
    import engineio.async_client
    monkeypatch.setattr(engineio.async_client, "aiohttp", aiohttp)
    spec = importlib.util.spec_from_file_location("load_benchmark", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


async def _each_types_a_title(load, base: str, data: Path) -> tuple[dict[int, set[str]], set[str], list[str]]:
    """Ten editors choose their slides as the benchmark does and type one title each; what each browser showed of
    the others' titles, what was saved, and the chosen thumbnails' names."""
    await load._enough_slides(base, EDITORS)
    browsers = [load.Editor(base) for _ in range(EDITORS)]
    for browser in browsers:
        await browser.connect()
    try:
        await load._select_own_slides(browsers)
        names = [b.elements[str(load._titled_slides(b.elements)[n][0])]["props"]["aria-label"]
                 for n, b in enumerate(browsers)]
        for n, browser in enumerate(browsers):
            await browser.send(load.listener(browser.elements, "slide-title", "update:value"), f"Title zq{n}x0")
        typed = {f"zq{n}x0" for n in range(EDITORS)}
        end = time.monotonic() + GIVE_UP_S
        while time.monotonic() < end:
            saved = await asyncio.to_thread(load._saved_tokens, data)
            if typed <= saved and all(typed <= set(b.seen) for b in browsers):
                break
            await asyncio.sleep(0.5)
        return {n: set(b.seen) for n, b in enumerate(browsers)}, saved, names
    finally:
        for browser in browsers:
            await browser.socket.disconnect()


def test_every_editor_types_into_a_shown_title_box_and_nothing_is_lost(tmp_path, monkeypatch):
    load = _load_benchmark(monkeypatch)
    with running_studio(tmp_path) as studio:
        seen, saved, names = asyncio.run(_each_types_a_title(load, studio.url, tmp_path))
    typed = {f"zq{n}x0" for n in range(EDITORS)}
    assert saved >= typed, f"unsaved: {sorted(typed - saved)} ({names})"
    for n, shown in seen.items():
        assert shown >= typed - {f"zq{n}x0"}, f"browser {n} never showed {sorted(typed - shown - {f'zq{n}x0'})}"
    assert len(set(names)) == EDITORS and not any("outro" in name for name in names), names


def test_a_slide_without_a_title_box_stops_the_benchmark(tmp_path, monkeypatch):
    """Typing into the outro (its title box hidden) is refused up front, named, instead of counted as lost edits."""
    load = _load_benchmark(monkeypatch)

    async def choose_the_outro(base: str) -> None:
        browser = load.Editor(base)
        await browser.connect()
        try:
            thumbs = sorted(int(k) for k, e in browser.elements.items()
                            if e.get("props", {}).get("data-testid") == "slide-thumb")
            outro = next(k for k in thumbs if "outro" in browser.elements[str(k)]["props"]["aria-label"])
            monkeypatch.setattr(load, "_titled_slides", lambda elements: [load.listener(elements, "slide-thumb",
                                                                                         "click", thumbs.index(outro))])
            await load._select_own_slides([browser])
        finally:
            await browser.socket.disconnect()

    with running_studio(tmp_path) as studio:
        with pytest.raises(load.HiddenTitleBox, match="editor 0: .*outro.* shows no title box"):
            asyncio.run(choose_the_outro(studio.url))


def test_the_warm_up_edits_as_an_editor_does(tmp_path, monkeypatch):
    """``--warm-edits``: the warm-up's browser moves a slide and back, then types titles and body text in turn, each
    turn an undo step, on a project with a titled slide for each editor: what a first editing session fills is in
    the warmed figure. Its last words are saved, the slides are in their order again."""
    load = _load_benchmark(monkeypatch)
    with running_studio(tmp_path) as studio:
        before = load.page_elements(studio.url)[1]
        order = [before[str(key)]["props"]["aria-label"] for key, _ in load._titled_slides(before)]
        asyncio.run(load.visit(studio.url, edits=6, editors=EDITORS))
        end = time.monotonic() + GIVE_UP_S
        while time.monotonic() < end and not all(
                word in "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.json"))
                for word in ("Title warm\"", "edit 5, in two")):
            time.sleep(0.5)
        after = load.page_elements(studio.url)[1]
    saved = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.json"))
    assert "edit 5, in two" in saved and "Title warm\"" in saved
    titled = load._titled_slides(after)
    assert len(titled) >= EDITORS
    words = [after[str(key)]["props"]["aria-label"].split(": ", 1)[1] for key, _ in titled]
    retitled = [n for n, title in enumerate(words) if title == "Title warm"]
    assert len(retitled) == 1  # the slide it moved along and back, selected by the move, took its words
    assert [title for n, title in enumerate(words[:len(order)]) if n not in retitled] == \
        [name.split(": ", 1)[1] for n, name in enumerate(order) if n not in retitled]  # in their order again
