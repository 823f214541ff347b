"""Ideas and the snapshot in, the board out: votes, trending, milestones, insights. Pure."""

from generator.tally.insights import Insights, ShipTime, compute
from generator.tally.shipped import shipped_on
from generator.tally.votes import paused_gc, tally, trending_score

__all__ = ["Insights", "ShipTime", "compute", "paused_gc", "shipped_on", "tally", "trending_score"]
