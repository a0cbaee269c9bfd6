"""A profile in the trash keeps its images for the trash's 30 days: pruning unused images (at each studio start)
spares every image a trash item refers to, whether the profile was deleted or replaced by a kit's."""
import io
import os
import time

from PIL import Image as PILImage

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.image import load_image
from studio.store import Store


def picture(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return load_image(buffer.getvalue())


def age_assets(store, hours=25):
    old = time.time() - hours * 3600
    for path in store.assets.folder.glob("*.*"):
        os.utime(path, (old, old))


def test_a_deleted_profiles_images_survive_pruning_and_come_back_with_it(tmp_path):
    store = Store(tmp_path / "data")
    logo, avatar = picture((200, 0, 0)), picture((0, 0, 200))
    store.profiles.delete(store.profiles.save(BrandProfile(name="Acme", logo=logo, avatar=avatar)))
    age_assets(store)
    assert store.prune_assets() == 0
    [item] = store.trash.items()
    back = Store(tmp_path / "data").profiles.get(store.trash.restore(item.id))
    assert (back.logo, back.avatar) == (logo, avatar)
    assert back.logo.data == logo.data


def test_a_profile_a_kit_replaced_keeps_its_images_in_the_trash(tmp_path):
    source = Store(tmp_path / "source")
    source.profiles.save(BrandProfile(name="acme", handle="draft", logo=picture((0, 200, 0))))
    kit = tmp_path / "kit.json"
    Brands(source).export_kits(kit)
    store = Store(tmp_path / "agency")
    red = picture((200, 0, 0))
    real = store.profiles.save(BrandProfile(name="Acme", handle="real", logo=red, avatar=red))
    Brands(store).import_kits(kit)
    age_assets(store)
    store.prune_assets()
    store.profiles.rename(real, "Acme draft")
    [item] = store.trash.items()
    back = Store(tmp_path / "agency").profiles.get(store.trash.restore(item.id))
    assert (back.handle, back.logo, back.avatar) == ("real", red, red)


def test_a_deleted_projects_photo_and_its_history_survive_pruning(tmp_path):
    from studio.carousel import Carousel
    from studio.history import History
    from studio.slide import Slide
    store = Store(tmp_path / "data")
    photo, earlier = picture((10, 120, 10)), picture((120, 10, 120))
    pid = store.projects.save(Carousel(slides=[Slide(image=photo)]))
    store.projects.save_history(pid, History(Carousel(slides=[Slide(image=earlier)])))
    store.projects.delete(pid)
    age_assets(store)
    assert store.prune_assets() == 0
    [item] = store.trash.items()
    back = Store(tmp_path / "data").projects
    restored = store.trash.restore(item.id)
    assert back.load(restored).slides[0].image == photo
    assert back.load(restored).slides[0].image.data == photo.data
