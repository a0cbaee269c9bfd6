"""Background patterns as vector SVG: colour and opacity come from the theme.

Each pattern is a small function (width, height, colour, opacity) -> elements
drawn over the background and under the content. Tiled patterns use an SVG
<pattern>; "grain" is a deterministic speckle tile; "mesh" is a few soft radial
gradients (a gradient mesh look).
"""
from __future__ import annotations

from typing import Callable

from .choice import pick
from .svg import El, el

PatternFn = Callable[[float, float, str, float, str], list[El]]
PATTERN_STRENGTH_MAX = 4.0  # the strength setting multiplies the theme's pattern opacity by up to this
SWATCH_STRENGTH = 3.0  # the pattern tiles in the studio show each pattern at least this strong


def _tile(pid: str, size: float, shapes: list[El], w: float, h: float, opacity: float) -> list[El]:
    pattern = el("pattern", *shapes, id=pid, x=0, y=0, width=size, height=size, patternUnits="userSpaceOnUse")
    return [el("defs", pattern), el("rect", x=0, y=0, width=w, height=h, fill=f"url(#{pid})", opacity=opacity)]


def _none(w: float, h: float, colour: str, opacity: float, pid: str) -> list[El]:
    return []


def _dots(w, h, colour, opacity, pid):
    return _tile(pid, 18, [el("circle", cx=9, cy=9, r=1.3, fill=colour)], w, h, opacity)


def _grid(w, h, colour, opacity, pid):
    path = el("path", d="M 27 0 L 0 0 0 27", fill="none", stroke=colour, stroke_width=0.8)
    return _tile(pid, 27, [path], w, h, opacity)


def _lines(w, h, colour, opacity, pid):
    return _tile(pid, 14, [el("rect", x=0, y=0, width=14, height=0.8, fill=colour)], w, h, opacity)


def _diagonal(w, h, colour, opacity, pid):
    path = el("path", d="M 0 18 L 18 0 M -2 2 L 2 -2 M 16 20 L 20 16", stroke=colour, stroke_width=1.4, fill="none")
    return _tile(pid, 18, [path], w, h, opacity)


def _waves(w, h, colour, opacity, pid):
    d = "M 0 10 C 10 0 20 0 30 10 S 50 20 60 10"
    shapes = [el("path", d=d, fill="none", stroke=colour, stroke_width=1.3),
              el("path", d="M 0 40 C 10 30 20 30 30 40 S 50 50 60 40", fill="none", stroke=colour, stroke_width=1.3)]
    return _tile(pid, 60, shapes, w, h, opacity)


def _grain(w, h, colour, opacity, pid):
    seed = 12345
    dots: dict[float, list[str]] = {}  # opacity -> arcs: one path per opacity, not 140 <circle>s (a lighter page)
    for _ in range(140):  # a fixed pseudo-random speckle: same bytes every time
        seed = (seed * 1103515245 + 12345) % 2**31
        x = seed % 9000 / 100
        seed = (seed * 1103515245 + 12345) % 2**31
        y = seed % 9000 / 100
        seed = (seed * 1103515245 + 12345) % 2**31
        r = round(0.35 + (seed % 100) / 160, 3)
        dots.setdefault(round(0.4 + (seed % 7) / 10, 1), []).append(
            f"M{round(x - r, 3):g} {y:g}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0")
    shapes = [el("path", d="".join(arcs), fill=colour, opacity=alpha) for alpha, arcs in sorted(dots.items())]
    return _tile(pid, 90, shapes, w, h, opacity)


def _mesh(w, h, colour, opacity, pid):
    blobs = ((0.1, 0.05, 0.75), (0.95, 0.55, 0.7), (0.25, 1.0, 0.6))
    defs, circles = [], []
    for i, (fx, fy, fr) in enumerate(blobs):
        gid = f"{pid}-{i}"
        defs.append(el("radialGradient",
                       el("stop", offset=0, stop_color=colour, stop_opacity=opacity),
                       el("stop", offset=1, stop_color=colour, stop_opacity=0),
                       id=gid, cx=0.5, cy=0.5, r=0.5))
        r = fr * w
        circles.append(el("circle", cx=fx * w, cy=fy * h, r=r, fill=f"url(#{gid})"))
    return [el("defs", *defs), *circles]


PATTERNS: dict[str, PatternFn] = {
    "none": _none, "dots": _dots, "grid": _grid, "lines": _lines, "diagonal": _diagonal,
    "waves": _waves, "grain": _grain, "mesh": _mesh,
}
PATTERN_LABELS = {"none": "None", "dots": "Dots", "grid": "Grid", "lines": "Lines", "diagonal": "Diagonal",
                  "waves": "Waves", "grain": "Grain", "mesh": "Gradient mesh"}


def get_pattern(key: str) -> PatternFn:
    """Look a pattern up by key; ValueError lists the valid keys."""
    return pick(PATTERNS, key, "pattern")


def draw_pattern(key: str, width: float, height: float, colour: str, opacity: float,
                 pid: str = "pattern") -> list[El]:
    """Elements for a background pattern; ``pid`` makes its ids unique in a page."""
    return get_pattern(key)(width, height, colour, opacity, pid)


