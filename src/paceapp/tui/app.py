"""PaceApp: the Textual application (sections as modes, global keys, safe background I/O)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, ClassVar, TypeVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from paceapp.app.folder import Journal
from paceapp.app.settings import change_settings, load_settings
from paceapp.core.errors import PaceError
from paceapp.core.settings import THEMES as THEME_SETTINGS
from paceapp.core.settings import Settings, app_theme, theme_setting
from paceapp.tui.launch import start_up_done
from paceapp.tui.navigation import sections
from paceapp.tui.themes import OWN_THEMES, THEMES, next_theme, theme_label

T = TypeVar("T")


def _mode_factory(target: str) -> Callable[[], Screen[Any]]:
    def make() -> Screen[Any]:
        section = next(s for s in sections() if s.target == target)
        return section.screen_class()()
    return make


#: Each section's mode -> what makes its screen; the first section (Today) opens the app.
SECTION_SCREENS = {s.mode: _mode_factory(s.target) for s in sections()}
FIRST_SECTION = sections()[0].mode


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
    #: Each section is a mode with its own screen stack. The first (Today) is the app's
    #: default screen instead, made a mode once the app runs (on_mount): Textual then draws
    #: the first frame without first waiting for Today to mount inside its start-up.
    MODES = {mode: make for mode, make in SECTION_SCREENS.items() if mode != FIRST_SECTION}
    DEFAULT_MODE = FIRST_SECTION
    #: Quiet notices: gone in about 4 s (a problem stays a little longer, to be read), and at
    #: most two on screen; a third sends the oldest away.
    NOTIFICATION_TIMEOUT = 4
    PROBLEM_TIMEOUT: ClassVar[float] = 6
    MOST_NOTICES: ClassVar[int] = 2

    def __init__(self, journal: Journal, *, demo: bool = False, welcome: bool = False) -> None:
        """`welcome`: offer the first-start welcome (`paceapp` and `paceapp demo` do) - shown
        only while the settings say it has not been closed before."""
        super().__init__()
        self.journal = journal
        self.demo = demo
        # Read before the app starts (one small file), so the first frame has the right theme
        # and Today loads its data once.
        self.settings: Settings = load_settings(journal)
        for theme in OWN_THEMES:
            self.register_theme(theme)
        for name in list(self.available_themes):
            if name not in THEME_SETTINGS:  # offer only themes the settings can remember
                self.unregister_theme(name)
        #: The theme to store; read by the save worker, so the last choice is the one kept.
        self.theme_to_store = self.settings.theme
        self.keymap_in_use: dict[str, str] = {}
        #: The notices on screen now, oldest first (see on_notify).
        self.notices_shown: list[Notification] = []
        #: The thread the app runs on (set when mounted).
        self.ui_thread: int | None = None
        if demo:
            self.sub_title = "demo data"
        self.show_welcome = welcome and not self.settings.welcomed

    def get_default_screen(self) -> Screen[Any]:
        return SECTION_SCREENS[FIRST_SECTION]()

    def on_mount(self) -> None:
        self.ui_thread = threading.get_ident()
        # The default screen's stack is already there, so switching back to it finds it.
        self.add_mode(FIRST_SECTION, SECTION_SCREENS[FIRST_SECTION])
        self.apply_settings(self.settings, reload=False)
        # However the theme is changed (c, the Ctrl+P theme picker), it is remembered.
        self.theme_changed_signal.subscribe(self, self.remember_theme)
        if self.show_welcome:
            self.call_after_refresh(self.welcome)

    def on_ready(self) -> None:
        """The first frame is on screen: start-up is over (see `launch.pause_collection`)."""
        start_up_done()

    def welcome(self) -> None:
        """The first-start welcome, over Today; once closed it is remembered (only that field is
        written, so nothing else in the settings changes)."""
        from paceapp.tui.screens.welcome import WelcomeScreen

        def closed(_result: None) -> None:
            self.show_welcome = False
            self.settings = dataclasses.replace(self.settings, welcomed=True)
            self.save(partial(change_settings, welcomed=True), "", refresh=False)

        self.push_screen(WelcomeScreen(), closed)

    def apply_settings(self, settings: Settings, reload: bool = True) -> None:
        """Theme, bad-day mode and remapped keys from the settings."""
        self.settings = settings
        theme = app_theme(settings.theme)
        if self.theme != theme:  # setting a theme restyles every widget: only when it changes
            self.theme = theme
        if self.has_class("-bad-day") != settings.bad_day_mode:
            self.set_class(settings.bad_day_mode, "-bad-day")
        if settings.keymap != self.keymap_in_use:  # also back to none, after an undo
            self.set_keymap(settings.keymap)
            self.keymap_in_use = dict(settings.keymap)
        if reload:
            self.refresh_data()

    def change_settings(self, message: str, **changes: Any) -> None:
        """Apply changed settings, then store just those fields (undoable) on the settings as
        stored now, so a change made meanwhile with `paceapp settings set` is kept."""
        self.apply_settings(dataclasses.replace(self.settings, **changes))
        self.save(partial(change_settings, **changes), message)

    def remember_theme(self, theme: Theme) -> None:
        """Store a theme chosen in any way (the c key, the theme picker) for the next start."""
        try:
            name = theme_setting(theme.name)
        except PaceError:  # not a theme the settings know (all offered ones are)
            return
        if name == self.settings.theme:
            return  # already stored (e.g. the theme applied at start)
        self.settings = dataclasses.replace(self.settings, theme=name)
        self.theme_to_store = name
        # The theme chosen last when the save runs (a quick run of c presses stores once more,
        # the last one): only that field, on the settings as stored then.
        self.save(lambda journal: change_settings(journal, theme=self.theme_to_store),
                  f"Colours: {theme_label(name)}. Press c to change them, or Ctrl+P and "
                  "'theme' to see every theme.", refresh=False)

    def action_cycle_theme(self) -> None:
        """Step through paceapp's main themes; the new one is stored by remember_theme."""
        self.theme = THEMES[next_theme(self.settings.theme)]

    def action_bad_day(self) -> None:
        on = not self.settings.bad_day_mode
        message = ("Bad-day mode: just the essentials, bigger buttons. Press b to go back."
                   if on else "Bad-day mode is off: everything is shown again.")
        self.change_settings(message, bad_day_mode=on)

    #: Textual's own palette commands, all kept (each helps someone here: colours, a list of
    #: keys, a bigger view of a long list, a picture of the screen to show a helper), with help
    #: in paceapp's words. A command a later Textual adds is kept with Textual's help.
    TEXTUAL_COMMANDS = {
        "Theme": "Choose from every colour theme (c steps through paceapp's five)",
        "Keys": "Show or hide a panel of the keys that work here",
        "Quit": "Leave paceapp (Ctrl+Q). Everything is already saved",
        "Screenshot": "Save a picture of this screen in your Downloads folder",
        "Maximize": "Make the list or box you are in fill the screen (Esc puts it back)",
        "Minimize": "Put the list or box back to its usual size",
    }

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command palette (Ctrl+P): Textual's own commands (theme picker, keys, quit,
        screenshot, maximize), the sections, and this screen's actions, each once by name."""
        from paceapp.tui.screens.help import is_paceapp_key, key_label

        for command in super().get_system_commands(screen):
            yield SystemCommand(command.title, self.TEXTUAL_COMMANDS.get(command.title, command.help),
                                command.callback, command.discover)
        for section in sections():
            yield SystemCommand(f"Go to {section.title}", f"Key {section.key}",
                                lambda mode=section.mode: self.action_section(mode))
        seen: set[str] = set(self.TEXTUAL_COMMANDS)
        for key, active in screen.active_bindings.items():
            binding = active.binding
            action = binding.action.removeprefix("app.")
            if (not binding.description or binding.description in seen
                    or action in ("command_palette", "quit") or action.startswith("section(")
                    or not is_paceapp_key(active.node, key, binding)):
                continue  # Textual's own keys (Tab, copy, cursor keys) and repeats are left out
            seen.add(binding.description)
            node = active.node
            yield SystemCommand(binding.description, f"Key {key_label(key)}",
                                lambda n=node, a=binding.action: self.call_later(self.run_action, a, n))

    def on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """Say where a screenshot went (Textual saves it without a word)."""
        if event.name == "screenshot" and event.path is not None:
            self.notify(f"Saved a picture of this screen as {event.path}. It shows what was on "
                        "the screen, so keep it private if that includes your health notes.",
                        markup=False, timeout=10)

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        if event.name == "screenshot":
            self.tell_problem("The picture of the screen could not be saved.")

    # -- notices ------------------------------------------------------------------------------
    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A notice, never longer than NOTIFICATION_TIMEOUT (PROBLEM_TIMEOUT for a problem), and
        at most MOST_NOTICES on screen: a new one sends the oldest away."""
        limit = self.NOTIFICATION_TIMEOUT if severity == "information" else self.PROBLEM_TIMEOUT
        timeout = limit if timeout is None else min(timeout, limit)
        notice = Notification(message, title, severity, timeout, markup=markup)
        if self.ui_thread not in (None, threading.get_ident()):  # notify is thread-safe
            self.call_from_thread(self.post_notice, notice)
        else:
            self.post_notice(notice)

    def post_notice(self, notice: Notification) -> None:
        shown = [n for n in self.notices_shown if not n.has_expired]
        if len(shown) >= self.MOST_NOTICES:
            # Textual can only clear them all: clear, then show the newest ones again (each
            # keeps its own time). Any still on its way is dropped by on_notify.
            shown = shown[len(shown) - self.MOST_NOTICES + 1:]
            self.clear_notifications()
            for kept in shown:
                self.post_message(Notify(kept))
        self.notices_shown = [*shown, notice]
        self.post_message(Notify(notice))

    def on_notify(self, event: Notify) -> None:
        """Runs before Textual shows a notice: one sent away meanwhile is not shown."""
        if all(event.notification.identity != n.identity for n in self.notices_shown):
            event.prevent_default()

    # -- navigation -----------------------------------------------------------------------
    def action_section(self, mode: str) -> None:
        if mode in SECTION_SCREENS and self.current_mode != mode:
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
            from paceapp.tui.hints import tui_words  # the keys that put it right, if any

            self.call_from_thread(self.tell_problem, tui_words(error))
            return
        self.call_from_thread(show, result)

    def save(self, change: Callable[[Journal], T], done: Callable[[T], str] | str,
             after: Callable[[T], None] | None = None, *, refresh: bool = True) -> None:
        """Run the write use-case `change` (an app-layer function with its arguments bound,
        e.g. `partial(change_settings, theme="light")`) on the journal in a worker; then say
        `done` and (if `refresh`) load the screen's data again. The use-case owns its
        transaction: it reads fresh data under the lock and writes only what changed."""
        self._save_worker(change, done, after, refresh)

    @work(thread=True, exit_on_error=False, group="save")
    def _save_worker(self, change: Callable[[Journal], Any], done: Callable[[Any], str] | str,
                     after: Callable[[Any], None] | None, refresh: bool) -> None:
        try:
            result = change(self.journal)
        except PaceError as error:
            from paceapp.tui.hints import tui_words  # the keys that put it right, if any

            self.call_from_thread(self.tell_problem, tui_words(error))
            return
        message = done(result) if callable(done) else done
        self.call_from_thread(self._saved, message, after, result, refresh)

    def _saved(self, message: str, after: Callable[[Any], None] | None, result: Any,
               refresh: bool = True) -> None:
        if message:
            self.notify(message, markup=False, timeout=4)
        if after is not None:
            after(result)
        if refresh:
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
        from paceapp.app.records import Undone, undo_last

        def done(undone: Undone | None) -> str:
            if undone is None:
                return "There is nothing to undo."
            return f"Undone: {undone.record.LABEL} {undone.what}."

        def after(undone: Undone | None) -> None:
            if undone is not None and undone.settings is not None:
                # the colours etc. change back too
                self.apply_settings(undone.settings, reload=False)
                self.theme_to_store = undone.settings.theme

        self.save(undo_last, done, after)
