"""The one package that imports PyGithub: reads into snapshot types, and writes."""

from generator.github import settings as repo_settings
from generator.github.client import GitHubClient, Progress, by_number_query, scrub, token_from_env

__all__ = [
    "GitHubClient",
    "Progress",
    "by_number_query",
    "repo_settings",
    "scrub",
    "token_from_env",
]
