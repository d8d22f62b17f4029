"""The answer model of each step kind: one module per kind, read leniently (see ``base``)."""
