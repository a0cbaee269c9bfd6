"""Fonts: static instances of the bundled families, shared by cairo, measurement and the browser.

The font packages ship mostly *variable* fonts. Cairo (through fontconfig) picks
odd instances of those, so ``ensure_fonts`` builds static Regular (400) and Bold
(700) files once into a cache folder, renames each family "CS <name>" so that
fontconfig can never substitute a system font, and points ``FONTCONFIG_FILE`` at
a config that adds that folder. The same files are measured by ``studio.text``
and served to the browser as ``@font-face``.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FAMILIES: list[str] = [
    "Inter", "DM Sans", "Space Grotesk", "Montserrat", "Poppins", "IBM Plex Sans",
    "Playfair Display", "DM Serif Display", "Fraunces", "Lora", "JetBrains Mono",
]
# Faces used only for characters the chosen family lacks, in this order: Noto Sans for
# Latin, Greek and Cyrillic; Inter for symbols Noto Sans lacks (arrows, ✓ ✗ ★ ≠ ≤ ∞ …);
# then Arabic and Hebrew.
FALLBACKS: list[str] = ["Noto Sans", "Inter", "Noto Sans Arabic", "Heebo"]
ALL_FAMILIES = list(dict.fromkeys(FAMILIES + FALLBACKS))
WEIGHTS = (400, 700)
PREFIX = "CS "
_BUILD = "3"  # bump when the instancing recipe changes, so caches rebuild

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
        raise ValueError(f"unknown font {family!r}; choose one of: {', '.join(FAMILIES)}")
    return family


def cache_dir() -> Path:
    base = os.environ.get("CAROUSEL_STUDIO_CACHE")
    root = Path(base) / "fonts" if base else Path.home() / ".cache" / "carousel-studio" / "fonts"
    return root / f"build-{_recipe_hash()}"


@cache
def _sources() -> dict[str, tuple[Path, bool]]:
    """family -> (upright source file, variable?)."""
    import fontpkg
    out = {}
    for name in ALL_FAMILIES:
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
    import fontpkg
    fam = fontpkg.family(family)
    upright = {f.weight: Path(f.path) for f in fam.files if f.style == "normal" and not f.variable}
    return {w: upright[w] for w in WEIGHTS if w in upright}


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
    weight = best_weight(family, weight)
    slug = family.replace(" ", "")
    return cache_dir() / f"CS{slug}-{weight}.ttf"


def font_faces() -> list[tuple[str, int, Path]]:
    """(css family, weight, path) of every face, for the browser's @font-face."""
    ensure_fonts()
    return [(css_family(f), w, face_path(f, w)) for f in ALL_FAMILIES for w in available_weights(f)]


_READY: Path | None = None


def ensure_fonts() -> Path:
    """Build the static fonts and fonts.conf once (idempotent, safe across processes).

    Sets FONTCONFIG_FILE; call it before cairo renders any text. Returns the folder.
    """
    global _READY
    folder = cache_dir()
    if _READY == folder:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    if not conf.exists() or any(not face_path(f, w).exists()
                                for f in ALL_FAMILIES for w in available_weights(f)):
        from filelock import FileLock
        with FileLock(str(folder / ".lock")):
            for family in ALL_FAMILIES:
                for weight in available_weights(family):
                    target = face_path(family, weight)
                    if not target.exists():
                        _write_atomic(target, _build_face(family, weight))
            if not conf.exists():
                _write_atomic(conf, _fonts_conf(folder).encode())
    os.environ["FONTCONFIG_FILE"] = str(conf)
    _READY = folder
    return folder


def _write_atomic(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fonts_conf(folder: Path) -> str:
    from xml.sax.saxutils import escape
    system = "/etc/fonts/fonts.conf"
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">{escape(system)}</include>\n'
            f'  <dir>{escape(str(folder))}</dir>\n'
            f'  <cachedir>{escape(str(folder / "fc-cache"))}</cachedir>\n'
            '</fontconfig>\n')


def _build_face(family: str, weight: int) -> bytes:
    """A static, renamed TTF for (family, weight)."""
    import io
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    path, variable = _sources()[family]
    if variable:
        font = TTFont(path)
        axes = {a.axisTag: (a.minValue, a.defaultValue, a.maxValue) for a in font["fvar"].axes}
        location = {}
        for tag, (low, default, high) in axes.items():
            if tag == "wght":
                value = weight
            elif tag == "opsz":
                value = _OPSZ[weight]
            elif tag == "wdth":
                value = 100.0
            else:
                value = default
            location[tag] = min(max(value, low), high)
        font = instancer.instantiateVariableFont(font, location, updateFontNames=False)
    else:
        font = TTFont(_static_sources(family).get(weight, path))
    _rename(font, family, weight)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


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
