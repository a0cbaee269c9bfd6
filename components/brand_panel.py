"""Brand Kit: name, handle, avatar, logo, colour, website, placement; profiles and presets."""
from __future__ import annotations

from studio.app import Changed
from studio.app.events import ProfilesChanged, SlideChanged

from .brand_fields import BrandLook, BrandPictures, BrandWords
from .brand_presets import PresetPicker
from .brand_profiles import ProfilePicker
from .echo import Echo
from .view import View


class BrandPanel:
    """The profile picker, the brand's words, pictures and look, then the presets."""

    LISTENS = (Changed, ProfilesChanged)  # a profile restored from the trash is listed again

    def __init__(self, view: View) -> None:
        self.view = view
        self.echo = Echo()
        self.profiles = ProfilePicker(view, self.echo, reload=self._reload_lists)
        self.words = BrandWords(view, self.echo)
        self.pictures = BrandPictures(view, self.echo)
        self.look = BrandLook(view, self.echo)
        self.presets = PresetPicker(view, self.echo, self.profiles.undo)
        self._reload_lists()
        self.refresh(None)

    def refresh(self, change: Changed | ProfilesChanged | None) -> None:
        """Show the carousel's brand in the fields, and the profile it wears (a new list of them: listed again)."""
        if isinstance(change, ProfilesChanged):
            self.profiles.load()
            return
        carousel = self.view.carousel
        with self.echo():
            self.words.fill(carousel.brand)
            self.pictures.fill(carousel.brand)
            self.look.fill(carousel.brand, carousel.show_post_meta)
        if not isinstance(change, SlideChanged):  # typing on a slide does not change the profile
            self.profiles.show()

    def _reload_lists(self) -> None:
        self.profiles.load()
        self.presets.load()
