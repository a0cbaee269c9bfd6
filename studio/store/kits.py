"""Kit files: brand profiles and presets in one JSON file, images embedded, to share between machines.

Import is all or nothing: the whole file is read and checked (fields, types,
names, every image) before a single write, and the write is one transaction.
"""
from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..brand import BrandProfile
from ..canvas import FORMATS
from ..carousel import check_fonts
from ..image import Image, ImageError
from ..limits import LimitError, parse_json, read_capped
from ..preset import Preset, check_name
from ..schema import SchemaError, from_dict, to_dict
from ..sources.cleanup import removed_note, safe_fields
from .assets import accept_image
from .storage import atomic_write

if TYPE_CHECKING:
    from .database import Store

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

    def __str__(self) -> str:
        parts = []
        if self.profiles_added is not None:
            parts.append(f"{_count(self.profiles_added + self.profiles_replaced, 'profile')} "
                         f"({self.profiles_added} new, {self.profiles_replaced} replaced)")
        if self.presets_added is not None:
            parts.append(f"{_count(self.presets_added + self.presets_replaced, 'preset')} "
                         f"({self.presets_added} new, {self.presets_replaced} replaced)")
        text = "imported " + " and ".join(parts)
        text += f"; {self.left_out} in the file were left out" if self.left_out else ""
        return "".join([text, *(f"\n{note}" for note in self.notes)])


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


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
    for key, value in (("layout", preset.layout), ("theme", preset.theme), ("pattern", preset.pattern)):
        known = _registry(key)
        if value is not None and known is not None and value not in known:
            raise SchemaError(f"{where}.{key}: unknown {key} {value!r}; this studio has: {', '.join(known)}")
    if preset.format not in FORMATS:
        raise SchemaError(f"{where}.format: unknown format {preset.format!r}; this studio has: {', '.join(FORMATS)}")
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


def _registry(key: str) -> list[str] | None:
    """The keys this studio knows for a preset setting, or None when that registry is not available."""
    module_name, attr = {"layout": ("layouts", "LAYOUTS"), "theme": ("theme", "THEMES"),
                         "pattern": ("pattern", "PATTERNS")}[key]
    try:
        module = importlib.import_module(f"studio.{module_name}")
        return list(getattr(module, attr))
    except (ImportError, AttributeError):
        return None


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
    seen: set[str] = set()
    for i, name in enumerate(names):
        if name.casefold() in seen:
            raise SchemaError(f"{what}[{i}].name: {name!r} appears twice in the file")
        seen.add(name.casefold())


def export_kits(store: "Store", path: Path, profile_ids: list[str] | None,
                preset_names: list[str] | None) -> tuple[int, int]:
    from .database import StoreError, now_iso
    if profile_ids is None:
        profiles = [p for _, p in store.list_profiles()]
    else:
        profiles = [store.get_profile(pid) for pid in profile_ids]
    if preset_names is None:
        presets = store.list_presets()
    else:
        presets = [store.get_preset(name) for name in preset_names]
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give a file name such as kits.json")
    if not path.parent.is_dir():
        raise StoreError(f"the folder {path.parent} does not exist")
    try:
        atomic_write(path, kit_to_json(profiles, presets, now_iso()))
    except OSError as exc:
        raise StoreError(f"could not write {path}: {exc.strerror or exc}") from None
    return len(profiles), len(presets)


def import_kits(store: "Store", path: Path, profiles: bool = True, presets: bool = True) -> ImportSummary:
    from .database import StoreError
    try:
        raw = read_capped(path, MAX_KIT_BYTES)
    except LimitError as exc:
        raise StoreError(str(exc).replace("; the limit is", "; a kit file may be at most")) from None
    except FileNotFoundError:
        raise StoreError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a kit file") from None
    except OSError as exc:
        raise StoreError(f"could not read {path}: {exc.strerror or exc}") from None
    try:
        notes: list[str] = []
        kit_profiles, kit_presets = read_kit(raw, path.name, notes)
    except ValueError as exc:
        message = str(exc)
        raise StoreError(message if message.startswith(path.name) else f"{path.name}: {message}") from None
    left_out = [_count(len(items), word) for items, word, wanted in
                ((kit_profiles, "profile", profiles), (kit_presets, "preset", presets)) if items and not wanted]
    kit_profiles, kit_presets = kit_profiles if profiles else [], kit_presets if presets else []
    added = replaced = p_added = p_replaced = 0
    with store._tx(write=True):  # one transaction: every record is written, or none
        existing_presets = {p.name for p in store.list_presets()}
        for profile in kit_profiles:
            ids = store.find_profiles(profile.name)
            store.save_profile(profile, ids[0] if ids else None)
            added, replaced = (added, replaced + 1) if ids else (added + 1, replaced)
        for preset in kit_presets:
            store.save_preset(preset)
            if preset.name in existing_presets:
                p_replaced += 1
            else:
                p_added += 1
    return ImportSummary(added if profiles else None, replaced, p_added if presets else None, p_replaced,
                         " and ".join(left_out), tuple(notes))
