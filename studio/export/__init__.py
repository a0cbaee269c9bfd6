"""Exports: the LinkedIn PDF, Instagram images (folder or ZIP), single slides, platform checks.

Everything here draws the renderer's SVG with CairoSVG over cairo; see
``drawing`` for how photos stay JPEG in the PDF and how external files are never read.
"""
from .images import IMAGE_FORMATS, check_image_format, export_images, slide_image, slide_png, slide_svg
from .pdf import export_pdf
from .platforms import check_identity, check_platform
from .report import ExportError, ExportReport, format_bytes

__all__ = [
    "ExportError", "ExportReport", "IMAGE_FORMATS", "check_identity", "check_image_format", "check_platform",
    "export_images", "export_pdf", "format_bytes", "slide_image", "slide_png", "slide_svg",
]
