"""A new creator's first carousel in real headless Chromium, on a fresh data folder, timed.

Paste a 12-post thread, import it, export the PDF: the test counts the clicks (at most 4) and
measures the waiting after each click (printed, and written to $CS_TIMING_FILE when set; the
figures are reported, never asserted, because this machine's load varies).
"""
from __future__ import annotations

import json
import os
import time

import pytest

pytest.importorskip("selenium")
from pypdf import PdfReader  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

POSTS = [
    "How we took our bakery from one oven to three shops in four years, without outside money 🥐",
    "1) Start with one thing people queue for\nOurs was a sourdough loaf. We baked forty a day and sold out by ten.",
    "2) Write down every cost\nFlour, power, rent, our own hours. The loaf that sold out lost money until we knew that.",
    "3) Raise the price before the second oven\nWe went from 4 to 6. Nobody left; the queue got shorter and calmer.",
    "4) Hire for mornings first\nThe 4 a.m. shift decides the day. Our first hire was a baker, not a cashier.",
    "5) Say no to wholesale, for a while\nCafés wanted 200 loaves at half price. We waited until we had the ovens.",
    "6) Open the second shop where the first one's regulars live\nHalf our queue came from one neighbourhood.",
    "7) Keep the menu short\nNine products. Every new one had to replace an old one.",
    "8) Pay suppliers on time\nIn the flour shortage our miller called us first.",
    "9) Teach the recipe, not the steps\nBakers who know why the dough rests can run a shop without us.",
    "10) Count what you throw away\nWaste fell from 12% to 3% when we wrote it on the board every night.",
    "That is the whole plan. Follow me for the next part: the third shop and what went wrong.",
]
THREAD = "\n\n".join(POSTS)


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.02,
                         ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())


def by_testid(driver, name):
    return driver.find_elements(By.CSS_SELECTOR, f"[data-testid={name}]")


class Creator:
    """Clicks like a person and keeps count; ``waited`` is the time from each click until the studio answered."""

    def __init__(self, driver):
        self.driver = driver
        self.clicks = 0
        self.waited: list[tuple[str, float]] = []

    def click(self, testid: str, what: str, answered) -> None:
        element = wait(self.driver, lambda: [e for e in by_testid(self.driver, testid) if e.is_displayed()])[0]
        start = time.perf_counter()
        element.click()
        self.clicks += 1
        wait(self.driver, answered, timeout=90)
        self.waited.append((what, time.perf_counter() - start))


def paste(driver, testid: str, text: str) -> None:
    """Put ``text`` in a text area as one paste does (one input event, no typing)."""
    area = wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, f"[data-testid={testid}] textarea, "
                                                                     f"textarea[data-testid={testid}]"))[0]
    driver.execute_script("const a = arguments[0]; a.focus(); a.value = arguments[1];"
                          "a.dispatchEvent(new Event('input', {bubbles: true}));", area, text)


def test_a_new_creator_pastes_a_thread_and_downloads_the_pdf(driver, studio_server, browser_downloads):
    driver.get(studio_server)
    wait(driver, lambda: len(by_testid(driver, "slide-thumb")) > 3)
    creator = Creator(driver)
    paste(driver, "source-input", THREAD)

    def laid_out():
        return len(by_testid(driver, "post-card")) == 12 and "bakery" in (
            driver.find_element(By.CSS_SELECTOR, "[data-testid=project-name]").get_attribute("value") or "").lower()

    creator.click("source-import", "import and lay out", laid_out)
    creator.click("export-open", "open the export dialog",
                  lambda: [e for e in by_testid(driver, "export-pdf") if e.is_displayed()])
    before = set(browser_downloads.glob("*.pdf"))

    def downloaded():
        new = set(browser_downloads.glob("*.pdf")) - before
        return new if new and not list(browser_downloads.glob("*.crdownload")) else None

    creator.click("export-pdf", "export and download the PDF", downloaded)
    pdf = downloaded().pop()
    figures = {"clicks": creator.clicks, "waited_s": {what: round(s, 3) for what, s in creator.waited},
               "total_wait_s": round(sum(s for _, s in creator.waited), 3)}
    print("\nfirst carousel:", json.dumps(figures))
    if os.environ.get("CS_TIMING_FILE"):
        with open(os.environ["CS_TIMING_FILE"], "a", encoding="utf-8") as f:
            f.write(json.dumps(figures) + "\n")

    assert creator.clicks <= 4
    time.sleep(0.2)
    reader = PdfReader(str(pdf))
    assert reader.metadata.title.startswith("How we took our bakery")
    assert pdf.name.endswith(".pdf") and "how-we-took-our-bakery" in pdf.name
    assert len(reader.pages) >= 13  # cover, a slide per further post, outro
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Count what you throw away" in text and "every week" not in text
