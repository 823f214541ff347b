"""Reading issue-form bodies: the form as GitHub renders it, and every way people edit it."""

from __future__ import annotations

import pytest
import yaml

from generator.loop import form
from generator.loop.form import Form, parse
from tests.paths import ROOT

FORM_FILE = ROOT / ".github" / "ISSUE_TEMPLATE" / "idea.yml"

# Exactly what GitHub writes for the idea form (see .github/ISSUE_TEMPLATE/idea.yml).
BODY = (
    "### The problem\n\n"
    "I take meeting notes on the train and lose them when the signal drops. It happens weekly.\n\n"
    "### Proposed solution\n\n"
    "Keep every note on the phone and sync when back online.\n\n"
    "### Who benefits\n\n"
    "Everyone on mobile.\n\n"
    "### Before you submit\n\n"
    "- [X] I searched the board for similar ideas"
)


def render(fields: dict[str, str], checked: bool = True) -> str:
    """The body GitHub makes from our idea.yml for the given answers."""
    data = yaml.safe_load(FORM_FILE.read_text(encoding="utf-8"))
    parts = []
    for item in data["body"]:
        if item["type"] == "textarea":
            value = fields.get(item["id"]) or "_No response_"
            parts.append(f"### {item['attributes']['label']}\n\n{value}")
        elif item["type"] == "checkboxes":
            box = "X" if checked else " "
            options = "\n".join(f"- [{box}] {o['label']}" for o in item["attributes"]["options"])
            parts.append(f"### {item['attributes']['label']}\n\n{options}")
    return "\n\n".join(parts)


def test_the_form_asks_for_what_intake_reads():
    data = yaml.safe_load(FORM_FILE.read_text(encoding="utf-8"))
    assert data["labels"] == ["idea"]
    assert data["title"] == "[Idea]: "
    fields = {item.get("id"): item for item in data["body"] if item["type"] != "markdown"}
    assert [fields[k]["attributes"]["label"] for k in ("problem", "solution", "benefits")] == [
        "The problem",
        "Proposed solution",
        "Who benefits",
    ]
    assert fields["problem"]["validations"]["required"] is True
    (option,) = fields["searched"]["attributes"]["options"]
    assert option == {"label": "I searched the board for similar ideas", "required": True}
    for name, item in fields.items():
        assert form.classify(item["attributes"]["label"]) == name


def test_the_board_link_in_config_is_the_site_url():
    config = yaml.safe_load((FORM_FILE.parent / "config.yml").read_text(encoding="utf-8"))
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    assert config["blank_issues_enabled"] is False
    assert config["contact_links"][0]["url"] == site_url


def test_a_rendered_form_body():
    body = render({"problem": "It is slow.", "solution": "Make it fast.", "benefits": "All"})
    assert parse(body) == Form("It is slow.", "Make it fast.", "All", searched=True)


def test_github_form_body():
    assert parse(BODY) == Form(
        problem="I take meeting notes on the train and lose them when the signal drops. "
        "It happens weekly.",
        solution="Keep every note on the phone and sync when back online.",
        benefits="Everyone on mobile.",
        searched=True,
    )


def test_crlf_line_ends_read_the_same():
    assert parse(BODY.replace("\n", "\r\n")) == parse(BODY)


def test_no_response_is_empty():
    body = render({"problem": "Only this."})
    assert parse(body) == Form(problem="Only this.", searched=True)


def test_unchecked_box_and_no_box():
    assert parse(render({"problem": "x"}, checked=False)).searched is False
    assert parse("### The problem\n\nx").searched is None


def test_reordered_sections():
    body = "### Who benefits\n\nTeams\n\n### Proposed solution\n\nB\n\n### The problem\n\nA\n"
    assert parse(body) == Form(problem="A", solution="B", benefits="Teams")


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Problem", "problem"),
        ("What problem does this solve?", "problem"),
        ("Is your feature request related to a problem?", "problem"),
        ("Describe the solution you'd like", "solution"),
        ("Proposal", "solution"),
        ("Who is this for?", "benefits"),
        ("Benefits", "benefits"),
        ("Similar ideas", "searched"),
        ("Alternatives considered", None),
    ],
)
def test_renamed_headings(heading, field):
    assert form.classify(heading) == field


def test_renamed_sections_and_other_levels():
    body = "#### Problem:\n\nA\n\n#### Describe the solution you'd like ####\n\nB\n"
    assert parse(body) == Form(problem="A", solution="B")


