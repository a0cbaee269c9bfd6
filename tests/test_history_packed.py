"""History keeps each state packed (one bytes object, images by reference) and behaves as a list of deep copies."""
from __future__ import annotations

import copy
import dataclasses
import gc
import itertools
import json

from hypothesis import given, settings, strategies as st

from studio.app.document import Document
from studio.carousel import Carousel
from studio.history import History, pack, unpack
from studio.image import Image
from studio.post import Post, Thread
from studio.slide import Slide
from property_examples import examples

PHOTO = Image(b"\xff\xd8 not really a jpeg " * 50, "image/jpeg", 40, 30)
LOGO = Image(b"\x89PNG not really a png " * 20, "image/png", 16, 16)


def rich() -> Carousel:
    """Every kind of field a state holds: slides with a photo, a thread whose posts carry images, a brand logo."""
    carousel = Carousel(name="Launch", slides=[Slide("cover", "Hi"), Slide(body="one", image=PHOTO, post_ids=["1"]),
                                               Slide("outro", "Bye")],
                        thread=Thread("1", [Post("1", "first", avatar=LOGO, images=[PHOTO]), Post("2", "second")]))
    carousel.brand.logo = LOGO
    return carousel


class ListHistory:
    """The history as it was: a list of deep copies and a cursor (the model the packed one must equal)."""

    def __init__(self, initial: Carousel, cap: int) -> None:
        self.cap, self.states, self.index = cap, [copy.deepcopy(initial)], 0

    def __len__(self) -> int:
        return len(self.states)

    @property
    def current(self) -> Carousel:
        return copy.deepcopy(self.states[self.index])

    @property
    def can_undo(self) -> bool:
        return self.index > 0

    @property
    def can_redo(self) -> bool:
        return self.index < len(self.states) - 1

    def record(self, carousel: Carousel) -> bool:
        if self.states[self.index] == carousel:
            return False
        self.states = (self.states[: self.index + 1] + [copy.deepcopy(carousel)])[-self.cap:]
        self.index = len(self.states) - 1
        return True

    def undo(self) -> Carousel | None:
        if not self.can_undo:
            return None
        self.index -= 1
        return self.current

    def redo(self) -> Carousel | None:
        if not self.can_redo:
            return None
        self.index += 1
        return self.current


def _reachable(root: object) -> list[object]:
    """Every object reachable from ``root`` through the collector's references."""
    seen, todo, found = {id(root)}, [root], []
    while todo:
        for child in gc.get_referents(todo.pop()):
            if id(child) not in seen and not isinstance(child, type):
                seen.add(id(child))
                found.append(child)
                todo.append(child)
    return found


def test_a_history_holds_no_carousel_or_slide_objects_only_bytes_and_images():
    carousel = rich()
    history = History(carousel)
    for n in range(30):
        carousel.slides[1].title = f"Title {n}"
        history.record(carousel)
    kept = _reachable(history)
    assert not [o for o in kept if isinstance(o, (Carousel, Slide, Post, Thread, list))
                and o is not history._data and o is not history._images]
    assert {id(o) for o in kept if isinstance(o, Image)} == {id(PHOTO), id(LOGO)}  # shared, never copied
    assert sum(isinstance(o, bytes) for o in kept) <= 31 + 2


def test_states_are_kept_without_a_small_tuple_each():
    """A tuple per keystroke, made among the pages' objects, kept a mostly free heap page each after the editors
    left (the heap map of load.py): the states' bytes and images are kept in two lists, and a state whose images
    are the ones of the state before shares their tuple."""
    carousel = rich()
    history = History(carousel)
    for n in range(30):
        carousel.slides[1].title = f"Title {n}"
        history.record(carousel)
    tuples = [o for o in _reachable(history) if isinstance(o, tuple)]
    assert len(history) == 31 and len(tuples) == 1 and set(tuples[0]) == {PHOTO, LOGO}
    carousel.slides[1].image = None
    history.record(carousel)
    assert len([o for o in _reachable(history) if isinstance(o, tuple)]) == 2
    assert history.undo().slides[1].image is PHOTO and history.redo().slides[1].image is None


