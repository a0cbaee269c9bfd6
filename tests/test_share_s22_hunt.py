"""Random shared sessions over replicas (two or three people): each person's browser has a box per watched text fed by
their ``Channel``, messages both ways queued so they cross; people type tokens into titles, texts, alt texts, the
outro's headline (long pastes past its cap) and the project's name, add, duplicate, split, merge, move and delete
slides, set the brand, undo, redo, close the tab and come back, reload with typing unanswered. Once everything is
delivered: every replica reads the merged carousel, every box shows its slide's text ("" once gone), and every token
typed is somewhere (in a text, kept for a redo, or quoted to its typist), unless its typist undid or its slide is out.

The machine runs in a subprocess: a crash of the CRDT engine (one was reached by undo and redo) kills that process,
and the test says so, instead of killing the test run."""
from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from collections import deque

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from studio.app import Person
from studio.app.document import EditError
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument, _put
from studio.share.document import PART_TEXTS, SLIDE_TEXTS
from studio.share.sync import Channel, TextBox

TOKEN = re.compile(r"~\d+~")
OPS = ["add_slide", "duplicate_slide", "delete_slide", "move_slide", "split_slide", "merge_with_next"]
FIELDS = ["title", "body", "alt_text"]


class Browser:
    """One person's page: a ``Channel`` to their replica and a box per watched text; messages both ways queued."""

    def __init__(self, doc: CoDocument, person: Person) -> None:
        self.doc, self.person = doc, person
        self.down: deque = deque()  # server → browser
        self.up: deque = deque()  # browser → server
        self.told: list[str] = []
        self.boxes: dict[tuple[str, str], TextBox] = {}
        self.open()

    def open(self) -> None:
        self.replica = self.doc.replica(self.person)
        self.channel = Channel(self.replica, self.down.append, lambda: None, self.told.append)
        self.boxes = {}
        self.up.clear()
        self.down.clear()

    def watch(self, slide: str, field: str) -> TextBox:
        if (slide, field) not in self.boxes:
            self.boxes[(slide, field)] = TextBox(slide, field)
            self.channel.watch(slide, field)
            self.receive()
        return self.boxes[(slide, field)]

    def receive(self) -> None:
        while self.down:
            message = self.down.popleft()
            box = self.boxes.get((message["slide"], message["field"]))
            if box is not None:
                sent = box.receive(message)
                if sent:
                    self.up.append(sent)

    def send_one(self) -> None:
        if not self.up:
            return
        m = self.up.popleft()
        try:
            self.channel.edit(m["slide"], m["field"], m["edits"], m["base"], m["seq"])
        except EditError as refused:  # answered, with the box's text sent again (``Channel.edit``)
            self.told.append(str(refused))
        self.doc.took_edit(m["slide"], m["field"], origin=self.person)
        self.receive()

    def settle(self) -> None:
        for _ in range(200):
            self.channel.refresh()
            self.receive()
            if not self.up:
                return
            self.send_one()
        raise AssertionError("a box kept sending")


