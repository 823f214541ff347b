"""An RFC 4287 (Atom) structure check, for the feed tests."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

A = "{http://www.w3.org/2005/Atom}"
DATE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


def atom_problems(xml: str) -> list[str]:
    """What an Atom document breaks of RFC 4287 §4.1 (feed and entry elements).

    The rules of the RELAX NG schema in the RFC's appendix B that these feeds can
    break: required and single elements, date and IRI forms, unique entry ids, text
    constructs' types, and the author rule (§4.1.1: entries without an author need one
    on the feed).
    """
    problems: list[str] = []
    root = ET.fromstring(xml)
    if root.tag != f"{A}feed":
        return [f"root is {root.tag}, not atom:feed"]
    allowed_feed = {"author", "category", "contributor", "generator", "icon", "id", "link",
                    "logo", "rights", "subtitle", "title", "updated", "entry"}  # fmt: skip
    allowed_entry = {"author", "category", "content", "contributor", "id", "link", "published",
                     "rights", "source", "summary", "title", "updated"}  # fmt: skip

    def check(el, name: str, allowed: set[str], once: set[str], required: set[str]) -> None:
        tags = [c.tag.removeprefix(A) for c in el if c.tag.startswith(A)]
        for tag in set(tags) - allowed:
            problems.append(f"{name}: atom:{tag} is not allowed here")
        for tag in once:
            if tags.count(tag) > 1:
                problems.append(f"{name}: more than one atom:{tag}")
        for tag in required:
            if tag not in tags:
                problems.append(f"{name}: no atom:{tag}")
        for tag in ("updated", "published"):
            for d in el.findall(f"{A}{tag}"):
                if not DATE.fullmatch(d.text or ""):
                    problems.append(f"{name}: atom:{tag} {d.text!r} is not an RFC 3339 date")
        for t in ("title", "summary", "content", "rights", "subtitle"):
            for x in el.findall(f"{A}{t}"):
                if x.get("type", "text") not in ("text", "html", "xhtml"):
                    problems.append(f"{name}: atom:{t} has type {x.get('type')!r}")
        for link in el.findall(f"{A}link"):
            if not link.get("href"):
                problems.append(f"{name}: atom:link without href")
        alternates = [(k.get("type"), k.get("hreflang")) for k in el.findall(f"{A}link")
                      if k.get("rel", "alternate") == "alternate"]  # fmt: skip
        if len(alternates) != len(set(alternates)):
            problems.append(f"{name}: two alternate links with the same type and hreflang")
        for author in el.findall(f"{A}author"):
            if not (author.findtext(f"{A}name") or "").strip():
                problems.append(f"{name}: atom:author without a name")

    check(root, "feed", allowed_feed, allowed_feed - {"author", "category", "contributor",
          "link", "entry"}, {"id", "title", "updated"})  # fmt: skip
    feed_author = root.find(f"{A}author") is not None
    ids = []
    for i, entry in enumerate(root.findall(f"{A}entry")):
        name = f"entry {i + 1}"
        check(entry, name, allowed_entry, allowed_entry - {"author", "category",
              "contributor", "link"}, {"id", "title", "updated"})  # fmt: skip
        if entry.find(f"{A}content") is None and not any(
            k.get("rel", "alternate") == "alternate" for k in entry.findall(f"{A}link")
        ):
            problems.append(f"{name}: neither atom:content nor an alternate link")
        if not feed_author and entry.find(f"{A}author") is None:
            problems.append(f"{name}: no atom:author, and the feed has none")
        ids.append(entry.findtext(f"{A}id"))
    if len(ids) != len(set(ids)):
        problems.append("two entries share an id")
    return problems
