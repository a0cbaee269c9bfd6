"""Post links as creators really paste them: a first letter a phone capitalised, a link wrapped in a chat's angle
brackets or a document's quotes, X's short "/i/status/" form. Each is read as the link it is (not as a one-post
thread holding the link's text), and the import goes to X for that post."""
from __future__ import annotations

import pytest

from studio.sources import load_threads
from studio.sources.link import parse_post_link

ID = "1795455791755609371"


@pytest.mark.parametrize("url,expected", [
    (f"Https://x.com/jane_builds/status/{ID}", ("jane_builds", ID)),
    (f"HTTPS://X.COM/Jane_Builds/Status/{ID}", ("Jane_Builds", ID)),
    (f"<https://x.com/jane_builds/status/{ID}>", ("jane_builds", ID)),
    (f"“https://twitter.com/jane_builds/status/{ID}?s=46”", ("jane_builds", ID)),
    (f"(x.com/jane_builds/status/{ID})", ("jane_builds", ID)),
    (f"https://twitter.com/i/status/{ID}", ("", ID)),  # X's short form names no account (not one called "i")
    (f"https://x.com/i_am_jane/status/{ID}", ("i_am_jane", ID)),
])
def test_a_pasted_post_link_in_any_case_or_wrapping_is_read(url, expected):
    assert parse_post_link(url) == expected


@pytest.mark.parametrize("url", ["<https://x.com/jane>", "Https://example.com/jane/status/1", "“x.com/jane/status/abc”"])
def test_what_is_not_a_post_link_stays_so(url):
    with pytest.raises(Exception, match="not a post link"):
        parse_post_link(url)


def test_a_capitalised_link_is_fetched_not_imported_as_text(monkeypatch):
    import studio.sources as sources
    asked = []
    monkeypatch.setattr(sources, "fetch_post_link", lambda url: asked.append(url) or "fetched", raising=False)
    assert load_threads(f"Https://x.com/jane_builds/status/{ID}") == "fetched"
    assert asked == [f"Https://x.com/jane_builds/status/{ID}"]


@pytest.mark.parametrize("text", [
    f"“https://x.com/dana/status/{ID}?s=46” — the best thread I read this year, notes below",
    f"‹https://x.com/dana/status/{ID}> my notes",
    f"(x.com/dana/status/{ID}) my draft",
    f"https://x.com/dana/status/{ID}?s=46 — the best thread I read",
    f"“https://x.com/dana/status/{ID}”—my notes",
    f"<https://x.com/dana/status/{ID}",
])
def test_a_link_with_the_creators_words_after_it_is_text_and_never_fetched(monkeypatch, text):
    import studio.sources as sources
    asked = []
    monkeypatch.setattr(sources, "fetch_post_link", lambda url: asked.append(url) or "fetched", raising=False)
    result = load_threads(text)
    assert asked == []
    assert [p.text for p in result.threads[0].posts] == [text.strip()]
