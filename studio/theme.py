"""Themes: colour and font presets, plus WCAG contrast helpers.

Every preset passes WCAG AA for the pairs it is drawn with (tests/test_theme.py):
text, muted and accent on the background (both stops of a gradient) and on the
card surface at 4.5:1, on-accent text on the accent at 4.5:1.

A brand accent (BrandProfile.accent) replaces the theme's accent like this:
the button and decoration fill use the brand colour exactly, with black or white
button text, whichever contrasts more (that always reaches 4.5:1). Accent
*text* (links, hashtags, numbers) uses the brand colour only if it reaches
4.5:1 on the background and the surface; otherwise it is mixed toward the
theme's text colour in 5 % steps until it does, so links stay readable.
"""
from __future__ import annotations

from dataclasses import dataclass

from .choice import pick


@dataclass(frozen=True)
class Theme:
    """A preset: background (one colour or a two-stop gradient), text colours, fonts, pattern."""

    key: str
    label: str
    background: tuple[str, ...]  # one colour, or two gradient stops (top-left -> bottom-right)
    text: str
    muted: str
    accent: str
    on_accent: str
    surface: str  # cards (post card, photo frame)
    title_font: str
    body_font: str
    pattern: str = "none"
    pattern_color: str = ""  # "" = the text colour
    pattern_opacity: float = 0.08
    title_weight: int = 700
    dark: bool = False

    @property
    def is_gradient(self) -> bool:
        return len(self.background) > 1

    @property
    def base(self) -> str:
        """The background colour to check solid things against (the first stop)."""
        return self.background[0]


def _t(*args, **kw) -> Theme:
    return Theme(*args, **kw)


THEMES: dict[str, Theme] = {t.key: t for t in (
    _t("paper", "Paper", ("#FAF7F2",), "#1C1B19", "#5C5750", "#B4410E", "#FFFFFF", "#FFFFFF",
       "Fraunces", "Inter", pattern="grain", pattern_opacity=0.06),
    _t("clean", "Clean", ("#FFFFFF",), "#0F172A", "#475569", "#2563EB", "#FFFFFF", "#F1F5F9",
       "Inter", "Inter", pattern="dots", pattern_color="#94A3B8", pattern_opacity=0.35),
    _t("midnight", "Midnight", ("#0B1120",), "#F8FAFC", "#A3B1C6", "#38BDF8", "#0B1120", "#162033",
       "Space Grotesk", "Inter", pattern="grid", pattern_opacity=0.05, dark=True),
    _t("electric", "Electric", ("#3A1FD1",), "#FFFFFF", "#E0DBFF", "#FFE14D", "#1A1240", "#2A1699",
       "Montserrat", "DM Sans", pattern="waves", pattern_opacity=0.09, dark=True),
    _t("blush", "Blush", ("#FDEBF1",), "#3B1F2B", "#6B4453", "#A8195C", "#FFFFFF", "#FFFFFF",
       "Poppins", "Poppins", pattern="dots", pattern_color="#A8195C", pattern_opacity=0.12),
    _t("sunset", "Sunset", ("#A3281A", "#5E1B86"), "#FFFFFF", "#FFE3D6", "#FFD166", "#2B1030", "#4A1630",
       "Montserrat", "Inter", pattern="mesh", pattern_color="#FF9E6B", pattern_opacity=0.35, dark=True),
    _t("ocean", "Ocean", ("#0B4F6C", "#14306E"), "#FFFFFF", "#CFE6F2", "#7DE3D1", "#08263A", "#0A2C4A",
       "DM Sans", "DM Sans", pattern="waves", pattern_opacity=0.08, dark=True),
    _t("mono", "Mono", ("#FFFFFF",), "#111111", "#555555", "#111111", "#FFFFFF", "#F2F2F2",
       "IBM Plex Sans", "IBM Plex Sans", pattern="lines", pattern_color="#111111", pattern_opacity=0.06),
    _t("editorial", "Editorial", ("#F3EEE4",), "#1A1A1A", "#57524B", "#9C1C1F", "#FFFFFF", "#FBF8F2",
       "Playfair Display", "Lora", pattern="none"),
    _t("forest", "Forest", ("#10291F",), "#F2F5EE", "#AFC7B8", "#F2C14E", "#1A1A12", "#1A3A2D",
       "DM Serif Display", "DM Sans", pattern="diagonal", pattern_opacity=0.05, title_weight=400, dark=True),
    _t("mint", "Mint", ("#E4F5EC",), "#0F2E24", "#3D5E52", "#0B6B5E", "#FFFFFF", "#FFFFFF",
       "DM Sans", "DM Sans", pattern="dots", pattern_color="#0B6B5E", pattern_opacity=0.12),
    _t("lavender", "Lavender", ("#EEEAFB",), "#221A3D", "#524970", "#5534C8", "#FFFFFF", "#FFFFFF",
       "Poppins", "Inter", pattern="mesh", pattern_color="#B9A8F5", pattern_opacity=0.45),
    _t("terminal", "Terminal", ("#0D1117",), "#E6EDF3", "#9BA7B4", "#3FD07A", "#06210F", "#161B22",
       "JetBrains Mono", "JetBrains Mono", pattern="grid", pattern_color="#3FD07A", pattern_opacity=0.06,
       dark=True),
    _t("sunshine", "Sunshine", ("#FFD43B",), "#1B1A14", "#47401F", "#9B1C1C", "#FFFFFF", "#FFF4C2",
       "Space Grotesk", "DM Sans", pattern="diagonal", pattern_opacity=0.07),
    _t("noir", "Noir", ("#121212",), "#FAFAFA", "#A8A8A8", "#FF7A59", "#1A0E0A", "#1E1E1E",
       "Montserrat", "Inter", pattern="grain", pattern_color="#FFFFFF", pattern_opacity=0.05, dark=True),
)}


