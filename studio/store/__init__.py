"""The studio's persistent data: brand profiles, presets, projects, settings and images.

``Store(data_dir)`` opens (or creates) ``data_dir/studio.json`` and the folders
beside it; ``Autosaver`` saves projects shortly after each change. See
``database`` for the folder layout and ``storage`` for how writes stay crash-safe.
"""
from .autosave import Autosaver
from .database import DB_NAME, DB_SCHEMA, ProjectInfo, Settings, Store, StoreError
from .kits import ImportSummary

__all__ = ["Autosaver", "DB_NAME", "DB_SCHEMA", "ImportSummary", "ProjectInfo", "Settings", "Store",
           "StoreError"]
