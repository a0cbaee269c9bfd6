"""Make the README pictures: the studio in a real browser, and a strip of exported sample slides.

    python3 scripts/screenshots.py            # docs/studio.png and docs/sample-slides.png
    python3 scripts/screenshots.py --review   # also mid-edit, dark, tablet shots into docs/review/

Needs Chromium and chromedriver (Debian: apt-get install chromium chromium-driver).
The studio runs in a subprocess on a free loopback port with a throwaway data folder.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--hide-scrollbars"]
STRIP_SLIDES = 5
STRIP_HEIGHT = 540  # px of each slide in the strip
STRIP_GAP = 24


def start_studio(data_dir: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))}
    proc = subprocess.Popen([sys.executable, "-m", "studio", "serve", "--no-browser", "--port", str(port),
                             "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("error: the studio did not start")
            time.sleep(0.3)


def browser(width: int, height: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        raise SystemExit("error: Chromium is missing; install it with: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in FLAGS + [f"--user-data-dir={tempfile.mkdtemp(prefix='cs-shot-')}", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": False})
    return driver


def settle(driver, seconds: float = 1.2) -> None:
    """Wait for the page and its web fonts, then a moment for redraws."""
    driver.execute_script("return document.fonts.ready.then(() => true)")
    time.sleep(seconds)


def shoot(url: str, out: Path, width: int, height: int, action=None) -> None:
    from selenium.webdriver.common.by import By
    driver = browser(width, height)
    try:
        driver.get(url)
        for _ in range(100):
            if driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]"):
                break
            time.sleep(0.1)
        settle(driver)
        if action:
            action(driver)
            settle(driver)
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
        print(f"wrote {out}")
    finally:
        driver.quit()


def mid_edit(driver) -> None:
    """A creator at work: a dark theme, slide 4 selected, typing into its text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    tile = next(t for t in driver.find_elements(By.CSS_SELECTOR, "[data-testid=theme-option]")
                if t.get_attribute("data-key") == "midnight")
    tile.click()
    time.sleep(0.5)
    driver.find_elements(By.CSS_SELECTOR, "[data-testid=slide-thumb]")[3].click()
    time.sleep(0.5)
    body = driver.find_element(By.CSS_SELECTOR, "[data-testid=slide-body]")
    body.click()
    body.send_keys(Keys.CONTROL, Keys.END)
    body.send_keys(Keys.ENTER, "- Bold the one word that matters")


def dark(driver) -> None:
    from selenium.webdriver.common.by import By
    driver.find_element(By.CSS_SELECTOR, "[data-testid=dark-mode]").click()


def slide_strip(out: Path) -> None:
    """The first slides of the sample, exported as PNG, side by side on a soft background."""
    from PIL import Image

    from studio.app.sample import sample_carousel
    from studio.export import slide_png

    carousel = sample_carousel()
    carousel.theme = "paper"
    pictures = [Image.open(io.BytesIO(slide_png(carousel, i, 2))).convert("RGB") for i in range(STRIP_SLIDES)]
    pictures = [p.resize((round(p.width * STRIP_HEIGHT / p.height), STRIP_HEIGHT), Image.Resampling.LANCZOS)
                for p in pictures]
    width = sum(p.width for p in pictures) + STRIP_GAP * (len(pictures) + 1)
    sheet = Image.new("RGB", (width, STRIP_HEIGHT + 2 * STRIP_GAP), (236, 236, 241))
    x = STRIP_GAP
    for picture in pictures:
        sheet.paste(picture, (x, STRIP_GAP))
        x += picture.width + STRIP_GAP
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out, optimize=True)
    print(f"wrote {out}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for the pictures (default: docs/)")
    parser.add_argument("--review", action="store_true", help="also mid-edit, dark and tablet shots")
    args = parser.parse_args()
    out = args.out.resolve()
    slide_strip(out / "sample-slides.png")
    with tempfile.TemporaryDirectory(prefix="cs-shots-") as data:
        proc, url = start_studio(Path(data))
        try:
            shoot(url, out / "studio.png", 1280, 800)
            if args.review:
                review = out / "review"
                shoot(url, review / "mid-edit-1280.png", 1280, 800, mid_edit)
                shoot(url, review / "dark-1280.png", 1280, 800, dark)
                shoot(url, review / "tablet-landscape-1024.png", 1024, 768)
                shoot(url, review / "tablet-portrait-820.png", 820, 1180)
        finally:
            proc.terminate()
            proc.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
