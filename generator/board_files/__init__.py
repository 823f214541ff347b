"""This repository's own board files, shipped in the package for ``ideaboard init``.

``github`` and ``site_theme`` here are symbolic links to the repository's ``.github/``
and ``site_theme/`` (a wheel holds their files): a new board gets the workflows, the
issue form and the theme this repository runs, with no copy to drift.
"""
