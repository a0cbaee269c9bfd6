"""Fonts: static instances of the bundled families, shared by cairo, measurement and the browser.

The font packages ship mostly *variable* fonts. Cairo (through fontconfig) picks
odd instances of those, so the studio builds static Regular (400) and Bold (700)
files into a cache folder, renames each family "CS <name>" so that fontconfig
can never substitute a system font, and points ``FONTCONFIG_FILE`` at a config
that adds that folder. The same files are measured by ``studio.text`` and served
to the browser as ``@font-face``.

Faces are built when first needed, so a fresh machine shows its first carousel
in seconds: ``ensure_fonts`` only sets fontconfig up, ``ensure_family`` builds
one family's faces (the renderer calls it for every face it measures or names),
``build_all`` builds the rest two at a time in worker processes. A face built
after fontconfig has started in this process is handed to it directly
(``FcConfigAppFontAddFile``), so cairo finds it without a restart. Instancing
drops the OpenType layout tables: the studio lays text out itself (no kerning,
ligatures or shaping), and those tables were most of the build time.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .atomic import atomic_write
from .choice import unknown

FAMILIES: list[str] = [
    "Inter", "DM Sans", "Space Grotesk", "Montserrat", "Poppins", "IBM Plex Sans",
    "Playfair Display", "DM Serif Display", "Fraunces", "Lora", "JetBrains Mono",
]
# Noto Sans for the scripts of India, Sri Lanka, Armenia, Georgia and Ethiopia no other package has, last in the
# chain (one face each, built only once a character reaches it): family -> the file in the manimgx_fonts package.
_NOTO_SCRIPTS = {f"Noto Sans {script}": f"NotoSans{script}[wght].ttf" for script in (
    "Gujarati", "Gurmukhi", "Oriya", "Kannada", "Malayalam", "Sinhala", "Armenian", "Georgian", "Ethiopic")}
# Faces used only for characters the chosen family lacks, in this order: Inter for Latin,
# Greek, Cyrillic and symbols (arrows, ✓ ✗ ★ ≠ ≤ ∞ …); Noto Sans for what Inter lacks;
# then Arabic, Hebrew, Thai, Noto Sans CJK for Japanese, Chinese and Korean, and last Khmer, Tamil
# and Telugu (after CJK: text in those is rarer, and a face is only built once a chain reaches it).
# (Inter first: it is small to build and often already built.)
FALLBACKS: list[str] = ["Inter", "Noto Sans", "Noto Sans Arabic", "Heebo", "Noto Sans Thai", "Noto Sans CJK",
                        "Noto Sans Khmer", "Noto Sans Tamil", "Noto Sans Telugu", "Noto Sans Bengali",
                        "Noto Sans Lao", "Noto Sans Myanmar", *_NOTO_SCRIPTS]
# Text faces for symbols, after every other face: Noto Sans Symbols (☺ ↔ ♄ ⏏ …), then Noto Emoji's monochrome
# outlines (✔ ❤ ☀ ☎ ✈ …). A character only they draw is asked for as text ("☺︎", U+FE0E) or has no Twemoji
# picture; one asked for by itself ("✔") stays the colour picture X shows (studio.text._cluster).
SYMBOL_FACES: list[str] = ["Noto Sans Symbols", "Noto Emoji"]
FALLBACKS += SYMBOL_FACES
# Families shipped by a plain font package instead of fontpkg: family -> (module, attribute holding the path).
# Noto Sans CJK JP is one static face (regular only) that covers Han, kana and Hangul: no instancing,
# and the build only renames it (≈ 0.4 s for its 16 MB).
_PACKAGED: dict[str, tuple[str, str]] = {"Noto Sans CJK": ("noto_cjk_sans_jp_regular", "FONT_PATH")}
# Variable faces inside a font pack (OFL Noto faces no fontpkg package ships): family -> (package, file in it).
_PACKED: dict[str, tuple[str, str]] = {
    "Noto Sans Bengali": ("justmytype_intl_south_asia", "fonts/ofl/notosansbengali/NotoSansBengali[wdth,wght].ttf"),
    "Noto Sans Lao": ("justmytype_intl_sea", "fonts/ofl/notosanslao/NotoSansLao[wdth,wght].ttf"),
    "Noto Sans Myanmar": ("justmytype_intl_sea", "fonts/ofl/notosansmyanmar/NotoSansMyanmar[wdth,wght].ttf"),
    **{family: ("manimgx_fonts", file) for family, file in _NOTO_SCRIPTS.items()},
    "Noto Sans Symbols": ("manimgx_fonts", "NotoSansSymbols[wght].ttf"),
    "Noto Emoji": ("manimgx_fonts", "NotoEmoji[wght].ttf"),
}
ALL_FAMILIES = list(dict.fromkeys(FAMILIES + FALLBACKS))
WEIGHTS = (400, 700)
PREFIX = "CS "
_BUILD = "4"  # bump when the instancing recipe changes, so caches rebuild
# Tables the studio never uses: it positions every glyph itself (no kerning, ligatures or shaping).
_DROP_TABLES = ("GPOS", "GSUB", "GDEF", "kern", "morx", "BASE", "JSTF", "DSIG")
WORKERS = 2  # processes for build_all (the machine has two cores)

# Optical size per weight: text cut for regular, display cut for bold headlines.
_OPSZ = {400: 14.0, 700: 28.0}


@dataclass(frozen=True)
class Face:
    """One static font file: CSS family name ("CS Inter"), weight, path."""

    family: str  # user-facing name, e.g. "Inter"
    weight: int
    path: Path

    @property
    def css_family(self) -> str:
        return PREFIX + self.family


def css_family(family: str) -> str:
    """The unique family name the SVG uses for a user-facing family name."""
    return PREFIX + family


def family_from_css(name: str) -> str:
    """Inverse of css_family ("CS Inter" -> "Inter")."""
    return name[len(PREFIX):] if name.startswith(PREFIX) else name


def check_family(family: str) -> str:
    """Return ``family`` if it is a bundled family; ValueError lists the valid ones."""
    if family not in ALL_FAMILIES:
        raise ValueError(unknown("font", family, FAMILIES))
    return family


def cache_dir() -> Path:
    return _cache_dir(os.environ.get("CAROUSEL_STUDIO_CACHE"), os.environ.get("HOME"))


@cache
def _cache_dir(base: str | None, home: str | None) -> Path:
    """Asked for several times per slide drawn: built once per setting (hashing the sources costs a stat each)."""
    root = Path(base) / "fonts" if base else Path.home() / ".cache" / "carousel-studio" / "fonts"
    return root / f"build-{_recipe_hash()}"


@cache
def _sources() -> dict[str, tuple[Path, bool]]:
    """family -> (upright source file, variable?)."""
    import fontpkg
    out = {}
    for name in ALL_FAMILIES:
        if name in _PACKAGED:
            out[name] = (_packaged_path(name), False)
            continue
        if name in _PACKED:
            from importlib.resources import files
            package, file = _PACKED[name]
            out[name] = (Path(str(files(package).joinpath(*file.split("/")))), True)
            continue
        fam = fontpkg.family(name)
        upright = [f for f in fam.files if f.style == "normal"]
        variable = [f for f in upright if f.variable]
        if variable:
            out[name] = (Path(variable[0].path), True)
        else:
            out[name] = (Path(min(upright, key=lambda f: abs((f.weight or 400) - 400)).path), False)
    return out


@cache
def _static_sources(family: str) -> dict[int, Path]:
    """For families shipped as static files: weight -> nearest file (400 and 700 when present)."""
    if family in _PACKAGED:
        return {400: _packaged_path(family)}
    import fontpkg
    fam = fontpkg.family(family)
    upright = {f.weight: Path(f.path) for f in fam.files if f.style == "normal" and not f.variable}
    return {w: upright[w] for w in WEIGHTS if w in upright}


def _packaged_path(family: str) -> Path:
    import importlib
    module, attr = _PACKAGED[family]
    return Path(str(getattr(importlib.import_module(module), attr)))


@cache
def _recipe_hash() -> str:
    h = hashlib.sha256(_BUILD.encode())
    for name, (path, _) in sorted(_sources().items()):
        h.update(f"{name}:{path.name}:{path.stat().st_size}".encode())
    return h.hexdigest()[:12]


@cache
def available_weights(family: str) -> tuple[int, ...]:
    """Weights that exist for a family (DM Serif Display has no bold)."""
    path, variable = _sources()[check_family(family)]
    if variable:
        return WEIGHTS
    return tuple(sorted(_static_sources(family))) or (400,)


def best_weight(family: str, weight: int) -> int:
    """The real weight drawn for a requested one (never a synthetic bold)."""
    weights = available_weights(family)
    return weight if weight in weights else min(weights, key=lambda w: abs(w - weight))


def face_path(family: str, weight: int) -> Path:
    """Path of the static file for (family, weight) inside the cache folder."""
    return _face_path(cache_dir(), family, best_weight(family, weight))


@cache
def _face_path(folder: Path, family: str, weight: int) -> Path:
    return folder / f"CS{family.replace(' ', '')}-{weight}.ttf"


def font_faces(build: bool = True) -> list[tuple[str, int, Path]]:
    """(css family, weight, path) of every face, for the browser's @font-face.

    ``build`` builds what is missing first (seconds on a fresh machine); without it
    the paths may not exist yet: serve them through ``face_file``, which builds on request.
    """
    if build:
        build_all()
    return [(css_family(f), w, face_path(f, w)) for f in ALL_FAMILIES for w in available_weights(f)]


def face_file(file_name: str) -> Path | None:
    """The face file named ``file_name`` ("CSInter-700.ttf"), built if missing; None for any other name."""
    for family in ALL_FAMILIES:
        for weight in available_weights(family):
            path = face_path(family, weight)
            if path.name == file_name:
                ensure_family(family)
                return path
    return None


_READY: Path | None = None
_KNOWN: set[Path] = set()  # face files this process's fontconfig has (or will have) loaded
_ENSURED: dict[str, Path] = {}  # families whose every face is in _KNOWN, and the folder they are in
_LOCK = threading.RLock()


def ensure_fonts() -> Path:
    """Set fontconfig up for the cache folder (idempotent, cheap); faces are built on demand.

    Sets FONTCONFIG_FILE; call it before cairo renders any text. Returns the folder.
    """
    global _READY
    folder = cache_dir()
    if _READY == folder:
        return folder
    with _LOCK:
        if _READY == folder:
            return folder
        folder.mkdir(parents=True, exist_ok=True)
        conf, wanted = folder / "fonts.conf", _fonts_conf(folder).encode()
        if not conf.exists() or conf.read_bytes() != wanted:  # an older studio may have written another
            atomic_write(conf, wanted)
        os.environ["FONTCONFIG_FILE"] = str(conf)
        # fontconfig reads the folder when it starts (at cairo's first text): it sees these files then
        _KNOWN.clear()
        _ENSURED.clear()
        _KNOWN.update(folder.glob("CS*.ttf"))
        _READY = folder
    return folder


def ensure_family(family: str) -> None:
    """Build the faces of one family if missing and make sure cairo can find them."""
    folder = cache_dir()
    if _ENSURED.get(family) == folder:  # asked for twice per page drawn: known after the first time
        return
    paths = [face_path(family, w) for w in available_weights(check_family(family))]
    if all(p in _KNOWN for p in paths):
        _ENSURED[family] = folder
        return
    ensure_fonts()
    with _LOCK:
        for weight, path in zip(available_weights(family), paths):
            if path not in _KNOWN:
                if not path.exists():
                    _build_file(family, weight, path)
                _register(path)
        _ENSURED[family] = folder


def build_all() -> None:
    """Build every missing face, ``WORKERS`` at a time in worker processes, and register them."""
    ensure_fonts()
    with _LOCK:
        missing = [(f, w, face_path(f, w)) for f in ALL_FAMILIES for w in available_weights(f)
                   if not face_path(f, w).exists()]
        if len(missing) > 2:
            _build_in_workers(missing)
        for family in ALL_FAMILIES:
            ensure_family(family)


def _build_file(family: str, weight: int, path: Path) -> None:
    """Build one face into ``path`` unless another process did it first (one builder per file)."""
    from filelock import FileLock
    with FileLock(str(path.parent / f".lock-{path.stem}")):
        if not path.exists():
            atomic_write(path, _build_face(family, weight))


def _build_in_workers(faces: list[tuple[str, int, Path]]) -> None:
    """Build faces in parallel processes (fresh interpreters: no fork of a threaded server)."""
    faces = sorted(faces, key=lambda f: -_sources()[f[0]][0].stat().st_size)  # big ones first
    shares = [faces[i::WORKERS] for i in range(WORKERS)]
    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(x for x in (root, os.environ.get("PYTHONPATH")) if x))
    code = "import sys; from studio.fonts import _worker; _worker(sys.argv[1:])"
    procs = [subprocess.Popen([sys.executable, "-c", code] + [f"{f}|{w}|{p}" for f, w, p in share], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for share in shares if share]
    for proc in procs:
        _, err = proc.communicate()
        if proc.returncode:  # the caller builds what is still missing itself and reports a real error
            sys.stderr.write(err.decode(errors="replace")[-2000:])


def _worker(args: list[str]) -> None:
    for arg in args:
        family, weight, path = arg.split("|")
        _build_file(family, int(weight), Path(path))


def _register(path: Path) -> None:
    """Tell this process's fontconfig about a face built after it started (cairo then finds it)."""
    lib = _fontconfig()
    if lib is not None:
        lib.FcConfigAppFontAddFile(None, str(path).encode())
    _KNOWN.add(path)


