"""Brand profiles and presets: save, switch, apply, duplicate, delete — for the studio and the CLI alike."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from .. import limits
from ..brand import BrandProfile
from ..preset import MAX_NAME_LENGTH, BadName, Preset, apply_preset, check_name, preset_from_carousel
from ..store import ImportSummary, Store
from ..store.profiles import CURRENT_PROFILE
from ..store.trash import restored_name
from . import kits
from .document import Document, EditError
from .projects import over_caps_notice
from .slide_edits import refuse_part_texts
from ..choice import quote


def name_problem(name: str, what: str) -> str | None:
    """Why ``name`` cannot name a ``what`` ("preset", "profile"), in a creator's words; None when it can.

    ``check_name`` decides; this only words its verdict.
    """
    try:
        check_name(name, f"the {what} name")
    except BadName as exc:
        if exc.reason in ("empty", "type"):
            return f"Give the {what} a name."
        if exc.reason == "long":
            return f"A {what} name can be at most {MAX_NAME_LENGTH} characters; this one has {exc.length}."
        if exc.reason == "separator":
            return f"A {what} name cannot contain / or \\ (names can become file names)."
        text = str(exc)
        return text[:1].upper() + text[1:] + "."
    return None


def same_brand(a: BrandProfile, b: BrandProfile) -> bool:
    """Equal brand fields; the CTA a profile carries is not part of the comparison."""
    return dataclasses.replace(a, cta=None) == dataclasses.replace(b, cta=None)


def _shares_identity(profile: BrandProfile, brand: BrandProfile) -> bool:
    """True when ``brand`` still has the profile's name or handle (a profile being edited, not another one)."""
    return (bool(profile.name.strip()) and profile.name.strip() == brand.name.strip()
            or bool(profile.handle) and profile.handle == brand.handle)


