"""Draw the favicon set and the default share image from static/img/emblem.svg.

Run after changing the emblem: `.venv/bin/python scripts/make_icons.py`. Chromium
draws the SVG and the share card (with the Arabic and Latin webfonts the site serves),
Pillow packs the .ico.
"""

import base64
import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "static" / "img"
FONTS = ROOT / "node_modules" / "@fontsource"
EMBLEM = (IMG / "emblem.svg").read_text()
EMBLEM_URI = "data:image/svg+xml;base64," + base64.b64encode(EMBLEM.encode()).decode()

CARD = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Naskh; font-weight: 700;
  src: url({(FONTS / "noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2").as_uri()}); }}
@font-face {{ font-family: Sans; font-weight: 600;
  src: url({(FONTS / "noto-sans/files/noto-sans-latin-600-normal.woff2").as_uri()}); }}
body {{ margin: 0; inline-size: 1200px; block-size: 630px; display: flex; align-items: center;
  gap: 64px; padding-inline: 96px; box-sizing: border-box; color: #fff;
  background: linear-gradient(135deg, #0b6e4f 0%, #084a36 100%); font-family: Naskh; }}
img {{ inline-size: 300px; block-size: 300px; border-radius: 48px;
  box-shadow: 0 0 0 6px rgba(255,255,255,.25); }}
h1 {{ font-size: 76px; line-height: 1.35; margin: 0; }}
p {{ font-size: 44px; margin: 16px 0 0; color: #f2b632; }}
.fr {{ font-family: Sans; font-size: 28px; white-space: nowrap; text-align: end; color: #d8efe6; margin-block-start: 28px; }}
</style></head><body><img src="{EMBLEM_URI}" alt="">
<div><h1>برنامج الانفتاح</h1><p>جماعة القنيطرة</p>
<p class="fr" lang="fr" dir="ltr">Programme d’ouverture · Commune de Kénitra</p></div></body></html>"""


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        for size, name in (
            (32, "favicon-32.png"),
            (180, "apple-touch-icon.png"),
            (192, "icon-192.png"),
            (512, "icon-512.png"),
        ):
            page.set_viewport_size({"width": size, "height": size})
            page.set_content(
                f'<body style="margin:0"><img src="{EMBLEM_URI}" '
                f'style="width:{size}px;height:{size}px;display:block"></body>'
            )
            page.screenshot(path=IMG / name, omit_background=True)
        page.set_viewport_size({"width": 1200, "height": 630})
        page.set_content(CARD)
        page.wait_for_timeout(300)
        page.screenshot(path=IMG / "share.png")
        browser.close()
    icon = Image.open(IMG / "icon-512.png")
    buffer = io.BytesIO()
    icon.save(buffer, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    (IMG / "favicon.ico").write_bytes(buffer.getvalue())
    for name in ("share.png",):
        path = IMG / name
        Image.open(path).convert("RGB").save(path, optimize=True)


if __name__ == "__main__":
    main()
