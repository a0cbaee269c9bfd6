"""Drawing slide SVG with CairoSVG onto cairo surfaces: raster pixels or PDF pages.

Two small CairoSVG surface subclasses do the work:

* ``RasterSurface`` draws into an in-memory ARGB image (no PNG written by cairo);
  the caller encodes it with Pillow, which is much faster than cairo's PNG writer.
* ``PdfPageSurface`` draws one slide onto a cairo ``PDFSurface`` that the caller
  owns, so every slide becomes one page of the same document.

Photos: CairoSVG decodes an embedded JPEG with Pillow, re-encodes it as PNG and
loads that into cairo. That is slow, and in a PDF cairo then stores the photo as
raw pixels (about 1 MB a page). CairoSVG has no per-surface hook for images — tags
are dispatched through the module-level table ``cairosvg.surface.TAGS`` — so we
register a thin wrapper for ``image`` there once. The wrapper changes nothing for
other CairoSVG users: it only acts for our own surfaces and JPEG ``data:`` URLs,
and hands every other image (PNG, nested SVG such as emoji) to CairoSVG's own
function. For a JPEG it decodes the pixels straight into a cairo image surface
(at a reduced size when the slide shows it smaller), and in a PDF it attaches the
original JPEG bytes as MIME data so cairo embeds them as-is (/DCTDecode).

Safety: every tree is parsed with ``unsafe=False``, so CairoSVG refuses XML
entities and fetches nothing but ``data:`` URLs; the wrapper fetches through the
same node fetcher and keeps that guarantee.
"""
from __future__ import annotations

import hashlib
import io
import math
import re
import sys
import threading
import unicodedata
from collections import OrderedDict
from functools import cache
from xml.etree import ElementTree

import cairocffi as cairo
from cairocffi import cairo as cairo_lib
from cairocffi import ffi
import cairosvg.defs as cairosvg_defs
import cairosvg.surface as cairosvg_surface
from cairosvg.helpers import normalize, preserve_ratio, size
from cairosvg.image import IMAGE_RENDERING
from cairosvg.image import image as cairosvg_image
from cairosvg.parser import Tree
from cairosvg.text import text as cairosvg_text
from cairosvg.url import parse_url
from PIL import Image as PILImage

from ..layouts.base import EMOJI_TEXT, TEXT_STYLE
from .report import ExportError

PDF_PX_PER_POINT_MAX = 2.0  # photos denser than this in a PDF are downscaled once
_JPEG_MAGIC = b"\xff\xd8\xff"
_JPEG_HREFS = ("data:image/jpeg", "data:image/jpg", "data:image/pjpeg")
_ORIENTATION_TAG = 0x0112
# cairo's ARGB32/RGB24 pixels are native-endian 32-bit words.
_RAW_MODE = "BGRX" if sys.byteorder == "little" else "XRGB"


# Every text element's style says what the studio's preview (Chromium) must do as cairo does: no kerning,
# no ligatures, no reordering. CairoSVG reads none of these, yet parsing that one declaration list with
# tinycss2 cost a fifth of parsing a page: it is taken out before CairoSVG sees the page.
_TEXT_STYLE_BYTES = f' style="{TEXT_STYLE}"'.encode()


def parse_svg(svg: str | bytes) -> Tree:
    """Parse slide SVG for drawing; external files and URLs are never fetched."""
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    return Tree(bytestring=data.replace(_TEXT_STYLE_BYTES, b""), unsafe=False)


class _StudioSurface:
    """Mixin marking our surfaces; ``keep_jpeg`` means attach JPEG bytes (PDF)."""

    keep_jpeg = False


class RasterSurface(_StudioSurface, cairosvg_surface.PNGSurface):
    """Draw an SVG into an ARGB32 cairo image; ``.cairo`` holds the pixels.

    ``underlay``: pixels (same size) copied in before the SVG is drawn, instead of the background colour.
    """

    def __init__(self, tree: Tree, width: int, height: int, background: str | None = "white",
                 underlay: cairo.ImageSurface | None = None):
        self._underlay = underlay
        super().__init__(tree, None, 96, output_width=width, output_height=height,
                         background_color=None if underlay is not None else background)

    def draw(self, node) -> None:
        if self._underlay is not None:  # the first call: the root, before anything is drawn
            underlay, self._underlay = self._underlay, None
            self.context.save()
            self.context.identity_matrix()
            self.context.set_operator(cairo.OPERATOR_SOURCE)
            self.context.set_source_surface(underlay, 0, 0)
            self.context.paint()
            self.context.restore()
        super().draw(node)

    def finish(self) -> None:  # nothing to write: the caller reads the pixels
        self.cairo.flush()


