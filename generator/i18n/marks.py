"""Marking text for extraction without translating it yet."""


def N_(message: str) -> str:
    """Mark ``message`` for ``extract``; translate it where it is shown, with ``_``."""
    return message
