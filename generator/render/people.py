"""People pages and personal feeds: what each person proposed and voted for.

Everyone who proposed or voted for a visible idea (bots and invalid logins left
out) gets ``people/<login>/`` and ``feeds/people/<login>.xml``, under their
lower-cased login.  ``people_pages: false`` turns both off.

A board has several times more people than ideas (the 10,000-idea benchmark has
51,000), so a people page is a small standalone HTML file, not a mkdocs page: the
board's stylesheet, a header back to the board, and the lists.  As a themed mkdocs
page each cost about 34 KB and 2 ms of build time; standalone, a few KB and no
mkdocs work at all.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.i18n import _, pgettext
from generator.model import Entry
from generator.model import statuses as st
from generator.render import feeds
from generator.render.text import person_name, text
from generator.render.view import Renderer

#: People pages sit at people/<login>/.
BASE = "../../"


@dataclass
class Person:
    """One person's ideas, each in trending order: proposed, and voted for besides those.

    A proposer counts as their idea's first voter (``author_votes``); their own ideas
    are listed once, under "Proposed".
    """

    login: str
    proposed: list[Entry] = field(default_factory=list)
    voted: list[Entry] = field(default_factory=list)

    def ideas(self) -> list[Entry]:
        """Every idea the person proposed or voted for, each once."""
        return list({e.slug: e for e in self.proposed + self.voted}.values())


def people(r: Renderer) -> dict[str, Person]:
    """Everyone with a people page, by page name (the lower-cased login), by name."""
    index: dict[str, Person] = {}
    for name, login in r.people.items():
        index[name] = Person(login)
    voted: defaultdict[str, list[Entry]] = defaultdict(list)
    for e in r.visible:
        proposer = None
        if e.proposer is not None and e.proposer.login and not e.proposer.is_bot:
            proposer = person_name(e.proposer.login)
            if proposer in index:
                index[proposer].proposed.append(e)
        for v in e.voters:
            name = person_name(v.login)
            if name in index and name != proposer:
                voted[name].append(e)
    for name, entries in voted.items():
        index[name].voted = entries
    return dict(sorted(index.items()))


class PeopleView:
    """Renders people pages and feeds; each idea's list item is written once, then shared."""

    def __init__(self, r: Renderer) -> None:
        self.r = r
        self.feeds = feeds.PersonFeeds(r)
        self._items: dict[str, Markup] = {}

    def _item(self, e: Entry) -> Markup:
        html = self._items.get(e.slug)
        if html is None:
            html = self._items[e.slug] = self.r.macros.person_idea(self.r.cards[e.slug], BASE)
        return html

    def _list(self, entries: list[Entry]) -> Markup:
        return Markup("").join(self._item(e) for e in entries)

    def page(self, name: str, person: Person) -> str:
        """``people/<login>/index.html``: what they proposed and voted for, what shipped."""
        shipped = [e for e in person.ideas() if e.category == st.COMPLETED]
        sections = [
            ("shipped", _("Shipped"), len(shipped), self._list(shipped)),
            (
                "proposed",
                pgettext("person", "Proposed"),
                len(person.proposed),
                self._list(person.proposed),
            ),
            ("voted", _("Voted for"), len(person.voted), self._list(person.voted)),
        ]
        content = self.r.render(
            "person.html",
            BASE,
            name=name,
            person=self.r.person(person.login, BASE),
            counts={key: n for key, _, n, _ in sections},
            sections=sections,
        )
        title = Markup("@") + text(person.login)
        feed = f"{BASE}feeds/people/{name}.xml"
        return str(self.r.render("standalone.html", BASE, title=title, feed=feed, content=content))

    def feed(self, name: str, person: Person) -> str:
        """``feeds/people/<login>.xml``: the status changes of the person's ideas."""
        return self.feeds.feed(name, person.login, person.ideas())
