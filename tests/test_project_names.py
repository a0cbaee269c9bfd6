"""One thread, one project: the name from the thread's hook, the download name, the PDF's document info
(read back with pypdf) and ZIP members that unpack as 0644."""
from __future__ import annotations

import shutil
import stat
import subprocess
import unicodedata
import zipfile

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from studio.brand import BrandProfile
from studio.export import export_images, export_pdf
from studio.naming import NAME_MAX, STEM_BYTES, document_info, file_stem, hook_name, project_name
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

from property_examples import ANY_CHARACTER

LLM = ("The growth of LLM context length with time: - GPT-3.5-turbo 4k - GPT-4 32k - Claude 100k "
       "- Gemini 1M 🧵")
BAKERY = "1/ How we took our bakery from one oven to three shops in four years, without outside money 🥐"


def thread(first, *rest, author="", handle=""):
    posts = [Post(str(i), t, author_name=author, handle=handle) for i, t in enumerate((first, *rest))]
    return Thread("t", posts)


def test_inline_list_dashes_and_markers_are_not_part_of_the_name():
    assert project_name(thread(LLM)) == "The growth of LLM context length with time"
    assert project_name(thread("Thread: 24/7 support is a myth 🧵")) == "24/7 support is a myth"
    assert project_name(thread("- first item\n- second item")) == "first item"


def test_a_long_hook_is_cut_on_a_word_boundary_without_a_trailing_space():
    name = project_name(thread(BAKERY))
    assert name == "How we took our bakery from one oven to three shops in…"
    assert len(name) <= NAME_MAX and not name[:-1].endswith(" ")


def test_the_first_sentence_names_the_project():
    assert project_name(thread("Most carousels fail in two seconds. Not because of the ideas.")) == \
        "Most carousels fail in two seconds"


def test_an_emoji_only_hook_falls_back_to_the_author_then_untitled():
    assert project_name(thread("🧵🔥🚀", "Second post.", author="Jane Doe")) == "Thread by Jane Doe"
    assert project_name(thread("🧵🔥🚀", handle="jane")) == "Thread by @jane"
    assert project_name(thread("👇")) == "Untitled carousel"
    assert project_name(thread("\n🔥\nThe real hook\n")) == "The real hook"


@given(st.text(ANY_CHARACTER, max_size=300))
def test_any_text_gives_a_clean_name(text):
    name = hook_name(text)
    assert len(name) <= NAME_MAX
    assert name == name.strip() and "\n" not in name
    if name:
        assert any(ch.isalnum() for ch in name)
        assert not name.startswith(("-", "–", "•")) and not name.rstrip("…").endswith((" ", "-", ":", ","))


@given(st.text(ANY_CHARACTER, max_size=200))
def test_file_stems_are_safe(name):
    stem = file_stem(name)  # letters of any script, digits and "-" only: no separator, control or reserved mark
    assert stem and len(stem) <= NAME_MAX and len(stem.encode("utf-8")) <= STEM_BYTES
    assert all(ch == "-" or unicodedata.category(ch)[0] in "LMN" for ch in stem), stem
    assert stem == unicodedata.normalize("NFC", stem)
    assert not stem.startswith("-") and not stem.endswith("-")


def bakery_carousel():
    t = thread(BAKERY, "2/ We started with one oven.", "3/ Follow me for the next part.",
               author="Sam Baker", handle="sambakes")
    carousel = carousel_from_thread(t)
    carousel.name = project_name(t)
    return carousel


def test_the_download_name_comes_from_the_project():
    assert file_stem(bakery_carousel().name) == "how-we-took-our-bakery-from-one-oven-to-three-shops-in"


def test_pdf_title_author_and_subject_come_from_the_project(tmp_path):
    carousel = bakery_carousel()
    export_pdf(carousel, tmp_path / "bakery.pdf")
    meta = PdfReader(tmp_path / "bakery.pdf").metadata
    assert meta.title == "How we took our bakery from one oven to three shops in…"
    assert meta.author == "Sam Baker"  # no brand profile: the thread's author is credited
    assert meta.subject == ("How we took our bakery from one oven to three shops in four years, "
                            "without outside money")
    assert meta.creator == "Carousel Studio"


def test_the_brand_is_the_pdf_author_when_one_is_chosen(tmp_path):
    carousel = bakery_carousel()
    carousel.brand = BrandProfile(name="Crumb & Co", handle="crumbco")
    assert document_info(carousel)["author"] == "Crumb & Co"
    carousel.brand = BrandProfile(handle="crumbco")
    assert document_info(carousel)["author"] == "@crumbco"


def test_zip_members_unpack_as_0644(tmp_path):
    report = export_images(bakery_carousel(), tmp_path / "bakery.zip", "jpeg")
    with zipfile.ZipFile(report.target) as archive:
        infos = archive.infolist()
        assert len(infos) == report.pages + 1  # the images and alt-text.txt
        for info in infos:
            mode = info.external_attr >> 16
            assert stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644, (info.filename, oct(mode))

    if shutil.which("unzip"):  # unzip applies the stored modes (Python's extractall does not)
        subprocess.run(["unzip", "-q", str(report.target), "-d", str(tmp_path / "out")], check=True)
        for path in (tmp_path / "out").iterdir():
            assert stat.S_IMODE(path.stat().st_mode) & 0o044 == 0o044, path.name  # group and others may read
