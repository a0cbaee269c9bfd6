"""Kit files: brand profiles and presets in one JSON file, images embedded, to share between machines.

Import is all or nothing: the whole file is read and checked (fields, types,
names, every image) before a single write, and the write is one transaction (``studio.app.kits``: the saved
profiles a kit's replaces go to the trash in it, and are taken back when it fails).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..brand import BrandProfile
from ..image import Image, ImageError
from ..limits import LimitError, parse_json
from ..preset import Preset, check_name
from ..registry import check, check_fonts
from ..schema import SchemaError, from_dict, to_dict
from ..sources.cleanup import removed_note, safe_fields
from ..sources.result import count
from .assets import accept_image
from .records import name_key
from .trash import KEEP_DAYS

KIT_KIND = "kits"
KIT_SCHEMA = 1
MAX_KIT_BYTES = 100 * 1024 * 1024
MAX_KIT_IMAGE_BYTES = 10 * 1024 * 1024
_TOP_FIELDS = ("app", "kind", "schema", "exported_at", "profiles", "presets")


@dataclass(frozen=True)
class ImportSummary:
    """What an import did; ``None`` counts mean that kind was not asked for."""

    profiles_added: int | None = 0
    profiles_replaced: int = 0
    presets_added: int | None = 0
    presets_replaced: int = 0
    left_out: str = ""  # e.g. "3 presets" in the file that were not asked for
    notes: tuple[str, ...] = ()  # texts made safe on the way in
    trashed: tuple[str, ...] = ()  # names of the saved profiles a different one replaced (kept in the trash)

    def __str__(self) -> str:
        parts = []
        if self.profiles_added is not None:
            parts.append(f"{count(self.profiles_added + self.profiles_replaced, 'profile')} "
                         f"({self.profiles_added} new, {self.profiles_replaced} replaced)")
        if self.presets_added is not None:
            parts.append(f"{count(self.presets_added + self.presets_replaced, 'preset')} "
                         f"({self.presets_added} new, {self.presets_replaced} replaced)")
        text = "imported " + " and ".join(parts)
        text += f"; {self.left_out} in the file were left out" if self.left_out else ""
        notes = (*self.notes, _trashed_note(self.trashed)) if self.trashed else self.notes
        return "".join([text, *(f"\n{note}" for note in notes)])


def _trashed_note(names: tuple[str, ...], shown: int = 3) -> str:
    """One line however many went to the trash: the first ``shown`` names, then how many more."""
    quoted = [f"“{name if len(name) <= 60 else name[:60] + '…'}”" for name in names[:shown]]
    if len(names) == 1:
        return (f"The saved profile {quoted[0]} differed from the kit's; it is in the trash for {KEEP_DAYS} days "
                "(restore it from there after renaming the imported one).")
    listed = ", ".join(quoted) + (f" and {len(names) - shown:,} more" if len(names) > shown else "")
    return (f"{len(names):,} saved profiles differed from the kit's; they are in the trash for {KEEP_DAYS} days "
            f"(restore one from there after renaming the imported one): {listed}.")


def kit_to_json(profiles: list[BrandProfile], presets: list[Preset], exported_at: str) -> bytes:
    doc = {"app": "carousel-studio", "kind": KIT_KIND, "schema": KIT_SCHEMA, "exported_at": exported_at,
           "profiles": [to_dict(p) for p in profiles], "presets": [to_dict(p) for p in presets]}
    return json.dumps(safe_fields(doc)[0], ensure_ascii=False, indent=1).encode("utf-8")


def read_kit(raw: bytes, source: str = "kit file",
             notes: list[str] | None = None) -> tuple[list[BrandProfile], list[Preset]]:
    """Parse and check a kit file completely; ValueError names the first problem.

    Texts are made safe first (``safe_fields``); what was removed is added to ``notes``.
    """
    if len(raw) > MAX_KIT_BYTES:
        raise ValueError(f"{source} is {len(raw) / 2**20:.0f} MB; a kit file may be at most "
                         f"{MAX_KIT_BYTES // 2**20} MB")
    try:
        doc = parse_json(raw, source)
    except LimitError as exc:
        message = str(exc).replace(" is not UTF-8 text", " is not a text file").replace(" does not parse (", " is not JSON (")
        raise ValueError(message) from None
    doc, changed = safe_fields(doc)
    if changed and notes is not None:
        notes.append(removed_note(source, changed))
    if not isinstance(doc, dict):
        raise ValueError(f"{source}: expected a JSON object with \"profiles\" and \"presets\"")
    unknown = sorted(set(doc) - set(_TOP_FIELDS))
    if unknown:
        raise ValueError(f"{source}: unknown field {unknown[0]!r} (known: {', '.join(_TOP_FIELDS)})")
    if doc.get("app", "carousel-studio") != "carousel-studio" or doc.get("kind", KIT_KIND) != KIT_KIND:
        raise ValueError(f"{source} is not a Carousel Studio kit file")
    version = doc.get("schema", KIT_SCHEMA)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"{source}: schema must be a whole number, not {version!r}")
    if version > KIT_SCHEMA:
        raise ValueError(f"{source} was written by a newer Carousel Studio (kit version {version}; "
                         f"this one reads up to {KIT_SCHEMA})")
    profiles = [_read_profile(item, f"profiles[{i}]") for i, item in enumerate(_list(doc, "profiles", source))]
    presets = [_read_preset(item, f"presets[{i}]") for i, item in enumerate(_list(doc, "presets", source))]
    _no_twins([p.name for p in profiles], "profiles")
    _no_twins([p.name for p in presets], "presets")
    return profiles, presets


def _list(doc: dict[str, Any], key: str, source: str) -> list[Any]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{source}: {key} must be a list")
    return value


def _read_profile(item: Any, where: str) -> BrandProfile:
    profile = from_dict(BrandProfile, item, where)
    check_fonts(profile, where)
    try:
        profile.name = check_name(profile.name, "name")
    except ValueError as exc:
        raise SchemaError(f"{where}.{exc}") from None
    return _vet_images(profile, where)


def _read_preset(item: Any, where: str) -> Preset:
    preset = from_dict(Preset, item, where)
    for key in ("format", "layout", "theme", "pattern"):
        if getattr(preset, key) is not None:
            check(key, getattr(preset, key), f"{where}.{key}")
    check_fonts(preset.typography, f"{where}.typography")
    if preset.profile is not None:
        check_fonts(preset.profile, f"{where}.profile")
        if preset.profile.name:
            try:
                preset.profile.name = check_name(preset.profile.name, "name")
            except ValueError as exc:
                raise SchemaError(f"{where}.profile.{exc}") from None
        _vet_images(preset.profile, f"{where}.profile")
    return preset


def _vet_images(profile: BrandProfile, where: str) -> BrandProfile:
    for key in ("avatar", "logo"):
        image = getattr(profile, key)
        if image is not None:
            setattr(profile, key, _vet_image(image, f"{where}.{key}"))
    return profile


def _vet_image(image: Image, where: str) -> Image:
    if len(image.data) > MAX_KIT_IMAGE_BYTES:
        raise SchemaError(f"{where}: the image is {len(image.data) / 2**20:.1f} MB; "
                          f"a kit image may be at most {MAX_KIT_IMAGE_BYTES // 2**20} MB")
    try:
        return accept_image(image, where)
    except ImageError as exc:
        raise SchemaError(str(exc)) from None


def _no_twins(names: list[str], what: str) -> None:
    """SchemaError when two names are one by the store's rule (``name_key``, for profiles and presets alike:
    case, spaces and Unicode form aside): the second would replace the first."""
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name_key(name) in seen:
            raise SchemaError(f"{what}[{i}].name: {name!r} appears twice in the file")
        seen.add(name_key(name))
