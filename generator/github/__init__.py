"""The one package that imports PyGithub: transport, error translation, queries, reads, writes."""

from generator.github import settings as repo_settings
from generator.github.budget import Budget, planned
from generator.github.client import GitHubClient
from generator.github.failures import scrub
from generator.github.fetcher import Progress
from generator.github.queries import MAX_NUMBER, by_number_query, queryable
from generator.github.transport import token_from_env

__all__ = [
    "MAX_NUMBER",
    "Budget",
    "GitHubClient",
    "Progress",
    "by_number_query",
    "planned",
    "queryable",
    "repo_settings",
    "scrub",
    "token_from_env",
]