class PdfPageSurface(_StudioSurface, cairosvg_surface.PDFSurface):
    """Draw an SVG as the current page of a ``PdfDocument``.

    At 72 dpi one CSS px is one PDF point, so a page drawn ``width`` px wide is
    ``width`` points wide.
    """

    keep_jpeg = True

    def __init__(self, tree: Tree, document: "PdfDocument"):
        self.document = document
        super().__init__(tree, None, 72, output_width=document.width, output_height=document.height)

    def _create_surface(self, width, height):
        return self.document.surface, width, height

    def finish(self) -> None:  # the document is finished by its owner
        pass


class PdfDocument:
    """A multi-page PDF being written: one cairo PDFSurface, every page the same size (points).

    Photos are cached by their bytes, so a photo on several pages is stored once
    (cairo shares an image only when it is the same cairo surface).
    """

    def __init__(self, stream, width: float, height: float):
        self.surface = cairo.PDFSurface(stream, width, height)
        self.width, self.height = width, height
        self.photos: dict[tuple[str, int, int], tuple] = {}
        self.tiles: dict[tuple, object] = {}  # pattern tiles drawn for this document (see ``_pattern``)
        self.emoji_glyphs: dict[str, int] = {}  # each emoji's glyph in the text layer (see ``_show_emoji_text``)

    def draw_page(self, svg: str | bytes) -> None:
        """Draw one SVG as the next page."""
        PdfPageSurface(parse_svg(svg), self)
        self.surface.show_page()

    def finish(self) -> None:
        self.surface.finish()
        self.photos.clear()
        self.tiles.clear()


def render_pixels(svg: str | bytes, width: int, height: int) -> PILImage.Image:
    """Rasterise an SVG to an RGB Pillow image of exactly width × height px (white behind)."""
    split = split_background(svg) if isinstance(svg, str) else None
    if split is None:
        surface = RasterSurface(parse_svg(svg), width, height)
    else:
        background, rest = split
        surface = RasterSurface(parse_svg(rest), width, height, underlay=_background_layer(background, width, height))
    image = surface.cairo
    image.flush()
    # BGRX -> RGB is decoded into Pillow's own memory, so the cairo surface can go.
    pixels = PILImage.frombuffer("RGB", (image.get_width(), image.get_height()),
                                 image.get_data(), "raw", _RAW_MODE, image.get_stride(), 1)
    image.finish()
    return pixels


# --- the background layer --------------------------------------------------------------
#
# Every page of a carousel has the same background: the theme's fill and its pattern (a
# tile of up to a few hundred shapes), the renderer's first ``<g class="background">``.
# CairoSVG walks that tile in Python on every page: more than half of a page's drawing.
# Raster pages draw it once per look and copy its pixels under the rest of the page:
# the same pixels as drawing it in place (the background is drawn first, onto white,
# and nothing else refers to it). PDF pages keep it vector; there each pattern tile
# is drawn once per document and shared by every page.

_BACKGROUND_START = '<g class="background">'
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)[^<>]*?(/?)>|<[!?]")
_ID = re.compile(r'\bid="([^"]+)"')
_ROOT_EFFECTS = ("opacity", "filter", "mask", "clip", "transform", "style")
_LAYERS: OrderedDict[tuple[str, int, int], cairo.ImageSurface] = OrderedDict()
_LAYERS_KEPT = 4  # looks remembered per process (a 1080×1350 layer is 5.8 MB)


def split_background(svg: str) -> tuple[str, str] | None:
    """(the SVG with only its background group, the SVG without it), or None when the page has no
    such group first, or something outside it refers to an id inside it."""
    root_end = svg.find(">") + 1
    if not svg.startswith("<svg ") or not svg.startswith(_BACKGROUND_START, root_end) \
            or any(word in svg[:root_end] for word in _ROOT_EFFECTS):
        return None
    depth = 0
    for match in _TAG.finditer(svg, root_end):
        if match.group(0) in ("<!", "<?"):
            return None  # comments, CDATA: not what the renderer writes; draw the page as it is
        closing, self_closing = match.group(1), match.group(3)
        depth += -1 if closing else 0 if self_closing else 1
        if depth == 0:
            end = match.end()
            break
    else:
        return None
    background, rest = svg[root_end:end], svg[:root_end] + svg[end:]
    if any("#" + name in rest for name in _ID.findall(background)):
        return None
    return svg[:root_end] + background + "</svg>", rest


