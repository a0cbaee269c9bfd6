"""Thread page copies from X in more interface languages, with the page's side boxes.

A select-all copy of a desktop page holds X's menu above the thread, and its side column under it ("Relevant
people" with the author's bio, "What's happening", the footer). In German, Russian, Turkish or Indonesian
these were not known: the menu made the copy read as plain text (every reply and button became the creator's
words), or the bio became a post of its own. Only the author's posts may arrive, each whole, in order."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from studio.sources import parse_paste

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def posts_of(name: str):
    result = parse_paste((FIXTURES / name).read_text(encoding="utf-8"))
    posts = result.threads[0].posts
    return [p.text for p in posts], result.warnings, {(p.author_name, p.handle) for p in posts}


def test_a_german_copy_with_the_menu_and_the_side_column():
    texts, warnings, authors = posts_of("unseen-page-german-sidebar.txt")
    assert texts == ["So habe ich meinen Newsletter in einem Jahr auf 8.000 Leser gebracht",
                     "Ich schreibe jeden Dienstag um 7 Uhr. Nie später.",
                     "Jede Ausgabe beantwortet genau eine Frage eines Lesers.",
                     "Das war's. Folge mir für mehr."]
    assert authors == {("Lena Vogel", "lenavogel")}
    assert warnings == ["skipped posts by other accounts on the page: @jonasberg"]


def test_a_russian_copy_leaves_out_the_menu_a_reply_and_the_authors_answer_to_it():
    texts, warnings, authors = posts_of("unseen-page-russian.txt")
    assert texts == ["Я полгода писала код без фреймворка. Вот что я узнала",
                     "Меньше зависимостей — меньше сюрпризов.",
                     "Тесты важнее архитектуры. Без тестов любой рефакторинг — это лотерея",
                     "Итог: пишите просто. Подписывайтесь, если было полезно."]
    assert authors == {("Анна Смирнова", "anna_codes")}
    assert warnings[:2] == ["skipped posts by other accounts on the page: @ivanp",
                            "left out 1 reply by @anna_codes to other people's comments (\"Replying to\" above them): "
                            "they are not part of the thread"]
    assert warnings[2].startswith("post 3 ended in X's \"Show more\"")


def test_a_turkish_copy_with_a_dotted_capital_i_in_its_side_box():
    texts, warnings, authors = posts_of("unseen-page-turkish.txt")
    assert texts == ["Girişimimi 3 yılda nasıl büyüttüm? Bir flood", "1) İlk müşteriyi bir kahvede buldum.",
                     "2) Fiyatı üç kez artırdım, kimse gitmedi.", "3) Sonuç: erken başla."]
    assert authors == {("Mehmet Yılmaz", "mehmetyz")}
    assert warnings == ["skipped posts by other accounts on the page: @aysekaya", 'post 3 ended in X\'s translate button ("Gönderiyi çevir"): left out; paste it back into the slide if it was the author\'s own line']


def test_an_indonesian_mobile_copy_keeps_no_follow_button_and_no_bio():
    texts, warnings, authors = posts_of("unseen-page-indonesian-mobile.txt")
    assert texts == ["Cara saya menabung 100 juta dalam 2 tahun", "1. Catat semua pengeluaran selama sebulan.",
                     "2. Potong langganan yang tidak dipakai.", "3. Otomatiskan tabungan di hari gajian."]
    assert authors == {("Budi Santoso", "budisan")} and warnings == ['post 3 ended in X\'s translate button ("Terjemahkan postingan"): left out; paste it back into the slide if it was the author\'s own line']


# (menu, follow, views word, show replies, relevant people, what's happening) as X writes them
PAGES = {
    "de": (["Startseite", "Entdecken", "Mitteilungen", "Nachrichten", "Lesezeichen", "Profil", "Mehr", "Posten"],
           "Folgen", "Mal angezeigt", "Antworten anzeigen", "Relevante Personen", "Was gerade passiert"),
    "es": (["Inicio", "Explorar", "Notificaciones", "Mensajes", "Guardados", "Perfil", "Más opciones"],
           "Seguir", "Visualizaciones", "Mostrar respuestas", "Personas relevantes", "Qué está pasando"),
    "ru": (["Главная", "Обзор", "Уведомления", "Сообщения", "Закладки", "Профиль", "Ещё", "Пост"],
           "Читать", "просмотров", "Показать ответы", "Кого читать", "Что происходит"),
    "tr": (["Anasayfa", "Keşfet", "Bildirimler", "Mesajlar", "Yer İşaretleri", "Profil", "Gönderi"],
           "Takip et", "Görüntülenme", "Yanıtları göster", "İlgili kişiler", "Neler oluyor"),
    "id": (["Beranda", "Jelajahi", "Notifikasi", "Pesan", "Markah", "Profil", "Lainnya", "Postingan"],
           "Ikuti", "Tayangan", "Tampilkan balasan", "Orang yang relevan", "Apa yang sedang terjadi"),
    "fa": (["خانه", "کاوش", "اعلان‌ها", "پیام‌ها", "نشانک‌ها", "نمایه", "بیشتر", "پست"],
           "دنبال کردن", "بازدید", "نمایش پاسخ‌ها", "افراد مرتبط", "چه خبر است"),
    "xx": (["Menu one", "Menu two", "Menu three", "Menu four", "Menu five"],  # a menu in a language not known here
           "Follow", "Views", "Show replies", "Relevant people", "What's happening"),
}
WORDS = ["Dienstag", "лотерея", "kahvede", "tabungan", "growth", "42", "Mehr", "Profil", "Seguir", "Пост", "ok.",
         "¿por qué?", "📈", "#tag"]


def page(language: str, posts: list[str]) -> str:
    menu, follow, views, replies, people, happening = PAGES[language]
    out = [*menu, "Dana Kim", "@danakim_dev", follow, posts[0], "9:12 · 2. Juni 2026", "·", "48K", views, "312"]
    for text in posts[1:]:
        out += ["Dana Kim", "@danakim_dev", "·", "2. Juni", text]
    out += ["Sam Lee", "@samlee", "·", "3. Juni", "Super!", replies, people, "Dana Kim", "@danakim_dev", follow,
            "Writes about SaaS and growth.", happening, "Technik · Trends", "#Python", "© 2026 X Corp."]
    return "\n".join(out)


@given(st.sampled_from(sorted(PAGES)),
       st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6).map(" ".join), min_size=2, max_size=5))
def test_property_the_authors_posts_arrive_whole_in_any_of_these_languages(language, posts):
    result = parse_paste(page(language, posts))
    assert [p.text for p in result.threads[0].posts] == posts
    assert {p.handle for p in result.threads[0].posts} == {"danakim_dev"}


# ---------------------------------------------------------------- the HTML a browser puts on the clipboard

from studio.sources.cleanup import strip_html  # noqa: E402


def test_the_html_flavour_of_a_copied_page_reads_like_its_text():
    """X's page as markup: names and counts in blocks inside links, every emoji an image, links through t.co
    with the whole address in hidden parts of the label. It reads as the page: the author's posts, each emoji
    kept, the link's real address, a stranger's reply and "Discover more" left out."""
    result = parse_paste((FIXTURES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8"))
    posts = result.threads[0].posts
    assert [p.text for p in posts] == [
        "I shipped 12 side projects in 2026.\n\nHere is what worked",
        "Pick boring tech. My stack: #Python, SQLite & htmx ❤️👍🏽👨\u200d👩\u200d👧\u200d👦🇫🇷",
        "Write the docs first: https://example.com/blog/docs-first-development-2026 — thanks @ana_ships",
        "Ship on Fridays.\nYes, really. <b> tags <3"]
    assert {(p.author_name, p.handle) for p in posts} == {("Dana Kim", "danakim_dev")}
    assert result.warnings == ["skipped posts by other accounts on the page: @samlee"]


def test_an_emoji_image_becomes_its_emoji_and_a_photo_nothing():
    html = ('<div><span>Launch day </span><img alt="🚀" src="https://abs-0.twimg.com/emoji/v2/svg/1f680.svg">'
            '<img alt="1️⃣" src="e.svg"><img alt="Image" src="https://pbs.twimg.com/media/x.jpg"></div>')
    assert strip_html(html) == "Launch day 🚀1️⃣"


def test_blocks_inside_a_link_still_part_lines_and_code_keeps_its_indentation():
    html = ('<div><a href="/dana"><div><span>Dana Kim</span></div></a><a href="/dana"><div>@dana</div></a>'
            '<pre>    def f():\n        return 1</pre><p>done</p></div>')
    assert strip_html(html) == "Dana Kim\n@dana\n\n    def f():\n        return 1\n\ndone"


def test_a_t_co_link_keeps_the_address_its_label_shows_and_another_link_its_href():
    tco = '<div>See <a href="https://t.co/x1">https://example.com/a-very-long-pa<span>th</span>…</a></div>'
    assert strip_html(tco) == "See https://example.com/a-very-long-path"
    cut = '<div>See <a href="https://example.com/full/path">example.com/full/pa…</a></div>'
    assert strip_html(cut) == "See https://example.com/full/path"
    named = '<div>See <a href="https://t.co/x1">the notes</a></div>'
    assert strip_html(named) == "See the notes (https://t.co/x1)"


def test_a_persian_copy_with_persian_digits_in_its_counts():
    texts, warnings, authors = posts_of("unseen-page-persian.txt")
    assert texts == ["چطور در یک سال ۱۰ هزار دنبال‌کننده گرفتم", "هر روز در یک ساعت ثابت بنویسید.",
                     "به همه پاسخ‌ها جواب بدهید."]
    assert authors == {("سارا احمدی", "sara_ahmadi")}
    assert warnings == ["skipped posts by other accounts on the page: @reza_k"]


def test_a_copy_that_starts_inside_a_post_keeps_its_last_words_and_says_so():
    """A selection that starts mid-post has words above the first "Name @handle": it was read as plain text,
    so the whole page (counts, the reply box, an ad) became the creator's posts."""
    texts, warnings, authors = posts_of("unseen-page-starts-mid-post.txt")
    assert texts == ["we tripled our trial conversions without touching the product.",
                     "The pricing page had 11 plans. We cut it to 3.\n\nConversions went up 38% in a week.",
                     "Then we removed the credit card from the trial.", "That's it. Follow @danakim_dev for more."]
    assert authors == {("Dana Kim", "danakim_dev")}
    assert warnings == ["skipped posts by other accounts on the page: @acmecrm",
                        "post 1 is where the copy starts, inside a post: kept from there on, as copied; add the "
                        "post's first words to the slide, or delete the slide if the post is not the thread's"]


