"""Headless Debian chromium for the HTML report's tests, kept off the network.

``make test`` installs chromium when it is missing and it runs as root; the
tests that need it skip with ``requires_chromium``'s reason otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

TIMEOUT = 120


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


requires_chromium = pytest.mark.skipif(
    chromium_path() is None,
    reason="chromium is not installed: `make test` as root installs it (apt-get install chromium)",
)

# Every host name resolves to nothing and every request goes to a dead proxy, so
# even a page that tried to load something could not reach the network.
OFFLINE = (
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-server=http://127.0.0.1:9",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
)


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless chromium with a throw-away profile; fail loudly if it fails."""
    command = [
        str(chromium_path()),
        "--headless",
        "--no-sandbox",  # the tests may run as root, where the sandbox refuses to start
        "--disable-gpu",
        "--force-color-profile=srgb",  # so highlight colours land in the PNG unchanged
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *OFFLINE,
        *args,
    ]
    env = {**os.environ, "HOME": str(profile)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def dump_dom(page: Path, profile: Path) -> str:
    """The page's DOM after it loaded and its scripts (if any) ran."""
    return run_chromium(profile, "--virtual-time-budget=2000", "--dump-dom", page.as_uri()).stdout


def measure(page: Path, profile: Path, expression: str, width: int = 1400) -> Any:
    """The value of a JavaScript ``expression`` (JSON-serialisable) on ``page`` as laid
    out in a ``width``-pixel window: positions and computed styles, which no DOM dump
    shows. The page's CSP forbids scripts, so a copy without it, with the script
    added, is the one measured; the page itself is left as it is."""
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text())
    script = (
        "<script>addEventListener('load', () => { const out = document.createElement('pre');"
        f" out.id = 'measured'; out.textContent = JSON.stringify({expression});"
        " document.body.append(out); });</script>"
    )
    measured = page.with_name(f"measured-{page.name}")
    measured.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    dom = run_chromium(
        profile,
        f"--window-size={width},1000",
        "--virtual-time-budget=2000",
        "--dump-dom",
        measured.as_uri(),
    ).stdout
    found = BeautifulSoup(dom, "lxml").find(id="measured")
    assert found is not None, "the measuring script did not run"
    return json.loads(found.get_text())


def screenshot(page: Path, png: Path, profile: Path, size: tuple[int, int], scale: float) -> None:
    """A PNG of the page's top ``size`` CSS pixels, drawn at ``scale`` device pixels each
    (below 1 keeps the PNG small enough for ``png_pixels`` to read quickly)."""
    width, height = size
    run_chromium(
        profile,
        f"--screenshot={png}",
        f"--window-size={width},{height}",
        f"--force-device-scale-factor={scale}",
        page.as_uri(),
    )


def png_pixels(png: Path) -> tuple[int, int, set[tuple[int, int, int]]]:
    """Width, height and the set of RGB colours of an 8-bit RGB(A) PNG, as chromium
    writes them (a reader here rather than a test dependency on Pillow)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    chunks = _chunks(data[8:])
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, "unexpected PNG layout"
    channels = 3 if colour_type == 2 else 4
    rows = _unfilter(zlib.decompress(chunks[b"IDAT"]), width * channels, channels, height)
    colours = {tuple(row[i : i + 3]) for row in rows for i in range(0, len(row), channels)}
    return width, height, colours  # type: ignore[return-value]


def _chunks(data: bytes) -> dict[bytes, bytes]:
    """Chunk bodies by type; the IDAT chunks joined, as the image data spans them."""
    chunks: dict[bytes, bytes] = {}
    offset = 0
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunks[kind] = chunks.get(kind, b"") + data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    return chunks


def _unfilter(raw: bytes, stride: int, bpp: int, height: int) -> list[bytes]:
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        previous = _unfilter_row(raw[start], raw[start + 1 : start + 1 + stride], previous, bpp)
        rows.append(previous)
    return rows


def _unfilter_row(kind: int, filtered: bytes, previous: bytes, bpp: int) -> bytes:
    """Undo one of the five PNG filter types (PNG specification, section 9.2)."""
    if kind == 0:
        return filtered
    if kind == 2:
        return bytes((a + b) & 0xFF for a, b in zip(filtered, previous, strict=True))
    row = bytearray(filtered)
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        corner = previous[i - bpp] if i >= bpp else 0
        row[i] = (row[i] + _predict(kind, left, previous[i], corner)) & 0xFF
    return bytes(row)


def _predict(kind: int, left: int, up: int, corner: int) -> int:
    if kind == 1:
        return left
    if kind == 3:
        return (left + up) // 2
    estimate = left + up - corner  # Paeth: whichever neighbour is closest to the estimate
    distances = (abs(estimate - left), abs(estimate - up), abs(estimate - corner))
    return (left, up, corner)[distances.index(min(distances))]
