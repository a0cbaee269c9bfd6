"""Layout templates: a registry from key to one small drawing function.

Content slides use the carousel's layout (or the slide's own override);
cover and outro slides are drawn by ``draw_cover`` and ``draw_outro`` (the outro's call to
action comes in ``ctx.cta``). Every drawer, these two included, is
``(ctx, slide, body_size, cursor) -> (elements, rest)``: it
draws one page and returns the text it could not place (see ``base``), which
``studio.render`` passes back as the cursor of the next page.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..choice import pick

from .base import Ctx, Drawer
from .cover import draw_cover
from .outro import draw_outro
from .templates import big_statement, bullet_list, headline_body, image_focus, post_card, split


@dataclass(frozen=True)
class Layout:
    key: str
    label: str
    description: str
    draw: Drawer


LAYOUTS: dict[str, Layout] = {l.key: l for l in (
    Layout("post-card", "Post card", "Reads like the original post: avatar, name, @handle, text, photo.", post_card),
    Layout("headline-body", "Headline + body", "A numbered heading or first sentence above the text.", headline_body),
    Layout("big-statement", "Big statement", "The whole text large, for one strong line.", big_statement),
    Layout("list", "List", "Bulleted or numbered points from lines starting - • or 1.", bullet_list),
    Layout("image-focus", "Image focus", "The photo large on top, the text below.", image_focus),
    Layout("split", "Split", "Text beside the photo.", split),
)}


def get_layout(key: str) -> Layout:
    """Look a layout up by key; ValueError lists the valid keys."""
    return pick(LAYOUTS, key, "layout")


__all__ = ["LAYOUTS", "Layout", "get_layout", "draw_cover", "draw_outro", "Ctx", "Drawer"]
