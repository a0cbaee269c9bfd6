"""The export dialog: the Resolution choice comes before the download buttons it applies to, and the outro's
stock-ask warning tells the CTA as it is now (a link the creator added is named, the words still stock)."""
from __future__ import annotations

from nicegui import ui

from ui_helpers import click, until


def text_of(studio, row) -> str:
    with studio:
        return " ".join(e.text for e in row.descendants() if isinstance(e, ui.label))


async def test_resolution_is_chosen_before_the_download_buttons(studio, testid):
    click(studio, testid(studio, "export-open")[0])
    (scale,) = testid(studio, "export-scale")
    buttons = [testid(studio, name)[0] for name in ("export-pdf", "export-zip", "export-slide", "export-project")]
    assert all(scale.id < button.id for button in buttons)  # page order: the choice first


async def test_the_stock_ask_warning_names_the_link_the_creator_added(studio, testid):
    doc = studio.shared.document
    doc.set_cta_variant(2)
    doc.set_cta(link="janebuilds.dev/ci-guide")
    click(studio, testid(studio, "export-open")[0])
    await until(lambda: any("stock" in text_of(studio, w) for w in testid(studio, "identity-warning")), timeout=60)
    (told,) = [text_of(studio, w) for w in testid(studio, "identity-warning") if "stock" in text_of(studio, w)]
    assert "with your link janebuilds.dev/ci-guide" in told and "repost" in told
    assert "still has the stock call to action" not in told
    assert f"“{doc.carousel.cta.headline}”" in told


async def test_without_a_link_the_stock_ask_warning_is_as_before(studio, testid):
    click(studio, testid(studio, "export-open")[0])
    await until(lambda: testid(studio, "identity-warning"), timeout=60)
    assert any("still has the stock call to action" in text_of(studio, w) for w in testid(studio, "identity-warning"))