@cache
def _fontconfig():
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("fontconfig")
    if not name:
        return None
    lib = ctypes.CDLL(name)
    lib.FcConfigAppFontAddFile.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.FcConfigAppFontAddFile.restype = ctypes.c_int
    return lib


def _fonts_conf(folder: Path) -> str:
    from xml.sax.saxutils import escape
    system = "/etc/fonts/fonts.conf"
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">{escape(system)}</include>\n'
            f'  <dir>{escape(str(folder))}</dir>\n'
            f'  <cachedir>{escape(str(folder / "fc-cache"))}</cachedir>\n'
            f'{_RENDERING}'
            '</fontconfig>\n')


# How glyphs are drawn, fixed here rather than left to the machine's fontconfig and to cairo: cairo
# settles a face's hinting the first time it draws it, from that surface's options (a PDF turns
# hinting off), so a process that drew a PDF first drew every later PNG with other pixels. The
# values are those of a stock Debian system: grey antialiasing, slight hinting.
_RENDERING = """  <match target="pattern">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
  </match>
"""


def _build_face(family: str, weight: int) -> bytes:
    """A static, renamed TTF for (family, weight)."""
    import io
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    path, location = instance_source(family, weight)
    font = TTFont(path)
    _drop_layout(font)
    if location is not None:
        font = instancer.instantiateVariableFont(font, dict(location), inplace=True, updateFontNames=False)
    _rename(font, family, weight)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@cache
