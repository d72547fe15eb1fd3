"""PaceApp: the Textual application (sections as modes, global keys, safe background I/O)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from paceapp.core.errors import PaceError
from paceapp.core.settings import Settings
from paceapp.store.journal import Journal
from paceapp.tui.navigation import sections
from paceapp.tui.themes import HIGH_CONTRAST, MONOCHROME, THEMES, next_theme


def _mode_factory(target: str) -> Callable[[], Screen[Any]]:
    def make() -> Screen[Any]:
        section = next(s for s in sections() if s.target == target)
        return section.screen_class()()
    return make


class PaceApp(App[int]):
    """paceapp's TUI. Disk I/O runs in worker threads; results come back on the UI thread."""

    TITLE = "paceapp"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", id="help", priority=True),
        Binding("question_mark", "help", "Help", show=False, id="help-alt"),
        Binding("f2", "support", "Support", id="support", priority=True),
        Binding("exclamation_mark", "support", "Support", show=False, id="support-alt"),
        Binding("ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("c", "cycle_theme", "Colours", id="theme", show=False),
        Binding("b", "bad_day", "Bad day", id="bad-day", show=False),
        *[Binding(s.key, f"section('{s.mode}')", s.title, show=False, id=f"go-{s.mode}")
          for s in sections()],
    ]
    MODES = {s.mode: _mode_factory(s.target) for s in sections()}
    DEFAULT_MODE = "today"

    def __init__(self, journal: Journal, *, demo: bool = False) -> None:
        super().__init__()
        self.journal = journal
        self.demo = demo
        # Read before the app starts (one small file), so the first frame has the right theme
        # and Today loads its data once.
        from paceapp.store.settings import load_settings

        self.settings: Settings = load_settings(journal)
        self.register_theme(HIGH_CONTRAST)
        self.register_theme(MONOCHROME)
        if demo:
            self.sub_title = "demo data"

    def on_mount(self) -> None:
        self.apply_settings(self.settings, reload=False)

    def apply_settings(self, settings: Settings, reload: bool = True) -> None:
        """Theme, bad-day mode and remapped keys from the settings."""
        self.settings = settings
        theme = THEMES.get(settings.theme, THEMES["default"])
        if self.theme != theme:  # setting a theme restyles every widget: only when it changes
            self.theme = theme
        if self.has_class("-bad-day") != settings.bad_day_mode:
            self.set_class(settings.bad_day_mode, "-bad-day")
        if settings.keymap:
            self.set_keymap(settings.keymap)
        if reload:
            self.refresh_data()

    def change_settings(self, message: str, **changes: Any) -> None:
        """Store changed settings (undoable), then apply them."""
        changed = dataclasses.replace(self.settings, **changes)
        self.apply_settings(changed)
        self.save(lambda journal: journal.put_single(changed), message)

    def action_cycle_theme(self) -> None:
        name = next_theme(self.settings.theme)
        self.change_settings(f"Colours: {name.replace('-', ' ')}. Press c again to change.",
                             theme=name)

    def action_bad_day(self) -> None:
        on = not self.settings.bad_day_mode
        message = ("Bad-day mode: just the essentials, bigger buttons. Press b to go back."
                   if on else "Bad-day mode is off: everything is shown again.")
        self.change_settings(message, bad_day_mode=on)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P) lists every action: sections, this screen's keys, more."""
        for section in sections():
            yield SystemCommand(f"Go to {section.title}", f"Key {section.key}",
                                lambda mode=section.mode: self.action_section(mode))
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.description in seen or key.isdigit():
                continue
            if binding.action in ("app.command_palette", "command_palette", "quit",
                                  "app.quit"):
                continue
            seen.add(binding.description)
            node = active.node
            yield SystemCommand(binding.description, f"Key {key}",
                                lambda n=node, a=binding.action: self.call_later(self.run_action, a, n))
        yield SystemCommand("Leave paceapp", "Ctrl+Q (everything is already saved)", self.exit)

    # -- navigation -----------------------------------------------------------------------
    def action_section(self, mode: str) -> None:
        if mode in self.MODES and self.current_mode != mode:
            self.switch_mode(mode)

    def action_help(self) -> None:
        from paceapp.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen.active_bindings))

    def action_support(self) -> None:
        from paceapp.tui.screens.support import SupportScreen

        if not isinstance(self.screen, SupportScreen):
            self.push_screen(SupportScreen())

    # -- data -----------------------------------------------------------------------------
    def load_then(self, load: Callable[[], Any], show: Callable[[Any], None],
                  group: str = "load") -> None:
        """Run `load()` off the UI thread, then `show(result)` on it."""
        self._load_worker(load, show, group)

    @work(thread=True, exit_on_error=False)
    def _load_worker(self, load: Callable[[], Any], show: Callable[[Any], None],
                     group: str) -> None:
        try:
            result = load()
        except PaceError as error:
            self.call_from_thread(self.tell_problem, str(error))
            return
        self.call_from_thread(show, result)

    def save(self, change: Callable[[Journal], Any], done: Callable[[Any], str] | str,
             after: Callable[[Any], None] | None = None) -> None:
        """Apply `change(journal)` in a worker; then say `done` and refresh the screen."""
        self._save_worker(change, done, after)

    @work(thread=True, exit_on_error=False, group="save")
    def _save_worker(self, change: Callable[[Journal], Any], done: Callable[[Any], str] | str,
                     after: Callable[[Any], None] | None) -> None:
        try:
            result = change(self.journal)
        except PaceError as error:
            self.call_from_thread(self.tell_problem, str(error))
            return
        message = done(result) if callable(done) else done
        self.call_from_thread(self._saved, message, after, result)

    def _saved(self, message: str, after: Callable[[Any], None] | None, result: Any) -> None:
        if message:
            self.notify(message, markup=False, timeout=4)
        if after is not None:
            after(result)
        self.refresh_data()

    def tell_problem(self, message: str) -> None:
        self.notify(message, title="Could not do that", severity="warning", markup=False,
                    timeout=10)

    def refresh_data(self) -> None:
        """Ask the current section to load its data again."""
        from paceapp.tui.screens.base import SectionScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, SectionScreen):
                screen.reload()
                break

    def action_undo(self) -> None:
        def change(journal: Journal) -> Any:
            return journal.undo()

        def done(result: Any) -> str:
            if result is None:
                return "There is nothing to undo."
            what, record = result
            return f"Undone: {record.LABEL} {what}."

        self.save(change, done)