def get_theme(key: str) -> Theme:
    """Look a theme up by key; ValueError lists the valid keys."""
    return pick(THEMES, key, "theme")


# ---------------------------------------------------------------- colour maths

def rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def hex_colour(r: float, g: float, b: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, round(v))) for v in (r, g, b)))


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """``a`` moved a share ``t`` toward ``b``."""
    ra, rb = rgb(a), rgb(b)
    return hex_colour(*(x + (y - x) * t for x, y in zip(ra, rb)))


def readable_on(fill: str) -> str:
    """Near-black or white text for a fill, whichever contrasts more; pure black when only it reaches 4.5:1."""
    dark, light = "#111111", "#FFFFFF"
    best = dark if contrast(dark, fill) >= contrast(light, fill) else light
    return best if contrast(best, fill) >= 4.5 else "#000000"


@dataclass(frozen=True)
class Palette:
    """The colours a slide is drawn with after the brand accent is applied."""

    background: tuple[str, ...]
    text: str
    muted: str
    accent: str  # accent for text (links, numbers): always readable
    accent_fill: str  # buttons, bars, bullets
    on_accent: str
    surface: str
    pattern_color: str
    pattern_opacity: float


def palette(theme: Theme, brand_accent: str = "") -> Palette:
    """Resolve the theme's colours, with an optional brand accent (see module docstring)."""
    pattern_color = theme.pattern_color or theme.text
    if not brand_accent:
        return Palette(theme.background, theme.text, theme.muted, theme.accent, theme.accent,
                       theme.on_accent, theme.surface, pattern_color, theme.pattern_opacity)
    fill = brand_accent.upper()
    grounds = theme.background + (theme.surface,)
    text_accent = fill
    for step in range(21):
        text_accent = mix(fill, theme.text, step * 0.05)
        if all(contrast(text_accent, g) >= 4.5 for g in grounds):
            break
    return Palette(theme.background, theme.text, theme.muted, text_accent, fill, readable_on(fill),
                   theme.surface, pattern_color, theme.pattern_opacity)
