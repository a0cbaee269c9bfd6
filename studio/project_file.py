"""The project file: a carousel as versioned JSON (images embedded), read back with migrations and checks."""
from __future__ import annotations

import json
from typing import Any

from .carousel import Carousel
from .registry import check_carousel
from .schema import SchemaError, from_dict, to_dict

SCHEMA = 1
APP = "carousel-studio"


def carousel_to_json(carousel: Carousel, *, indent: int | None = 2) -> str:
    """The project file: versioned, images embedded as base64."""
    doc = {"app": APP, "schema": SCHEMA, "carousel": to_dict(carousel)}
    return json.dumps(doc, ensure_ascii=False, indent=indent, sort_keys=False)


def carousel_from_json(text: str | bytes) -> Carousel:
    """Read a project file; SchemaError names the field that is wrong."""
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SchemaError(f"not a carousel file: the JSON does not parse ({exc})") from None
    return carousel_from_doc(doc)


def carousel_from_doc(doc: Any) -> Carousel:
    """Build a carousel from parsed project JSON, migrating older schema versions."""
    if not isinstance(doc, dict) or "carousel" not in doc or "schema" not in doc:
        raise SchemaError('not a carousel file: expected {"schema": …, "carousel": {…}}')
    version = doc["schema"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SchemaError(f"schema: expected a whole number from 1 to {SCHEMA}, got {version!r}")
    if version > SCHEMA:
        raise SchemaError(f"schema: this file was written by a newer Carousel Studio "
                          f"(schema {version}; this one reads up to {SCHEMA}). Update the studio to open it.")
    data = doc["carousel"]
    for step in range(version, SCHEMA):
        data = MIGRATIONS[step](data)
    carousel = from_dict(Carousel, data, "carousel")
    check_carousel(carousel)
    return carousel


# MIGRATIONS[n] turns schema-n carousel data into schema n+1.
MIGRATIONS: dict[int, Any] = {}
