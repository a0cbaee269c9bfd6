"""A tiny SVG element builder that escapes by construction.

Text and attribute values are always escaped when serialised, and characters
XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are
dropped, so user text can never become markup or break the document. Numbers
are formatted with fixed precision so the same drawing gives the same bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SVG_NS = "http://www.w3.org/2000/svg"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ESCAPES_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def xml_safe(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry."""
    return _INVALID_XML.sub("", text)


def num(value: float) -> str:
    """A coordinate as short, stable text: at most 2 decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attr_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return num(float(value))
    return xml_safe(str(value)).translate(_ESCAPES_ATTR)


@dataclass
class El:
    """An SVG element: tag, attributes (kept in insertion order), text, children.

    Attribute names use "_" for "-" (``font_size`` -> ``font-size``) unless they
    are given in ``attrs`` directly. ``None`` values are left out.
    """

    tag: str
    attrs: dict[str, object] = field(default_factory=dict)
    children: list["El"] = field(default_factory=list)
    text: str = ""

    def add(self, *children: "El | None") -> "El":
        self.children.extend(c for c in children if c is not None)
        return self

    def to_string(self) -> str:
        parts: list[str] = []
        self._write(parts)
        return "".join(parts)

    def _write(self, out: list[str]) -> None:
        out.append("<" + self.tag)
        for name, value in self.attrs.items():
            if value is None:
                continue
            out.append(f' {name}="{_attr_value(value)}"')
        if not self.children and not self.text:
            out.append("/>")
            return
        out.append(">")
        if self.text:
            out.append(xml_safe(self.text).translate(_ESCAPES_TEXT))
        for child in self.children:
            child._write(out)
        out.append(f"</{self.tag}>")


@dataclass
class Built(El):
    """Markup this builder already serialised (cached pieces such as a page's content).

    The one opt-out from escaping: only ever wrap the output of ``El.to_string``.
    """

    markup: str = ""

    def _write(self, out: list[str]) -> None:
        out.append(self.markup)


def built(element: El) -> Built:
    """Serialise an element once so it can be reused in many documents."""
    return Built("", markup=element.to_string())


def el(tag: str, *children: El | None, text: str = "", attrs: dict[str, object] | None = None,
       **kw: object) -> El:
    """Build an element: ``el("rect", x=0, y=0, fill="#fff")``; "_" in keyword names becomes "-"."""
    merged: dict[str, object] = {k.rstrip("_").replace("_", "-"): v for k, v in kw.items()}
    if attrs:
        merged.update(attrs)
    return El(tag, merged, [c for c in children if c is not None], text)


def document(width: float, height: float, scale: float, *children: El | None) -> str:
    """The root <svg>: viewBox in design units, width/height = viewBox × scale."""
    root = el("svg", *children, xmlns=SVG_NS, width=width * scale, height=height * scale,
              viewBox=f"0 0 {num(width)} {num(height)}")
    return root.to_string()
