"""Every studio export gets a path of its own: two people exporting same-named projects in one second (share mode:
one exports folder) never write one file, so "Download again" serves each their own client's PDF."""
import pypdfium2 as pdfium

from studio.app import exports
from studio.app.sample import sample_carousel
from studio.app.studio import Studio


def pdf_text(path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_same_named_exports_in_one_second_get_two_files_with_the_readable_name(tmp_path, monkeypatch):
    from studio.app import studio as module
    monkeypatch.setattr(module.time, "strftime", lambda fmt, *a: "20261202-073000")  # one second for both
    studio = Studio(tmp_path / "shared")
    (out_a, name_a), (out_b, name_b) = studio.export_path("pdf"), studio.export_path("pdf")
    assert name_a == name_b == exports.file_name(studio.carousel, "pdf")  # the download name as it was
    assert out_a != out_b and out_a.parent == out_b.parent == studio.exports_dir
    assert out_a.name.startswith("20261202-073000-") and out_a.name.endswith(f"-{name_a}")

    alpha, beta = sample_carousel(), sample_carousel()
    alpha.brand.name, alpha.brand.handle = "Client Alpha", "clientalpha"
    beta.brand.name, beta.brand.handle = "Client Beta", "clientbeta"
    exports.export(alpha, out_a, "pdf")
    exports.export(beta, out_b, "pdf")
    text_a = pdf_text(out_a)
    assert "Client Alpha" in text_a and "Client Beta" not in text_a
    assert "Client Beta" in pdf_text(out_b)


def test_an_export_path_is_never_one_already_in_the_folder(tmp_path, monkeypatch):
    from studio.app import studio as module
    monkeypatch.setattr(module.time, "strftime", lambda fmt, *a: "20261202-073000")
    tokens = iter(["aaaaaaaa", "aaaaaaaa", "bbbbbbbb"])
    monkeypatch.setattr(module.secrets, "token_hex", lambda n: next(tokens))
    studio = Studio(tmp_path / "shared")
    first, _ = studio.export_path("pdf")
    second, _ = studio.export_path("pdf")
    assert first != second and "-bbbbbbbb-" in second.name
