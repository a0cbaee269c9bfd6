"""Image: a validated, downscaled picture carried by value inside the model.

A photo, avatar or logo is held as its encoded bytes (JPEG for photos, PNG when
it has transparency) so a carousel is self-contained: it pickles for export
workers, serialises with its images embedded, and renders without any file
lookups. The store keeps the bytes content-addressed on disk by ``sha256``.
"""
from __future__ import annotations

import base64
import hashlib
import io
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from . import limits

if TYPE_CHECKING:
    from PIL import Image as PILImage

MAX_INPUT_SIDE = limits.MAX_IMAGE_SIDE
MAX_INPUT_BYTES = limits.MAX_IMAGE_BYTES
MAX_INPUT_PIXELS = limits.MAX_IMAGE_PIXELS
STORED_MAX_SIDE = 2160  # 2x the widest export (1080 px) — enough for 2x and crisp 3x crops
_MIMES = {"JPEG": "image/jpeg", "PNG": "image/png"}
_FORMATS = {mime: fmt for fmt, mime in _MIMES.items()}


class ImageError(ValueError):
    """An image that cannot be used; the message is meant for the user."""


@dataclass(frozen=True, eq=False)
class Image:
    """An encoded image (JPEG or PNG) with its pixel size."""

    data: bytes = field(repr=False)
    mime: str = "image/jpeg"
    width: int = 0
    height: int = 0

    def __post_init__(self) -> None:
        if self.mime not in _MIMES.values():
            raise ValueError(f"mime must be image/jpeg or image/png, not {self.mime!r}")
        if self.width <= 0 or self.height <= 0:
            raise ValueError("width and height must be positive")

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def extension(self) -> str:
        return "png" if self.mime == "image/png" else "jpg"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Image) and other.sha256 == self.sha256

    def __hash__(self) -> int:
        return hash(self.sha256)


def _pillow():
    """Pillow's Image and ImageOps, imported on first use: listing an archive's threads needs no picture."""
    from PIL import Image as pil_image
    from PIL import ImageOps
    return pil_image, ImageOps


def load_image(data: bytes, *, max_side: int = STORED_MAX_SIDE, name: str = "image") -> Image:
    """Validate raw upload bytes and return an sRGB JPEG/PNG no larger than ``max_side``.

    Raises ImageError with a message a creator understands (too large, not an image…).
    """
    if not data:
        raise ImageError(f"{name} is empty.")
    if len(data) > MAX_INPUT_BYTES:
        raise ImageError(f"{name} is {len(data) / 2**20:.0f} MB; the limit is {MAX_INPUT_BYTES // 2**20} MB.")
    PILImage, ImageOps = _pillow()  # noqa: N806 - the module's usual name
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            img = PILImage.open(io.BytesIO(data))
            w, h = img.size
            if max(w, h) > MAX_INPUT_SIDE:
                raise ImageError(f"{name} is {w}×{h} px; the limit is {MAX_INPUT_SIDE} px a side.")
            if w * h > MAX_INPUT_PIXELS:
                raise ImageError(f"{name} is {w}×{h} px ({w * h / 1e6:.0f} megapixels); the limit is "
                                 f"{MAX_INPUT_PIXELS / 1e6:.0f} megapixels. Save a smaller copy and try again.")
            img.draft(img.mode, (max_side, max_side))  # JPEG: decode at a reduced scale, a fraction of the memory
            img.load()
    except ImageError:
        raise
    except PILImage.DecompressionBombError:  # refused by Pillow before we could read the size
        raise ImageError(f"{name} is far too large; the limit is {MAX_INPUT_SIDE} px a side.") from None
    except (PILImage.UnidentifiedImageError, OSError, SyntaxError, ValueError,
            PILImage.DecompressionBombWarning):
        raise ImageError(f"{name} is not an image this studio can read (use JPEG, PNG, WebP or GIF).") from None
    img = ImageOps.exif_transpose(img)
    has_alpha = img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info)
    img = _to_srgb(img, has_alpha)
    if max(img.size) > max_side:
        img.thumbnail((max_side, max_side), PILImage.Resampling.LANCZOS)
    data, mime = encode(img, alpha=has_alpha)
    return Image(data, mime, img.width, img.height)


def encode(pixels: PILImage.Image, *, alpha: bool, quality: int = 88) -> tuple[bytes, str]:
    """(bytes, mime) of pixels as the studio keeps pictures: PNG when they have transparency, else JPEG."""
    out = io.BytesIO()
    if alpha:
        pixels.save(out, "PNG", optimize=True)
        return out.getvalue(), "image/png"
    pixels.convert("RGB").save(out, "JPEG", quality=quality, optimize=True, progressive=False)
    return out.getvalue(), "image/jpeg"


def data_url(data: bytes, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def check_image(image: Image, name: str = "image") -> None:
    """Check that an Image's bytes really are the JPEG/PNG of the size it claims, small enough to decode
    and readable to the last byte (ImageError if not)."""
    if len(image.data) > MAX_INPUT_BYTES:
        raise ImageError(f"{name} is larger than {MAX_INPUT_BYTES // 2**20} MB.")
    PILImage, _ = _pillow()  # noqa: N806
    try:
        with PILImage.open(io.BytesIO(image.data)) as img:
            fmt, size = img.format, img.size
            if fmt != _FORMATS[image.mime]:
                raise ImageError(f"{name} says {image.mime} but holds {fmt or 'something else'}.")
            if max(size) > MAX_INPUT_SIDE:
                raise ImageError(f"{name} is {size[0]}×{size[1]} px; the limit is {MAX_INPUT_SIDE} px a side.")
            img.load()
    except ImageError:
        raise
    except Exception:  # Pillow raises many types for broken data
        raise ImageError(f"{name} is not a readable image.") from None
    if size != (image.width, image.height):
        raise ImageError(f"{name} says it is {image.width}×{image.height} px but is {size[0]}×{size[1]} px.")


def _to_srgb(img: PILImage.Image, has_alpha: bool) -> PILImage.Image:
    icc = img.info.get("icc_profile")
    mode = "RGBA" if has_alpha else "RGB"
    if icc:
        try:
            from PIL import ImageCms
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            dst = ImageCms.createProfile("sRGB")
            if img.mode not in ("RGB", "RGBA"):
                img = img.convert(mode)
            return ImageCms.profileToProfile(img, src, dst, outputMode=mode)
        except Exception:  # a broken profile: fall back to the plain pixels
            pass
    return img.convert(mode)
