"""Who may do what: the ONE table of roles and the actions each may take (issue 14, item 2).

Every service function starts with ``ctx.require(ACTION)`` (``services.context``); the
action names are listed here and nowhere else, so what a role may do is read in one place.
A commune office has 1–3 people: four roles are enough.

- admin: everything, including users, settings, audit and backups.
- clerk: workers, loans, sync bundles, exports (and reading conferences and reports).
- counsellor: conferences, attendees, flyers (and reading workers to register attendees).
- viewer: reports and counts only: never a name, an ID number or any personal detail.
"""

from __future__ import annotations

from ..errors import ValidationError

ADMIN, CLERK, COUNSELLOR, VIEWER = "admin", "clerk", "counsellor", "viewer"
ROLES: tuple[str, ...] = (ADMIN, CLERK, COUNSELLOR, VIEWER)

ROLE_LABELS: dict[str, tuple[str, str]] = {
    ADMIN: ("Quản trị", "Administrator"),
    CLERK: ("Cán bộ hồ sơ", "Clerk"),
    COUNSELLOR: ("Tư vấn viên", "Counsellor"),
    VIEWER: ("Chỉ xem báo cáo", "Viewer"),
}

_ALL = frozenset(ROLES)
_STAFF = frozenset({ADMIN, CLERK, COUNSELLOR})

# action -> the roles allowed. Admin is in every set on purpose (written out, not implied),
# so a reader of this table needs no other rule.
PERMISSIONS: dict[str, frozenset[str]] = {
    # Counts and aggregate reports: no personal detail, so everyone.
    "reports.read": _ALL,
    "status.read": _ALL,
    "lookups.read": _ALL,
    # Workers: personal data.
    "workers.read": _STAFF,
    "workers.write": frozenset({ADMIN, CLERK}),
    # Loans.
    "loans.read": frozenset({ADMIN, CLERK}),
    "loans.write": frozenset({ADMIN, CLERK}),
    # Conferences, attendees, flyers.
    "events.read": _STAFF,
    "events.write": frozenset({ADMIN, COUNSELLOR}),
    "attendees.write": frozenset({ADMIN, COUNSELLOR}),
    "flyers.write": frozenset({ADMIN, COUNSELLOR}),
    # Exports and prints carrying personal data (Excel, dossiers, follow-up lists, sheets).
    "exports.personal": frozenset({ADMIN, CLERK, COUNSELLOR}),
    "exports.workers": frozenset({ADMIN, CLERK}),
    "imports.workers": frozenset({ADMIN, CLERK}),
    # Sending a paper to a printer (issue 19). The paper's own permission (above: personal
    # data, conferences or reports) is required as well: domain.printing.PAPERS.
    "print": _ALL,
    # Sync bundles, peers and conflicts.
    "sync.read": frozenset({ADMIN, CLERK}),
    "sync.write": frozenset({ADMIN, CLERK}),
    # Office configuration, targets, loan rules, demo data.
    "settings.read": _ALL,
    "settings.write": frozenset({ADMIN}),
    "targets.write": frozenset({ADMIN}),
    "rules.write": frozenset({ADMIN}),
    "demo.write": frozenset({ADMIN}),
    # Accounts, audit and backups.
    "users.manage": frozenset({ADMIN}),
    "audit.read": frozenset({ADMIN}),
    "backup.write": frozenset({ADMIN}),
    # The automatic backup on close and once a day runs whoever is logged in: it is an
    # encrypted copy to the office's own key, and skipping it would lose data.
    "backup.auto": _ALL,
}


def allowed(role: str | None, action: str) -> bool:
    """True when ``role`` may take ``action``. An unknown action is a programming error."""
    if action not in PERMISSIONS:
        raise KeyError(f"unknown action {action!r}: add it to domain.roles.PERMISSIONS")
    return role is not None and role in PERMISSIONS[action]


# Failed logins: the wait before the next attempt grows 1, 2, 4 … seconds, capped at 60.
def login_delay(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong passwords."""
    if failures <= 0:
        return 0.0
    return float(min(2 ** (failures - 1), 60))


IDLE_LOCK_SECONDS = 10 * 60
MIN_PASSWORD_LENGTH = 8


def check_retyped(password: str, retyped: str) -> None:
    """Every form that sets a password asks for it twice (first administrator, new account,
    reset, change): one rule, one message."""
    if password != retyped:
        raise ValidationError("confirm", "Hai lần nhập mật khẩu không giống nhau.",
                              "The two passwords you typed differ.")


# Which of the office's private keys (``sync.keyvault``) an account's key slot opens.
# "sign": every role prints papers carrying a signed QR code. "open" (the age identity that
# decrypts bundles and backups): only the roles that import bundles or restore backups, so a
# viewer's password with a copied key folder still cannot read the office's bundles.
def key_uses(role: str) -> tuple[str, ...]:
    uses = ["sign"] if allowed(role, "reports.read") else []
    if allowed(role, "sync.write") or allowed(role, "backup.write"):
        uses.insert(0, "open")
    return tuple(uses)
