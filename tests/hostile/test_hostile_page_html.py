"""The page's elements are escaped for its HTML exactly as NiceGUI escapes them, only faster."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from nicegui import client as nicegui_client

from components import page_html
from property_examples import ANY_CHARACTER

TABLE = nicegui_client.HTML_ESCAPE_TABLE


@given(st.text(alphabet=st.sampled_from("&<>`$;#a é😀\"'\\")) | st.text(ANY_CHARACTER))
def test_escape_equals_nicegui_escaping(text):
    assert page_html.escape(text, TABLE) == text.translate(TABLE)


def test_the_json_nicegui_uses_escapes_itself_the_same_way():
    page_html.install()
    assert nicegui_client.json is not None
    text = nicegui_client.json.dumps({"svg": "<svg>&amp; `$x` </svg>", "n": [1, 2]})
    assert text.translate(TABLE) == str(text).translate(TABLE) == str.translate(text, TABLE)
    assert text.translate({ord("a"): "b"}) == str.translate(text, {ord("a"): "b"})  # any other table: as before
    assert nicegui_client.json.loads("[1]") == [1]


async def test_a_page_is_served_with_its_elements_escaped(studio):
    response = await studio.http_client.get("/")
    assert response.status_code == 200
    elements = response.text.split("parseElements(String.raw`", 1)[1].split("`", 1)[0]
    assert "&lt;svg" in elements and "<" not in elements and "$" not in elements
