"""The text patterns several readers share: where a sentence ends, and what is a link.

One definition each, so the cover's hook, a project's name, the outro's ask, the
caption and the pasted thread's packing all cut sentences at the same places, the
caption drops the links X's own counting sees, and every source shows a link alike.
"""
from __future__ import annotations

import regex

# A sentence ends at . ! ? … (or Hindi's danda "।", Arabic's "؟", Urdu's "۔"; and any closing quotes or
# brackets right after it) followed by white space, or at a CJK full stop (and its closing brackets), where no
# space follows. The closers stay with their sentence: nothing of the text is lost in the cut. A list's number
# starts its sentence ("What I learned. 1. Users skim. 2. Ship") and its own full stop ends none; on one line, a
# number followed by another or by nothing ("lap: 97. 98. 99. Slower") is a sentence of numbers and stays whole.
_ITEM_NUMBER = r"(?<!(?:^|\n|[.!?…:;])[^\S\n]*\d{1,3}\.)"  # just after "1." opening an item: no cut
_BARE_NUMBER = r"(?!\d{1,3}\.(?:[^\S\n]+\d|[^\S\n]*$))"  # "97." before "98." or the end: no cut before it
SENTENCE_END = regex.compile(rf"(?<=[.!?…।॥؟۔][\"'”’)\]]*)(?:[^\S\n]*\n\s*|{_ITEM_NUMBER}[^\S\n]+{_BARE_NUMBER})(?=\S)"
                             r"|(?<=[。！？][」』）]*)(?![」』）])\s*(?=\S)")
SENTENCE_MARK = regex.compile(r"[.!?…।॥؟۔。！？]")  # a cheap test before the lookbehind search

_TLDS = ("com|org|net|io|dev|co|ai|app|me|info|edu|gov|ly|gg|tv|xyz|so|sh|us|uk|de|fr|es|it|nl|"
         "eu|ca|au|in|jp|cn|ru|br|ch|se|no|fi|dk|pl|gr|pt|be|at|ie|nz|blog|news|tech|page|site")
# A host has at most 127 labels (DNS). Bounding the repeat is what keeps a long dotted run ("a.a.a.…") linear:
# an open-ended repeat of labels, backtracked label by label to look for its top-level domain, cost time
# quadratic in the run's length (100 KB: a second), for each alternative of the drawn links that has one. (X's
# counting ``URL`` keeps its open repeat: the paste packer relies on "a.co" * 300 being one link.)
_LABELS = "{0,126}"
# A link as X sees one: with a scheme, or a bare domain of a known top-level domain, with its path;
# trailing punctuation stays outside. Labels are matched possessively ("*+"): a long run of letters is
# never re-tried split by split, which made a 280-character word take milliseconds and a 1 MB word minutes. The
# host is the longest run of labels that ends in a known top-level domain ("example.com.au" of
# "example.com.au.Next"), read in stretches that each end at the next such domain, taken possessively: no
# backtracking label by label ("a." * 8,000 took 20 ms, 4 times 2,000's 10 times over), with no bound on their
# number ("a.co" * 300 stays one link, as X reads it). A stretch starts with the rest of the label the last
# domain began ("a.com-x.org").
URL = regex.compile(
    r"(?:https?://[^\s<>\"]+"
    r"|(?<![\w@./-])(?:www\.)?[a-z0-9](?:[a-z0-9-]*+(?<!-)(?:\.[a-z0-9][a-z0-9-]*+(?<!-))*?"
    rf"\.(?:{_TLDS})\b)++(?:/[^\s<>\"]*)?)"
    r"(?<![.,;:!?'\")\]])",
    regex.IGNORECASE)

