"""Fuzzing the copied-page reader with whole thread pages built from parts: X's header in a few of its interface
languages, counts shown or not, posts whose lines may be worded as X's (a button's word, "Show more", a date, a
number) with the author's words around them, copied with or without a blank line between every line. The author's
words all arrive, in order, each post as one slide. (A line that is a mention alone, or ends in one, under a line
that could be a name, reads as X's "Name" / "@handle" header: the pages here keep mentions inside lines.)"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from property_examples import examples
from studio.sources.paste import parse_paste

# (the opening post's full time and views, a later post's date, a button under a cut post)
LANGUAGES = {
    "en": ("3:04 PM · Nov 2, 2026", "Views", "Nov 2", "Show more"),
    "es": ("9:12 a. m. · 14 nov. 2026", "Visualizaciones", "14 nov.", "Mostrar más"),
    "de": ("10:47 vorm. · 3. Nov. 2026", "Mal angezeigt", "3. Nov.", "Mehr anzeigen"),
    "fr": ("4:02 PM · 6 nov. 2026", "vues", "6 nov.", "Afficher plus"),
    "ja": ("午後3:04 · 2026年11月2日", "件の表示", "11月2日", "さらに表示"),
}
WORDS = st.sampled_from(["Ship", "ugly,", "then", "ask", "users", "why.", "Pricing", "matters", "café", "10x",
                         "#buildinpublic", "@sam_k,", "$9", "2/3", "👇", "(really)", "naïve", "first:"])
# Lines the author may write that X's page also shows somewhere: never at the end of a post (ambiguous there),
# always with the author's words under them.
XS_WORDING = st.sampled_from([
    "Like", "Share", "Reply", "Follow", "Show more", "Translate post", "Quote", "Views", "Promoted", "Nov 5", "42", "·",
    "Image", "Discover more", "Last edited", "Ad", "Messages", "Relevant people", "Search", "Who to follow", "Post",
    "Conversation", "Pinned", "Show replies", "Read more", "Following", "Subscribe", "Replying to", "What’s happening",
    "Terms of Service", "Home", "Explore", "Log in", "Sign up", "GIF", "ALT", "0:42", "Learn more", "Bookmarks",
    "Notifications", "Dana reposted", "From example.com", "45%", "1,024 votes · Final results"])
# (Left out as the reader's to decide, each named in a notice: X's own sentences over a community note, a
# translation or a gone post, and a site's domain over a line, read as a link's card when it ends the post.)


@st.composite
def posts(draw):
    count = draw(st.integers(2, 5))
    out = []
    for _ in range(count):
        lines = [" ".join(draw(st.lists(WORDS, min_size=2, max_size=6)))]
        for _ in range(draw(st.integers(0, 2))):
            lines += [draw(XS_WORDING), " ".join(draw(st.lists(WORDS, min_size=2, max_size=4)))]
        out.append(lines)
    return out


def _page(texts: list[list[str]], language: str, counts: bool) -> str:
    full, views, date, _ = LANGUAGES[language]
    lines = ["Dana Kim", "@danakim_dev", *texts[0], full, "·", "12K", views]
    if counts:
        lines += ["3", "5", "48"]
    for text in texts[1:]:
        lines += ["Dana Kim", "@danakim_dev", "·", date, *text]
        if counts:
            lines += ["2", "9", "120"]
    return "\n".join(lines)


@settings(max_examples=examples(200), deadline=None)
@given(posts(), st.sampled_from(sorted(LANGUAGES)), st.booleans(), st.booleans())
def test_every_authors_word_arrives_in_its_post(texts, language, counts, blank_lines):
    page = _page(texts, language, counts)
    if blank_lines:
        page = "\n\n".join(page.split("\n"))
    got = [p.text for p in parse_paste(page).threads[0].posts]
    assert [t.split() for t in got] == [" ".join(text).split() for text in texts]
