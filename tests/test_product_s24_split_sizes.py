"""Session 24 (round 2): Split gives a table the page's width only when that draws it at a readable size (or larger
than the narrow column would); a table that would be tiny across the page keeps the column's wrapped form at the
text's size. Beside a portrait photo, the photo below the table gets smaller before a closing sentence is pushed
to a page of its own."""
from __future__ import annotations

import dataclasses
import io

from PIL import Image as PILImage

from render_helpers import carousel_of, runs
from studio import render
from studio.image import Image
from studio.typography import MIN_BODY_SIZE

LONG_CELL = ("| Tool | What it does |\n|---|---|\n| Notion | A very long description of everything this tool does for my "
             "weekly writing workflow |\n| Figma | Design |")
WIDE = ("Plans compared:\n| Plan | Price per month | Seats included | Storage | Support level |\n|---|---|---|---|---|\n"
        "| Free | $0 | 1 | 5 GB | Community forum |\n| Pro | $12 | 5 | 100 GB | Email within 24h |")
PRICING = ("Our pricing, compared:\n| Plan | Price per month | Seats | Storage | Support |\n|---|---|---|---|---|\n"
           "| Free | $0 | 1 | 5 GB | Community |\n| Pro | $12 | 5 | 100 GB | Email |\n"
           "| Team | $49 | 25 | 1 TB | Priority phone |\nPick one and start.")


def _table_sizes(svg: str) -> set[float]:
    return {r.size for r in runs(svg) if r.role == "body" and "|" in r.text}


def test_a_table_tiny_across_the_page_keeps_the_column_at_a_readable_size():
    for text in (LONG_CELL, WIDE):
        for fmt in ("linkedin-portrait", "instagram-square"):
            svg = render.render_slides(carousel_of(["Intro", text, "End"], layout="split", format=fmt))[1]
            sizes = _table_sizes(svg)
            assert sizes and min(sizes) >= MIN_BODY_SIZE, (fmt, text[:20], sizes)
            drawn = " ".join(r.text for r in runs(svg) if r.role in ("body", "title")).split()
            assert all(w in drawn or set(w) <= set("|-") for w in text.split())


def _with_portrait_photo(carousel):
    buf = io.BytesIO()
    PILImage.new("RGB", (600, 900), (200, 60, 60)).save(buf, "JPEG")
    slides = list(carousel.slides)
    slides[1] = dataclasses.replace(slides[1], image=Image(buf.getvalue(), "image/jpeg", 600, 900))
    return dataclasses.replace(carousel, slides=slides)


def test_a_closing_sentence_under_a_wide_table_stays_on_the_photos_page():
    carousel = _with_portrait_photo(carousel_of(["Intro", PRICING], layout="split", format="instagram-square"))
    svgs = render.render_slides(carousel)
    assert len(svgs) == 3, [[r.text for r in runs(s) if r.role == "body"] for s in svgs]
    body = [r for r in runs(svgs[1]) if r.role == "body"]
    assert "Pick one and start." in [r.text for r in body]
    # (session 25: the table's cells wrap inside their columns at the readable size, not shrunk to keep rows whole)
    assert min(_table_sizes(svgs[1])) >= MIN_BODY_SIZE
    drawn = " ".join(r.text for r in runs(svgs[1]) if r.role in ("body", "title")).split()
    assert all(w in drawn or set(w) <= set("|-") for w in PRICING.split())