def test_undo_hands_back_a_carousel_that_shares_nothing_changeable():
    carousel = rich()
    history = History(carousel)
    carousel.slides[1].body = "two"
    history.record(carousel)
    back = history.undo()
    assert back == rich() and back is not carousel
    back.slides[1].post_ids.append("2")
    back.thread.posts[0].images.clear()
    back.brand.name = "changed"
    back.slides.pop()
    assert history.current == rich()
    assert history.redo().slides[1].body == "two" and carousel.slides[1].body == "two"
    assert history.undo().slides[1].image.data == PHOTO.data


def test_an_equal_carousel_is_not_a_new_state_even_when_it_packs_otherwise():
    """1 for 1.0 and a title shared or not pack to other bytes; the carousel is still equal: nothing recorded."""
    words = "same words"
    carousel = Carousel(slides=[Slide(title=words), Slide(title=words)])
    history = History(carousel)
    apart = Carousel(slides=[Slide(title=words), Slide(title=" ".join(["same", "words"]))])
    assert pack(apart).data != pack(carousel).data
    assert not history.record(apart)
    assert not history.record(dataclasses.replace(carousel, pattern_strength=1))
    assert history.record(dataclasses.replace(carousel, pattern_strength=0.5))
    assert len(history) == 2 and history.undo() == carousel


def test_a_packed_state_unpacks_to_an_equal_carousel_each_time():
    carousel = rich()
    state = pack(carousel)
    first, second = unpack(state), unpack(state)
    assert first == second == carousel and first is not second and first.slides is not second.slides
    assert first.slides[1].image is PHOTO


EDITS = st.one_of(
    st.tuples(st.just("name"), st.sampled_from(["A", "B", "Launch"])),
    st.tuples(st.just("title"), st.integers(0, 4), st.sampled_from(["x", "y", "Hi", ""])),
    st.tuples(st.just("photo"), st.integers(0, 4), st.sampled_from([None, PHOTO, LOGO])),
    st.tuples(st.just("strength"), st.sampled_from([1, 1.0, 0.5])),
    st.tuples(st.just("add"),), st.tuples(st.just("drop"),), st.tuples(st.just("thread"),),
    st.tuples(st.just("undo"),), st.tuples(st.just("redo"),), st.tuples(st.just("record"),),
    st.tuples(st.just("reload"),))


def _edit(carousel: Carousel, op: tuple) -> None:
    kind, *args = op
    if kind == "name":
        carousel.name = args[0]
    elif kind == "title" and carousel.slides:
        carousel.slides[args[0] % len(carousel.slides)].title = args[1]
    elif kind == "photo" and carousel.slides:
        carousel.slides[args[0] % len(carousel.slides)].image = args[1]
    elif kind == "strength":
        carousel.pattern_strength = args[0]
    elif kind == "add":
        carousel.slides.append(Slide(body="new"))
    elif kind == "drop" and carousel.slides:
        carousel.slides.pop(0)
    elif kind == "thread" and carousel.thread:
        carousel.thread.posts.reverse()


