"""Carousel Studio core: model, sources, layout, SVG rendering, export and store.

Nothing in this package imports NiceGUI; the studio UI lives in ``components``.
"""
from pathlib import Path

__version__ = "0.1.0"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"  # bundled, read-only sample content
ASSETS_DIR = PROJECT_ROOT / "assets"
