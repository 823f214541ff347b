"""The board language: theme.language unless the plugin sets its own; status titles."""

from __future__ import annotations

from typing import Any

from babel import Locale, UnknownLocaleError
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

# --- the board language (issue 15): theme.language unless the plugin sets its own ------------


def _language_tag(value: object, where: str) -> str:
    try:
        Locale.parse(str(value).replace("-", "_"))
    except (ValueError, TypeError, UnknownLocaleError):
        raise ValidationError(
            f"Expected a language tag that CLDR knows, such as 'de', 'pt-BR' or 'zh-Hans', "
            f"{where}but received: {value!r}"
        ) from None
    return str(value)


class _Language(c.Type):
    """The board language; unset follows mkdocs' ``theme.language``."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        return _language_tag(super().run_validation(value), "")


class _StatusTitles(c.BaseConfigOption[dict]):
    """Per status, its title by language: ``{triage: {en: Triage, de: Sichtung}}``."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict[str, dict[str, str]]:
        shape = isinstance(value, dict) and all(
            isinstance(titles, dict)
            and all(isinstance(t, str) and t.strip() for t in titles.values())
            for titles in value.values()
        )
        if not shape:
            raise ValidationError(
                "Expected a mapping of status name to titles by language, such as "
                f"{{triage: {{en: Triage, de: Sichtung}}}}, but received: {value!r}"
            )
        for status, titles in value.items():
            for tag in titles:
                _language_tag(tag, f"as a language of status_titles.{status}, ")
        return {s: {str(k): v.strip() for k, v in t.items()} for s, t in value.items()}


def board_language(config: Any, theme_language: str | None) -> str:
    """The plugin's ``language``, else mkdocs' ``theme.language``, else English."""
    return config.get("language") or theme_language or "en"
