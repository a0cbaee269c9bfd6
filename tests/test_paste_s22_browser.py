"""In Chromium: a paste up to the 1 MB cap reaches the studio whole and is read (the page's socket drops a message
over 1,000,000 characters, and a dialogue's quotes and line ends, escaped twice, make it ~1.4 times the text); a
paste over the cap gets the studio's message naming the cap, in the page, at once.

Put in as one input, as a paste is (the box's value set, then its input event), never through the machine's
clipboard, which the other browsers on it share."""
from __future__ import annotations

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402

from ui_helpers import by_testid, open_studio, wait  # noqa: E402

pytestmark = pytest.mark.slow

LINES = ('"Why?" she asked.', '"Because," I said, "it works."', 'He wrote: "No — wait."\tThen: "Go."')
POSTS = 250  # under the 299 a thread may have


def dialogue(size: int) -> list[str]:
    """``POSTS`` posts of quoted lines, together about ``size`` characters; each starts with its number."""
    per = size // POSTS
    posts = []
    for n in range(1, POSTS + 1):
        lines = [f"Post {n} begins here."]
        while sum(len(line) + 1 for line in lines) < per - 60:
            lines.append(LINES[len(lines) % len(LINES)])
        posts.append("\n".join(lines))
    posts[-1] = f"Post {POSTS} ends the thread."
    return posts


def joined(posts: list[str]) -> str:
    return "\n\n---\n\n".join(posts)


BOX = "[data-testid=source-input] textarea, textarea[data-testid=source-input]"


def box_length(driver) -> int:
    return driver.execute_script(f"return document.querySelector('{BOX}').value.length")


# The box takes the text as a paste puts it in: its value set, then one input event (what the page's script reads)
_INPUT = """arguments[0].value = arguments[1];
arguments[0].dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));"""


def paste(driver, text: str) -> None:
    """Empty the source box and put ``text`` in it as one input."""
    box = driver.find_element(By.CSS_SELECTOR, BOX)
    box.click()
    driver.execute_script("arguments[0].select()", box)
    driver.execute_script(_INPUT, box, text)
    wait(driver, lambda: box_length(driver) == len(text.encode("utf-16-le")) // 2,
         describe=lambda: f"box holds {box_length(driver)} of {len(text)}")


def notices(driver) -> list[str]:
    return driver.execute_script("return [...document.querySelectorAll('.q-notification')].map(n => n.innerText)")


def card_texts(driver) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "[data-testid=post-card] .cs-post-text")]


_PAGE = """const shown = (e) => !!e && e.offsetParent !== null;
return {reading: shown(document.querySelector('[data-testid=paste-reading]')),
        dialogs: [...document.querySelectorAll('.q-dialog')].map(d => d.innerText.slice(0, 200)),
        socketRefused: document.getElementById('too_long_message_popup')?.ariaHidden === 'false',
        connected: !!(window.socket && window.socket.connected)};"""


def state(driver) -> str:
    """What the page holds: the box's length, "Reading…", dialogs, the socket refusing a message, notices, cards."""
    return (f"box holds {box_length(driver)}; {driver.execute_script(_PAGE)}; notices {notices(driver)}; "
            f"{len(card_texts(driver))} cards, first {card_texts(driver)[:1]}")


def import_adding(driver) -> None:
    """Click Import and, asked where the posts go, add them to the project's cards (laying out a 1 MB thread's
    slides would take minutes of this busy machine; the cards show what was read)."""
    by_testid(driver, "source-import")[0].click()
    wait(driver, lambda: driver.execute_script(
        "const b = [...document.querySelectorAll('.q-dialog button')].find(b => b.innerText.includes('Add these'));"
        " if (b) b.click(); return !!b"), timeout=300, describe=lambda: state(driver))


@pytest.fixture
def studio(driver, studio_server):
    open_studio(driver, studio_server)
    paste(driver, "Alpha first post here.\n\nBeta second post here.\n\nGamma third post here.")
    by_testid(driver, "source-import")[0].click()  # a project with slides of its own: an import then asks
    wait(driver, lambda: driver.execute_script(  # (asked, after an earlier test: a new project)
        "const b = [...document.querySelectorAll('.q-dialog button')].find(b => b.innerText.includes('New project'));"
        " if (b) b.click(); return !b && [...document.querySelectorAll('.q-notification')]"
        ".some(n => n.innerText.includes('3 posts imported'))"), describe=lambda: state(driver))
    return driver


def test_a_paste_under_the_cap_arrives_whole_and_is_read(studio):
    """1.02 MB of plain words (over the socket's limit in one message): every post comes in, each card showing its
    post's words."""
    posts = [" ".join(p.replace('"', "").split()) for p in dialogue(1_140_000)]
    text = joined(posts)
    assert 1_000_000 < len(text.encode()) < 1_048_576
    paste(studio, text)
    import_adding(studio)
    wait(studio, lambda: len(card_texts(studio)) == 3 + POSTS, timeout=300, describe=lambda: state(studio))
    shown = card_texts(studio)[3:]
    for card, post in zip(shown, posts):  # a card shows its post's first 1,000 characters
        assert " ".join(card.split())[:900] == " ".join(post.split())[:900]
    assert shown[-1] == posts[-1]


def test_a_paste_over_the_cap_is_named_at_once_and_nothing_is_imported(studio):
    before = card_texts(studio)
    text = "Word text here. " * 75_000  # 1.2 MB
    paste(studio, text)
    message = "The pasted text is 1,200,000 characters; the studio reads at most 1 MB (1,048,576 characters)"
    wait(studio, lambda: any(message in n for n in notices(studio)), timeout=30, describe=lambda: state(studio))
    by_testid(studio, "source-import")[0].click()
    wait(studio, lambda: sum(message in n for n in notices(studio)) == 2, timeout=30, describe=lambda: state(studio))
    assert card_texts(studio) == before
    assert [n for n in notices(studio) if "posts" in n and "3 posts imported" not in n] == []  # (the fixture's)
    assert not studio.find_elements(By.CSS_SELECTOR, ".q-dialog")
