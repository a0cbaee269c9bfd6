"""Small generated images for tests (no files on disk)."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw

from studio.image import load_image


def tiny_jpeg(w: int = 400, h: int = 300, colour=(30, 120, 200)):
    im = Image.new("RGB", (w, h), colour)
    ImageDraw.Draw(im).ellipse([w // 4, h // 4, 3 * w // 4, 3 * h // 4], fill=(250, 200, 40))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=90)
    return load_image(out.getvalue())
