"""The plain studio's tab keeps typing the server has not taken (assets/kept_text.js), in real Chromium: typing
the server took and the person then undid never comes back on a reload of the same tab, and typing the server
never heard does."""
from __future__ import annotations

from pathlib import Path

import pytest

from studio.server_process import running_studio
from test_browser_share import chromium, wait
from test_browser_typing import body, kept, open_studio, saved_texts, type_letters

pytestmark = pytest.mark.slow


def carousel_texts(data: Path) -> str:
    """The data folder's saved carousels as text (not their undo histories, which keep undone words)."""
    return "".join(path.read_text("utf-8") for path in (data / "projects").glob("*.json")
                   if not path.name.endswith(".history.json"))


def undo(tab) -> None:
    from selenium.webdriver.common.by import By
    tab.find_element(By.CSS_SELECTOR, "[data-testid=undo]").click()


def reload_same_tab(tab, url: str) -> str:
    """The same tab loads the studio again; the slide's text once the new page has sent what the tab kept."""
    tab.execute_script("window.csOldPage = true")
    text = open_studio(tab, url)
    wait(lambda: not tab.execute_script("return !!window.csOldPage"))
    wait(lambda: kept(tab) == [], timeout=90)  # whatever the tab kept was sent and answered
    return text


def test_typing_saved_then_undone_does_not_come_back_on_a_reload(tmp_path):
    words = " Undone words."
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = open_studio(tab, studio.url)
            type_letters(tab, words)
            wait(lambda: before + words in saved_texts(tmp_path), timeout=90)  # the server took them
            undo(tab)
            wait(lambda: body(tab) == before, timeout=60)
            wait(lambda: before + words not in saved_texts(tmp_path), timeout=90)
            reload_same_tab(tab, studio.url)
            wait(lambda: body(tab) == before)
            assert words.strip() not in carousel_texts(tmp_path)
            assert words.strip() not in body(tab)
        finally:
            tab.quit()


def test_typing_the_server_never_heard_comes_back_on_a_reload(tmp_path):
    words = " Never heard."
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = open_studio(tab, studio.url)
            tab.execute_script("window.socket.disconnect()")
            type_letters(tab, words)
            assert kept(tab) == [before + words]
            reload_same_tab(tab, studio.url)
            wait(lambda: body(tab) == before + words, timeout=90)
            wait(lambda: before + words in saved_texts(tmp_path), timeout=90)
        finally:
            tab.quit()


def test_the_tab_keeps_typing_until_it_is_on_disk(tmp_path):
    """A crash (kill -9, power loss) between the server hearing a keystroke and the autosave writing it must
    not lose it: the tab forgets its entry only once the words are in the saved project."""
    words = " Kept until saved."
    with running_studio(tmp_path) as studio:
        tab = chromium()
        try:
            before = open_studio(tab, studio.url)
            type_letters(tab, words)
            while before + words not in saved_texts(tmp_path):
                entries = kept(tab)  # read before the disk: the disk only gains the words
                if not entries:
                    assert before + words in saved_texts(tmp_path), "the tab forgot words not saved yet"
                    break
            wait(lambda: before + words in saved_texts(tmp_path), timeout=90)
            wait(lambda: kept(tab) == [], timeout=90)  # and once saved, the entry goes
        finally:
            tab.quit()
