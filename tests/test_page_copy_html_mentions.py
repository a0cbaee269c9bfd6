"""A thread page pasted as HTML (what the studio's paste box gets from the clipboard): X wraps each mention,
hashtag and cashtag inside a post's words in a <div> it draws inline, so the words stay on one line."""
from __future__ import annotations

import html as html_lib

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.app.imports import Imports

HEADER = ('<div class="css-175oi2r"><a href="/danakim_dev" role="link"><div dir="ltr"><span class="css-1jxf684">'
          'Dana Kim</span></div></a></div><div class="css-175oi2r"><a href="/danakim_dev" role="link"><div dir="ltr">'
          '<span class="css-1jxf684">@danakim_dev</span></div></a></div>')
DATED = '<div dir="ltr" aria-hidden="true"><span>·</span></div><div><a href="/danakim_dev/status/2"><time>Nov 27</time></a></div>'
TIMED = ('<div><a href="/danakim_dev/status/1"><time datetime="2026-11-27T09:12:00.000Z">9:12 PM · Nov 27, 2026'
         '</time></a></div><div><span>48K</span><span> Views</span></div>')
COUNTS = '<div role="group"><button><div><span>312</span></div></button><button><div><span>1.8K</span></div></button></div>'


def token(word: str) -> str:
    """A word of a post as X's page marks it up: a mention, hashtag or cashtag in an inline <div>."""
    if word[:1] in "@#$":
        href = f"/{word[1:]}" if word[0] == "@" else f"/hashtag/{word[1:]}?src=hashtag_click"
        return (f'<div class="css-175oi2r r-xoduu5"><span class="r-18u37iz"><a dir="ltr" href="{href}" role="link" '
                f'class="css-1jxf684">{html_lib.escape(word)}</a></span></div>')
    return f'<span class="css-1jxf684">{html_lib.escape(word)}</span>'


def post_text(words: list[str]) -> str:
    return ('<div lang="en" dir="auto" data-testid="tweetText">'
            + '<span class="css-1jxf684"> </span>'.join(token(w) for w in words) + "</div>")


def page(posts: list[list[str]]) -> str:
    first = f'<article data-testid="tweet" role="article"><div>{HEADER}</div>{post_text(posts[0])}{TIMED}{COUNTS}</article>'
    rest = "".join(f'<article data-testid="tweet" role="article"><div>{HEADER}{DATED}</div>{post_text(words)}{COUNTS}'
                   "</article>" for words in posts[1:])
    return f"<html><body><!--StartFragment-->{first}{rest}<!--EndFragment--></body></html>"


def test_a_mention_a_hashtag_and_a_cashtag_stay_in_their_sentence():
    posts = [["Lessons", "from", "a", "year", "with", "@bob_dev", "🧵"],
             ["Thanks", "@bob_dev", "and", "@kim_lee", "for", "the", "#buildinpublic", "push:", "$TSLA", "is", "not",
              "advice."]]
    result = Imports.paste(page(posts))
    assert [p.text for p in result.threads[0].posts] == [
        "Lessons from a year with @bob_dev", "Thanks @bob_dev and @kim_lee for the #buildinpublic push: $TSLA is not "
        "advice."]
    assert {p.handle for p in result.threads[0].posts} == {"danakim_dev"}


def test_a_copy_cut_inside_a_posts_words_keeps_what_it_holds():
    cut = page([["Lessons", "from", "@bob_dev"], ["Second", "post", "with", "@kim_lee"]])
    cut = cut[:cut.rindex("@kim_lee")] + "</a></span></div></body></html>"  # the selection ended there
    texts = [p.text for p in Imports.paste(cut).threads[0].posts]
    assert texts[0] == "Lessons from @bob_dev" and texts[1].split()[:3] == ["Second", "post", "with"]


_WORDS = st.sampled_from(["Ship", "weekly", "café", "Q&A", "<3", "AT&T", "1/", "42%", "🚀", "中文", "@bob_dev",
                          "@kim_lee", "#SaaS", "#buildinpublic", "$TSLA", "(really)", "—", "it."])


@settings(max_examples=examples(40), deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=2, max_size=10).filter(lambda ws: ws[0] != "1/"), min_size=2, max_size=4))
def test_property_every_word_of_an_html_copy_arrives_on_its_line(posts):
    posts[0] = ["Opening", *posts[0]]
    got = [p.text for p in Imports.paste(page(posts)).threads[0].posts]
    assert got == [" ".join(words) for words in posts]
