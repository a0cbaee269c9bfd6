"""Names for the page's side panels, so a screen reader tells the two apart.

Quasar puts a drawer's attributes on its inner content, not on the ``<aside>`` landmark, so both
landmarks were unnamed (axe-core: landmark-unique). The script copies each drawer's aria-label
onto its ``<aside>`` once the page has mounted them.
"""
from __future__ import annotations

from nicegui import ui

NAME_DRAWERS = """<script>
(() => {
  const name = () => {
    const asides = document.querySelectorAll('aside.q-drawer');
    if (asides.length < 2) return setTimeout(name, 50);
    asides.forEach(aside => {
      const label = aside.querySelector('.q-drawer__content')?.getAttribute('aria-label');
      if (label) aside.setAttribute('aria-label', label);
    });
  };
  name();
})();
</script>"""


def name_drawers() -> None:
    """Call once while building the page."""
    ui.add_body_html(NAME_DRAWERS)