class Brands:
    """The store's profiles and presets, and what applying one does to the open document."""

    def __init__(self, store: Store, document: Document | None = None) -> None:
        self.store = store
        self.document = document

    # -- profiles -------------------------------------------------------------------------------

    def profiles(self) -> list[tuple[str, BrandProfile]]:
        return self.store.profiles.all()

    def current_profile(self) -> str | None:
        return self.store.settings.get(CURRENT_PROFILE)

    def profile(self, profile_id: str) -> BrandProfile:
        return self.store.profiles.get(profile_id)

    def profile_id(self, name_or_id: str) -> str:
        """The id of the one profile called ``name_or_id`` (or with that id); EditError otherwise."""
        ids = self.store.profiles.find(name_or_id)
        if not ids:
            if any(pid == name_or_id for pid, _ in self.store.profiles.all()):
                return name_or_id
            raise EditError(f"there is no profile named {quote(name_or_id)}")
        if len(ids) > 1:
            raise EditError(f"{len(ids)} profiles are named {quote(name_or_id)}; use an id instead: {', '.join(ids)}")
        return ids[0]

    def add_profile(self, profile: BrandProfile) -> str:
        """Save a new profile; a second profile with the same name, or a text over its cap, is refused."""
        _refuse_profile_texts(profile, "No profile was added.")
        if self.store.profiles.find(profile.name):
            raise EditError(f"a profile named {quote(profile.name.strip())} already exists")
        return self.store.profiles.save(profile)

    def switch_profile(self, profile_id: str, origin: Any = None) -> BrandProfile:
        """Wear a saved profile: every slide is re-branded at once (one undo step)."""
        profile = self.store.profiles.get(profile_id)
        self.store.settings.set(CURRENT_PROFILE, profile_id)
        self._document().use_brand(profile, origin=origin)
        over = limits.profile_over_caps(profile)
        if over:
            self.store.db.notice(over_caps_notice(f"The profile “{limits.cut(profile.name, 60)}”", over))
        return profile

    def profile_on_slides(self) -> str | None:
        """The saved profile the slides wear, possibly with unsaved edits; None for a brand no profile holds.

        A profile equal to the slides' brand wins (so after a preset brings profile B, it is B);
        then the profile last switched to, while the slides keep its name or handle and no other
        profile has the slides' name; then a profile with the slides' name. A brand that shares
        neither with a profile (a new project's author, a cleared brand) is none of them, so
        "Save changes to this profile" can never write it over a client's profile.
        """
        brand = self._document().carousel.brand
        profiles = dict(self.profiles())
        current = self.current_profile()
        same = [pid for pid, p in profiles.items() if same_brand(p, brand)]
        if same:
            return current if current in same else same[0]
        named = [pid for pid, p in profiles.items() if p.name.strip() == brand.name.strip()]
        if current in profiles and _shares_identity(profiles[current], brand) and named in ([], [current]):
            return current
        return named[0] if named else None

    def unsaved_changes(self) -> str | None:
        """The profile on the slides when its brand fields were edited and not saved, else None."""
        profile_id = self.profile_on_slides()
        if profile_id is None:
            return None
        return None if same_brand(self.store.profiles.get(profile_id), self._document().carousel.brand) else profile_id

    def save_profile(self, profile_id: str | None = None) -> str:
        """Save the open carousel's brand (with its CTA) as a profile: a new one, or over ``profile_id``.

        Only the profile the slides wear can be overwritten: saving another client's brand over a
        profile is refused, so one profile never becomes a copy of another.
        """
        carousel = self._document().carousel
        problem = name_problem(carousel.brand.name, "profile")
        if problem:
            raise EditError(problem + " The profile takes the brand's Name.")
        on_slides = self.profile_on_slides()
        if profile_id is not None and profile_id != on_slides:
            shown = f"“{self.store.profiles.get(on_slides).name}”" if on_slides else "a brand no profile holds"
            raise EditError(f"The slides show {shown}, not “{self.store.profiles.get(profile_id).name}”; "
                            "save it as a new profile, or switch to the profile first.")
        if profile_id is None and self.store.profiles.find(carousel.brand.name):
            # two profiles of one name cannot be told apart in the picker: the wrong client's could be worn
            raise EditError(f"A profile named {quote(carousel.brand.name.strip())} already exists; the profile was "
                            "not saved. Save your changes to that profile, or give the brand another name first.")
        profile = dataclasses.replace(carousel.brand, cta=carousel.cta)
        _refuse_profile_texts(profile, "The profile was not saved.")  # (an old project's)
        saved = self.store.profiles.save(profile, profile_id)
        self.store.settings.set(CURRENT_PROFILE, saved)
        return saved

    def duplicate_profile(self, profile_id: str) -> str:
        return self.store.profiles.duplicate(profile_id)

    def delete_profile(self, profile_id: str) -> BrandProfile:
        """Delete a saved profile (the open carousel keeps its brand); returns it for ``restore_profile``."""
        profile = self.store.profiles.get(profile_id)
        self.store.profiles.delete(profile_id)
        if self.current_profile() == profile_id:
            self.store.settings.set(CURRENT_PROFILE, None)
        return profile

    def restore_profile(self, profile_id: str, profile: BrandProfile, *, beside: bool = False) -> str:
        """Undo a deletion (or a save over it): the profile comes back under its own id; returns its name. While
        another profile has its name (saved since) it is refused (two of one name could not be told apart in
        the picker), or with ``beside`` comes back under a distinct name ("Acme (restored)"), never over it."""
        name = profile.name.strip()
        with self.store.transaction(write=True):
            others = [pid for pid in self.store.profiles.find(name) if pid != profile_id]
            if others and not beside:
                raise EditError(_restore_refused(name, in_trash=self.store.trash.holds_profile(profile_id)))
            if others:
                taken = [p.name for pid, p in self.store.profiles.all() if pid != profile_id]
                profile = dataclasses.replace(profile, name=restored_name(name, taken))
            self.store.profiles.save(profile, profile_id)
        self.store.trash.drop_profile(profile_id)  # undone: the trash must not offer a second copy
        return profile.name

    def trash_name_taken(self, item_id: str) -> str | None:
        """For a deleted profile in the trash whose name another profile has now: the name it would come back
        under beside that one (``restore_beside``); None when nothing stands in its way."""
        return self.store.trash.name_taken(item_id)

    def restore_beside(self, item_id: str) -> str:
        """Bring a deleted profile back from the trash beside the one that has its name now, under a distinct
        name; returns the name it came back under."""
        restored = self.store.trash.restore(item_id, beside=True)
        return self.store.profiles.get(restored).name

    # -- presets --------------------------------------------------------------------------------

    def presets(self) -> list[Preset]:
        return self.store.presets.all()

    def apply_preset(self, name: str, origin: Any = None) -> Preset:
        """Restyle the open carousel with a saved preset (its words stay as they are)."""
        preset = self.store.presets.get(name)
        document = self._document()
        try:  # a preset from an imported kit may name something this studio does not have
            styled = apply_preset(document.carousel, preset)
            document.apply_settings(styled, origin=origin)
        except ValueError as exc:
            raise EditError(str(exc)) from None
        over = limits.preset_over_caps(preset)
        if over:  # (an old kit's preset: worn whole and drawn cut, as an old kit's profile is)
            self.store.db.notice(over_caps_notice(f"The preset “{limits.cut(preset.name, 60)}”", over))
        return preset

    def save_preset(self, name: str, with_profile: bool = False) -> Preset:
        """Save the open carousel's look (and, if asked, its brand) under ``name``."""
        problem = name_problem(name, "preset")
        if problem:
            raise EditError(problem)
        try:
            preset = preset_from_carousel(self._document().carousel, name, with_profile)
        except ValueError as exc:
            raise EditError(str(exc)) from None
        refuse_part_texts("cta", {}, dataclasses.asdict(preset.cta), "The preset was not saved.")
        if preset.profile is not None:
            _refuse_profile_texts(preset.profile, "The preset was not saved.")
        self.store.presets.save(preset)
        return preset

    def delete_preset(self, name: str) -> Preset:
        """Delete a saved preset; returns it for ``restore_preset``."""
        preset = self.store.presets.get(name)
        self.store.presets.delete(name)
        return preset

    def restore_preset(self, preset: Preset) -> str:
        """Undo a deletion; returns the name it came back under. A preset saved since under its name (by the
        store's rule) is never replaced: this one comes back beside it, as "<name> (restored)"."""
        with self.store.transaction(write=True):
            names = self.store.presets.names()
            stored = self.store.presets.find(preset.name)
            if stored is not None and self.store.presets.get(stored) != preset:
                preset = dataclasses.replace(preset, name=restored_name(preset.name, list(names.values())))
            self.store.presets.save(preset)
        return preset.name

    # -- kits: profiles and presets in one file --------------------------------------------------

    def export_kits(self, path: Path | str, profile_ids: list[str] | None = None,
                    preset_names: list[str] | None = None) -> tuple[int, int]:
        """Write profiles and presets (images embedded) to one JSON file; returns (profiles, presets)."""
        return kits.export_kits(self.store, Path(path), profile_ids, preset_names)

    def import_kits(self, path: Path | str, *, profiles: bool = True, presets: bool = True) -> ImportSummary:
        """Add a kit file's profiles and presets: all or nothing, checked before anything is written.

        A profile named like a saved one that differs takes its place and the saved one goes to the trash; a preset
        named like a saved one replaces it. ``profiles=False`` / ``presets=False`` leave that kind out (the whole
        file is still checked).
        """
        return kits.import_kits(self.store, Path(path), profiles, presets)

    def _document(self) -> Document:
        if self.document is None:
            raise RuntimeError("no document is open")
        return self.document


def _refuse_profile_texts(profile: BrandProfile, kept: str) -> None:
    """EditError when a profile about to be saved holds a brand or outro text over its cap (``refuse_part_texts``)."""
    refuse_part_texts("brand", {}, {"name": profile.name, "website": profile.website}, kept)
    if profile.cta is not None:
        refuse_part_texts("cta", {}, dataclasses.asdict(profile.cta), kept)


def _restore_refused(name: str, *, in_trash: bool) -> str:
    """Why an undo of a deletion or a save-over was refused, true to where the old profile is now: a deleted
    one waits in the trash; a saved-over one was replaced, and only the Undo still holds it."""
    where = " (it is still in the trash)" if in_trash else ""
    return (f"A profile named “{limits.cut(name, 60)}” was saved since, so the old one was not brought back{where}. "
            "Rename that profile first, then press Undo again.")
