"""A question asked in a dialog (components.ask): the chosen answer comes back, and a browser that leaves while
the dialog is open leaves nothing to clean up (deleting the dialog again raised ValueError in the server log)."""
from __future__ import annotations

import asyncio

import pytest
from nicegui import ui

from components.ask import ask
from ui_helpers import click, until


def asking(studio, answers):
    async def question():
        with studio.client:  # a task of its own, as the panels' questions are
            return await ask("Keep it?", "A question.", answers, testid="q")
    return asyncio.create_task(question())


def dialogs(studio) -> list:
    with studio:
        return [e for e in studio.client.elements.values() if isinstance(e, ui.dialog)]


async def test_the_chosen_answer_comes_back_and_a_browser_leaving_a_question_leaves_no_error(studio, testid):
    before = len(dialogs(studio))
    question = asking(studio, [("yes", "Yes"), ("no", "No")])
    await until(lambda: testid(studio, "q-no"))
    click(studio, testid(studio, "q-no")[0])
    assert await asyncio.wait_for(question, 10) == "no"
    assert len(dialogs(studio)) == before  # the dialog is gone
    # then a browser that leaves while the next question is open leaves no error
    question = asking(studio, [("yes", "Yes")])
    await until(lambda: testid(studio, "q-yes"))
    (dialog,) = [d for d in dialogs(studio) if d.props.get("data-testid") == "q"]
    dialog.parent_slot.parent.remove(dialog)  # what the page's deletion does to each of its elements
    question.cancel()  # the page's tasks end with it
    with pytest.raises(asyncio.CancelledError):  # not ValueError from deleting the dialog twice
        await question
    assert dialog.is_deleted