def test_words_above_a_single_name_and_handle_are_still_a_draft():
    draft = ("Big thanks to everyone who came to the meetup last night, it was great.\nDana Kim\n@danakim_dev\n"
             "·\nJun 2\nSee you next month.")
    texts = [p.text for p in parse_paste(draft).threads[0].posts]
    assert "Big thanks to everyone who came to the meetup last night, it was great." in texts[0]


def test_the_html_windows_copies_with_its_clipboard_header_reads_the_same():
    """Windows heads the HTML it copies with "Version:0.9", "StartHTML:…" lines: the copy was plain text then,
    and every tag of X's page became the creator's words."""
    html = (FIXTURES / "unseen-page-clipboard-html.html").read_text(encoding="utf-8").replace("\n", "\r\n")
    header = ("Version:0.9\r\nStartHTML:0000000157\r\nEndHTML:0000009000\r\nStartFragment:0000000193\r\n"
              "EndFragment:0000008950\r\nSourceURL:https://x.com/danakim_dev/status/1\r\n")
    plain = [p.text for p in parse_paste(html).threads[0].posts]
    assert [p.text for p in parse_paste(header + html).threads[0].posts] == plain and len(plain) == 4
    assert strip_html("Version:0.9 is out\n<b>bold</b>") == "Version:0.9 is out\n<b>bold</b>"  # words, not a header


