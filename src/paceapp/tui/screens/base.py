"""SectionScreen: the frame every section shares (nav bar, body, footer) and data loading."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen

from paceapp.tui.footer import KeyFooter
from paceapp.tui.widgets import NavBar

if TYPE_CHECKING:
    from paceapp.core.records import Record
    from paceapp.store.journal import Journal
    from paceapp.tui.app import PaceApp


class SectionScreen(Screen[None]):
    """A section of the app. Subclasses set MODE and write compose_body() and reload()."""

    MODE: ClassVar[str] = ""

    @property
    def pace(self) -> PaceApp:
        from paceapp.tui.app import PaceApp

        assert isinstance(self.app, PaceApp)
        return self.app

    @property
    def journal(self) -> Journal:
        return self.pace.journal

    def compose(self) -> ComposeResult:
        yield NavBar(self.MODE)
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Load this screen's data (override; use self.load_then to stay off the UI thread)."""

    def confirm_delete(self, record: Record) -> None:
        """Ask (No is the default), then delete the record in a worker; Ctrl+Z brings it back."""
        from paceapp.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.pace.save(lambda j: j.delete(type(record), record.id),
                               f"Deleted the {record.LABEL}. Ctrl+Z brings it back.")

        details = ", ".join(v for k, v in record.summary().items() if v and k != "id")
        self.app.push_screen(ConfirmScreen(f"Delete this {record.LABEL}?\n{details}"), answered)

    def load_then(self, load: Callable[[], Any], show: Callable[[Any], None],
                  group: str | None = None) -> None:
        """Run `load` in a thread, then `show(result)` on the UI thread."""
        self.pace.load_then(load, show, group=group or f"load-{self.MODE}")
