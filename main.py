"""The studio as one file: what ``carousel-studio serve --reload`` hands over to, and what NiceGUI's ``user``
test fixture runs.

Start it with ``carousel-studio serve --reload``, which checks the port and the data folder first. Uvicorn's
reloader starts each fresh server process by importing this file again (as ``__mp_main__``), so the studio is
built here. Settings come from the environment: CAROUSEL_STUDIO_DATA_DIR (default: the user's data folder)
and ``components.app.SERVE_ENV`` (``run``'s options as JSON; without it: the studio on port 8080, no reload).
It takes no arguments: ``python main.py render …`` says where the command line is instead of starting a server.
"""
import json
import os
import sys
from pathlib import Path

USAGE = ("main.py starts the studio for development and takes no arguments (given: {given}).\n"
         "For the command line use: carousel-studio {first} ... (or: python -m studio {first} ...); "
         "carousel-studio --help lists the commands.\n")


def _refuse_arguments() -> None:
    """Run as ``python main.py ARGS``: say how to use the command line, exit 2 (no server is started)."""
    given = " ".join(sys.argv[1:])
    sys.stderr.write(USAGE.format(given=given if len(given) <= 80 else given[:80] + "…",
                                  first=sys.argv[1] if sys.argv[1].isidentifier() and len(sys.argv[1]) <= 20 else "COMMAND"))
    raise SystemExit(2)


# Only when this file is the script run: NiceGUI's ``user`` fixture runs it inside pytest, whose arguments are
# its own (and a test may have set ``sys.argv[0]`` to this file).
if (__name__ == "__main__" and sys.argv[1:] and Path(sys.argv[0]).resolve() == Path(__file__).resolve()
        and not os.environ.get("NICEGUI_USER_SIMULATION")):
    _refuse_arguments()

from components.app import SERVE_ENV, run  # noqa: E402  (after the check: no server code loads for a mistake)
from studio.cli import default_data_dir  # noqa: E402

if __name__ in {"__main__", "__mp_main__"}:
    run(Path(os.environ.get("CAROUSEL_STUDIO_DATA_DIR") or default_data_dir()),
        **json.loads(os.environ.get(SERVE_ENV) or '{"show": false}'))
