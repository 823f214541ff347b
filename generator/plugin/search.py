"""Site search with Pagefind: the index is built over the written site after the build.

Material's search (lunr) sends the whole index to every visitor who opens the search
box (8 MB at 10,000 ideas).  Pagefind splits its index into fragments and a query
loads only the ones it needs.  The header's search box (``partials/search.html``)
queries it through ``ideaboard.js``; Material's search plugin stays on only because
Material's header shows its search box with it, and it indexes no generated page.

Pages marked with ``data-pagefind-body`` (``main.html``, for pages whose meta has
``ib_search``) are the ones Pagefind indexes: idea pages and the static pages.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

#: The folder of the search bundle in the site, as ``partials/search.html`` expects.
FOLDER = "pagefind"


def index_site(site_dir: Path) -> None:
    """Run Pagefind over the built site, writing its bundle to ``site_dir/pagefind``."""
    # The binary comes from the pagefind_bin_extended wheel; ``python -m pagefind``
    # finds it.  It runs offline and writes only under the site folder.
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
           "--output-subdir", FOLDER, "--silent"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        raise PluginError(
            f"ideaboard: Pagefind could not index {site_dir} (exit {done.returncode}): "
            f"{(done.stderr or done.stdout).strip()[-2000:]}"
        )