def _background_layer(background_svg: str, width: int, height: int) -> cairo.ImageSurface:
    """The background drawn onto white at this size, drawn once per look and kept."""
    key = (background_svg, width, height)
    layer = _LAYERS.get(key)
    if layer is None:
        layer = RasterSurface(parse_svg(background_svg), width, height).cairo
        layer.flush()
        _LAYERS[key] = layer
        while len(_LAYERS) > _LAYERS_KEPT:
            _LAYERS.popitem(last=False)[1].finish()
    else:
        _LAYERS.move_to_end(key)
    return layer


class _TileSurface(cairosvg_surface.SVGSurface):
    """A pattern tile recorded as vector drawing commands, which a PDF can share between pages."""

    def _create_surface(self, width, height):
        return cairo.RecordingSurface(cairo.CONTENT_COLOR_ALPHA, (0, 0, width, height)), width, height


def _pattern(surface, node, name, opacity) -> bool:
    """Pattern paint: on our PDF pages, each tile is drawn once per document (CairoSVG's own otherwise)."""
    pattern_node = surface.patterns[name]
    if not isinstance(surface, PdfPageSurface) or pattern_node.get("patternUnits") != "userSpaceOnUse" \
            or pattern_node.get("patternTransform") or pattern_node.get("viewBox"):
        return _cairosvg_draw_pattern(surface, node, name, opacity)
    x, y = size(surface, pattern_node.get("x"), "x"), size(surface, pattern_node.get("y"), "y")
    pattern_width = size(surface, pattern_node.get("width", 0), 1)
    pattern_height = size(surface, pattern_node.get("height", 0), 1)
    if not (pattern_width and pattern_height):
        return False
    key = (ElementTree.tostring(pattern_node.element.etree_element), float(opacity), surface.dpi)
    tile = surface.document.tiles.get(key)
    if tile is None:  # as CairoSVG draws it: the pattern's shapes as a group, at the paint's opacity
        pattern_node["opacity"] = float(pattern_node.get("opacity", 1)) * opacity
        pattern_node.tag = "g"
        tile = _TileSurface(pattern_node, None, surface.dpi, surface)
        surface.document.tiles[key] = tile
    source = cairo.SurfacePattern(tile.cairo)
    source.set_extend(cairo.EXTEND_REPEAT)
    source.set_matrix(cairo.Matrix(tile.width / pattern_width, 0, 0, tile.height / pattern_height, -x, -y))
    surface.context.set_source(source)
    return True


# --- images --------------------------------------------------------------------------


def _image(surface, node) -> None:
    """``<image>`` handler: our JPEG path for our surfaces, CairoSVG's for the rest."""
    if not isinstance(surface, _StudioSurface):
        return cairosvg_image(surface, node)
    try:
        href = (node.get_href() or "").lstrip()
        if href[:20].lower().startswith(_JPEG_HREFS):
            data = node.fetch_url(parse_url(href), "image/*")
            if data.startswith(_JPEG_MAGIC) and _draw_jpeg(surface, node, data):
                return
        cairosvg_image(surface, node)
    except (OSError, SyntaxError, ValueError, cairo.CairoError):  # Pillow's "cannot identify" is an OSError
        raise ExportError("an image on it cannot be read; replace it with a JPEG or PNG") from None