def test_a_turkish_side_box_without_the_relevant_people_above_it_is_left_out():
    src = (FIXTURES / "unseen-page-turkish.txt").read_text(encoding="utf-8")
    cut = src.index("İlgili kişiler")
    for heading in ("Neler oluyor", "Kimi takip etmeli"):
        text = src[:cut] + heading + "\nTeknoloji · Gündemde\n#YapayZeka\n12,5 B gönderi\nSpor · Gündemde\nGalatasaray\n"
        last = parse_paste(text).threads[0].posts[-1].text
        assert "Galatasaray" not in last and heading not in last and last.endswith("erken başla.")


def test_a_sentence_that_opens_with_the_words_of_replying_to_is_the_authors():
    """"В ответ на…" ("in answer to…") is prose; X's label is followed by handles only."""
    lines = (FIXTURES / "unseen-page-russian.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("2/ "))
    count = len(parse_paste("\n".join(lines)).threads[0].posts)
    for extra, where in (("В ответ на вопросы из прошлого поста:", at), ("В ответ @ivanp скажу: спасибо за идею.", at + 1)):
        copy = lines[:where] + [extra] + lines[where:]
        texts = [p.text for p in parse_paste("\n".join(copy)).threads[0].posts]
        assert len(texts) == count and any(extra in t for t in texts), texts


def test_short_lines_that_open_a_copy_inside_a_post_are_kept_or_named():
    src = (FIXTURES / "unseen-page-starts-mid-post.txt").read_text(encoding="utf-8")
    result = parse_paste("Step two.\nShip it.\nThen wait.\n" + src)
    assert result.threads[0].posts[0].text.startswith("Step two.\nShip it.\nThen wait.\n")
    menu = parse_paste("Hem\nUtforska\nAviseringar\n" + src)  # a menu in a language not known here
    assert not menu.threads[0].posts[0].text.startswith("Hem")
    assert any("“Hem”, “Utforska”, “Aviseringar”" in w for w in menu.warnings), menu.warnings
