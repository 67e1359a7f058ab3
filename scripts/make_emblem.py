#!/usr/bin/env python3
"""Derive ``src/cddraft/assets/un-emblem.png``, the UN emblem of the masthead, from the UN flag of flag-icons.

Source: the npm package flag-icons 7.5.0, ``flags/4x3/un.svg`` (MIT licence, © Panayiotis Lipiridis and
contributors; the licence is copied beside the image). The flag draws the emblem in white on blue; this script
keeps the emblem's paths, makes them black (mastheads print it in black), crops to the emblem and rasterises it
at 600 px square with ``rsvg-convert`` (Debian's librsvg2-bin) and Pillow. It is run by hand when the source
changes; the build only reads the committed PNG.

    npm pack flag-icons@7.5.0 && tar xzf flag-icons-7.5.0.tgz
    python scripts/make_emblem.py package/flags/4x3/un.svg
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

ASSETS = Path(__file__).resolve().parents[1] / "src" / "cddraft" / "assets"
SIZE = 600


def emblem_svg(flag_svg: str) -> str:
    """The flag's SVG with the blue field removed and the white emblem black."""
    svg = re.sub(r'<path fill="#4b92db" fill-rule="evenodd" d="M0 0h640v480H0z"/>', "", flag_svg, count=1)
    return svg.replace('fill="#fff"', 'fill="#000"')


def rasterise(svg: str) -> Image.Image:
    png = subprocess.run(["rsvg-convert", "--width", str(SIZE * 4), "--format", "png"], input=svg.encode(),
                         capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    cropped = image.crop(image.getchannel("A").getbbox())
    cropped.thumbnail((SIZE, SIZE), Image.Resampling.LANCZOS)
    # black on white, one grey channel: the page is white, and a grey PNG is a quarter of the size
    white = Image.new("RGBA", cropped.size, "white")
    return Image.alpha_composite(white, cropped).convert("L")


if __name__ == "__main__":
    source = Path(sys.argv[1])
    svg = emblem_svg(source.read_text(encoding="utf-8"))
    ASSETS.mkdir(parents=True, exist_ok=True)
    rasterise(svg).save(ASSETS / "un-emblem.png", optimize=True)
    print(ASSETS / "un-emblem.png")