def _draw_jpeg(surface, node, data: bytes) -> bool:
    """Paint a JPEG like CairoSVG does (position, preserveAspectRatio, clip, opacity).

    Returns False when the file needs CairoSVG's general path (EXIF rotation, odd modes).
    """
    try:
        photo = PILImage.open(io.BytesIO(data))
        if photo.format != "JPEG" or photo.mode not in ("RGB", "L") \
                or photo.getexif().get(_ORIENTATION_TAG, 1) != 1:
            return False
    except (OSError, SyntaxError, ValueError):
        return False
    context = surface.context
    full_w, full_h = photo.size
    x, y = size(surface, node.get("x"), "x"), size(surface, node.get("y"), "y")
    width = size(surface, node.get("width"), "x") or full_w
    height = size(surface, node.get("height"), "y") or full_h
    node.image_width, node.image_height = full_w, full_h
    scale_x, scale_y, translate_x, translate_y = preserve_ratio(surface, node, width, height)
    if not (translate_x == 0 and translate_y == 0 and width == scale_x * full_w
            and height == scale_y * full_h):
        context.rectangle(x, y, width, height)
        context.clip()
    context.save()
    context.translate(x, y)
    context.scale(scale_x, scale_y)
    context.translate(translate_x, translate_y)
    # How many device pixels the whole photo covers: decode no more than that.
    shown_w = math.hypot(*context.user_to_device_distance(full_w, 0))
    shown_h = math.hypot(*context.user_to_device_distance(0, full_h))
    if surface.keep_jpeg:
        image_surface, pixel_w, pixel_h = _pdf_photo(surface.document, photo, data, shown_w, shown_h)
    else:
        image_surface, pixel_w, pixel_h = _raster_photo(photo, data, shown_w, shown_h)
    context.scale(full_w / pixel_w, full_h / pixel_h)
    pattern = cairo.SurfacePattern(image_surface)
    pattern.set_filter(IMAGE_RENDERING.get(node.get("image-rendering"), cairo.FILTER_GOOD))
    context.set_source(pattern)
    context.paint_with_alpha(float(node.get("opacity", 1)))
    context.restore()
    return True


_PHOTOS: OrderedDict[tuple[str, int, int], tuple] = OrderedDict()  # decoded photos of this process, newest last
_PHOTOS_LOCK = threading.Lock()
_PHOTO_BYTES_KEPT = 64 * 2**20  # a 3000×2000 photo shown on a whole 1080 px page decodes to 6 MB


def _raster_photo(photo: PILImage.Image, data: bytes, shown_w: float, shown_h: float):
    """Decode at the smallest JPEG scale (1/2, 1/4, 1/8) still ≥ the shown size, once per photo and size:
    a page drawn again (an edit of its text, the next export, a slide over two pages) finds it decoded."""
    target = (max(1, math.ceil(shown_w)), max(1, math.ceil(shown_h)))
    key = (hashlib.sha256(data).hexdigest(), *target)
    with _PHOTOS_LOCK:
        decoded = _PHOTOS.get(key)
        if decoded is not None:
            _PHOTOS.move_to_end(key)
            return decoded
    photo.draft("RGB", target)
    decoded = _to_cairo(photo)
    with _PHOTOS_LOCK:  # (the studio process draws from several threads)
        _PHOTOS[key] = decoded
        kept = sum(surface.get_stride() * surface.get_height() for surface, _, _ in _PHOTOS.values())
        while kept > _PHOTO_BYTES_KEPT and len(_PHOTOS) > 1:
            old = _PHOTOS.popitem(last=False)[1][0]
            kept -= old.get_stride() * old.get_height()
    return decoded


def _pdf_photo(document: PdfDocument, photo: PILImage.Image, data: bytes, shown_w: float, shown_h: float):
    """A cairo image carrying the JPEG bytes; re-encoded once only when far too large."""
    limit_w, limit_h = shown_w * PDF_PX_PER_POINT_MAX, shown_h * PDF_PX_PER_POINT_MAX
    shrink = photo.width > limit_w * 1.25 and photo.height > limit_h * 1.25
    key = (hashlib.sha256(data).hexdigest(), round(limit_w) if shrink else 0, round(limit_h) if shrink else 0)
    if key not in document.photos:
        document.photos[key] = _jpeg_surface(photo, data, limit_w, limit_h, shrink)
    return document.photos[key]


def _jpeg_surface(photo: PILImage.Image, data: bytes, limit_w: float, limit_h: float, shrink: bool):
    if shrink:
        photo.draft("RGB", (math.ceil(limit_w), math.ceil(limit_h)))
        photo = photo.convert("RGB")
        photo.thumbnail((math.ceil(limit_w), math.ceil(limit_h)), PILImage.Resampling.LANCZOS)
        out = io.BytesIO()
        photo.save(out, "JPEG", quality=88)
        data = out.getvalue()
    image_surface, pixel_w, pixel_h = _to_cairo(photo)
    image_surface.set_mime_data("image/jpeg", data)
    return image_surface, pixel_w, pixel_h