@settings(max_examples=examples(120), deadline=None)
@given(st.lists(EDITS, max_size=40), st.integers(2, 6))
def test_any_edits_undo_and_redo_give_what_a_list_of_deep_copies_gives(ops, cap):
    """The same answers, states and cursor as the history of deep copies, for any sequence, across the cap
    and through a save and reload (``to_doc`` / ``from_doc``)."""
    live, model_live = rich(), rich()
    history, model = History(live, cap=cap), ListHistory(model_live, cap)
    for op in ops:
        if op[0] == "undo":
            got, expected = history.undo(), model.undo()
            assert got == expected
            if got is not None:
                live, model_live = got, expected
        elif op[0] == "redo":
            got, expected = history.redo(), model.redo()
            assert got == expected
            if got is not None:
                live, model_live = got, expected
        elif op[0] == "reload":
            history = History.from_doc(history.to_doc())
        else:
            _edit(live, op)
            _edit(model_live, op)
            assert history.record(live) == model.record(model_live)
        assert (len(history), history.index, history.can_undo, history.can_redo) == (
            len(model), model.index, model.can_undo, model.can_redo)
        assert history.current == model.current == model.states[model.index]
    assert [history.undo() for _ in range(cap)] == [model.undo() for _ in range(cap)]


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.sampled_from(["type", "other", "move", "theme", "undo", "redo", "wait"]), max_size=30))
def test_a_document_edits_undoes_and_redoes_as_over_a_list_of_deep_copies(ops):
    """The studio's document (typing bursts, slide moves, settings) with the packed history against the same
    document over the list of deep copies: the same carousel after every step."""
    times = itertools.count()
    now = [0.0]
    packed = Document(rich(), clock=lambda: now[0])
    listed = Document(rich(), history=ListHistory(rich(), 100), clock=lambda: now[0])
    for op in ops:
        n = next(times)
        for doc in (packed, listed):
            if op == "type":
                doc.set_slide_text(1, title=f"typed {n}")
            elif op == "other":
                doc.set_slide_text(0, body=f"other {n}")
            elif op == "move":
                doc.move_slide(0, 1)
            elif op == "theme":
                doc.set_setting("theme", "midnight" if doc.carousel.theme == "paper" else "paper")
            elif op == "undo":
                doc.undo()
            elif op == "redo":
                doc.redo()
        if op == "wait":
            now[0] += 5.0
        assert packed.carousel == listed.carousel
        assert (packed.can_undo, packed.can_redo) == (listed.can_undo, listed.can_redo)


def _typed_history(states: int = 100, slides: int = 11) -> tuple[History, list[Carousel]]:
    """A history of keystrokes: each state retitles one slide of ``slides``; a slide added and one dropped."""
    carousel = rich()
    carousel.slides = [Slide("cover", "Hi")] + [Slide(body=f"body {n}", image=PHOTO if n % 3 else None)
                                                for n in range(slides - 2)] + [Slide("outro", "Bye")]
    history, kept = History(carousel, cap=states), [copy.deepcopy(carousel)]
    for k in range(states + 20):
        if k == 50:
            carousel.slides.insert(3, Slide(body="added"))
        elif k == 70:
            carousel.slides.pop(1)
        else:
            carousel.slides[k % len(carousel.slides)].title = f"Title {k}"
        history.record(carousel)
        kept.append(copy.deepcopy(carousel))
    return history, kept[-states:]


def test_a_saved_history_holds_every_state_as_encoded_on_its_own():
    """Each snapshot of ``to_doc`` names parts equal to encoding that state's fields one by one."""
    from studio.schema import to_dict
    history, states = _typed_history()
    doc = json.loads(json.dumps(history.to_doc()))
    assert len(doc["snapshots"]) == len(states)
    for snap, state in zip(doc["snapshots"], states):
        for f in dataclasses.fields(state):
            assert doc["parts"][snap[f.name]] == json.loads(json.dumps(to_dict(getattr(state, f.name))))
    assert History.from_doc(doc).current == states[-1]


def test_saving_a_history_encodes_a_slide_again_only_where_it_changed():
    """A keystroke changes one slide of eleven: a save encodes that one per state, not all eleven (encoding every
    slide of 100 states took 60 ms, on the autosave thread, holding the interpreter lock)."""
    from studio.schema import to_dict
    history, states = _typed_history()
    slides_encoded = [0]

    def encode(value):
        if isinstance(value, list) and all(isinstance(item, Slide) for item in value):
            slides_encoded[0] += len(value)
        elif isinstance(value, Slide):
            slides_encoded[0] += 1
        return to_dict(value)

    history.to_doc(encode)
    assert slides_encoded[0] <= len(states[0].slides) + 2 * len(states)
