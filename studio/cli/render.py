"""``carousel-studio render``: a thread or carousel file in, a finished carousel out."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from . import CliError

HELP = "Render a thread or carousel file to a LinkedIn PDF, Instagram images (folder or ZIP) or one slide."

OUTPUTS = ".pdf (LinkedIn document), .zip or a folder (images), .png/.jpg/.svg (one slide with --slide N)"


def register(parser) -> None:
    parser.add_argument("input", nargs="?", default=None,
                        help="a text file (one post per blank-line-separated paragraph), an X archive .zip, "
                             "a carousel .json, or - for stdin (default: the bundled sample thread)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=f"where to write: {OUTPUTS}")
    parser.add_argument("--format", metavar="F", help="canvas format, e.g. linkedin-portrait, instagram-square")
    parser.add_argument("--layout", metavar="L", help="layout template for content slides, e.g. post-card")
    parser.add_argument("--theme", metavar="T", help="theme key (list them with `carousel-studio themes`)")
    parser.add_argument("--pattern", metavar="P", help="background pattern, e.g. dots (default: the theme's)")
    parser.add_argument("--cta", metavar="1|2|3", help="outro call to action: 1 follow, 2 repost, 3 save / visit")
    parser.add_argument("--title-size", metavar="N", help="title size in design px (default 36)")
    parser.add_argument("--body-size", metavar="N", help="body size in design px (default 18)")
    parser.add_argument("--image-format", default="png", metavar="png|jpeg", help="images in a .zip or folder")
    parser.add_argument("--scale", default="2", metavar="1|2|3", help="image size: 2 = 1080 px wide (default)")
    parser.add_argument("--thread", metavar="ID", help="which thread of an archive (default: the top one)")
    parser.add_argument("--slide", metavar="N", help="the slide for a .png/.jpg/.svg output (default 1)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it already exists")


def run(args) -> int:
    from ..export import ExportError
    from ..export.outpath import check_output, stop_cleanly_on_sigterm
    from ..limits import LimitError
    settings = read_settings(args)
    out = Path(args.output)
    kind = output_kind(out)
    if args.slide is not None and kind not in ("png", "jpeg", "svg"):
        raise CliError(f"--slide applies to a .png, .jpg or .svg output; a {kind} output holds every slide")
    try:
        check_output(out, [Path(args.input)] if args.input not in (None, "-") else [], force=args.force)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    stop_cleanly_on_sigterm()  # a killed export removes its temporary file
    scale = _choice_int("--scale", args.scale, (1, 2, 3))
    image_format = _image_format(args.image_format)
    if kind in ("pdf", "svg") and scale != 2:
        print(f"warning: --scale applies to images; the {kind.upper()} is vector, its pages are the 2× size",
              file=sys.stderr)
    carousel = load_carousel(args.input, args.thread, settings)
    try:
        report = _export(carousel, out, kind, image_format, scale, args.slide or "1")
    except (ExportError, LimitError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror or exc}; choose another output path") from None
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


# --- settings -----------------------------------------------------------------------------


def read_settings(args) -> dict:
    """The carousel settings given on the command line, validated (CliError lists the choices)."""
    from ..canvas import FORMATS
    from ..layouts import LAYOUTS
    from ..outro import OutroCTA
    from ..pattern import PATTERNS
    from ..theme import THEMES
    settings: dict = {}
    for flag, value, registry in (("format", args.format, FORMATS), ("layout", args.layout, LAYOUTS),
                                  ("theme", args.theme, THEMES), ("pattern", args.pattern, PATTERNS)):
        if value is not None:
            if value not in registry:
                raise CliError(f"unknown {flag} {value!r}; choose one of: {', '.join(registry)}")
            settings[flag] = value
    if args.cta is not None:
        settings["cta"] = OutroCTA.default(_choice_int("--cta", args.cta, (1, 2, 3)))
    sizes = {}
    for flag, name, value in (("--title-size", "title_size", args.title_size),
                              ("--body-size", "body_size", args.body_size)):
        if value is not None:
            try:
                sizes[name] = float(value)
            except ValueError:
                raise CliError(f"{flag} must be a number of design px, not {value!r}") from None
    if sizes:
        from ..typography import Typography
        try:
            Typography(**sizes)
        except ValueError as exc:
            message = str(exc).replace("title_size", "--title-size").replace("body_size", "--body-size")
            raise CliError(f"{message} (design px; the defaults are 36 and 18)") from None
        settings["typography_sizes"] = sizes
    return settings


def _choice_int(flag: str, value: str, choices: tuple[int, ...]) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = None
    if number not in choices:
        raise CliError(f"{flag} must be one of {', '.join(map(str, choices))}, not {value!r}")
    return number


def _image_format(value: str) -> str:
    from ..export import ExportError, check_image_format
    try:
        return check_image_format(value)
    except ExportError as exc:
        raise CliError(f"--image-format: {exc}") from None


def apply_settings(carousel, settings: dict):
    """A copy of ``carousel`` with the command-line settings applied."""
    settings = dict(settings)
    sizes = settings.pop("typography_sizes", None)
    if sizes:
        try:
            settings["typography"] = dataclasses.replace(carousel.typography, **sizes)
        except ValueError as exc:
            raise CliError(f"{exc} (design px)") from None
    return dataclasses.replace(carousel, **settings)


# --- input ---------------------------------------------------------------------------------


def load_carousel(source: str | None, thread_id: str | None, settings: dict):
    """Read INPUT (path, '-' for stdin, None for the sample) and lay it out with ``settings``."""
    from ..carousel import Carousel
    from ..image import ImageError
    from ..schema import SchemaError
    from ..sources import SourceError, load_input
    from ..structure import carousel_from_thread
    path = "-" if source == "-" else _input_path(source)
    try:
        loaded = load_input(path, **_archive_options(path, thread_id))
        if isinstance(loaded, Carousel):
            if thread_id is not None:
                raise CliError("--thread applies to archives and pasted text, not to a carousel file")
            return apply_settings(loaded, settings)
        thread = loaded.thread(thread_id)
    except (SourceError, SchemaError, ImageError) as exc:
        raise CliError(str(exc)) from None
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not thread.posts:
        raise CliError("the input has no posts; give a text file with one post per paragraph")
    layout = {"layout": settings["layout"]} if "layout" in settings else {}  # decides where photos go
    return apply_settings(carousel_from_thread(thread, **layout), settings)


def _archive_options(path, thread_id: str | None) -> dict:
    """For an X archive, load the photos of one thread only: the chosen one or the top one."""
    if path == "-" or not _is_zip(path):
        return {}
    if thread_id is None:
        from ..sources import load_input
        listing = load_input(path, load_media=False)  # fast: names the threads, decodes no photos
        thread_id = listing.thread().id
    return {"thread_id": thread_id}


def _is_zip(path: Path) -> bool:
    if not path.is_file():  # a FIFO would block here; load_input refuses it with a message
        return False
    try:
        with open(path, "rb") as f:
            return f.read(2) == b"PK"
    except OSError:  # load_input reports it
        return False


def _input_path(source: str | None) -> Path:
    from .. import DATA_DIR
    path = Path(source) if source else DATA_DIR / "sample-thread.txt"
    if not path.exists():
        raise CliError(f"{path} not found; give a text file, an X archive .zip, a carousel .json or - for stdin")
    if path.is_dir():
        raise CliError(f"{path} is a folder; give a text file, an X archive .zip or a carousel .json")
    return path


# --- output --------------------------------------------------------------------------------


def output_kind(out: Path) -> str:
    """'pdf', 'zip', 'png', 'jpeg', 'svg' or 'folder' from OUT's suffix; CliError otherwise."""
    suffix = out.suffix.lower()
    kinds = {".pdf": "pdf", ".zip": "zip", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}
    if suffix in kinds and not out.is_dir():
        return kinds[suffix]
    if suffix and not out.is_dir():
        raise CliError(f"cannot write {suffix} files; OUT is {OUTPUTS}")
    return "folder"


def _export(carousel, out: Path, kind: str, image_format: str, scale: int, slide: str):
    from ..export import export_images, export_pdf
    if kind == "pdf":
        return export_pdf(carousel, out)
    if kind in ("zip", "folder"):
        return export_images(carousel, out, image_format, scale)
    return _export_one(carousel, out, kind, scale, slide)


def _export_one(carousel, out: Path, kind: str, scale: int, slide: str):
    from ..export import ExportReport, pages, slide_image, slide_svg
    from ..export.atomic import atomic_file
    total = pages.page_total(carousel)
    try:
        number = int(slide)
    except ValueError:
        number = 0
    if not 1 <= number <= total:
        raise CliError(f"--slide must be a slide number from 1 to {total}, not {slide!r}")
    if kind == "svg":
        data = slide_svg(carousel, number - 1).encode("utf-8")
        size = pages.page_size(carousel, 2)
    else:
        data = slide_image(carousel, number - 1, kind, scale)
        size = pages.page_size(carousel, scale)
    with atomic_file(out) as tmp:
        tmp.write_bytes(data)
    return ExportReport(kind, 1, size, len(data), [out], target=out)
