"""Pure functions behind the steps: comparisons at the reveal, agreements, and more to come."""
