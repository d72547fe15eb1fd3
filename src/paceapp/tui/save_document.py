"""Saving a document from a preview dialog (the GP sheet, the assessment summary).

The file goes to the person's documents folder under a name not taken yet (the suggestion), or
to the name they type: a bare name goes into the documents folder, its ending follows the format
chosen. A file that is already there is replaced only after asking. Writing happens in a worker
thread; what went wrong is said in the dialog's Problem line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from textual import events, on, work
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from paceapp.core.errors import PaceError
from paceapp.outputs.files import OutputExistsError, ensure_folder, free_path
from paceapp.paths import documents_dir
from paceapp.tui.breakpoints import give_width_class
from paceapp.tui.opening_focus import FocusOnceLaidOut
from paceapp.tui.widgets import Problem

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Writes a document: (path, format, force) -> (the full path written, the 'shortened' note).
Writer = Callable[[Path, str, bool], tuple[Path, str]]


def suggested_path(stem: str, suffix: str) -> Path:
    """A new name in the documents folder: stem+suffix, or "stem (2)suffix" when that is taken."""
    return free_path(documents_dir(), stem, suffix)


def chosen_path(typed: str, suffix: str) -> Path:
    """The file the person named: `~` expanded, the format's ending, and a bare or relative name
    in the documents folder."""
    path = Path(typed).expanduser()
    if path.suffix.lower() != suffix:
        path = path.with_suffix(suffix)
    return path if path.is_absolute() else documents_dir() / path


def write_into(path: Path, fmt: str, force: bool, write: Writer) -> tuple[Path, str]:
    """`write` the document; the documents folder is made first if it goes there (any other
    folder must exist)."""
    if path.parent == documents_dir():
        ensure_folder(path.parent)
    return write(path, fmt, force)


class SaveDocumentScreen(FocusOnceLaidOut, ModalScreen[T], Generic[T]):
    """A dialog with a `#path` Input, a Problem line and a `#where` Static that saves a
    document. Subclasses set SUFFIX and DOCUMENT and give `suggestion`, `writer` and `done`."""

    #: Format -> file ending.
    SUFFIX: dict[str, str] = {}
    #: The document in a sentence: "sheet", "summary".
    DOCUMENT = "document"

    suggested = ""

    @on(events.Compose)
    def width_class_first(self) -> None:
        """Its width class before its widgets are made (tui/breakpoints.py)."""
        give_width_class(self)

    def suggestion(self, fmt: str) -> Path:
        """A free name in the documents folder for `fmt`."""
        raise NotImplementedError

    def writer(self) -> Writer | None:
        """What writes the document (None: not ready yet; say why first)."""
        raise NotImplementedError

    def done(self, where: Path, note: str) -> None:
        raise NotImplementedError

    def save_as(self, fmt: str) -> None:
        """Save in `fmt` under the name in the box (a new free name while it is the suggestion)."""
        write = self.writer()
        if write is None:
            return
        box = self.query_one("#path", Input)
        text = box.value.strip()
        if not text:
            self.query_one(Problem).say(f"Please type a file name to save the {self.DOCUMENT} as.")
            box.focus()
            return
        unchanged = text == self.suggested  # not changed by the person: a name free now
        path = self.suggestion(fmt) if unchanged else chosen_path(text, self.SUFFIX[fmt])
        box.value = str(path)
        if unchanged:
            self.suggested = box.value
        self.query_one(Problem).say("")
        self.query_one("#where", Static).update("Writing…")
        self.write_file(write, path, fmt)

    @work(thread=True, exclusive=True, group="save-document", exit_on_error=False)
    def write_file(self, write: Writer, path: Path, fmt: str, force: bool = False) -> None:
        try:
            where, note = write_into(path, fmt, force, write)
        except OutputExistsError:
            self.app.call_from_thread(self.ask_replace, write, path, fmt)
            return
        except PaceError as error:
            self.app.call_from_thread(self.failed, str(error))
            return
        except Exception as error:  # noqa: BLE001 - told to the person (and logged), not lost
            from paceapp.tui.screens.base import unexpected_problem

            log.error("Writing the %s failed", self.DOCUMENT, exc_info=error)
            self.app.call_from_thread(self.failed, unexpected_problem(error))
            return
        self.app.call_from_thread(self.done, where, note)

    def ask_replace(self, write: Writer, path: Path, fmt: str) -> None:
        """The person typed the name of a file that is there: replace it only if they say so."""
        from paceapp.tui.screens.confirm import ConfirmScreen

        self.query_one("#where", Static).update("")

        def answered(yes: bool | None) -> None:
            if yes:
                self.query_one("#where", Static).update("Writing…")
                self.write_file(write, path, fmt, True)
            else:
                self.query_one(Problem).say("Nothing was written. Change the name to keep both.")
                self.query_one("#path", Input).focus()

        self.app.push_screen(ConfirmScreen(f"There is already a file called {path.name} in "
                                           f"{path.parent}.\nReplace it with this "
                                           f"{self.DOCUMENT}?", yes="Replace"), answered)

    def failed(self, message: str) -> None:
        self.query_one("#where", Static).update("")
        self.query_one(Problem).say(message)
