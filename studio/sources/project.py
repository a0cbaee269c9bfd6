"""The studio's own project file (carousel JSON) as an import source."""
from __future__ import annotations

import dataclasses
import io
from typing import Any, Iterator

from PIL import Image as PILImage

from ..carousel import Carousel
from ..project_file import carousel_from_json
from ..image import MAX_INPUT_BYTES, MAX_INPUT_SIDE, Image
from ..schema import SchemaError
from .cleanup import clean_text
from .result import SourceError

PROJECT_LIMIT = 256 * 2**20
_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}


def read_project(data: str | bytes) -> Carousel:
    """A carousel from its versioned JSON file; every embedded image is checked.

    Images live inside the file (base64), never as a path, so opening a project
    cannot read anything else on the machine. Post texts run through clean_text.
    """
    if len(data) > PROJECT_LIMIT:
        raise SourceError(f"the project file is {len(data) / 2**20:.0f} MB; the limit is {PROJECT_LIMIT // 2**20} MB")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(f"not a carousel file: it is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} "
                              f"at offset {exc.start:,})") from None
    try:
        carousel = carousel_from_json(data)
    except SchemaError as exc:
        msg = str(exc)
        raise SourceError(msg if msg.startswith("not a carousel file") else f"damaged carousel file: {msg}") from None
    except RecursionError:
        raise SourceError("not a carousel file: the JSON is nested too deeply") from None
    for path, image in _images(carousel, "carousel"):
        _check_image(image, path)
    if carousel.thread is not None:
        for post in carousel.thread.posts:
            post.text = clean_text(post.text, html_markup=False)
    return carousel


def _images(obj: Any, path: str) -> Iterator[tuple[str, Image]]:
    """Every Image in a model tree, with the field path that holds it."""
    if isinstance(obj, Image):
        yield path, obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _images(getattr(obj, f.name), f"{path}.{f.name}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _images(item, f"{path}[{i}]")


def _check_image(image: Image, path: str) -> None:
    """Refuse an embedded image that is not the JPEG/PNG it claims to be, or too large to decode safely."""
    if len(image.data) > MAX_INPUT_BYTES:
        raise SourceError(f"damaged carousel file: {path} is larger than {MAX_INPUT_BYTES // 2**20} MB")
    try:
        with PILImage.open(io.BytesIO(image.data)) as img:
            fmt, size = img.format, img.size
            if max(size) > MAX_INPUT_SIDE:
                raise SourceError(f"damaged carousel file: {path} is {size[0]}×{size[1]} px "
                                  f"(limit {MAX_INPUT_SIDE} px a side)")
            img.verify()
    except SourceError:
        raise
    except Exception:  # Pillow raises many types for broken data
        raise SourceError(f"damaged carousel file: {path} is not a readable image") from None
    if fmt != _FORMATS[image.mime]:
        raise SourceError(f"damaged carousel file: {path} says {image.mime} but holds {fmt or 'unknown'} data")
