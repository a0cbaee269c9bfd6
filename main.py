"""Development entry: ``python3 main.py`` starts the studio with auto-reload.

Environment: CAROUSEL_STUDIO_DATA_DIR (default: the user's data folder), PORT (default 8080).
The installed command is ``carousel-studio`` (see studio/cli/serve.py).
"""
import os
from pathlib import Path

from nicegui import ui

from components.app import build
from studio.cli import default_data_dir

data_dir = Path(os.environ.get("CAROUSEL_STUDIO_DATA_DIR") or default_data_dir())

if __name__ in {"__main__", "__mp_main__"}:
    root = build(data_dir)
    ui.run(root, host="127.0.0.1", port=int(os.environ.get("PORT", "8080")), title="Carousel Studio",
           language="en-US", reload=os.environ.get("CAROUSEL_STUDIO_RELOAD", "1") == "1", show=False,
           show_welcome_message=False)
