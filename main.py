"""The studio as one file: what ``carousel-studio serve --reload`` hands over to, and what NiceGUI's ``user``
test fixture runs.

Start it with ``carousel-studio serve --reload``, which checks the port and the data folder first. Uvicorn's
reloader starts each fresh server process by importing this file again (as ``__mp_main__``), so the studio is
built here. Settings come from the environment: CAROUSEL_STUDIO_DATA_DIR (default: the user's data folder)
and ``components.app.SERVE_ENV`` (``run``'s options as JSON; without it: the studio on port 8080, no reload).
"""
import json
import os
from pathlib import Path

from components.app import SERVE_ENV, run
from studio.cli import default_data_dir

if __name__ in {"__main__", "__mp_main__"}:
    run(Path(os.environ.get("CAROUSEL_STUDIO_DATA_DIR") or default_data_dir()),
        **json.loads(os.environ.get(SERVE_ENV) or '{"show": false}'))
