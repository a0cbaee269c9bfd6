"""Agency kits: brand profiles and presets written to one file and added from one (all or nothing).

Reading, checking and writing the file's JSON is ``studio.store.kits`` (pure); here is the
action that moves kits between a file and the store, for the studio and the CLI.
"""
from __future__ import annotations

from pathlib import Path

from .. import limits
from ..limits import LimitError, read_capped
from ..sources.result import count
from ..store import Store, StoreError
from ..store.records import name_key, now_iso
from ..store.kits import MAX_KIT_BYTES, ImportSummary, kit_to_json, read_kit
from ..atomic import atomic_write
from ..export.outpath import check_output
from ..export.report import ExportError
from .projects import over_caps_notice


def export_kits(store: Store, path: Path, profile_ids: list[str] | None,
                preset_names: list[str] | None) -> tuple[int, int]:
    if profile_ids is None:
        profiles = [p for _, p in store.profiles.all()]
    else:
        profiles = [store.profiles.get(pid) for pid in profile_ids]
    if preset_names is None:
        presets = store.presets.all()
    else:
        presets = [store.presets.get(name) for name in preset_names]
    _refuse_look_alike_presets(presets)
    for items, word in ((profiles, "profiles"), (presets, "presets")):
        if len(items) > limits.MAX_KIT_RECORDS:  # a file the import would refuse
            raise StoreError(f"a kit file may hold at most {limits.MAX_KIT_RECORDS:,} {word}; choose fewer than "
                             f"these {len(items):,}. Nothing was written.")
    check_kit_path(store, path)
    try:  # a device or a pipe is never replaced by a file, whoever calls (the CLI asks about a file first)
        check_output(path, force=True)
    except ExportError as exc:
        raise StoreError(str(exc)) from None
    try:
        atomic_write(path, kit_to_json(profiles, presets, now_iso()))
    except OSError as exc:
        raise StoreError(f"could not write {path}: {exc.strerror or exc}") from None
    return len(profiles), len(presets)


def check_kit_path(store: Store, path: Path) -> None:
    """StoreError when a kit file may not be written at ``path``: a folder, a missing folder, or anywhere in the
    data folder (its database, backups and images are the export's input: ``--force`` never replaces them)."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give a file name such as kits.json")
    if not path.parent.is_dir():
        raise StoreError(f"the folder {path.parent} does not exist")
    data_dir = Path(store.data_dir).resolve()
    if path.resolve() == data_dir or data_dir in path.resolve().parents:
        raise StoreError(f"{path} is inside the data folder {store.data_dir}, whose files the studio keeps (the "
                         "profiles and presets being exported); choose a path outside it. Nothing was written.")


def import_kits(store: Store, path: Path, profiles: bool = True, presets: bool = True) -> ImportSummary:
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
    for items, word in ((kit_profiles, "profiles"), (kit_presets, "presets")):
        refuse_too_many(items, word, path.name)
    notes += [over_caps_notice(f"The profile “{limits.cut(p.name, 60)}”", over)
              for p in kit_profiles if (over := limits.profile_over_caps(p))]
    notes += [over_caps_notice(f"The preset “{limits.cut(p.name, 60)}”", over)
              for p in kit_presets if (over := limits.preset_over_caps(p))]
    left_out = [count(len(items), word) for items, word, wanted in
                ((kit_profiles, "profile", profiles), (kit_presets, "preset", presets)) if items and not wanted]
    kit_profiles, kit_presets = kit_profiles if profiles else [], kit_presets if presets else []
    added = replaced = p_added = p_replaced = 0
    displaced: list[dict] = []  # saved profiles that differed from the kit's: they wait in the trash
    in_trash: list[Path] = []
    try:
        with store.transaction(write=True):  # every record is written, or none
            preset_names = store.presets.names()  # by name_key, read once
            saved = _profile_ids(store)  # read once: a lookup per profile over all saved ones made an import quadratic
            for profile in kit_profiles:
                key = name_key(profile.name)
                old = saved.get(key)
                if old is None:
                    saved[key] = store.profiles.save(profile)
                    added += 1
                    continue
                replaced += 1
                if (doc := store.profiles.replace(profile, old)) is not None:
                    displaced.append(doc)
            for preset in kit_presets:
                if name_key(preset.name) in preset_names:
                    p_replaced += 1
                else:
                    p_added += 1
                store.presets.save(preset, preset_names)
            # Last, in one batch, still under the lock: in the trash before the import is committed.
            in_trash = store.trash.put_profiles(displaced)
    except BaseException:
        store.trash.take_back(in_trash)  # nothing was imported: no trash copy of a profile never replaced
        raise
    trashed = [str(doc["profile"].get("name", "")) for doc in displaced]
    return ImportSummary(added if profiles else None, replaced, p_added if presets else None, p_replaced,
                         " and ".join(left_out), tuple(notes), tuple(trashed))


def _refuse_look_alike_presets(presets: list) -> None:
    """StoreError when two presets an older studio kept apart are one name by today's rule (``name_key``): the
    kit could not be imported ("appears twice"). Nothing is renamed for the creator; they choose."""
    seen: dict[str, str] = {}
    for preset in presets:
        other = seen.setdefault(name_key(preset.name), preset.name)
        if other != preset.name:
            raise StoreError(f"The presets “{limits.cut(other, 60)}” and “{limits.cut(preset.name, 60)}” "
                             "count as one name in a kit (the same letters, whatever their case or how an accent was "
                             "typed); rename one of them, then export again. Nothing was written.")


def refuse_too_many(items: list, word: str, file_name: str) -> None:
    """StoreError when one kit file holds more than MAX_KIT_RECORDS profiles (or presets)."""
    if len(items) > limits.MAX_KIT_RECORDS:
        raise StoreError(f"{file_name} holds {len(items):,} {word}; a kit file may hold at most "
                         f"{limits.MAX_KIT_RECORDS:,}. Nothing was imported.")


def _profile_ids(store: Store) -> dict[str, str]:
    """The first saved profile's id for each name (``name_key``), as ``find`` would give it."""
    ids: dict[str, str] = {}
    for profile_id, profile in store.profiles.all():
        ids.setdefault(name_key(profile.name), profile_id)
    return ids
