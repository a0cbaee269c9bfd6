"""Share mode under many random sessions of two people (strip edits, typing, undo, redo, one person's
edits grouped into one undo step): the server process never dies and every text read is fresh. A segmentation fault cannot be
caught, so the sessions run in a subprocess, which must exit 0."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SESSIONS, STEPS = 80, 30

SCRIPT = """
import faulthandler, random, sys
faulthandler.enable()
sys.path.insert(0, {root!r})
import studio.share.document as shared
shared.Replica.__init__.__kwdefaults__["capture_ms"] = 600_000  # grouped however slow the machine
shared.SharedDocument.replica.__kwdefaults__["capture_ms"] = 600_000
from studio.app import Person
from studio.app.document import EditError
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument

OPS = ["title", "body", "move_slide", "duplicate_slide", "delete_slide", "split_slide", "merge_with_next",
       "add_slide", "undo", "undo", "redo"]
for seed in range({sessions}):
    rnd = random.Random(seed)
    doc = CoDocument(sample_carousel())
    people = [Person(name="Ada"), Person(name="Bob")]
    for step in range({steps}):
        who, op = rnd.choice(people), rnd.choice(OPS)
        n = len(doc.carousel.slides)
        i, j = rnd.randrange(n), rnd.randrange(n)
        try:
            if op == "title":
                doc.set_slide_text(i, title=doc.carousel.slides[i].title + f" w{{step}}", origin=who)
            elif op == "body":
                doc.set_slide_text(i, body=f"p{{step}} " + doc.carousel.slides[i].body, origin=who)
            elif op in ("undo", "redo"):
                getattr(doc, op)(origin=who)
            else:
                getattr(doc, op)(*((i, j) if op == "move_slide" else (i,)), origin=who)
        except EditError:
            pass
        for person in people:  # every text read is the document's (a text of a slide taken out read "")
            replica = doc.replica(person)
            carousel, ids = replica.read()
            for slide, slide_id in zip(carousel.slides, ids):
                assert replica.text(slide_id, "title") == slide.title, (seed, step)
                assert replica.text(slide_id, "body") == slide.body, (seed, step)
    assert doc.carousel == doc.hub.carousel()
    assert all(doc.replica(p).carousel() == doc.carousel for p in people)
print("sessions done", {sessions})
"""


@pytest.mark.slow
def test_random_sessions_of_two_people_with_grouped_undo_never_kill_the_server(tmp_path):
    script = tmp_path / "sessions.py"
    script.write_text(textwrap.dedent(SCRIPT.format(root=str(ROOT), sessions=SESSIONS, steps=STEPS)))
    done = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]  # -11: a segmentation fault killed the process
    assert done.stdout.strip().endswith(f"sessions done {SESSIONS}")
