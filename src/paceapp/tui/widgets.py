"""Small widgets shared by every screen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import Button, Static

from paceapp.tui.navigation import sections
from paceapp.tui.text import key_label


def bindings_of(source: DOMNode | type[DOMNode], *ids: str) -> list[Binding]:
    """The bindings with these ids, in this order, from `source`'s BINDINGS (its class's and
    those it inherits; a subclass's binding replaces an inherited one with the same id). A
    missing id is an error, so a renamed binding cannot quietly lose its button."""
    cls = source if isinstance(source, type) else type(source)
    found: dict[str, Binding] = {}
    for klass in reversed(cls.__mro__):
        declared: Iterable[BindingType] = klass.__dict__.get("BINDINGS", ())
        for binding in Binding.make_bindings(declared):
            if binding.id:
                found[binding.id] = binding
    missing = [binding_id for binding_id in ids if binding_id not in found]
    if missing:
        raise LookupError(f"{cls.__name__} has no binding with the id {', '.join(missing)}")
    return [found[binding_id] for binding_id in ids]


def button_label(binding: Binding, description: str | None = None) -> str:
    """What a binding's button says: its description, then its key ("Close (Esc)")."""
    key = binding.key_display or key_label(binding.key.split(",")[0])
    return f"{description or binding.description} ({key})"


class QuietButton(Button):
    """A Button that does not restyle itself before it is in the screen.

    Textual's Button sets its look (compact, flat, variant) through reactive attributes as it is
    made, and each one asks the app to restyle the button at once - wasted work for a button not
    yet mounted, whose styles are worked out when it is mounted. On Today that was about 30
    restyles before the first frame. Once the button is mounted it restyles as usual."""

    def update_node_styles(self, animate: bool = True) -> None:
        if self.parent is None:  # not mounted yet: mounting applies the styles
            return
        super().update_node_styles(animate=animate)


class ActionButtons(Horizontal):
    """A row of buttons made from bindings, so the keys are declared once (in BINDINGS) and the
    footer, the buttons, Help and the command palette cannot disagree.

    Each button says the binding's description and its key ("Close (Esc)": the binding's
    `key_display`, else its first key) and pressing it runs the binding's action on `target`
    through Textual's own action machinery (`App.run_action`), exactly as the key does. Its id is
    the binding's id, unless `button_ids` maps that binding id to another.

        BINDINGS = [Binding("e", "edit", "Change", id="edit"),
                    Binding("delete,x", "delete", "Delete", id="delete", key_display="x")]

        def compose(self) -> ComposeResult:
            ...
            yield ActionButtons(self, bindings_of(self, "edit", "delete"), primary="edit")

    `target`: the node whose action runs (a screen, a widget, or the app for the app's keys).
    `dense`: each button exactly as wide as its words, with no space inside it (a crowded row,
    such as the Diary's eight, keeps one line at 80 columns); the space between buttons comes
    from the screen's styles. Set on the buttons themselves: a Button always asks for 2 columns
    more than its words, and style sheets take no `line-pad` below 1.
    `descriptions`: words given when the dialog is made (a question's "Keep writing") in place of
    the binding's description. `close_first`: a dialog's button that acts on the app below (Help's
    Colours) closes the dialog, then runs the action.
    """

    DEFAULT_CSS = """
    ActionButtons { height: auto; width: 100%; }
    """

    def __init__(self, target: DOMNode, bindings: Iterable[Binding], *,
                 primary: str | None = None, compact: bool = False,
                 descriptions: Mapping[str, str] | None = None,
                 button_ids: Mapping[str, str] | None = None, close_first: bool = False,
                 dense: bool = False, classes: str = "buttons",
                 id: str | None = None) -> None:  # noqa: A002
        self.target = target
        self.actions: dict[str, str] = {}
        self.close_first = close_first
        buttons = []
        for binding in bindings:
            binding_id = binding.id or binding.action
            button_id = (button_ids or {}).get(binding_id, binding_id)
            self.actions[button_id] = binding.action
            label = button_label(binding, (descriptions or {}).get(binding_id))
            button = QuietButton(label, id=button_id, compact=compact,
                                 variant="primary" if binding_id == primary else "default")
            if dense:
                button.styles.line_pad = 0
                button.styles.width = cell_len(label)
            buttons.append(button)
        super().__init__(*buttons, classes=classes, id=id)

    @on(Button.Pressed)
    async def run_binding(self, event: Button.Pressed) -> None:
        action = self.actions.get(event.button.id or "")
        if action is None:
            return
        event.stop()
        if self.close_first:
            self.screen.dismiss()
        await self.app.run_action(action, self.target)



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
            button = QuietButton(f"{mark}{section.key} {section.title}",
                                 id=f"nav-{section.mode}", compact=True)
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
    yield Horizontal(QuietButton(save, id="save", variant="primary"),
                     QuietButton(cancel, id="cancel"), classes="buttons")
