"""``carousel-studio themes``: the preset themes, and a contact sheet of one slide in each."""
from __future__ import annotations

import dataclasses
import math
from pathlib import Path

from . import CliError, print_table
from ..choice import quote

HELP = "List the preset themes; --sheet draws one slide of your carousel (or the sample) in every theme into a PNG."

COLUMNS = 4
CELL_WIDTH = 360  # px per thumbnail (2/3 of the 540-unit design)
GAP = 28
LABEL_HEIGHT = 58
SHEET_BACKGROUND = (233, 233, 236)
LABEL_COLOUR = (28, 28, 30)
MUTED_COLOUR = (92, 92, 100)


def register(parser) -> None:
    parser.add_argument("input", nargs="?", metavar="INPUT",
                        help="the thread or project for --sheet: a text file, an X archive .zip, a carousel .json "
                             "or - for stdin (default: the bundled sample)")
    parser.add_argument("--sheet", metavar="OUT.png", help="also draw a contact sheet PNG of every theme")
    parser.add_argument("--slide", default="1", metavar="N",
                        help="which slide to show (default 1, the cover)")
    parser.add_argument("--thread", metavar="ID", help="which thread of an archive or text file (default: the top one)")
    parser.add_argument("--force", action="store_true", help="replace OUT.png if it already exists")


def run(args) -> int:
    from ..theme import THEMES
    out = Path(args.sheet) if args.sheet else None
    if args.input and out is None:
        raise CliError("INPUT is drawn only into a contact sheet; add --sheet OUT.png")
    if out is not None and out.suffix.lower() != ".png":
        raise CliError(f"the contact sheet is a PNG; give a path ending in .png, not {quote(out.name)}")
    if out is not None:
        from .profiles import check_out
        check_out(out, args.force, (Path(args.input),) if args.input not in (None, "-") else ())
    rows = [(t.key, t.label, f"{t.title_font} / {t.body_font}", t.pattern) for t in THEMES.values()]
    print_table(("theme", "label", "title / body font", "pattern"), rows)
    if out is not None:
        size = write_sheet(out, _slide_number(args.slide), args.input, args.thread)
        print(f"wrote a contact sheet of {len(THEMES)} themes ({size[0]}×{size[1]} px) to {out}")
    return 0


def _slide_number(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise CliError(f"--slide must be a slide number from 1, not {quote(value)}")
    return number


def write_sheet(out: Path, slide_number: int = 1, source: str | None = None,
                thread_id: str | None = None) -> tuple[int, int]:
    """Draw slide ``slide_number`` of INPUT (None: the sample) in every theme, labelled, as a grid PNG."""
    from PIL import Image

    from ..export import ExportError, pages
    from ..export.atomic import atomic_file
    from ..export.drawing import render_pixels
    from ..export.images import encode_image
    from ..theme import THEMES
    from .render import load_carousel

    pages.prepare()
    sample = load_carousel(source, thread_id, {})
    total = pages.page_total(sample)
    if slide_number > total:
        raise CliError(f"--slide must be a slide number from 1 to {total}, not {slide_number}")
    design_w, design_h = pages.page_size(sample, 1)
    cell_h = round(CELL_WIDTH * design_h / design_w)
    themes = list(THEMES.values())
    rows = math.ceil(len(themes) / COLUMNS)
    size = (COLUMNS * CELL_WIDTH + (COLUMNS + 1) * GAP, rows * (cell_h + LABEL_HEIGHT) + (rows + 1) * GAP)
    sheet = Image.new("RGB", size, SHEET_BACKGROUND)
    for i, theme in enumerate(themes):
        carousel = dataclasses.replace(sample, theme=theme.key)
        svg = pages.page_svg(carousel, slide_number - 1, 1)
        x = GAP + (i % COLUMNS) * (CELL_WIDTH + GAP)
        y = GAP + (i // COLUMNS) * (cell_h + LABEL_HEIGHT + GAP)
        sheet.paste(render_pixels(svg, CELL_WIDTH, cell_h), (x, y))
        _label(sheet, (x, y + cell_h + 8), theme)
    try:
        with atomic_file(out) as tmp:
            tmp.write_bytes(encode_image(sheet, "png"))
    except ExportError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}; choose another path") from None
    return size


def _label(sheet, at: tuple[int, int], theme) -> None:
    from PIL import ImageDraw
    draw = ImageDraw.Draw(sheet)
    x, y = at
    draw.text((x, y), f"{theme.label}", font=_font(700, 19), fill=LABEL_COLOUR)
    draw.text((x, y + 26), f"{theme.key} · {theme.title_font} / {theme.body_font}",
              font=_font(400, 14), fill=MUTED_COLOUR)


def _font(weight: int, size: int):
    from PIL import ImageFont

    from ..fonts import ensure_family, face_path
    ensure_family("Inter")
    return ImageFont.truetype(str(face_path("Inter", weight)), size)

