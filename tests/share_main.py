"""The studio in share mode for NiceGUI's ``user`` tests (``nicegui_main_file`` marker): merged document,
per-person undo, presence. The access guard is tested over real HTTP in test_share_access.py."""
import os
from pathlib import Path

from nicegui import ui

from components.app import build

if __name__ in {"__main__", "__mp_main__"}:
    root = build(Path(os.environ["CAROUSEL_STUDIO_DATA_DIR"]), share=True)
    ui.run(root, title="Carousel Studio", reload=False, show=False, show_welcome_message=False)
