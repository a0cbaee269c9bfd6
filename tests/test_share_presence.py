"""Presence: names, initials, who is where, and the "shared with N people" line."""
from __future__ import annotations

import pytest

from studio.share.presence import BadName, People, clean_name, initials


def test_initials_from_first_and_last_word():
    assert initials("Ada Lovelace") == "AL"
    assert initials("ada") == "A"
    assert initials("Jean-Luc de la Croix") == "JC"
    assert initials("李雷") == "李"
    assert initials("👩‍💻 Sam") == "👩‍💻S"


def test_names_are_tidied_or_refused_with_a_reason():
    assert clean_name("  Ada   Lovelace ") == "Ada Lovelace"
    with pytest.raises(BadName, match="Type a name"):
        clean_name("   ")
    with pytest.raises(BadName, match="invisible"):
        clean_name("Ada\x00")
    with pytest.raises(BadName, match="under 40"):
        clean_name("x" * 41)


def test_people_join_move_and_leave_and_listeners_hear_it():
    people = People()
    heard = []
    people.subscribe(lambda: heard.append(len(people.members)))
    ada, bob = people.join("Ada"), people.join("Bob")
    assert ada.colour != bob.colour
    assert people.summary(ada) == "You and 1 other"
    people.move(bob, "slide-1")
    people.move(bob, "slide-1")  # no move, no announcement
    assert people.on("slide-1") == [bob]
    people.leave(bob)
    assert people.summary(ada) == "Shared, nobody else here yet"
    assert heard == [1, 2, 2, 1]
