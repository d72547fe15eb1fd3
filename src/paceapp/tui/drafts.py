"""Drafts of forms: kept in `paceapp.app.drafts` (the store of unsaved words).

Only `Values` is still named here, for the screens that import it from this module
(tui/screens/goal_review.py, group_share.py, day_form.py); once they import it from
`paceapp.app.drafts`, this module can go.
"""

from __future__ import annotations

from paceapp.app.drafts import Values

__all__ = ["Values"]
