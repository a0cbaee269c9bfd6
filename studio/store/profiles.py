"""Brand profiles: a client's or creator's name, handle, photo, colours and call to action."""
from __future__ import annotations

from typing import Any

from ..brand import BrandProfile
from ..schema import SchemaError
from .database import DB_NAME, Database
from .records import StoreError, check_id, check_record_name, copy_name, name_key, new_id, now_iso
from .settings import Settings
from .trash import Trash

CURRENT_PROFILE = "current_profile"  # the setting naming the profile in use


class Profiles:
    """The ``profiles`` table, keyed by id; deleting moves a profile to the trash."""

    def __init__(self, db: Database, trash: Trash, settings: Settings) -> None:
        self._db = db
        self._trash = trash
        self._settings = settings

    def all(self) -> list[tuple[str, BrandProfile]]:
        """(id, profile) for every profile, by name. A damaged record is skipped and noticed."""
        with self._db.transaction():
            docs = self._db.table("profiles").all()
        out = []
        for doc in docs:
            try:
                out.append((doc["id"], self._db.load(BrandProfile, doc["profile"], f"profile {doc.get('id')}")))
            except (SchemaError, KeyError, TypeError) as exc:
                self._db.notice(f"profile {doc.get('id')!r} in {DB_NAME} could not be read ({exc}); it is skipped.")
        return sorted(out, key=lambda item: (item[1].name.casefold(), item[0]))

    def get(self, profile_id: str) -> BrandProfile:
        return self._db.load_one(BrandProfile, "profiles", "profile", f"profile with id {profile_id!r}",
                                 id=check_id(profile_id, "profile id"))

    def find(self, name: str) -> list[str]:
        """Ids of the profiles called ``name`` (``records.same_name``: case and Unicode normalization aside)."""
        wanted = name_key(name)
        with self._db.transaction():
            docs = self._db.table("profiles").all()
        return [d["id"] for d in docs
                if isinstance(d.get("profile"), dict) and name_key(str(d["profile"].get("name", ""))) == wanted]

    def save(self, profile: BrandProfile, profile_id: str | None = None) -> str:
        """Create (no id) or overwrite a profile; returns its id."""
        name = check_record_name(profile.name, "profile name")
        profile_id = check_id(profile_id, "profile id") if profile_id else new_id()
        data = {**self._db.dehydrate(profile), "name": name}
        with self._db.transaction(write=True):
            saved_at = now_iso()
            self._db.upsert("profiles", {"id": profile_id, "profile": data, "created_at": saved_at,
                                         "updated_at": saved_at}, keep=("created_at",), id=profile_id)
        return profile_id

    def replace(self, profile: BrandProfile, profile_id: str) -> dict[str, Any] | None:
        """Overwrite the profile ``profile_id`` with ``profile``. Returns the saved record it displaced when that
        one differs, for the caller to keep in the trash (``Trash.put_profiles``) in the same transaction."""
        with self._db.transaction(write=True):
            doc = self._db.find("profiles", id=check_id(profile_id, "profile id"))
            old = self.get(profile_id) if doc is not None else None
            self.save(profile, profile_id)
        return dict(doc) if old is not None and old != profile else None

    def rename(self, profile_id: str, name: str) -> None:
        with self._db.transaction(write=True):
            profile = self.get(profile_id)
            profile.name = check_record_name(name, "profile name")
            self.save(profile, profile_id)

    def duplicate(self, profile_id: str) -> str:
        """A copy named "<name> (copy)"; returns the new id."""
        with self._db.transaction(write=True):
            profile = self.get(profile_id)
            profile.name = copy_name(profile.name, {p.name for _, p in self.all()})
            return self.save(profile)

    def delete(self, profile_id: str) -> None:
        """Move a profile to the trash (restorable for 30 days)."""
        with self._db.transaction(write=True):
            doc = self._db.find("profiles", id=profile_id)
            if doc is None:
                raise StoreError(f"there is no profile with id {profile_id!r}")
            self._trash.put_profile(profile_id, dict(doc))
            self._db.remove("profiles", id=profile_id)
            if self._settings.get(CURRENT_PROFILE) == profile_id:
                self._settings.delete(CURRENT_PROFILE)
