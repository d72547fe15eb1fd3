"""The only code that touches the data folder: crash-safe files, locking, backups, migrations.

`Journal` (journal.py) is the repository the CLI and TUI use; it hands out and takes `core` records.
"""