class Session(RuleBasedStateMachine):
    """Two or three people on one carousel."""

    def __init__(self) -> None:
        super().__init__()
        self.doc = CoDocument(sample_carousel())
        self.people: list[Person] = []
        self.browsers: list[Browser] = []
        self.count = 0
        self.typed: dict[str, tuple[int, str]] = {}  # token → (person, slide id)
        self.undid: set[int] = set()  # people who undid (their own typing may be gone)
        self.alt: set[str] = set()  # tokens typed into alt texts
        # Tokens typed as a whole value (no versions): ``type_into`` takes the recent text needing the fewest changes
        # as the one typed on, and after an undo that can be a text holding an undone token one digit away, whose
        # characters the new token then reads as (known rough: test_share_s22_whole_value).
        self.whole: set[str] = set()
        self.merged = False  # a merge or split empties an alt text (Document.merge_with_next, split_slide)

    @rule(n=st.integers(2, 3), capture=st.sampled_from([0, 600_000]))
    @precondition(lambda self: not self.people)
    def start(self, n, capture):
        for k in range(n):
            person = Person(name=f"P{k}")
            _put(self.doc._replicas, person, self.doc.hub.replica(f"person-{k}", capture_ms=capture))
            self.people.append(person)
            self.browsers.append(Browser(self.doc, person))

    def _who(self, k: int) -> tuple[Person, Browser]:
        k %= len(self.people)
        return self.people[k], self.browsers[k]

    @rule(k=st.integers(0, 2), i=st.integers(0, 30), field=st.sampled_from(FIELDS), at=st.floats(0, 1))
    @precondition(lambda self: self.people)
    def type(self, k, i, field, at):
        person, browser = self._who(k)
        ids = browser.replica.slide_ids()
        if not ids:
            return
        slide = ids[i % len(ids)]
        box = browser.watch(slide, field)
        self.count += 1
        token = f"~{self.count}~"
        cut = round(at * len(box.value))
        while cut and cut < len(box.value) and box.value[cut - 1] != " ":  # between words: a split keeps the token
            cut -= 1
        box_value = box.value[:cut] + token + " " + box.value[cut:]
        sent = box.type(box_value)
        if sent:
            browser.up.append(sent)
        self.typed[token] = (k % len(self.people), slide)
        if field == "alt_text":
            self.alt.add(token)

    @rule(k=st.integers(0, 2))
    @precondition(lambda self: self.people)
    def send(self, k):
        self._who(k)[1].send_one()

    @rule(k=st.integers(0, 2))
    @precondition(lambda self: self.people)
    def hear(self, k):
        browser = self._who(k)[1]
        browser.channel.refresh()
        browser.receive()

    @rule(k=st.integers(0, 2), op=st.sampled_from(OPS), i=st.integers(0, 30), j=st.integers(0, 30))
    @precondition(lambda self: self.people)
    def edit(self, k, op, i, j):
        person, _ = self._who(k)
        n = len(self.doc.carousel.slides)
        try:
            getattr(self.doc, op)(*((i % n, j % n) if op == "move_slide" else (i % n,)), origin=person)
            self.merged |= op in ("merge_with_next", "split_slide")
        except EditError:
            pass

    @rule(k=st.integers(0, 2), redo=st.booleans())
    @precondition(lambda self: self.people)
    def step(self, k, redo):
        person, _ = self._who(k)
        if not redo:
            self.undid.add(k % len(self.people))
        (self.doc.redo if redo else self.doc.undo)(origin=person)

    @rule(k=st.integers(0, 2), part=st.sampled_from([("cta", "headline"), ("meta", "name")]))
    @precondition(lambda self: self.people)
    def type_part(self, k, part):
        person, browser = self._who(k)
        box = browser.watch(*part)
        self.count += 1
        token = f"~{self.count}~"
        sent = box.type(box.value + " " + token)
        if sent:
            browser.up.append(sent)
        self.typed[token] = (k % len(self.people), part[0])

    @rule(k=st.integers(0, 2), size=st.integers(1, 120))
    @precondition(lambda self: self.people)
    def type_long(self, k, size):
        """A long stretch pasted at the outro headline's end (its cap is 300): two at once may merge past it."""
        _, browser = self._who(k)
        box = browser.watch("cta", "headline")
        self.count += 1
        token = f"~{self.count}~"
        value = box.value + " " + token + "x" * size
        if len(value) <= 300:
            sent = box.type(value)
            if sent:
                browser.up.append(sent)
            self.typed[token] = (k % len(self.people), "cta")

    @rule(k=st.integers(0, 2), i=st.integers(0, 30))
    @precondition(lambda self: self.people)
    def whole_value(self, k, i):
        """A box without the change protocol sends its whole new value (``set_slide_text``)."""
        person, browser = self._who(k)
        browser.replica.pull()  # on the text it shows now: a whole value typed on an older one is matched to it by
        ids = browser.replica.slide_ids()  # its characters, and a token may be matched to one another deleted
        if not ids:
            return
        index = i % len(ids)
        self.count += 1
        token = f"~{self.count}~"
        try:
            self.doc.set_slide_text(index, body=token + " " + browser.replica.text(ids[index], "body"), origin=person)
            self.typed[token] = (k % len(self.people), ids[index])
            self.whole.add(token)
        except EditError:
            pass

    @rule(k=st.integers(0, 2), name=st.sampled_from(["Acme", "Zed & Co", ""]))
    @precondition(lambda self: self.people)
    def brand(self, k, name):
        try:
            self.doc.set_brand(origin=self._who(k)[0], name=name)
        except EditError:
            pass

    @rule(k=st.integers(0, 2))
    @precondition(lambda self: self.people)
    def leave_and_return(self, k):
        """The tab closes once its typing was answered, and the person comes back in a new one."""
        _, browser = self._who(k)
        browser.settle()
        browser.channel.close()
        browser.open()

    @rule(k=st.integers(0, 2))
    @precondition(lambda self: self.people)
    def reload(self, k):
        """The page loads again: its unanswered typing is put back (``put_back``), once."""
        person, browser = self._who(k)
        for (slide, field), box in list(browser.boxes.items()):
            if box.value != box.base:
                try:
                    self.doc.put_back(slide, field, [box.base], box.value, origin=person)
                except EditError:
                    pass
        browser.channel.close()
        browser.open()

    @invariant()
    def agree_when_settled(self):
        if not self.people:
            return
        for browser in self.browsers:
            browser.settle()
        for browser in self.browsers:
            browser.settle()
        merged = self.doc.hub.carousel()
        assert self.doc.carousel == merged
        for browser in self.browsers:
            browser.replica.pull()
            assert browser.replica.carousel() == merged
            visible = set(browser.replica.slide_ids())
            for (slide, field), box in browser.boxes.items():
                expected = browser.replica.text(slide, field) if slide in visible or slide in PART_TEXTS else ""
                assert box.value == expected, (slide, field, box.value, expected)
        self._no_token_lost()

    def _no_token_lost(self):
        hub = self.doc.hub
        texts = []
        with hub.doc.transaction():
            for slide_id in hub.doc["slides"].keys():
                texts += [str(hub.doc["slides"][slide_id][f]) for f in SLIDE_TEXTS]
            texts += [str(hub.doc[part][f]) for part, fields in PART_TEXTS.items() for f in fields]
        texts += [kept.typed for entries in hub.kept.values() for kept in entries]
        texts += [told for browser in self.browsers for told in browser.told]  # cut at a cap: quoted to the typist
        found = set(TOKEN.findall(" ".join(texts)))
        present = set(hub.doc["slides"].keys())
        for token, (who, slide) in self.typed.items():
            if token in found or who in self.undid or (slide not in present and slide not in PART_TEXTS) \
                    or (self.merged and token in self.alt) or (self.undid and token in self.whole):
                continue
            raise AssertionError(f"{token} typed by P{who} into {slide} is nowhere")


def run(examples: int, seed: int | None = None) -> None:
    from hypothesis import HealthCheck, settings
    from hypothesis import seed as hseed
    test = Session.TestCase
    test.settings = settings(max_examples=examples, stateful_step_count=30, deadline=None,
                             suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    case = test("runTest")
    if seed is not None:
        hseed(seed)(case.runTest)
    case.runTest()


@pytest.mark.slow
def test_random_two_and_three_person_sessions_agree_keep_every_token_and_never_crash(tmp_path):
    script = textwrap.dedent(f"""
        import faulthandler, sys
        faulthandler.enable()
        sys.path[:0] = [{str(Path(__file__).parent)!r}, {str(Path(__file__).parent.parent)!r}]
        import test_share_s22_hunt as hunt
        hunt.run(60)
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stdout[-4000:] + done.stderr[-4000:]
