"""Small JPEG/PNG data URLs of model images for cards and thumbnails (cached by content hash)."""
from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image as PILImage

from studio.image import Image, data_url, encode


def thumbnail_url(image: Image, size: int) -> str:
    """A data URL of ``image`` no larger than ``size`` px a side."""
    return _thumbnail(image.sha256, size, image)


@lru_cache(maxsize=512)
def _thumbnail(sha256: str, size: int, image: Image) -> str:  # the hash is the cache key
    picture = PILImage.open(io.BytesIO(image.data))
    picture.thumbnail((size, size))
    return data_url(*encode(picture, alpha=picture.mode in ("RGBA", "LA", "P"), quality=80))