def _to_cairo(photo: PILImage.Image):
    rgb = photo.convert("RGB")
    pixel_w, pixel_h = rgb.size
    buffer = bytearray(rgb.tobytes("raw", _RAW_MODE))
    return cairo.ImageSurface(cairo.FORMAT_RGB24, pixel_w, pixel_h, buffer, pixel_w * 4), pixel_w, pixel_h


# --- text --------------------------------------------------------------------------------
#
# CairoSVG draws a run of text letter by letter, twice: first as outlines (kept for a stroke),
# then as glyphs (the fill), each letter with its own extents, save, moves and restore. That was
# 40 % of a raster page's time. Our pages position every letter themselves (``x`` per letter),
# fill text with one colour and never stroke it, so on raster pages such a run is drawn here as one
# ``show_glyphs`` call with the very glyphs and positions CairoSVG's letters get; anything else
# (strokes, paint servers, anchors, dx/dy, rotation, text on a path) goes to CairoSVG.

_TEXT_TAGS = ("text", "tspan", "textPath", "a")
_NOT_PLAIN = ("dx", "dy", "rotate", "letter-spacing", "display-anchor", "dominant-baseline", "alignment-baseline")


def _text(surface, node, draw_as_text=False) -> None:
    """Text handler: a plain run on a raster page in one call; a text layer on a PDF page as one cluster;
    CairoSVG's own for everything else."""
    if isinstance(surface, PdfPageSurface) and node.get("class") == "text-layer" and node.text and _plain_run(node):
        if draw_as_text:
            _show_text_layer(surface, node)
        return
    if node.get("class") == EMOJI_TEXT:  # nothing to see: only a PDF's text layer holds it
        if draw_as_text and isinstance(surface, PdfPageSurface) and node.text:
            _show_emoji_text(surface, node)
        return
    if isinstance(surface, PdfPageSurface) and surface.stroke_and_fill and node.text and _plain_run(node) \
            and _marked_right_to_left(node.text):
        if draw_as_text:  # (the outline pass has nothing to stroke)
            _show_run(surface, node, marks_first=True)
        return
    if not (isinstance(surface, RasterSurface) and surface.stroke_and_fill and _plain_run(node)):
        return cairosvg_text(surface, node, draw_as_text)
    if not node.text:  # a <text> holding <tspan>s: it only moves the pen, to its own x/y if it has them
        xs, ys = _numbers(surface, node, "x", "x"), _numbers(surface, node, "y", "y")
        x, y = surface.cursor_position
        surface.cursor_position = [xs[0] if xs else x, ys[0] if ys else y]
    elif draw_as_text:  # the fill; the outline pass before it has nothing to stroke (clip paths go to CairoSVG)
        _show_run(surface, node)


def _plain_run(node) -> bool:
    """Filled with a colour, not stroked, laid out by x/y alone: what our renderer writes."""
    return (node.tag in ("text", "tspan") and node.get("stroke", "none") == "none"
            and not node.get("fill", "").startswith("url(") and node.get("text-anchor", "start") == "start"
            and not any(name in node for name in _NOT_PLAIN)
            and not node.get_href() and not (node.parent is not None and node.parent.get_href()))


def _numbers(surface, node, name: str, axis: str) -> list[float]:
    if name not in node:
        return []
    try:
        return [float(value) for value in node[name].split()]  # what our renderer writes: plain numbers
    except ValueError:
        return [size(surface, value, axis) for value in normalize(node[name]).split(" ")]


def _marked_right_to_left(letters: str) -> bool:
    """Right-to-left letters with a combining mark (harakat, tanween, niqqud)."""
    return bool(_RTL_LETTER.search(letters)) and any(unicodedata.category(char) == "Mn" for char in letters)


def _marks_before_bases(run: list[tuple[str, int, float, float]]) -> list[tuple[str, int, float, float]]:
    """(letter, glyph, x, y) of a right-to-left run drawn in visual order, each base letter's marks moved before
    it: a reader reverses the run, so it reads the base then its marks, as typed."""
    out: list[tuple[str, int, float, float]] = []
    base = -1  # where the last base letter went
    for item in run:
        if unicodedata.category(item[0]) == "Mn" and base >= 0:
            out.insert(base, item)
            base += 1
        else:
            base = len(out)
            out.append(item)
    return out


