from generator.plugin.plugin import IdeaboardPlugin

__all__ = ["IdeaboardPlugin"]
