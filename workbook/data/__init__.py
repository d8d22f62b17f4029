"""Couples, sessions and agreements: the models, the data folder, and durable saving."""
