"""Names from the project: no invisible characters (a subdivision flag's tag letters) in the project's name or the
PDF's Title and Subject; download names keep the project's letters in any script, safely, and the download header
names the file in UTF-8 with an ASCII fallback."""
from __future__ import annotations

import io
import re
import unicodedata
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from studio.export import export_pdf
from studio.naming import NAME_MAX, STEM_BYTES, ascii_stem, document_info, file_stem, hook_name, visible
from studio.new_project import project_from_thread

from render_helpers import carousel_of
from ui_helpers import click

SCOTLAND = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


# format characters a script draws: prepended concatenation marks (Arabic number sign, end of ayah…) and the
# Mongolian vowel separator
DRAWN_FORMAT = set("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd\u180e")


def _invisible(text: str) -> list[str]:
    return [ch for ch in text if (unicodedata.category(ch) == "Cf" and ch not in DRAWN_FORMAT)
            or "\U000e0000" <= ch <= "\U000e007f"]


@pytest.mark.parametrize("flag", [SCOTLAND, "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",
                                  "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"])
def test_a_subdivision_flag_leaves_no_tag_letters_in_the_name_title_or_subject(flag):
    c = project_from_thread(carousel_of([f"{flag} Why I moved to Edinburgh. A thread.", "Second post.",
                                         "Third."]).thread)
    assert c.name == "Why I moved to Edinburgh"
    buf = io.BytesIO()
    export_pdf(c, buf)
    meta = PdfReader(io.BytesIO(buf.getvalue()), strict=True).metadata
    assert meta["/Title"] == "Why I moved to Edinburgh"
    assert meta["/Subject"] == "Why I moved to Edinburgh."


def test_a_name_typed_with_stray_tag_letters_has_a_clean_title_and_a_whole_flag_stays():
    c = carousel_of(["Cover.", "Second."])
    c.name = "\U000e0067\U000e0062 Edinburgh\u200b notes " + SCOTLAND
    assert document_info(c)["title"] == "Edinburgh notes " + SCOTLAND
    assert visible("👨\u200d👩 ❤️ می\u200cخواهم") == "👨\u200d👩 ❤️ می\u200cخواهم"  # an emoji's and a word's joiners stay


def test_a_keycap_is_its_digit():
    assert hook_name("1\ufe0f\u20e3 Lesson one: ship it") == "1 Lesson one: ship it"
    assert hook_name("1\ufe0f\u20e30\ufe0f\u20e3 tips for writing hooks") == "10 tips for writing hooks"  # a number
    assert hook_name("My top 3\ufe0f\u20e3 tools for writers") == "My top 3 tools for writers"


@given(st.text(max_size=80))
def test_a_hook_name_holds_no_invisible_character(text):
    assert not _invisible(hook_name(text).replace("\u200c", ""))


STEMS = [
    ("Привет, мир: 10 уроков", "привет-мир-10-уроков"),
    ("東京のスタートアップ", "東京のスタートアップ"),
    ("מדריך React", "מדריך-react"),
    ("Ελληνικά μαθήματα", "ελληνικά-μαθήματα"),
    ("Straße & Café 🇩🇪", "straße-café"),
    ("Cafe\u0301", "café"),  # NFC
    ("a/b\\c:d*e?f\"g<h>i|j\x00k", "a-b-c-d-e-f-g-h-i-j-k"),
    ("CON", "con-carousel"), ("lpt1", "lpt1-carousel"),
    ("🎉🎉", "carousel"),
]


def test_a_download_name_keeps_the_words_of_any_script():
    assert {name: file_stem(name) for name, _ in STEMS} == dict(STEMS)


def test_a_long_name_in_a_wide_script_is_capped_in_bytes_on_a_letter_boundary():
    stem = file_stem("हिन्दी " * 40)
    assert len(stem.encode("utf-8")) <= STEM_BYTES and len(stem) <= NAME_MAX
    assert set(stem.split("-")) <= {"हिन्दी"}  # whole letters: no vowel sign or virama cut off its consonant


def test_the_ascii_fallback_name():
    assert ascii_stem("straße-café") == "strasse-cafe"
    assert ascii_stem("東京") == "carousel"


async def test_the_download_header_names_the_file_in_its_own_letters(studio, testid):
    studio.shared.document.rename("Привет, мир: 10 уроков")
    click(studio, testid(studio, "export-open")[0])
    click(studio, testid(studio, "export-project")[0])
    response = await studio.download.next(timeout=30)
    header = response.headers.get("content-disposition", "")
    utf8 = re.search(r"filename\*=UTF-8''(\S+)", header)
    assert utf8 and unquote(utf8.group(1)) == "привет-мир-10-уроков.json", header
    assert re.search(r'filename="[ -~]+\.json"', header), header  # an ASCII name for clients without RFC 5987


def test_the_streamed_download_header_has_both_names():
    from components.download import _attachment
    assert _attachment("straße-café.pdf") == \
        "attachment; filename=\"strasse-cafe.pdf\"; filename*=UTF-8''stra%C3%9Fe-caf%C3%A9.pdf"
    assert _attachment("sample-threads.pdf") == 'attachment; filename="sample-threads.pdf"'
