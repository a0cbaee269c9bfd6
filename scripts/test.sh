#!/usr/bin/env bash
# Install everything the test suite needs into the project-local .venv, then run every test.
# System packages (libcairo2, fontconfig, Chromium + its driver for the browser tests) are
# installed with apt-get when running as root; otherwise the script names them and stops.
# Arguments go to pytest, e.g. `bash scripts/test.sh -m "not slow"`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
python3 -c 'import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library("cairo") else 1)' \
  || missing+=(libcairo2)
command -v fc-match >/dev/null || missing+=(fontconfig)
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "error: missing system packages: ${missing[*]}" >&2
    echo "  Debian/Ubuntu: sudo apt-get install ${missing[*]}   (see README, 'Test')" >&2
    exit 1
  fi
fi

source scripts/venv.sh
ensure_venv test,bench  # bench: the Chromium and resvg anchors of the benchmark smoke test
exec "$VENV/bin/python" -m pytest "$@"
