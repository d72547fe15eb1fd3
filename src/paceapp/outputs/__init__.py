"""Turning core records into text, files and messages (tables, JSON, sheets, cards, charts)."""
