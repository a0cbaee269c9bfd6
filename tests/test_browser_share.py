"""Two real browsers (separate Chromium sessions) on ``serve --share`` type into one text box at once;
every character of both ends up in the box, on both screens."""
from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import pytest

from chromium_setup import CHROMIUM_FLAGS, chromium_paths
from studio.server_process import running_studio

TOKEN = "browser-test-token-0123456789"
ADA, BOB = "ABCDEFGHIJ", "0123456789"


@pytest.fixture(scope="module")
def shared_url(tmp_path_factory):
    with running_studio(tmp_path_factory.mktemp("share-browser"), "--share", "--token", TOKEN) as studio:
        yield studio.url


def chromium(*, frames: bool = False):
    """One headless Chromium with a profile of its own: a separate person, with their own cookies and storage.

    ``frames``: it logs its websocket frames (``sent_frames``)."""
    paths = chromium_paths()
    if paths is None:
        pytest.skip("Chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={tempfile.mkdtemp(prefix='cs-share-')}", "--window-size=1280,800"]:
        options.add_argument(flag)
    options.page_load_strategy = "eager"  # a page the studio reloads under load does not hold up every command
    if frames:
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return webdriver.Chrome(service=Service(paths[1]), options=options)


def wait(condition, timeout: float = 60):
    """The condition's first true value, looked for every 0.2 s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if value := condition():
                return value
        except Exception:  # noqa: BLE001 - the page may be redrawing
            pass
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def join(driver, url: str, name: str) -> None:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    # Once in a CI run on a machine loaded with two suites, a first load never answered and the whole driver
    # command timed out; a page-load give-up keeps the session usable, and the page is asked for again.
    driver.set_page_load_timeout(60)
    for attempt in range(3):
        try:
            driver.get(f"{url}/?token={TOKEN}")
            break
        except TimeoutException:
            print(f"{name}: the page did not load in 60 s (attempt {attempt + 1})")
    wait(lambda: driver.find_element(By.CSS_SELECTOR, "[data-testid=your-name]").is_displayed())
    driver.find_element(By.CSS_SELECTOR, "[data-testid=your-name]").send_keys(name)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=join]").click()
    wait(lambda: not driver.find_elements(By.CSS_SELECTOR, "[data-testid=your-name]"))


def body_box(driver):
    from selenium.webdriver.common.by import By
    return driver.find_element(By.CSS_SELECTOR, "textarea[data-testid=slide-body], [data-testid=slide-body] textarea")


def type_at_once(ada, bob, box) -> None:
    """Ada and Bob type their letters into ``box(driver)`` at the same time; every letter of both ends up in it,
    once, on both screens."""
    wait(lambda: box(ada).get_attribute("value") == box(bob).get_attribute("value") != "")
    before = box(ada).get_attribute("value")

    def type_slowly(driver, letters: str) -> None:
        box(driver).click()
        for letter in letters:  # into the box found again each time: the page may have loaded again meanwhile
            wait(lambda: box(driver).send_keys(letter) or True)
            time.sleep(0.05)
    typists = [threading.Thread(target=type_slowly, args=(ada, ADA)),
               threading.Thread(target=type_slowly, args=(bob, BOB))]
    for t in typists:
        t.start()
    for t in typists:
        t.join()

    def settled() -> bool:
        a, b = box(ada).get_attribute("value"), box(bob).get_attribute("value")
        return a == b and len(a) == len(before) + len(ADA + BOB)
    try:
        wait(settled)
    except AssertionError:
        ada.save_screenshot(str(Path(tempfile.gettempdir()) / "share-ada-failed.png"))
        raise AssertionError(f"Ada's box: {box(ada).get_attribute('value')!r}; "
                             f"Bob's box: {box(bob).get_attribute('value')!r}") from None
    final = box(ada).get_attribute("value")
    assert sorted(final) == sorted(before + ADA + BOB), final  # every character once, none lost
    assert "".join(c for c in final if c not in ADA + BOB) == "".join(c for c in before if c not in ADA + BOB)


def test_two_browsers_typing_into_one_box_at_once_keep_every_character(shared_url):
    from selenium.webdriver.common.by import By
    ada, bob = chromium(), chromium()
    try:
        join(ada, shared_url, "Ada")
        join(bob, shared_url, "Bob")
        wait(lambda: len(ada.find_elements(By.CSS_SELECTOR, "[data-testid=face]")) == 2)
        type_at_once(ada, bob, body_box)
        ada.save_screenshot(str(Path(tempfile.gettempdir()) / "share-ada.png"))
    finally:
        ada.quit()
        bob.quit()


def caret(driver) -> int:
    return driver.execute_script("return arguments[0].selectionStart", body_box(driver))


def put_caret(driver, at: int) -> None:
    box = body_box(driver)
    box.click()
    driver.execute_script("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[1])", box, at)


def ada_in_the_middle_bob_at_the_start(ada, bob, url: str) -> tuple[str, int]:
    """Both join; Ada's caret goes to the middle of the slide's text, Bob's to its start. The text and its middle."""
    join(ada, url, "Ada")
    join(bob, url, "Bob")
    wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") != "")
    before = body_box(ada).get_attribute("value")
    put_caret(ada, len(before) // 2)
    put_caret(bob, 0)
    return before, len(before) // 2


def test_the_caret_stays_beside_its_text_while_someone_types_before_it(shared_url):
    """Ada types in the middle while Bob types at the start: her letters stay together where she typed them."""
    ada, bob = chromium(), chromium()
    try:
        before, middle = ada_in_the_middle_bob_at_the_start(ada, bob, shared_url)
        bob.switch_to.active_element.send_keys("<>")
        wait(lambda: body_box(ada).get_attribute("value") == "<>" + before)
        assert caret(ada) == middle + 2  # still beside the same letters, not at the end
        def bob_inserts_at_the_start() -> None:
            for c in "123456":
                put_caret(bob, 0)
                bob.switch_to.active_element.send_keys(c)
                time.sleep(0.05)
        typists = [threading.Thread(target=lambda: [ada.switch_to.active_element.send_keys(c) or time.sleep(0.05)
                                                    for c in "abcdef"]),
                   threading.Thread(target=bob_inserts_at_the_start)]
        for t in typists:
            t.start()
        for t in typists:
            t.join()
        expected = "654321<>" + before[:middle] + "abcdef" + before[middle:]  # Bob's each went first
        try:
            wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") == expected)
        except AssertionError:
            raise AssertionError(f"Ada's box: {body_box(ada).get_attribute('value')!r}; "
                                 f"Bob's box: {body_box(bob).get_attribute('value')!r}") from None
        ada.save_screenshot(str(Path(tempfile.gettempdir()) / "share-caret-ada.png"))
    finally:
        ada.quit()
        bob.quit()


def test_two_people_typing_at_once_each_at_their_own_spot_keep_their_carets(shared_url):
    """Ada types in the middle and Bob at the start, at the same time, each without touching the caret again:
    each person's letters stay together where they typed them, and each caret is still after their own."""
    ada, bob = chromium(), chromium()
    try:
        before, middle = ada_in_the_middle_bob_at_the_start(ada, bob, shared_url)
        typists = [threading.Thread(target=lambda d=d, w=w: [d.switch_to.active_element.send_keys(c) or time.sleep(0.05)
                                                              for c in w])
                   for d, w in ((ada, "abcdefgh"), (bob, "12345678"))]
        for t in typists:
            t.start()
        for t in typists:
            t.join()
        expected = "12345678" + before[:middle] + "abcdefgh" + before[middle:]
        try:
            wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") == expected)
        except AssertionError:
            raise AssertionError(f"Ada's box: {body_box(ada).get_attribute('value')!r}; "
                                 f"Bob's box: {body_box(bob).get_attribute('value')!r}") from None
        assert (caret(ada), caret(bob)) == (8 + middle + 8, 8)
    finally:
        ada.quit()
        bob.quit()


def bob_at_the_start(ada, bob, url: str) -> str:
    """Both join; Bob's caret goes to the start of the slide's text (which is returned)."""
    join(ada, url, "Ada")
    join(bob, url, "Bob")
    wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") != "")
    before = body_box(bob).get_attribute("value")
    put_caret(bob, 0)
    return before


def test_a_keystroke_lost_with_a_dropped_connection_is_sent_again(shared_url):
    """Bob's connection drops while his keystroke is on the wire (socket.io does not send it again): once
    he is connected again his box sends it again, and both screens end with it and what he typed after."""
    ada, bob = chromium(), chromium()
    try:
        before = bob_at_the_start(ada, bob, shared_url)
        wait(lambda: bob.execute_script("return window.socket.connected && window.socket.io.engine.transport.ws"))
        bob.execute_script("window.csLost = window.socket.io.engine.transport.ws; window.csLost.send = () => {}")
        bob.switch_to.active_element.send_keys("X")  # its edit goes nowhere
        bob.execute_script("window.csLost.close()")
        wait(lambda: bob.execute_script(
            "return window.socket.connected && window.socket.io.engine.transport.ws !== window.csLost"))
        bob.switch_to.active_element.send_keys("Y")
        try:
            wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") == "XY" + before)
        except AssertionError:
            raise AssertionError(f"Ada's box: {body_box(ada).get_attribute('value')!r}; "
                                 f"Bob's box: {body_box(bob).get_attribute('value')!r}") from None
    finally:
        ada.quit()
        bob.quit()


def test_what_is_typed_before_the_box_knows_its_slide_is_kept(shared_url):
    """Right after a page (or another project) loads, the text box is empty until the server says which
    slide it shows. Letters typed in that moment go into that slide's text, in front, with the caret after them."""
    ada = chromium()
    try:
        join(ada, shared_url, "Ada")
        wait(lambda: body_box(ada).get_attribute("value"))
        root = ada.find_element("css selector", "[data-testid=slide-body]")
        ada.execute_script("const box = getElement(arguments[0]); box.slide = null; box.shown = ''", root)
        wait(lambda: body_box(ada).get_attribute("value") == "")  # as when the page has just loaded
        body_box(ada).click()
        body_box(ada).send_keys("Early ")
        next_slide = ada.find_element("css selector", "[data-testid=next-slide]")
        ada.execute_script("arguments[0].click()", next_slide)  # the server: it shows slide 2 (the focus stays)
        wait(lambda: ada.execute_script(  # the merged text, as the server sent it back, starts with them
            "const box = getElement(arguments[0]); const b = box.boxes.get(box.slide);"
            "return b && b.inFlight === null && b.base === b.value && b.base.startsWith('Early ') && b.base.length > 6",
            root))
        assert body_box(ada).get_attribute("value").startswith("Early ")
        assert caret(ada) == len("Early ")
    finally:
        ada.quit()


def sent_frames(driver) -> list[str]:
    """The websocket frames this browser sent since the last call (``chromium(frames=True)``)."""
    import json
    messages = (json.loads(entry["message"])["message"] for entry in driver.get_log("performance"))
    return [m["params"]["response"]["payloadData"] for m in messages if m["method"] == "Network.webSocketFrameSent"]


def test_a_keystroke_sends_what_changed_not_the_whole_text(shared_url):
    """Each keystroke in a slide's text box sends the letter and where it goes: a short message that
    holds no stretch of the text around it, however long the text is."""
    ada, bob = chromium(frames=True), chromium()
    try:
        join(ada, shared_url, "Ada")
        join(bob, shared_url, "Bob")
        wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") != "")
        before = body_box(ada).get_attribute("value")
        put_caret(ada, len(before) // 2)
        sent_frames(ada)
        for letter in "qwertyuiop":
            ada.switch_to.active_element.send_keys(letter)
        after = before[:len(before) // 2] + "qwertyuiop" + before[len(before) // 2:]
        wait(lambda: body_box(bob).get_attribute("value") == after)
        frames = [f for f in sent_frames(ada) if '\\"edits\\"' in f]
        # one per keystroke at most (several when one waits for the last); an edit sent again after a
        # reconnection is the same frame
        assert 1 <= len(set(frames)) <= 10, frames
        stretches = {after[i:i + 12] for i in range(len(after) - 12)}  # any 12 letters of the text in a row
        assert not [f for f in frames if any(s in f for s in stretches)], frames
        assert max(len(f.encode()) for f in frames) < 400, frames  # the framework's ids are most of it
    finally:
        ada.quit()
        bob.quit()


def acknowledged(driver) -> str | None:
    """The text of the slide's body as the server last answered it, once nothing typed is waiting for an answer."""
    return driver.execute_script(
        "const box = getElement(arguments[0]); const b = box.boxes.get(box.slide);"
        "return b && b.inFlight === null && b.base === b.value ? b.base : null",
        driver.find_element("css selector", "[data-testid=slide-body]"))


def test_after_a_server_restart_people_reconnect_to_the_saved_document(tmp_path):
    """Type, stop the studio, start it again on the same address: the page comes back with the words."""
    from studio.server_process import free_port
    port, words = free_port(), " Kept across a restart."
    ada = chromium()
    try:
        with running_studio(tmp_path, "--share", "--token", TOKEN, port=port) as studio:
            join(ada, studio.url, "Ada")
            before = wait(lambda: body_box(ada).get_attribute("value"))  # once the slide's text has arrived
            put_caret(ada, len(before))
            for letter in words:
                ada.switch_to.active_element.send_keys(letter)
            # the server took them (its answer came back), not just Ada's own box showing them: the promise is
            # that a restart loses nothing acknowledged
            wait(lambda: acknowledged(ada) == before + words)
            ada.execute_script("window.csOldPage = true")
        with running_studio(tmp_path, "--share", "--token", TOKEN, port=port):
            # the same browser, without the link again: its cookie and its remembered name still work
            wait(lambda: ada.execute_script("return !window.csOldPage"), timeout=120)  # a fresh page
            wait(lambda: body_box(ada).get_attribute("value") == before + words, timeout=60)
            wait(lambda: ada.find_elements("css selector", "[data-testid=face]"), timeout=60)
            ada.save_screenshot(str(Path(tempfile.gettempdir()) / "share-after-restart.png"))
    finally:
        ada.quit()


def faces(driver) -> int:
    return len(driver.find_elements("css selector", "[data-testid=face]"))


def test_words_typed_while_away_longer_than_the_reconnect_timeout_are_kept(shared_url):
    """Ada's connection drops; she types; the server forgets her tab; back online, her page loads again
    and what she typed is merged in, on both screens."""
    ada, bob = chromium(), chromium()
    try:
        join(ada, shared_url, "Ada")
        join(bob, shared_url, "Bob")
        wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") != "")
        wait(lambda: faces(bob) == faces(ada) >= 2)
        here, before, words = faces(bob), body_box(ada).get_attribute("value"), " Typed offline."
        ada.execute_script("window.socket.disconnect()")
        put_caret(ada, len(before))
        for letter in words:
            ada.switch_to.active_element.send_keys(letter)
        wait(lambda: faces(bob) == here - 1, timeout=120)  # the server let Ada's tab go
        assert body_box(bob).get_attribute("value") == before
        ada.execute_script("window.csOldPage = true; window.socket.connect()")
        wait(lambda: ada.execute_script("return !window.csOldPage"), timeout=120)  # her page loaded again
        for screen in (bob, ada):
            wait(lambda s=screen: body_box(s).get_attribute("value") == before + words, timeout=60)
        ada.save_screenshot(str(Path(tempfile.gettempdir()) / "share-offline-ada.png"))
    finally:
        ada.quit()
        bob.quit()


def kept_typing(driver) -> list[str]:
    """What this tab keeps of its typing the server has not answered (shared_text_box.js)."""
    return driver.execute_script(
        "return Object.keys(sessionStorage).filter((k) => k.startsWith('carousel-studio-unanswered:'))"
        ".map((k) => JSON.parse(sessionStorage.getItem(k)).value)")


def reload_page(driver) -> None:
    driver.execute_script("window.csOldPage = true; location.reload()")
    wait(lambda: driver.execute_script("return !window.csOldPage && window.socket && window.socket.connected"),
         timeout=120)


def both_read(ada, bob, expected: str) -> None:
    try:
        for screen in (ada, bob):
            wait(lambda s=screen: body_box(s).get_attribute("value") == expected, timeout=90)
    except AssertionError:
        raise AssertionError(f"expected {expected!r}; Ada's box: {body_box(ada).get_attribute('value')!r}; "
                             f"Bob's box: {body_box(bob).get_attribute('value')!r}") from None


def test_typing_the_server_never_got_outlives_a_page_reload(shared_url):
    """Bob's keystrokes never reach the server (their frames are lost) and his page loads again: the new page
    sends them again, and both screens end with every letter, once."""
    ada, bob = chromium(), chromium()
    try:
        before = bob_at_the_start(ada, bob, shared_url)
        wait(lambda: bob.execute_script("return window.socket.connected && window.socket.io.engine.transport.ws"))
        bob.execute_script("window.socket.io.engine.transport.ws.send = () => {}")  # nothing he sends arrives
        bob.switch_to.active_element.send_keys("XYZ")
        wait(lambda: kept_typing(bob) == ["XYZ" + before])
        reload_page(bob)
        both_read(ada, bob, "XYZ" + before)
        wait(lambda: kept_typing(bob) == [])  # taken: forgotten
    finally:
        ada.quit()
        bob.quit()


def test_typing_made_but_not_answered_is_made_once_after_a_page_reload(shared_url):
    """The server makes Bob's first keystroke, but its answer never reaches his page, so the letters he types
    after it wait; his page loads again: those are sent again, and the one made already is not made twice."""
    ada, bob = chromium(), chromium()
    try:
        before = bob_at_the_start(ada, bob, shared_url)
        bob.execute_script("getElement(arguments[0]).receive = () => {}",  # he hears nothing more
                           bob.find_element("css selector", "[data-testid=slide-body]"))
        bob.switch_to.active_element.send_keys("XYZ")
        wait(lambda: body_box(ada).get_attribute("value") == "X" + before)  # made; Y and Z wait for its answer
        wait(lambda: kept_typing(bob) == ["XYZ" + before])
        reload_page(bob)
        both_read(ada, bob, "XYZ" + before)
        wait(lambda: kept_typing(bob) == [])
    finally:
        ada.quit()
        bob.quit()


def cta_headline(driver):
    from selenium.webdriver.common.by import By
    return driver.find_element(By.CSS_SELECTOR, "input[data-testid=cta-headline], [data-testid=cta-headline] input")


def open_cta_panel(driver) -> None:
    """Open the settings panel "Outro Slide CTA" (built on its first opening) until its headline box shows."""
    from selenium.webdriver.common.by import By
    header = driver.find_element(By.CSS_SELECTOR, "[data-testid=panel-campaign] .q-item")

    def opened() -> bool:
        if header.get_attribute("aria-expanded") != "true":
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", header)
            return False
        return cta_headline(driver).is_displayed()
    wait(opened, timeout=120)


def test_two_browsers_typing_into_the_outro_headline_at_once_keep_every_character(shared_url):
    """The outro's headline merges letter by letter in the browser too, like a slide's text: Ada and Bob
    type into it at the same time, and both screens end with every letter of both, once."""
    ada, bob = chromium(), chromium()
    try:
        join(ada, shared_url, "Ada")
        join(bob, shared_url, "Bob")
        for person in (ada, bob):
            open_cta_panel(person)
        wait(lambda: cta_headline(ada).get_attribute("value") == cta_headline(bob).get_attribute("value") != "")
        type_at_once(ada, bob, cta_headline)
    finally:
        ada.quit()
        bob.quit()



def saved(driver) -> bool:
    from selenium.webdriver.common.by import By
    return driver.find_element(By.CSS_SELECTOR, "[data-testid=save-state]").text == "All changes saved"


def test_typing_not_answered_when_opening_another_project_goes_into_the_project_it_was_typed_in(shared_url):
    """Bob's first keystroke is made but never answered, so the letters after it wait; he starts a new project:
    what waited is put back into the project he typed it in, where Ada sees every letter, once."""
    ada, bob = chromium(), chromium()
    try:
        join(ada, shared_url, "Ada")
        put_caret(ada, 0)
        ada.switch_to.active_element.send_keys("!")  # the project is saved: it has its id before Bob comes
        wait(lambda: saved(ada), timeout=120)
        join(bob, shared_url, "Bob")
        wait(lambda: body_box(ada).get_attribute("value") == body_box(bob).get_attribute("value") != "")
        before = body_box(bob).get_attribute("value")
        put_caret(bob, 0)
        bob.execute_script("getElement(arguments[0]).receive = () => {}",  # he hears nothing more
                           bob.find_element("css selector", "[data-testid=slide-body]"))
        bob.switch_to.active_element.send_keys("XYZ")
        wait(lambda: body_box(ada).get_attribute("value") == "X" + before)  # made; Y and Z wait for its answer
        wait(lambda: kept_typing(bob) == ["XYZ" + before])
        bob.find_element("css selector", "[data-testid=projects-open]").click()
        wait(lambda: bob.find_element("xpath", "//button[contains(., 'New from the sample')]").is_displayed())
        bob.find_element("xpath", "//button[contains(., 'New from the sample')]").click()
        wait(lambda: body_box(ada).get_attribute("value") == "XYZ" + before, timeout=90)
        wait(lambda: kept_typing(bob) == [])
        assert body_box(ada).get_attribute("value") == "XYZ" + before  # once
    finally:
        ada.quit()
        bob.quit()


def test_typing_the_server_never_got_outlives_a_server_restart(tmp_path):
    """Nothing Ada's tab sends reaches the studio, which is then restarted on the same address: her page loads
    again from the new studio and sends what she typed; every letter is in her box, once."""
    from studio.server_process import free_port
    port, words = free_port(), "Unsent words. "
    ada = chromium()
    try:
        with running_studio(tmp_path, "--share", "--token", TOKEN, port=port) as studio:
            join(ada, studio.url, "Ada")
            before = wait(lambda: body_box(ada).get_attribute("value"))  # once the slide's text has arrived
            put_caret(ada, 0)
            wait(lambda: ada.execute_script("return window.socket.connected && window.socket.io.engine.transport.ws"))
            ada.execute_script("window.socket.io.engine.transport.ws.send = () => {}")  # nothing she sends arrives
            for letter in words:
                ada.switch_to.active_element.send_keys(letter)
            wait(lambda: kept_typing(ada) == [words + before])
            ada.execute_script("window.csOldPage = true")
        with running_studio(tmp_path, "--share", "--token", TOKEN, port=port):
            wait(lambda: ada.execute_script("return !window.csOldPage"), timeout=120)  # a fresh page
            wait(lambda: body_box(ada).get_attribute("value") == words + before, timeout=90)
            wait(lambda: kept_typing(ada) == [])
    finally:
        ada.quit()
