"""An activity/rest timer as a pure state machine: the caller passes the time in.

The terminal timer (`paceapp pace timer`) and the app's timer both drive one of these with a
clock (`time.monotonic` in real use, a fake clock in tests), so no test has to wait.

Phases: ACTIVE (count the chunk down) -> REST (count the rest down) -> DONE. `tick(now)` moves
through phases whose time is up and returns what happened ("stop" when the chunk is over - the
moment to tell the person to stop - and "rested" when the rest is over). Pause, resume and stop
work in any phase. `active_seconds(now)` is the real time spent on the activity, for the log.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from fractions import Fraction

from paceapp.core.errors import ValidationError
from paceapp.core.figures import whole

MAX_MINUTES = 24 * 60


class Phase(enum.Enum):
    ACTIVE = "active"
    REST = "rest"
    DONE = "done"


class Event(enum.Enum):
    STOP = "stop"  # the chunk is over: time to stop
    RESTED = "rested"  # the rest is over: the timer is done


def check_timer_minutes(minutes: float, field: str, label: str, *, allow_zero: bool = False) -> float:
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise ValidationError(f"The {label} must be a number of minutes, like 10.", field)
    low_ok = minutes >= 0 if allow_zero else minutes > 0
    if not low_ok or minutes > MAX_MINUTES:
        least = "0" if allow_zero else "more than 0"
        raise ValidationError(f"The {label} must be {least} and at most {MAX_MINUTES} minutes; "
                              f"{minutes:g} is not.", field)
    return minutes


@dataclass
class PaceTimer:
    """Count `activity_s` seconds of activity, then `rest_s` seconds of rest."""

    activity_s: float
    rest_s: float
    phase: Phase = Phase.ACTIVE
    paused: bool = False
    stopped_early: bool = False
    #: When the current phase's running stretch began (clock seconds).
    _since: float = 0.0
    #: Seconds of the current phase already counted before the running stretch.
    _banked: float = 0.0
    _active_total: float | None = None
    _started: bool = field(default=False)

    @classmethod
    def for_minutes(cls, minutes: float, rest_minutes: float) -> PaceTimer:
        check_timer_minutes(minutes, "minutes", "activity time")
        check_timer_minutes(rest_minutes, "rest", "rest time", allow_zero=True)
        return cls(activity_s=minutes * 60, rest_s=rest_minutes * 60)

    # -- reading -------------------------------------------------------------------------
    def _length(self) -> float:
        return self.activity_s if self.phase is Phase.ACTIVE else self.rest_s

    def elapsed(self, now: float) -> float:
        """Seconds counted in the current phase."""
        if not self._started or self.phase is Phase.DONE:
            return self._banked
        return self._banked + (0.0 if self.paused else max(0.0, now - self._since))

    def remaining(self, now: float) -> float:
        if self.phase is Phase.DONE:
            return 0.0
        return max(0.0, self._length() - self.elapsed(now))

    def active_seconds(self, now: float) -> float:
        """Real seconds of activity (the whole chunk once it is over)."""
        if self._active_total is not None:
            return self._active_total
        return min(self.elapsed(now), self.activity_s)

    def active_minutes(self, now: float) -> int:
        """Whole minutes of activity, rounded once, half up (what the log offers): 90 s -> 2.

        Real elapsed time: the clock passed in is monotonic, so a clock change or the computer
        setting its time does not stretch or shrink it."""
        return whole(Fraction(self.active_seconds(now)) / 60)

    @property
    def done(self) -> bool:
        return self.phase is Phase.DONE

    # -- changing ------------------------------------------------------------------------
    def start(self, now: float) -> None:
        self._started = True
        self._since = now
        self._banked = 0.0

    def pause(self, now: float) -> None:
        if self.paused or self.done or not self._started:
            return
        self._banked = self.elapsed(now)
        self.paused = True

    def resume(self, now: float) -> None:
        if not self.paused or self.done:
            return
        self.paused = False
        self._since = now

    def toggle(self, now: float) -> None:
        if self.paused:
            self.resume(now)
        else:
            self.pause(now)

    def stop(self, now: float) -> None:
        """End now (during the activity: what was done so far counts)."""
        if self.done:
            return
        if self.phase is Phase.ACTIVE:
            self._active_total = min(self.elapsed(now), self.activity_s)
            self.stopped_early = True
        self.phase = Phase.DONE
        self.paused = False
        self._banked = 0.0

    def tick(self, now: float) -> list[Event]:
        """Move on through any phase whose time is up; return what happened, in order."""
        events: list[Event] = []
        if not self._started or self.paused:
            return events
        while self.phase is not Phase.DONE:
            over = self.elapsed(now) - self._length()
            if over < 0:
                break
            # The next phase began `over` seconds ago.
            if self.phase is Phase.ACTIVE:
                self._active_total = self.activity_s
                self.phase = Phase.REST
                events.append(Event.STOP)
            else:
                self.phase = Phase.DONE
                events.append(Event.RESTED)
            self._since = now - over
            self._banked = 0.0
        return events


def clock_text(seconds: float) -> str:
    """Seconds left as the timer shows them: '12:00', '1:05:00' (rounded up to the second)."""
    whole = int(-(-seconds // 1))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def rest_text(seconds: float) -> str:
    """' Rest now for 6 min.' in plain words: whole minutes (half up), or seconds under a
    minute - never '0.1 min'. '' when there is no rest."""
    if seconds <= 0:
        return ""
    if seconds < 60:
        whole = int(seconds + 0.5)
        return f" Rest now for {whole} second{'s' if whole != 1 else ''}."
    return f" Rest now for {int(seconds / 60 + 0.5)} min."


def done_text(minutes: int) -> str:
    """'12 min', or 'less than a minute' for 0."""
    return "less than a minute" if minutes < 1 else f"{minutes} min"
