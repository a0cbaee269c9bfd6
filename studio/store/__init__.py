"""The studio's persistent data: brand profiles, presets, projects, settings and images.

``Store(data_dir)`` opens (or creates) ``data_dir/studio.json`` and the folders
beside it and offers one repository per kind of record (``store.profiles``,
``store.presets``, ``store.projects``, ``store.settings``, ``store.trash``) over
one ``Database``; ``Autosaver`` saves projects shortly after each change. See
``database`` for the folder layout and recovery, ``storage`` for how writes stay crash-safe.
"""
from .autosave import Autosaver
from .database import DB_NAME, DB_SCHEMA, Database
from .kits import ImportSummary
from .projects import ProjectInfo
from .records import StoreError
from .settings import Settings
from .store import Store

__all__ = ["Autosaver", "DB_NAME", "DB_SCHEMA", "Database", "ImportSummary", "ProjectInfo", "Settings", "Store",
           "StoreError"]
