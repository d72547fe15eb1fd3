"""Screens: one module per section, plus forms and dialogs."""
