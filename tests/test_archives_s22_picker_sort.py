"""The archive's thread picker in real Chromium: its Date column sorts threads by when they began. It sorted the
words it shows ("01 Jan 2024" before "02 Dec 2019"), so a creator looking for an old thread found the years mixed."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402

from ui_helpers import open_studio, wait  # noqa: E402

OWNER, HANDLE = "1402345678901234567", "dana_ships"
# (first post's id, its time): three threads begun in years whose shown dates sort in another order as words
THREADS = [(1201560000000000000, "Mon Dec 02 09:00:00 +0000 2019"),
           (1742130000000000000, "Mon Jan 01 09:00:00 +0000 2024"),
           (1371350000000000000, "Mon Mar 15 09:00:00 +0000 2021")]
IN_ORDER = ["02 Dec 2019", "15 Mar 2021", "01 Jan 2024"]

_ROWS = """
const card = document.querySelector('.cs-picker');
return card ? [...card.querySelectorAll('tbody tr')].map(r => r.cells[0].textContent.trim()) : [];
"""

_SORT_BY_DATE = """
const th = [...document.querySelectorAll('.cs-picker th')].find(h => h.textContent.includes('Date'));
if (th) th.click();
return !!th;
"""


def _archive(path: Path) -> Path:
    items = []
    for first, when in THREADS:
        for k in range(2):
            text = f"Thread of {when[-4:]}, post {k + 1}."
            t = {"id_str": str(first + k), "full_text": text, "display_text_range": ["0", str(len(text))],
                 "created_at": when, "favorite_count": "1", "retweet_count": "0", "entities": {"urls": []}}
            if k:
                t.update(in_reply_to_status_id_str=str(first), in_reply_to_user_id_str=OWNER,
                         in_reply_to_screen_name=HANDLE)
            items.append({"tweet": t})
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(items, indent=2))
        zf.writestr("data/account.js", "window.YTD.account.part0 = " + json.dumps(
            [{"account": {"accountId": OWNER, "username": HANDLE, "accountDisplayName": "Dana"}}]))
    return path


def test_the_pickers_date_column_sorts_by_time_not_by_its_words(driver, studio_server, tmp_path):
    open_studio(driver, studio_server, 1280)
    try:
        wait(driver, lambda: [t for t in driver.find_elements(By.CSS_SELECTOR, ".q-tab") if "Archive" in t.text],
             describe=lambda: [t.text for t in driver.find_elements(By.CSS_SELECTOR, ".q-tab")])
        tab = next(t for t in driver.find_elements(By.CSS_SELECTOR, ".q-tab") if "Archive" in t.text)
        driver.execute_script("arguments[0].click()", tab)
        upload = lambda: [i for i in driver.find_elements(By.CSS_SELECTOR, "input[type=file]")  # noqa: E731
                          if "zip" in (i.get_attribute("accept") or "")]
        wait(driver, upload, describe=lambda: driver.find_element(By.TAG_NAME, "body").text[:300])
        upload()[0].send_keys(str(_archive(tmp_path / "years.zip")))
        wait(driver, lambda: len(driver.execute_script(_ROWS)) == 3,
             describe=lambda: (driver.execute_script(_ROWS), driver.find_element(By.TAG_NAME, "body").text[-300:]))
        # (read by textContent: while the dialog fades in, Selenium's visible text is still empty)
        wait(driver, lambda: driver.execute_script(_SORT_BY_DATE), describe=lambda: driver.execute_script(_ROWS))
        wait(driver, lambda: driver.execute_script(_ROWS) == IN_ORDER, describe=lambda: driver.execute_script(_ROWS))
        driver.execute_script(_SORT_BY_DATE)  # again: latest first
        wait(driver, lambda: driver.execute_script(_ROWS) == IN_ORDER[::-1],
             describe=lambda: driver.execute_script(_ROWS))
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