@cache
def source_codepoints(family: str) -> frozenset[int]:
    """The characters a family's source file maps, read without building its faces (a character no face of
    the fallback chain has, "☑", would otherwise build every face down the chain to learn so)."""
    from fontTools.ttLib import TTFont
    path, _ = _sources()[check_family(family)]
    font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def instance_source(family: str, weight: int) -> tuple[Path, tuple[tuple[str, float], ...] | None]:
    """The source file of (family, weight)'s static face and the axis location it is cut at (None: a static file).

    The shaper (studio.shaping) reads the same file at the same location, with the layout tables the
    static face drops, so shaped words have the static face's weight and width.
    """
    path, variable = _sources()[family]
    if not variable:
        return _static_sources(family).get(weight, path), None
    from fontTools.ttLib import TTFont
    font = TTFont(path, lazy=True)
    location = []
    for axis in font["fvar"].axes:
        tag, low, high = axis.axisTag, axis.minValue, axis.maxValue
        value = {"wght": weight, "opsz": _OPSZ.get(weight, axis.defaultValue), "wdth": 100.0}.get(tag, axis.defaultValue)
        location.append((tag, min(max(value, low), high)))
    font.close()
    return path, tuple(location)


def _drop_layout(font) -> None:
    for tag in _DROP_TABLES:
        if tag in font:
            del font[tag]


def _rename(font, family: str, weight: int) -> None:
    css = css_family(family)
    style = "Bold" if weight >= 700 else "Regular"
    name = font["name"]
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 21, 22, 25)]
    ps = (css + "-" + style).replace(" ", "")
    for nid, value in ((1, css), (2, style), (3, f"{ps};{_BUILD}"), (4, f"{css} {style}"), (6, ps)):
        name.setName(value, nid, 3, 1, 0x409)
    if "STAT" in font:
        del font["STAT"]
    os2 = font["OS/2"]
    os2.usWeightClass = weight
    bold = weight >= 700
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b100000 if bold else 0b1000000)
    font["head"].macStyle = (font["head"].macStyle & ~1) | (1 if bold else 0)
