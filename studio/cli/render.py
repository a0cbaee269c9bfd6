"""``carousel-studio render``: a thread or carousel file in, a finished carousel out."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import CliError
from ..choice import quote
from ..limits import MAX_SLIDES

HELP = "Render a thread or carousel file to a LinkedIn PDF, Instagram images (folder or ZIP) or one slide."

OUTPUTS = ".pdf (LinkedIn document), .zip or a folder (images), .png/.jpg/.svg (one slide with --slide N)"


class ChoicesHelp(argparse.HelpFormatter):
    """Fills ``{choices:KIND}`` in a flag's help with the registry's keys, only when help is shown
    (the registry imports every layout and font: a command that shows no help does not pay for it)."""

    def _get_help_string(self, action) -> str:
        return _CHOICES.sub(lambda m: choice_list(m.group(1)), super()._get_help_string(action) or "")


_CHOICES = re.compile(r"\{choices:(\w+)\}")


def choice_list(what: str) -> str:
    """The valid values of one registry kind, as help lists them (CTA variants with their names)."""
    from ..registry import choices
    found = choices(what)
    if what == "cta":
        return ", ".join(f"{key} {label.lower()}" for key, label in found.labels().items())
    return ", ".join(str(key) for key in found.keys()).replace("%", "%%")


def register(parser) -> None:
    parser.formatter_class = ChoicesHelp
    parser.add_argument("input", nargs="?", default=None,
                        help="a text file (one post per blank-line-separated paragraph), an X archive .zip, "
                             "a carousel .json, or - for stdin (default: the bundled sample thread)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=f"where to write: {OUTPUTS}")
    parser.add_argument("--format", metavar="F", help="canvas format: {choices:format}")
    parser.add_argument("--layout", metavar="L", help="layout template for content slides: {choices:layout}")
    parser.add_argument("--theme", metavar="T", help="theme: {choices:theme} (see them with `carousel-studio themes`)")
    parser.add_argument("--pattern", metavar="P", help="background pattern: {choices:pattern} (default: the theme's)")
    parser.add_argument("--cta", metavar="1|2|3", help="outro call to action: {choices:cta}")
    parser.add_argument("--title-size", metavar="N", help="title size in design px (default 36)")
    parser.add_argument("--body-size", metavar="N", help="body size in design px (default 18)")
    parser.add_argument("--image-format", default="png", metavar="png|jpeg", help="images in a .zip or folder")
    parser.add_argument("--scale", default="2", metavar="1|2|3", help="image size: 2 = 1080 px wide (default)")
    parser.add_argument("--thread", metavar="ID", help="which thread of an archive (default: the top one)")
    parser.add_argument("--slide", metavar="N", help="the slide for a .png/.jpg/.svg output (default 1)")
    parser.add_argument("--force", action="store_true", help="replace OUT if it already exists")


def run(args) -> int:
    from ..app.exports import export
    from ..export import ExportError
    from ..export.outpath import check_output, stop_cleanly_on_sigterm
    from ..limits import LimitError
    settings = read_settings(args)
    out = Path(args.output)
    kind, image_format = output_kind(out, _image_format(args.image_format))
    if args.slide is not None and kind != "slide":
        raise CliError(f"--slide applies to a .png, .jpg or .svg output; a {out.suffix.lstrip('.').upper() or 'folder'} "
                       "output holds every slide")
    try:
        check_output(out, [Path(args.input)] if args.input not in (None, "-") else [], force=args.force)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    stop_cleanly_on_sigterm()  # a killed export removes its temporary file
    scale = _choice_int("--scale", args.scale, (1, 2, 3))
    if (kind == "pdf" or image_format == "svg") and scale != 2:
        print(f"warning: --scale applies to images; the {'PDF' if kind == 'pdf' else 'SVG'} is vector, "
              "its pages are the 2× size", file=sys.stderr)
    carousel = load_carousel(args.input, args.thread, settings)
    page = _page(carousel, args.slide or "1") if kind == "slide" else 0
    try:
        report = export(carousel, out, kind, image_format=image_format, scale=scale, page=page)
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
    from ..outro import OutroCTA
    from ..registry import check
    settings: dict = {}
    for flag in ("format", "layout", "theme", "pattern"):
        value = getattr(args, flag)
        if value is not None:
            try:
                settings[flag] = check(flag, value)
            except ValueError as exc:
                raise CliError(str(exc)) from None
    if args.cta is not None:
        settings["cta"] = OutroCTA.default(_choice_int("--cta", args.cta, (1, 2, 3)))
    sizes = {}
    for flag, name, value in (("--title-size", "title_size", args.title_size),
                              ("--body-size", "body_size", args.body_size)):
        if value is not None:
            try:
                sizes[name] = float(value)
            except ValueError:
                raise CliError(f"{flag} must be a number of design px, not {quote(value)}") from None
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
        raise CliError(f"{flag} must be one of {', '.join(map(str, choices))}, not {quote(value)}")
    return number


def _image_format(value: str) -> str:
    from ..export import ExportError, check_image_format
    try:
        return check_image_format(value)
    except ExportError as exc:
        raise CliError(f"--image-format: {exc}") from None


def load_carousel(source: str | None, thread_id: str | None, settings: dict):
    """Read INPUT (path, '-' for stdin, None for the sample) and lay it out with ``settings`` (the app's rule)."""
    from ..app.imports import read_input
    from ..image import ImageError
    from ..schema import SchemaError
    from ..sources import SourceError
    path = "-" if source == "-" else _input_path(source)
    try:
        found, warnings = read_input(path, thread_id)
    except (SourceError, SchemaError, ImageError) as exc:
        raise CliError(str(exc).replace("a thread id applies", "--thread applies")) from None
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return _laid_out(found, dict(settings))


def _laid_out(found, settings: dict):
    """The project's carousel restyled, or the thread laid out, with the command line's settings."""
    import dataclasses

    from ..app.imports import lay_out, restyle
    from ..carousel import Carousel
    sizes = settings.pop("typography_sizes", None)
    base = found.typography if isinstance(found, Carousel) else None
    if sizes:
        from ..typography import Typography
        settings["typography"] = dataclasses.replace(base, **sizes) if base else Typography(**sizes)
    try:
        carousel = restyle(found, **settings) if isinstance(found, Carousel) else lay_out(found, **settings)
    except ValueError as exc:
        raise CliError(f"{exc} (design px)") from None
    if len(carousel.slides) > MAX_SLIDES:  # as the studio refuses it: LinkedIn would not take the PDF
        raise CliError(f"the thread lays out as {len(carousel.slides):,} slides; a carousel holds at most "
                       f"{MAX_SLIDES} (LinkedIn takes documents of at most {MAX_SLIDES} pages)")
    return carousel


def _input_path(source: str | None) -> Path:
    from .. import DATA_DIR
    path = Path(source) if source else DATA_DIR / "sample-thread.txt"
    if not path.exists():
        raise CliError(f"{path} not found; give a text file, an X archive .zip, a carousel .json or - for stdin")
    return path  # a folder is read if it is an unzipped X archive, else refused with a message


# --- output --------------------------------------------------------------------------------


_SUFFIXES = (".pdf", ".zip", ".png", ".jpg", ".jpeg", ".svg")


def output_kind(out: Path, image_format: str) -> tuple[str, str]:
    """(export kind, image format) from OUT's suffix: a .pdf, a .zip or folder of images, or one slide."""
    suffix = out.suffix.lower()
    bare = out.name.lower()
    if not suffix and bare in _SUFFIXES and not out.is_dir():  # ".pdf": a suffix with no name before it
        raise CliError(f"OUT {quote(out.name)} has no name before its {bare}; give one, like carousel{bare}")
    if suffix and not out.is_dir():
        if suffix == ".pdf":
            return "pdf", image_format
        if suffix == ".zip":
            return "images", image_format
        slide = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}.get(suffix)
        if slide is None:
            raise CliError(f"cannot write {suffix} files; OUT is {OUTPUTS}")
        return "slide", slide
    return "images", image_format


def _page(carousel, slide: str) -> int:
    """The page index of --slide N (numbered from 1 over every page, as in the PDF)."""
    from ..export import pages
    total = pages.page_total(carousel)
    try:
        number = int(slide)
    except ValueError:
        number = 0
    if not 1 <= number <= total:
        raise CliError(f"--slide must be a slide number from 1 to {total}, not {quote(slide)}")
    return number - 1