def _show_run(surface, node, marks_first: bool = False) -> None:
    """The letters of ``node`` where CairoSVG would put them, drawn as one glyph run.

    ``marks_first`` (a PDF's right-to-left run with marks): CairoSVG's letter-by-letter text put each mark
    after its base, zero-width, and a reader took the jump to the next letter for a space and the mark for a
    word of its own ("شك ًرا" for "شكرًا"); each mark is now drawn before its base, with its character."""
    context, letters = surface.context, node.text
    weight = node.get("font-weight") or ""
    bold = weight == "bold" or (weight.isdigit() and int(weight) >= 550)
    slant = {"italic": cairo.FONT_SLANT_ITALIC, "oblique": cairo.FONT_SLANT_OBLIQUE}.get(node.get("font-style"),
                                                                                        cairo.FONT_SLANT_NORMAL)
    family = (node.get("font-family") or "sans-serif").split(",")[0].strip("\"' ")
    context.select_font_face(family, slant, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    context.set_font_size(surface.font_size)
    font = context.get_scaled_font()
    glyphs = font.text_to_glyphs(0, 0, letters, False)
    if len(glyphs) != len(letters):  # not one glyph per letter: let CairoSVG place them
        return cairosvg_text(surface, node, True)
    advances = [after[1] - before[1] for before, after in zip(glyphs, glyphs[1:])]
    advances.append(font.text_extents(letters[-1])[4])
    xs, ys = _numbers(surface, node, "x", "x"), _numbers(surface, node, "y", "y")
    shift = surface.cursor_d_position
    x, y = surface.cursor_position
    run = []
    for i, letter in enumerate(letters):
        if i < len(xs):
            x, shift[0] = xs[i], 0
        if i < len(ys):
            y, shift[1] = ys[i], 0
        if not letter.isspace():  # (CairoSVG draws no space: a cairo bug with empty glyphs)
            run.append((letter, glyphs[i][0], x + shift[0], y + shift[1]))
        x += advances[i]
    if marks_first:  # letter by letter as CairoSVG draws them, so the page looks the very same
        for letter, _glyph, at_x, at_y in _marks_before_bases(run):
            context.move_to(at_x, at_y)
            context.show_text(letter)
    else:
        context.show_glyphs([glyph for _, *glyph in run])
    surface.cursor_position = [x, y]


def _show_text_layer(surface, node) -> None:
    """Words no one sees (under a shaped word's outlines) as one cluster, so the PDF carries them as typed (an
    ActualText span) besides each letter's own text. Drawn letter by letter, as CairoSVG does, a reader took
    a Devanagari mark that the plain face places before its letter for a line of its own ("नमस" / "्" / "ते")."""
    context, letters = surface.context, node.text
    weight = node.get("font-weight") or ""
    bold = weight == "bold" or (weight.isdigit() and int(weight) >= 550)
    family = (node.get("font-family") or "sans-serif").split(",")[0].strip("\"' ")
    context.select_font_face(family, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    context.set_font_size(surface.font_size)
    xs, ys = _numbers(surface, node, "x", "x"), _numbers(surface, node, "y", "y")
    x, y = surface.cursor_position
    x, y = xs[0] if xs else x, ys[0] if ys else y
    glyphs = context.get_scaled_font().text_to_glyphs(x, y, letters, False)
    if glyphs:
        context.show_text_glyphs(letters, glyphs, [(len(letters.encode("utf-8")), len(glyphs))], 0)


# An emoji is drawn as a picture; for a PDF's text layer it is also one glyph of a font of our own whose glyphs
# are all a faint box, a glyph number per emoji of the document, so that the PDF's map from glyphs to text gives
# each emoji its characters (a face's one "missing" glyph would give every emoji the first one's; readers such
# as pdfium ignore ActualText for characters beyond U+FFFD).

@ffi.callback("cairo_status_t (*)(cairo_scaled_font_t *, unsigned long, cairo_t *, cairo_text_extents_t *)")
def _emoji_glyph(scaled_font, glyph, cr, extents):  # a glyph with no ink is left out of the PDF's text
    extents.x_advance = 1.0
    cairo_lib.cairo_rectangle(cr, 0.1, -0.75, 0.8, 0.8)
    cairo_lib.cairo_fill(cr)
    return 0


@cache
def _emoji_face() -> cairo.FontFace:
    face = cairo_lib.cairo_user_font_face_create()
    cairo_lib.cairo_user_font_face_set_render_glyph_func(face, _emoji_glyph)
    return cairo.FontFace._from_pointer(face, incref=False)


# How a PDF reader that orders a line's characters itself (pdfium: Chrome's viewer, its copy, search and
# screen-reader text) reads an emoji on a line of right-to-left letters, which are drawn in visual order. It cuts
# the line into runs of one direction class each: left-to-right letters, right-to-left letters, "weak" characters
# (digits, joiners, variation selectors, combining marks) read forwards, and neutral ones (spaces, symbols, and
# each half of a character beyond U+FFFF, so every emoji's) that follow the run before. A line with more
# right-to-left runs than left-to-right ones is read from its right: its runs in reverse order, and a
# right-to-left or neutral run backwards one UTF-16 unit at a time. So an emoji there came out with its
# surrogates swapped, which decoders drop, and a ZWJ sequence with its parts reversed.
_LRM, _RLM = "\u200e", "\u200f"  # invisible marks, no word
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")  # presentation forms included
_WEAK = frozenset(("AN", "EN", "NSM", "CS", "ES", "ET", "BN"))


def _run_class(char: str) -> str:
    """The reader's direction class: L, R, W (weak, read forwards) or N (neutral)."""
    if ord(char) > 0xFFFF:
        return "N"  # (its two surrogates are)
    kind = unicodedata.bidirectional(char)
    return "L" if kind == "L" else "R" if kind in ("R", "AL") else "W" if kind in _WEAK else "N"


def _runs(text: str) -> list[str]:
    """``text`` cut into runs of one direction class."""
    runs: list[str] = []
    for char, kind in ((char, _run_class(char)) for char in text):
        if runs and _run_class(runs[-1][-1]) == kind:
            runs[-1] += char
        else:
            runs.append(char)
    return runs


def _emoji_letters(node) -> str:
    """The emoji's characters for the text layer so that such a reader gets them whole and in order.

    On a line with right-to-left runs an emoji of more than one UTF-16 unit goes between a left-to-right mark
    on each side, which makes the reader take its runs forwards whichever way it reads the line, and a
    right-to-left mark outside each, which keeps the line's count of runs each way, so its direction, as it was.
    On a line read from the right its runs are written in reverse order, as the reader reverses them back."""
    letters = node.text
    line = node.parent
    if len(letters.encode("utf-16-le")) <= 2 or line is None:
        return letters
    line_runs = [_run_class(run[0]) for run in _runs(" ".join(child.text or "" for child in line.children))]
    right, left = line_runs.count("R"), line_runs.count("L")
    if not right:
        return letters
    if right > left:
        letters = "".join(reversed(_runs(letters)))
    return _RLM + _LRM + letters + _LRM + _RLM


def _show_emoji_text(surface, node) -> None:
    """The emoji's characters as one glyph of ``_emoji_face``, numbered per document, under its picture."""
    context, letters = surface.context, _emoji_letters(node)
    numbers = surface.document.emoji_glyphs
    glyph = numbers.setdefault(letters, len(numbers) + 1)
    xs, ys = _numbers(surface, node, "x", "x"), _numbers(surface, node, "y", "y")
    x, y = surface.cursor_position
    context.save()
    context.set_font_face(_emoji_face())
    context.set_font_size(surface.font_size)
    context.set_source_rgba(0, 0, 0, 0.005)  # (a source of no alpha at all draws, and so writes, nothing)
    context.show_text_glyphs(letters, [(glyph, xs[0] if xs else x, ys[0] if ys else y)],
                             [(len(letters.encode("utf-8")), 1)], 0)
    context.restore()


cairosvg_surface.TAGS["image"] = _image
for _tag in _TEXT_TAGS:
    cairosvg_surface.TAGS[_tag] = _text
cairosvg_surface.text = _text  # ``Surface.draw`` tells text from shapes by comparing with this name
_cairosvg_draw_pattern = cairosvg_defs.draw_pattern
cairosvg_defs.draw_pattern = _pattern  # looked up in cairosvg.defs by ``gradient_or_pattern``
