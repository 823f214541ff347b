"""People pages and personal feeds: what each person proposed and voted for.

Everyone who proposed or voted for a visible idea (bots and invalid logins left
out) gets ``people/<login>/`` and ``feeds/people/<login>.xml``, under their
lower-cased login.  ``people_pages: false`` turns both off.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.model import Entry
from generator.model import statuses as st
from generator.render import feeds
from generator.render.text import person_name, text
from generator.render.view import LazyPage, Page, Renderer


@dataclass
class Person:
    """One person's ideas: proposed and voted for, each in trending order."""

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
        if e.proposer is not None and e.proposer.login and not e.proposer.is_bot:
            name = person_name(e.proposer.login)
            if name in index:
                index[name].proposed.append(e)
        for v in e.voters:
            name = person_name(v.login)
            if name in index:
                voted[name].append(e)
    for name, entries in voted.items():
        index[name].voted = entries
    return dict(sorted(index.items()))


def _items(r: Renderer, entries: list[Entry]) -> list[dict]:
    return [{"card": r.cards[e.slug], "meta": r.meta_html(e.slug)} for e in entries]


def person_page(r: Renderer, name: str, person: Person) -> Page:
    """``people/<login>/``: what they proposed, what they voted for, and what shipped."""
    ideas = person.ideas()
    shipped = [e for e in ideas if e.category == st.COMPLETED]
    body = r.render(
        "person.html",
        "../../",
        name=name,
        person=r.person(person.login, "../../"),
        proposed=_items(r, person.proposed),
        voted=_items(r, person.voted),
        shipped=_items(r, shipped),
    )
    return Page(Markup("@") + text(person.login), body, search=False)


def lazy_person_page(r: Renderer, name: str, person: Person) -> LazyPage:
    """A people page rendered when the plugin writes it (left out of search)."""
    return LazyPage(
        lambda: Markup("@") + text(person.login), lambda: person_page(r, name, person).body
    )


def person_feed(r: Renderer, name: str, person: Person) -> str:
    """The person's feed of status changes."""
    return feeds.person_feed(r, name, person.login, person.ideas())
