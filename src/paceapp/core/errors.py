"""Errors the core raises when input cannot be accepted.

Every message is written for a tired person: what was wrong, and how to put it right.
"""

from __future__ import annotations


class PaceError(Exception):
    """Base class for errors that carry a plain-words message for the person."""

    exit_code = 1


class ValidationError(PaceError):
    """Input was wrong; nothing was changed. `problems` lists (field, message) pairs."""

    exit_code = 2

    def __init__(self, message: str, field: str | None = None,
                 problems: list[tuple[str | None, str]] | None = None) -> None:
        self.field = field
        self.problems = problems or [(field, message)]
        super().__init__(message)

    @classmethod
    def many(cls, problems: list[tuple[str | None, str]]) -> ValidationError:
        """One error that lists several problems (shown one per line)."""
        text = "\n".join(message for _field, message in problems)
        return cls(text, problems[0][0] if problems else None, problems)


class NotFoundError(PaceError):
    """A record the person named does not exist."""

    exit_code = 2


def check(condition: bool, field: str, message: str) -> None:
    """Raise ValidationError(message) for `field` unless `condition` holds."""
    if not condition:
        raise ValidationError(message, field)


class ChangedElsewhereError(PaceError):
    """A record was changed somewhere else (the shell, another window) while the person was
    changing the same part of it here. Nothing was written, so neither change is lost."""

    exit_code = 2

    def __init__(self, record: object, fields: list[str]) -> None:
        self.fields = fields
        label = getattr(record, "LABEL", "record")
        names = " and ".join(field.replace("_", " ") for field in fields)
        super().__init__(
            f"While you were changing this {label}, its {names} was changed somewhere else "
            "(from the shell or another paceapp window). Nothing was saved, so neither change "
            "is lost: please open it again to see the newest, then make your change.")
