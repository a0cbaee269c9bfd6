"""``carousel-studio trash restore`` takes the NAME column ``trash list`` prints as well as the ID (one item by the
store's name rule; several are listed with their IDs), and ``--beside`` brings a profile back as "X (restored)"
when another has its name now (without it the refusal says so)."""
from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.cli import main
from studio.slide import Slide
from studio.store import Store


def _restore(tmp_path, capsys, *args):
    code = main(["trash", "restore", *args, "--data-dir", str(tmp_path)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _deleted_profile(store, name, website=""):
    store.profiles.delete(store.profiles.save(BrandProfile(name=name, website=website)))


def test_a_profile_is_restored_by_the_name_trash_list_prints(tmp_path, capsys):
    store = Store(tmp_path)
    _deleted_profile(store, "Café Acme", "acme.example")
    assert main(["trash", "list", "--data-dir", str(tmp_path)]) == 0
    assert "Café Acme" in capsys.readouterr().out
    code, out, err = _restore(tmp_path, capsys, " cafe\u0301 ACME ")  # the store's rule: case, spaces, accent form
    assert (code, err) == (0, "") and "restored profile “Café Acme”" in out
    assert [(p.name, p.website) for _, p in Store(tmp_path).profiles.all()] == [("Café Acme", "acme.example")]
    assert Store(tmp_path).trash.items() == []


def test_a_project_is_restored_by_its_name(tmp_path, capsys):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="Launch plan", slides=[Slide("cover", "Hook")]))
    store.projects.delete(pid)
    code, out, _ = _restore(tmp_path, capsys, "launch plan")
    assert code == 0 and "Launch plan" in out
    assert Store(tmp_path).projects.load(pid).slides[0].title == "Hook"


def test_several_items_of_that_name_are_listed_with_their_ids_and_none_is_restored(tmp_path, capsys):
    store = Store(tmp_path)
    _deleted_profile(store, "Acme", "one.example")
    _deleted_profile(store, "ACME", "two.example")
    ids = sorted(item.id for item in store.trash.items())
    code, out, err = _restore(tmp_path, capsys, "acme")
    assert code == 2 and out == ""
    assert "2 items in the trash are called" in err and "give the ID" in err
    assert all(item_id in err for item_id in ids)
    assert Store(tmp_path).profiles.all() == [] and sorted(i.id for i in Store(tmp_path).trash.items()) == ids
    code, _, _ = _restore(tmp_path, capsys, ids[0])
    assert code == 0 and [i.id for i in Store(tmp_path).trash.items()] == ids[1:]


def test_a_name_in_the_trash_nowhere_says_an_id_or_a_name_from_trash_list(tmp_path, capsys):
    _deleted_profile(Store(tmp_path), "Acme")
    code, _, err = _restore(tmp_path, capsys, "Beta")
    assert code == 2 and "'Beta'" in err and "ID or a NAME" in err and "trash list" in err
    assert len(Store(tmp_path).trash.items()) == 1


def test_a_taken_name_is_refused_pointing_to_beside_which_restores_it_as_restored(tmp_path, capsys):
    store = Store(tmp_path)
    _deleted_profile(store, "Acme", "old.example")
    store.profiles.save(BrandProfile(name="acme", website="new.example"))
    code, out, err = _restore(tmp_path, capsys, "Acme")
    assert code == 2 and out == ""
    assert "exists already" in err and "stays in the trash" in err and "--beside" in err and "“Acme (restored)”" in err
    assert [p.website for _, p in Store(tmp_path).profiles.all()] == ["new.example"]
    code, out, err = _restore(tmp_path, capsys, "Acme", "--beside")
    assert (code, err) == (0, "") and "“Acme (restored)”" in out
    assert sorted((p.name, p.website) for _, p in Store(tmp_path).profiles.all()) == [
        ("Acme (restored)", "old.example"), ("acme", "new.example")]
    assert Store(tmp_path).trash.items() == []


def test_beside_restores_under_its_own_name_when_it_is_free(tmp_path, capsys):
    _deleted_profile(Store(tmp_path), "Acme")
    code, out, _ = _restore(tmp_path, capsys, "--beside", "Acme")
    assert code == 0 and "restored profile “Acme” as" in out
    assert [p.name for _, p in Store(tmp_path).profiles.all()] == ["Acme"]
