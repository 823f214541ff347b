"""ideaboard: a community idea board that lives in git and publishes itself as a static site."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ideaboard")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
