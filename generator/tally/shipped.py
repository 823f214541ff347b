"""The one answer to "when did this idea ship?", for every page, feed, chart and Insights."""

from __future__ import annotations

import datetime as dt

from generator.config import Settings
from generator.model import Entry
from generator.model import statuses as st


def shipped_on(entry: Entry, settings: Settings) -> dt.date | None:
    """The day an idea last moved into the completed category, from its history.

    A history that repeats a shipped status (``shipped`` then ``shipped`` again with a
    release note) shipped on the first of those entries; an idea shipped, reopened and
    shipped again counts from the last time.  ``None`` when no history entry moved it
    into the completed category (it was written down as shipped): pages then show no
    date, and Insights leaves it out of the time to ship.
    """
    reached = None
    before = None
    for change in entry.idea.history:
        category = settings.statuses.get(change.status)
        if category == st.COMPLETED and before != st.COMPLETED:
            reached = change.date
        before = category
    return reached
