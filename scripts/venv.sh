# Sourced by start.sh and test.sh: a project-local virtual environment with the studio installed.
# ensure_venv EXTRAS  — creates $VENV once (from python3 ≥ 3.11), and (re)installs the project
# only when pyproject.toml or the extras changed, so a second start takes seconds.

VENV="${CAROUSEL_STUDIO_VENV:-.venv}"

find_python() {
  local candidate
  for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.11; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "error: Carousel Studio needs Python 3.11 or newer; none was found (set PYTHON=/path/to/python3.11)" >&2
  return 1
}

make_venv() {
  local python
  python="$(find_python)" || return 1
  if "$python" -m venv "$VENV" 2>/dev/null; then return 0; fi
  rm -rf "$VENV"
  # Debian and Ubuntu ship venv (ensurepip) as a separate package.
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing python3-venv (Debian/Ubuntu keep venv in its own package)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    "$python" -m venv "$VENV" && return 0
  fi
  echo "error: could not create a virtual environment with $python; on Debian/Ubuntu run: sudo apt-get install python3-venv" >&2
  return 1
}

ensure_venv() {
  local extras="$1" stamp wanted
  [ -x "$VENV/bin/python" ] || { echo "creating the virtual environment $VENV"; make_venv || return 1; }
  wanted="$("$VENV/bin/python" -c 'import hashlib, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read() + sys.argv[1].encode()).hexdigest())' "$extras")"
  stamp="$VENV/.carousel-studio-installed"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "installing Carousel Studio${extras:+ with [$extras]} into $VENV (the first time takes a minute or two)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".${extras:+[$extras]}" || return 1
    echo "$wanted" > "$stamp"
  fi
}
