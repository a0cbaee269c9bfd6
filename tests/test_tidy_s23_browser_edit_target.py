"""Real Chromium, the plain studio, one person in two tabs: tab A types in slide 3 while tab B deletes it. A's
keystroke left before A heard of the delete: it must not replace the words of the slide now third."""
from __future__ import annotations

import pytest

from studio.server_process import running_studio
from test_browser_share import chromium
from ui_helpers import wait

BODY = "textarea[data-testid=slide-body]"
THUMBS = "[data-testid=slide-thumb]"
NOTICES = "return [...document.querySelectorAll('.q-notification')].map((n) => n.innerText)"
# tab A hears nothing from the server until let go (its keystrokes still go out): the delete is not shown yet
HOLD = "const s = window.socket; window.csHeld = []; window.csOn = s.onevent; s.onevent = (p) => window.csHeld.push(p);"
CHOSEN = ("return [...document.querySelectorAll('[data-testid=slide-thumb]')]"
          ".findIndex((t) => t.closest('.cs-selected') || t.querySelector('.cs-selected'))")
LET_GO = "const s = window.socket; s.onevent = window.csOn; window.csHeld.forEach((p) => s.onevent(p));"


def find(driver, css):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, css)


def body(driver) -> str:
    return find(driver, BODY)[0].get_attribute("value")


def on_slide(driver, index: int, count: int) -> str:
    """Slide ``index`` chosen in this tab (the strip showing ``count`` slides); returns its text."""
    wait(driver, lambda: len(find(driver, THUMBS)) == count, describe=lambda: f"{len(find(driver, THUMBS))} thumbnails")
    find(driver, THUMBS)[index].click()
    wait(driver, lambda: driver.execute_script(CHOSEN) == index, describe=lambda: driver.execute_script(CHOSEN))
    return body(driver)


@pytest.mark.slow
def test_a_keystroke_sent_before_its_tab_heard_its_slide_was_deleted_goes_on_no_other_slide(tmp_path):
    from selenium.webdriver.common.keys import Keys
    with running_studio(tmp_path) as studio:
        a, b = chromium(), chromium()
        try:
            for tab in (a, b):
                tab.get(studio.url)
                wait(tab, lambda t=tab: find(t, BODY) and t.execute_script("return window.did_handshake"),
                     timeout=120, describe=lambda t=tab: t.title)
            count = len(find(b, THUMBS))
            fourth = on_slide(b, 3, count)
            third = on_slide(b, 2, count)
            wait(a, lambda: on_slide(a, 2, count) == third, describe=lambda: body(a)[:40])
            box = find(a, BODY)[0]
            box.click()
            box.send_keys(Keys.END)
            a.execute_script(HOLD)
            find(b, "[data-testid=delete-slide]")[0].click()
            wait(b, lambda: len(find(b, THUMBS)) == count - 1 and body(b) == fourth,
                 describe=lambda: f"{len(find(b, THUMBS))} thumbnails; {body(b)[:40]!r}")
            box.send_keys("Z")  # tab A still shows the deleted slide: its keystroke names it
            assert body(a) == third + "Z"
            wait(a, lambda: a.execute_script("return window.csHeld.length") > 0, describe=lambda: "nothing held")
            a.execute_script(LET_GO)
            wait(a, lambda: body(a) == fourth, describe=lambda: body(a)[-40:])  # A shows the slide now third
            wait(a, lambda: any("typing in is gone" in n and "“Z”" in n for n in a.execute_script(NOTICES)),
                 describe=lambda: a.execute_script(NOTICES))
            on_slide(b, 0, count - 1)
            assert on_slide(b, 2, count - 1) == fourth  # its words untouched
            assert not any(on_slide(b, i, count - 1).endswith("Z") for i in range(count - 1))
        finally:
            a.quit()
            b.quit()
