"""Which action (``domain.roles.PERMISSIONS``) opening each page needs: a page a role may
not use is not shown in the navigation. The services check again, whatever the screen."""

from __future__ import annotations

PAGE_ACTIONS: dict[str, str] = {
    "workers": "workers.read",
    "loans": "loans.read",
    "events": "events.read",
    "reports": "reports.read",
    "sync": "sync.read",
    "settings": "settings.write",
    "backup": "backup.write",
    "audit": "audit.read",
    # Checking a printed paper shows figures, never a person: everyone.
    "documents": "reports.read",
    # The hub's views: the province by commune (aggregates) and people registered twice.
    "province": "reports.read",
    "duplicates": "workers.read",
    "users": "users.manage",
}


def page_action(key: str) -> str:
    # A page added later without an entry is for administrators until someone decides.
    return PAGE_ACTIONS.get(key, "users.manage")
