"""paceapp: a local-first terminal companion for people living with chronic pain.

The package root imports nothing heavy: `paceapp --help` and quick logging must start fast.
"""

__version__ = "0.1.0"
