"""The outro's link has a cap (MAX_CTA_LINK_CHARS) at every door: an edit (plain and share mode) is refused, and a
project file holding a longer one renders with the link cut in the PDF's link data (a 300 KB link had been
written whole: a 647 KB PDF instead of 46 KB)."""
from __future__ import annotations

import json

import pypdf
import pytest

from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.cli import main
from studio.limits import MAX_CTA_LINK_CHARS
from studio.project_file import carousel_to_json
from studio.share.codocument import CoDocument

LONG = "https://example.com/" + "a" * (3 * MAX_CTA_LINK_CHARS)


@pytest.mark.parametrize("cls", [Document, CoDocument])
def test_a_link_edit_over_the_cap_is_refused(cls):
    doc = cls(sample_carousel())
    before = doc.carousel.cta.link
    with pytest.raises(EditError, match=f"link has {len(LONG):,} characters; the limit is {MAX_CTA_LINK_CHARS:,}"):
        doc.set_cta(origin="ada", link=LONG)
    assert doc.carousel.cta.link == before


def test_an_old_project_with_a_long_link_renders_it_cut_in_the_pdf(tmp_path, capsys):
    data = json.loads(carousel_to_json(sample_carousel()))
    data["carousel"]["cta"]["link"] = LONG
    (tmp_path / "p.json").write_text(json.dumps(data))
    code = main(["render", str(tmp_path / "p.json"), "-o", str(tmp_path / "out.pdf"), "--data-dir", str(tmp_path / "d")])
    assert code == 0
    assert "the outro's link" in capsys.readouterr().err
    uris = [a.get_object()["/A"]["/URI"] for page in pypdf.PdfReader(tmp_path / "out.pdf").pages
            for a in page.get("/Annots") or [] if "/URI" in a.get_object().get("/A", {})]
    assert uris and all(len(u) <= MAX_CTA_LINK_CHARS for u in uris)
    assert all(LONG.startswith(u) for u in uris)
