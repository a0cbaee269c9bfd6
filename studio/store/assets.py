"""Images stored once, as files named by their content: ``assets/<sha256>.<ext>``.

The database keeps only a small reference per image (``{"$asset": sha256, "mime",
"width", "height"}``); ``dehydrate`` swaps images for references on the way in
and ``inflate`` swaps them back on the way out. A file's name is its hash, so a
file is written once, never changed, and can be checked against its name.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..atomic import atomic_write
from ..image import Image, ImageError, check_image, load_image
from ..limits import MAX_IMAGE_BYTES

REF_KEY = "$asset"
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}
_SHA256_RE = re.compile(r"[0-9a-f]{64}")


class MissingAsset(LookupError):
    """An image referenced by the database is missing or damaged on disk."""


def accept_image(image: Image, name: str = "image") -> Image:
    """An image from outside (an imported kit): keep it if it is a clean JPEG/PNG, else re-encode it.

    Re-encoding goes through ``load_image`` (validation, sRGB, downscaling), so
    anything the studio could not draw is refused with an ImageError.
    """
    try:
        check_image(image, name)
    except ImageError:
        return load_image(image.data, name=name)
    if max(image.width, image.height) > 2160:  # larger than the studio keeps: downscale
        return load_image(image.data, name=name)
    return image


class AssetStore:
    """Content-addressed image files with a small in-memory cache of recently read ones."""

    def __init__(self, folder: Path, cache_items: int = 64) -> None:
        self.folder = Path(folder)
        self._known: set[str] = set()
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_items = cache_items
        self._lock = threading.Lock()

    def path(self, sha256: str, mime: str) -> Path:
        return self.folder / f"{sha256}.{_EXTENSIONS[mime]}"

    def put(self, image: Image) -> dict[str, Any]:
        """Store an image (once) and return its reference; ImageError if the bytes are not that image."""
        sha = image.sha256
        if sha not in self._known:
            path = self.path(sha, image.mime)
            if not (path.exists() and _hash_file(path) == sha):
                check_image(image)
                self.folder.mkdir(parents=True, exist_ok=True)
                atomic_write(path, image.data)
            self._known.add(sha)
        return {REF_KEY: sha, "mime": image.mime, "width": image.width, "height": image.height}

    def get(self, ref: dict[str, Any]) -> bytes:
        """The bytes of a referenced image, checked against its hash (MissingAsset if gone or damaged)."""
        sha, mime = ref.get(REF_KEY), ref.get("mime")
        # The name becomes a file name: only a sha256 in hex, so no reference can leave the folder.
        if not isinstance(sha, str) or not _SHA256_RE.fullmatch(sha) or mime not in _EXTENSIONS:
            raise MissingAsset(f"a damaged image reference {str(sha)[:16]!r}")
        with self._lock:
            data = self._cache.get(sha)
            if data is not None:
                self._cache.move_to_end(sha)
                return data
        try:
            with open(self.path(sha, mime), "rb") as f:
                data = f.read(MAX_IMAGE_BYTES + 1)
        except (OSError, ValueError):
            raise MissingAsset(f"image {sha[:12]} is missing from {self.folder}") from None
        if hashlib.sha256(data).hexdigest() != sha:
            raise MissingAsset(f"image {sha[:12]} in {self.folder} is damaged")
        with self._lock:
            self._cache[sha] = data
            while len(self._cache) > self._cache_items:
                self._cache.popitem(last=False)
        self._known.add(sha)
        return data

    def dehydrate(self, obj: Any) -> Any:
        """Like ``schema.to_dict`` but every Image is stored as a file and becomes a reference."""
        if isinstance(obj, Image):
            return self.put(obj)
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return {f.name: self.dehydrate(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                    if f.metadata.get("serialize", True)}
        if isinstance(obj, (list, tuple)):
            return [self.dehydrate(v) for v in obj]
        if isinstance(obj, dict):
            return {k: self.dehydrate(v) for k, v in obj.items()}
        if isinstance(obj, bytes):
            return base64.b64encode(obj).decode("ascii")
        return obj

    def inflate(self, data: Any, problems: list[str] | None = None) -> Any:
        """Put the image bytes (base64) back where ``dehydrate`` left references.

        A missing or damaged image becomes None (or leaves its list) and is
        described in ``problems``; the rest of the record still loads.
        """
        if isinstance(data, dict):
            if REF_KEY in data:
                try:
                    raw = self.get(data)
                except MissingAsset as exc:
                    if problems is not None:
                        problems.append(str(exc))
                    return None
                out = {k: v for k, v in data.items() if k != REF_KEY}
                out["data"] = base64.b64encode(raw).decode("ascii")
                return out
            return {k: self.inflate(v, problems) for k, v in data.items()}
        if isinstance(data, list):
            items = [self.inflate(v, problems) for v in data]
            return [v for v, old in zip(items, data) if not (v is None and isinstance(old, dict) and REF_KEY in old)]
        return data


def _hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
