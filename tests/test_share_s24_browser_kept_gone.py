"""The plain studio in real Chromium: words a tab typed while away, for a slide another tab deleted meanwhile, are
shown in a notice when the tab loads again, and put on no other slide (they went to the slide nearest by text)."""
from __future__ import annotations

import pytest

from studio.server_process import running_studio
from test_browser_kept_text import reload_same_tab
from test_browser_share import chromium
from test_browser_typing import body, open_studio, saved_texts, type_letters
from ui_helpers import wait

pytestmark = pytest.mark.slow


def notices(tab) -> str:
    from selenium.webdriver.common.by import By
    return " ".join(n.text for n in tab.find_elements(By.CSS_SELECTOR, ".q-notification"))


def test_words_typed_away_for_a_slide_deleted_meanwhile_are_shown_not_put_on_another_slide(tmp_path):
    words = " Words for a gone slide."
    with running_studio(tmp_path) as studio:
        tab, other = chromium(), chromium()
        try:
            before = open_studio(tab, studio.url)
            tab.execute_script("window.socket.disconnect()")
            type_letters(tab, words)
            open_studio(other, studio.url)
            from selenium.webdriver.common.by import By
            other.find_element(By.CSS_SELECTOR, "[data-testid=delete-slide]").click()
            wait(other, lambda: before not in saved_texts(tmp_path), timeout=120,
                 describe=lambda: f"the other tab's box: {body(other)!r}")
            other.quit()
            reload_same_tab(tab, studio.url)
            wait(tab, lambda: "Words for a gone slide." in notices(tab), timeout=90,
                 describe=lambda: f"notices: {notices(tab)!r}; the box: {body(tab)!r}")
            assert "is gone" in notices(tab)
            assert not any("Words for a gone slide." in text for text in saved_texts(tmp_path))
            assert "Words for a gone slide." not in body(tab)
        finally:
            tab.quit()
            try:
                other.quit()
            except Exception:  # noqa: BLE001 - quit already
                pass
