"""Builders shared by the hostile-input tests."""
from __future__ import annotations

import json

from studio.carousel import Carousel
from studio.project_file import carousel_to_json
from studio.slide import Slide


def project_json(title: str = "Hook", **carousel_fields) -> str:
    """A valid project file whose cover slide has ``title`` written as a JSON escape (lone surrogates survive)."""
    text = carousel_to_json(Carousel(name="Poison test", slides=[Slide("cover", "PLACEHOLDER"), Slide(body="body")],
                                     **carousel_fields), indent=None)
    return text.replace('"PLACEHOLDER"', json.dumps(title, ensure_ascii=True))
