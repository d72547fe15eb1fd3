"""Small widgets shared by every screen."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static

from paceapp.tui.navigation import sections


class NavBar(Horizontal):
    """The row of sections at the top: each is a key (1-7) or a click away.

    The current section is marked with '▸' and underlined, not by colour alone. When the names
    do not fit on one line (a window narrower than about 72 columns) they take two rows of four,
    so every name is whole rather than the last ones cut off.
    """

    DEFAULT_CSS = """
    NavBar { height: 1; width: 100%; background: $panel; }
    NavBar > Button { min-width: 0; height: 1; border: none; margin: 0; }
    NavBar > Button.-current { text-style: bold underline; }
    NavBar.-two-rows { layout: grid; grid-size: 4; }
    NavBar.-two-rows > Button { width: 1fr; content-align: left middle; text-align: left; }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        for section in sections():
            mark = "▸" if section.mode == self.current else ""
            button = Button(f"{mark}{section.key} {section.title}", id=f"nav-{section.mode}",
                            compact=True)
            if section.mode == self.current:
                button.add_class("-current")
            yield button

    def one_row_width(self) -> int:
        """Columns the names need on one line (each with a space either side)."""
        return sum(len(str(button.label)) + 2 for button in self.query(Button))

    def on_resize(self, event: events.Resize) -> None:
        two_rows = self.one_row_width() > event.size.width
        self.set_class(two_rows, "-two-rows")
        # As tall as its rows (bad-day mode makes each button 3 rows tall); set here, over the
        # app's style sheet, which gives the bar one row's height.
        self.styles.height = "auto" if two_rows else None

    @on(Button.Pressed)
    def go(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id and event.button.id.startswith("nav-"):
            from paceapp.tui.app import PaceApp

            if isinstance(self.app, PaceApp):
                self.app.action_section(event.button.id[4:])


class Problem(Static):
    """A form's message about what was wrong; marked with a sign and words, not colour alone."""

    DEFAULT_CSS = """
    Problem { height: auto; color: $text-warning; padding: 0 1; }
    Problem.-empty { display: none; }
    """

    class LaidOut(Message):
        """The message has its place on screen (after it was shown or grew): a form can now
        scroll it into view."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__("", id=id, markup=False, classes="-empty")

    def on_resize(self, event: events.Resize) -> None:
        if event.size.area:
            self.post_message(self.LaidOut())

    def say(self, message: str) -> None:
        self.update(f"! {message}" if message else "")
        self.set_class(not message, "-empty")

    def say_all(self, messages: list[str]) -> None:
        """Several problems at once, each on its own line starting with '!'."""
        lines = []
        for message in messages:
            first, *rest = message.splitlines() or [""]
            lines += [f"! {first}", *(f"  {line}" for line in rest)]
        self.update("\n".join(lines))
        self.set_class(not messages, "-empty")


def problem_and_buttons(save: str = "Save (Enter)", cancel: str = "Cancel (Esc)") -> ComposeResult:
    """The end of every form: where a problem is said, then Save and Cancel (ids save, cancel)."""
    yield Problem(id="problem")
    yield Horizontal(Button(save, id="save", variant="primary"), Button(cancel, id="cancel"),
                     classes="buttons")
