"""Presence: who is editing the shared studio right now, and on which slide.

Each open browser is one ``Member`` of ``People``: the name its person chose on their first visit
(the browser remembers it), a colour, and the slide they are on. The studio's top bar and slide
strip show their initials; "shared with N people" counts them.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import regex

MAX_NAME = 40
COLOURS = ("#e4572e", "#2e86ab", "#76b041", "#a23b72", "#f18f01", "#3b1f2b", "#17bebb", "#6d5dfc")


class BadName(ValueError):
    """A name that cannot be shown; the message says why."""


def clean_name(name: str) -> str:
    """The name as it is shown: spaces tidied, control characters refused, at most MAX_NAME long."""
    name = " ".join(name.split())
    if not name:
        raise BadName("Type a name, so the others see who is editing.")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") and c not in "\u200d" for c in name):
        raise BadName("The name has invisible characters; type it again.")
    if len(name) > MAX_NAME:
        raise BadName(f"Keep the name under {MAX_NAME} characters.")
    return name


def initials(name: str) -> str:
    """"Ada Lovelace" → "AL", "ada" → "A", "李雷" → "李": first letter of the first and last word."""
    words = name.split()
    if not words:
        return "?"
    first = regex.match(r"\X", words[0]).group()
    last = regex.match(r"\X", words[-1]).group() if len(words) > 1 else ""
    return (first + last).upper()


@dataclass(eq=False)
class Member:
    """One open browser: its person's name and colour, and where they are."""

    name: str
    colour: str
    slide: str | None = None  # the id of the slide they are on
    project: Any = None  # the project they have open (its desk: a new project has no id yet)
    project_name: str = ""

    @property
    def initials(self) -> str:
        return initials(self.name)


class People:
    """Everyone here; listeners hear every arrival, departure, rename and move."""

    def __init__(self) -> None:
        self.members: list[Member] = []
        self._listeners: list[Callable[[], Any]] = []
        self._joined = 0

    def join(self, name: str) -> Member:
        member = Member(clean_name(name), COLOURS[self._joined % len(COLOURS)])
        self._joined += 1
        self.members.append(member)
        self._announce()
        return member

    def leave(self, member: Member) -> None:
        if member in self.members:
            self.members.remove(member)
            self._announce()

    def rename(self, member: Member, name: str) -> None:
        member.name = clean_name(name)
        self._announce()

    def move(self, member: Member, slide: str | None, project: Any = None, project_name: str = "") -> None:
        if (member.slide, member.project, member.project_name) != (slide, project, project_name):
            member.slide, member.project, member.project_name = slide, project, project_name
            self._announce()

    def on(self, slide: str, project: Any = None) -> list[Member]:
        """Who is on this slide."""
        return [m for m in self.members if m.slide == slide and m.project == project]

    def summary(self, viewer: Member | None = None) -> str:
        """"You and 3 others": the viewer and everyone else here (the faces beside it show them all)."""
        others = len([m for m in self.members if m is not viewer])
        return "Shared, nobody else here yet" if others == 0 else \
            f"You and {others} {'other' if others == 1 else 'others'}"

    def subscribe(self, listener: Callable[[], Any]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _announce(self) -> None:
        for listener in list(self._listeners):
            listener()
