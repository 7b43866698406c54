"""How to open a review page in Debian's Chromium, headless, on a machine with no network.

Shared by the browser tests and ``benchmarks/review_page.py``. Without the background-networking
flags Chromium keeps trying to reach its update and sync services, which a closed network refuses.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