# The links a slide draws (in the accent colour, linked in the PDF): addresses with a scheme or "www.", bare
# domains, e-mail addresses. The headline reader asks the same pattern whether a line is only a link.
# A letter or digit of a script that puts spaces between words: an address or a handle glued to Thai or Japanese
# ("ดูเพิ่มที่example.com", "ขอบคุณ@somchaiที่") starts and ends where that script does, not at the last space.
SPACED_LETTER = _W = r"[^\W\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Han}\p{Hiragana}\p{Katakana}]"
# Top-level domains written in a script without spaces between words: such a host ends with one of them, so a
# link glued to the sentence after it ("https://ไทยรัฐ.ไทยนะครับ", "https://例子.中国了解更多") ends where the address
# does and the words after it stay words. A hand list on purpose: with no space after it, nothing in the script
# says where the last label stops ("ไทยนะครับ" is "ไทย" + "นะครับ"), only the set of delegated domains does. These
# are delegated ones (the common country, generic and brand names in Han, kana, Thai and Lao); a host ending in
# another label of such a script is no link, and its words are drawn as words. Longest first: "中文网" before "网…".
_NO_SPACE_TLDS = "|".join(sorted((
    "ไทย ລາວ 中国 中國 香港 台湾 台灣 新加坡 澳门 澳門 公司 网络 網絡 网址 网站 网店 中文网 在线 在線 移动 商城 商店 商标 世界 "
    "游戏 企业 信息 手机 集团 机构 组织机构 組織機構 政府 政务 公益 慈善 健康 时尚 购物 娱乐 八卦 新闻 招聘 食品 手表 珠宝 "
    "我爱你 广东 佛山 大拿 点看 天主教 微博 通販 家電 みんな コム ストア セール クラウド ポイント ファッション").split(),
    key=len, reverse=True))
# A path's letters are Latin or Cyrillic, as X reads a link: a letter of another script ends the path, so the
# sentence going on right after a link ("example.com/docs了解更多", "ดูที่https://example.com/ข่าวนะครับ") is drawn as
# words, never taken into the link and cut off with the link's "…".
_PATH = r"(?:[^\s<>\"'\p{L}\p{M}]|[\p{Latin}\p{Cyrillic}]\p{M}*)*"
# An e-mail address starts where its run of letters does: tried at every letter of a long run ("a-a-a-…"), it
# scanned the rest of the run each time (seconds for 20,000 characters).
LINK_PATTERN = (rf"(?<!{_W}|[.+-])(?:{_W}|[.+-])++@[\w-]+(?:\.[\w-]+){_LABELS}\.[A-Za-z]{{2,}}"  # an e-mail address
        # "https://" or "www.": its host's last label is in a spaced script ("ดูที่www.example.comนะ" ends before
        # "นะ"; an IDN label before it may be Thai: "ไทยรัฐ.com") or a top-level domain of an unspaced one
        rf"|(?:https?://|www\.)(?:[^\s<>\"'/?#.]+\.){_LABELS}(?:(?:{_W}|-)+|(?:{_NO_SPACE_TLDS}))(?::\d+)?"
        rf"(?:[/?#]{_PATH})?"
        rf"|(?<![@.-]|{_W})(?:{_W}|-)+(?:\.(?:{_W}|-)+){_LABELS}\."
        rf"(?:com|org|net|io|dev|ai|co|app|me|so|xyz|gg|ly|de|uk|fr)"
        rf"(?!{_W})(?:/{_PATH})?")
LINK = regex.compile(LINK_PATTERN, regex.IGNORECASE)
_LINK_TRAILING = ".,;:!?)]}'\"…"
_OPENS = {")": "(", "]": "[", "}": "{"}


def link_end(text: str, start: int, end: int) -> int:
    """Where the link found at ``text[start:end]`` ends: punctuation after it is the sentence's, but a closing
    bracket the link itself opened is the link's ("wikipedia.org/wiki/Foo_(bar)")."""
    counts: dict[str, int] = {}  # each bracket counted once: a run of ")" is stripped in linear time
    while end > start and text[end - 1] in _LINK_TRAILING:
        close = text[end - 1]
        if close in _OPENS:
            if not counts:
                counts = {c: text.count(c, start, end) for c in "()[]{}"}
            if counts[_OPENS[close]] >= counts[close]:
                break
            counts[close] -= 1
        end -= 1
    return end


def without_links(text: str) -> str:
    """``text`` with every drawn link taken out (what is left of "Read https://x.com/a." is "Read .")."""
    out, pos = [], 0
    for m in LINK.finditer(text):
        end = link_end(text, *m.span())
        out.append(text[pos:m.start()])
        pos = max(pos, end)
    return "".join(out) + text[pos:]


_SCHEME = regex.compile(r"^https?://(?:www\.)?")


def link_as_shown(url: str) -> str:
    """A post's link as X shows it, but complete: no scheme, no "www.", never cut with "…"."""
    return _SCHEME.sub("", url)
