"""One input widget per step kind, and the base they share."""
