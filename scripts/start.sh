#!/usr/bin/env bash
# Install (once, into a project-local .venv) and start the studio in the browser.
# Arguments go to `carousel-studio serve`, e.g. `bash scripts/start.sh --port 8090`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/venv.sh
ensure_venv ""
exec "$VENV/bin/python" -m studio serve "$@"
