"""The application layer: the one place each job is done.

Per feature, a module here holds the read models a screen or command shows and the write
use-cases. Each write owns its transaction: it reads fresh data inside the lock, applies the
person's change (the fields they changed, never a whole record from an old copy), checks and
writes. The CLI and the TUI call the same function for the same job; neither touches the Journal
itself. Layer order (checked by tests/test_layers.py): core < store, outputs < app < cli, tui.
"""
