"""A failure's message as the creator reads it: a sentence, with the names they gave kept as written."""
from __future__ import annotations

import pytest

from components.view import creator_message
from studio.image import ImageError, load_image


@pytest.mark.parametrize(("told", "shown"), [
    ("the project file is damaged.", "The project file is damaged."),
    ("sample-archive.zip is not an image this studio can read.", "sample-archive.zip is not an image this studio can read."),
    ("@acme_co is not a handle X allows.", "@acme_co is not a handle X allows."),
    ("x", "X"),
    ("", "ImageError"),
])
def test_a_message_starts_with_a_capital_unless_it_starts_with_a_name(told, shown):
    assert creator_message(ImageError(told)) == shown


def test_an_unreadable_uploads_file_name_is_shown_as_it_was_given():
    with pytest.raises(ImageError) as caught:
        load_image(b"PK\x03\x04 not an image", name="sample-archive.zip")
    assert creator_message(caught.value).startswith("sample-archive.zip ")