def test_a_heading_deeper_than_the_forms_stays_in_its_field():
    body = "## Problem:\n\nA\n\n#### Describe the solution you'd like ####\n\nB\n"
    assert parse(body) == Form(problem="A\n\n#### Describe the solution you'd like ####\n\nB")


def test_missing_sections():
    assert parse("### Proposed solution\n\nJust do it.") == Form(solution="Just do it.")


def test_a_body_with_no_sections_at_all():
    body = "Please add dark mode.\r\n\r\nMy eyes hurt at night."
    parsed = parse(body)
    assert parsed == Form(preamble="Please add dark mode.\n\nMy eyes hurt at night.")
    assert parsed.description() == "Please add dark mode.\n\nMy eyes hurt at night."
    assert parsed.summary("Dark mode", 300) == "Please add dark mode."


@pytest.mark.parametrize("body", [None, "", "   \n\n", "<!-- nothing -->"])
def test_empty_bodies(body):
    parsed = parse(body)
    assert parsed == Form()
    assert parsed.description() == ""
    assert parsed.summary("The title", 300) == "The title"


def test_html_comments_are_dropped_even_unclosed():
    body = "### The problem\n\nA <!-- hidden\nlines --> B\n\n### Proposed solution\n\nC <!-- open"
    assert parse(body) == Form(problem="A  B", solution="C")


def test_control_characters_are_dropped():
    assert parse("### The problem\n\nA\x00B\x1b[31mC\x7f").problem == "AB[31mC"


def test_the_authors_own_headings_stay_in_their_section():
    body = (
        "### Proposed solution\n\nTwo options.\n\n### Option A\n\nTabs.\n\n### Option B\n\nSpaces."
    )
    assert parse(body) == Form(
        solution="Two options.\n\n### Option A\n\nTabs.\n\n### Option B\n\nSpaces."
    )


def test_headings_inside_code_fences_are_not_sections():
    body = "### The problem\n\n```md\n### Who benefits\n```\n\n~~~\n### x\n~~~"
    assert parse(body) == Form(problem="```md\n### Who benefits\n```\n\n~~~\n### x\n~~~")


def test_unknown_sections_are_kept_in_order():
    body = (
        "Intro.\n\n### Alternatives\n\nNone.\n\n### The problem\n\nA\n\n### Links\n\n_No response_"
    )
    parsed = parse(body)
    assert parsed == Form(problem="A", preamble="Intro.", other=(("Alternatives", "None."),))
    assert parsed.description() == "Intro.\n\n### The problem\n\nA\n\n### Alternatives\n\nNone."


def test_a_checkbox_section_under_any_heading():
    body = "### The problem\n\nA\n\n### Checks\n\n- [x] I searched the board for similar ideas\n"
    assert parse(body) == Form(problem="A", searched=True)


def test_a_section_given_twice_is_joined():
    assert parse("### Problem\n\nA\n\n### The problem\n\nB").problem == "A\n\nB"


def test_extra_blank_lines_collapse():
    assert parse("### The problem\n\n\n\nA\n\n\n\n\nB\n\n\n").problem == "A\n\nB"


def test_description_puts_each_field_under_its_heading():
    parsed = parse(BODY)
    assert parsed.description() == (
        "### The problem\n\nI take meeting notes on the train and lose them when the signal "
        "drops. It happens weekly.\n\n### Proposed solution\n\nKeep every note on the phone and "
        "sync when back online.\n\n### Who benefits\n\nEveryone on mobile."
    )


def test_summary_is_the_first_sentence_as_plain_text():
    parsed = parse("### The problem\n\n> **Search** is [slow](https://x.test). Really.\n")
    assert parsed.summary("t", 300) == "Search is slow."
    assert parsed.summary("t", 10) == "Search is…"


def test_summary_falls_back_through_the_fields():
    assert parse("### Who benefits\n\n- Teams\n- Admins").summary("t", 300) == "Teams Admins"
    assert parse("### Proposed solution\n\n_No response_").summary("Title", 300) == "Title"


def test_summary_of_cjk_text_stops_at_the_full_stop():
    assert form.first_sentence("深色模式。晚上太亮了。", 300) == "深色模式。"


def test_unicode_line_breaks_and_stray_characters_are_normalised():
    body = "\ufeff### The problem\u2028\u2028A\u2029B\x85C \ud800D"
    assert parse(body).problem == "A\nB\nC D"
