"""Accounts and logging in (issue 14, item 2): argon2id hashes, roles, a growing wait.

Logging in is the only way to get a ``ServiceContext`` with a role; every other service
then checks that role with ``ctx.require``. Failed attempts are counted on the account and
each one makes the next attempt wait longer (``domain.roles.login_delay``); the wait is a
time stored in the database, so closing and reopening the program does not reset it.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..db import Database
from ..domain.roles import ADMIN, MIN_PASSWORD_LENGTH, ROLE_LABELS, ROLES, key_uses, login_delay
from ..errors import LoginError, UserError, ValidationError
from . import key_slots
from .context import ServiceContext

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile (64 MiB, t=3):
# about a tenth of a second on an office PC, slow enough against guessing a copied file.
_hasher = PasswordHasher()
_dummy: list[str] = []


def _dummy_hash() -> str:
    """Compared against when the name is unknown, so a wrong name costs as long as a wrong
    password and the answer does not tell which names exist. Made on first need: hashing
    costs as much as a login, which every command would otherwise pay at import."""
    if not _dummy:
        _dummy.append(_hasher.hash("sonla-desktop: no such account"))
    return _dummy[0]

BAD_LOGIN = ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong user name or password.")


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str
    role_label: str
    disabled: bool
    created_at: datetime
    # Whether the account has a slot opening the office's keys (``services.key_slots``);
    # None while the keys are still plain files (or there are none).
    key_slot: bool | None = None


def _now() -> datetime:
    from ..models import utcnow

    return utcnow()


def clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name or len(name) > 80 or any(ch.isspace() for ch in name):
        raise ValidationError("name", "Tên đăng nhập phải có 1–80 ký tự, không có dấu cách.",
                              "A user name has 1–80 characters and no spaces.")
    return name


def _clean_password(password: str) -> str:
    # NFC: the same Vietnamese password typed with another input method still matches.
    return unicodedata.normalize("NFC", password or "")


def _new_password(password: str) -> str:
    password = _clean_password(password)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "password", f"Mật khẩu phải có ít nhất {MIN_PASSWORD_LENGTH} ký tự.",
            f"A password has at least {MIN_PASSWORD_LENGTH} characters.")
    return _hasher.hash(password)


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError("role", f"Vai trò không hợp lệ: {role}. Chọn một trong: "
                              f"{', '.join(ROLES)}.",
                              f"Unknown role: {role}. Choose one of: {', '.join(ROLES)}.")
    return role


def needs_first_admin(db: Database) -> bool:
    """True when the database has no account yet (new, or made by an older version)."""
    from sqlalchemy import func, select

    from ..models import AppUser

    with db.session() as s:
        return not s.scalar(select(func.count()).select_from(AppUser))


def create_first_admin(db: Database, name: str, password: str) -> ServiceContext:
    """The first account, an administrator, logged in. Refused once any account exists."""
    from ..models import AppUser

    name = clean_name(name)
    digest = _new_password(password)
    ctx = ServiceContext(db, user=name, role=ADMIN)
    with ctx.transaction() as s:
        from sqlalchemy import func, select

        if s.scalar(select(func.count()).select_from(AppUser)):
            raise UserError("Đã có tài khoản: hãy đăng nhập.",
                            "Accounts already exist: please log in.")
        row = AppUser(name=name, role=ADMIN, password_hash=digest)
        s.add(row)
        s.flush()
        ctx.audit(s, "create", "user", row.id, {"name": (None, name), "role": (None, ADMIN)})
    # The office's keys are encrypted at once with this administrator's slot.
    key_slots.opened_by_login(ctx.node_id, name, ADMIN, _clean_password(password))
    return ctx


def login(db: Database, name: str, password: str, now: datetime | None = None
          ) -> ServiceContext:
    """A context for ``name`` when the password is right; else ``LoginError``.

    Each wrong password doubles the wait before the next attempt (1, 2, 4 … 60 s); an
    attempt during the wait is refused without looking at the password."""
    from sqlalchemy import select

    from ..models import AppUser

    now = now or _now()
    name = unicodedata.normalize("NFC", (name or "").strip())
    password = _clean_password(password)
    ctx: ServiceContext | None = None
    with db.transaction() as s:
        row = s.scalar(select(AppUser).where(AppUser.name == name)) if name else None
        if row is not None and row.retry_after is not None and now < row.retry_after:
            wait = (row.retry_after - now).total_seconds()
            # Rounded up: "wait 0 seconds" would be refused again if tried at once.
            shown = max(1, math.ceil(wait))
            raise LoginError(f"Đăng nhập sai nhiều lần: chờ {shown} giây rồi thử lại.",
                             f"Too many wrong attempts: wait {shown} s and try again.",
                             wait=wait)
        ok = _verify(row.password_hash if row is not None else _dummy_hash(), password)
        if row is None or not ok:
            wait = 0.0
            if row is not None:
                row.failures += 1
                wait = login_delay(row.failures)
                row.retry_after = now + timedelta(seconds=wait)
        elif row.disabled:
            raise LoginError("Tài khoản này đã bị khoá. Hãy hỏi quản trị viên.",
                             "This account is disabled. Ask the administrator.")
        else:
            row.failures, row.retry_after = 0, None
            if _hasher.check_needs_rehash(row.password_hash):
                row.password_hash = _hasher.hash(password)
            ctx = ServiceContext(db, user=row.name, role=row.role)
    if ctx is not None:
        # After the commit: opening the key slot (or the upgrade of plain key files) reads
        # the node and may write the key folder, never inside the login's transaction.
        key_slots.opened_by_login(ctx.node_id, ctx.user, ctx.role or "", password)
        return ctx
    # Outside the transaction, so the failure count is committed with the refusal.
    raise LoginError(*BAD_LOGIN, wait=wait)


def _verify(digest: str, password: str) -> bool:
    try:
        return _hasher.verify(digest, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def confirm_password(ctx: ServiceContext, password: str, now: datetime | None = None) -> None:
    """Unlock a locked screen: the logged-in user's password again (same wait rules)."""
    login(ctx.db, ctx.user, password, now=now)


def add_user(ctx: ServiceContext, name: str, role: str, password: str) -> UserInfo:
    ctx.require("users.manage")
    from sqlalchemy import select

    from ..models import AppUser

    name, role = clean_name(name), _check_role(role)
    digest = _new_password(password)
    with ctx.transaction() as s:
        if s.scalar(select(AppUser).where(AppUser.name == name)) is not None:
            raise UserError(f"Đã có tài khoản “{name}”.", f"Account “{name}” already exists.")
        row = AppUser(name=name, role=role, password_hash=digest)
        s.add(row)
        s.flush()
        ctx.audit(s, "create", "user", row.id, {"name": (None, name), "role": (None, role)})
        # In the transaction: a slot that cannot be written leaves no account behind.
        slot = key_slots.write_slot(ctx.node_id, name, role, _clean_password(password))
        return _info(row, slot if key_slots.slot_holders(ctx.node_id) is not None else None)


def list_users(ctx: ServiceContext) -> list[UserInfo]:
    ctx.require("users.manage")
    from sqlalchemy import select

    from ..models import AppUser

    holders = key_slots.slot_holders(ctx.node_id)
    with ctx.db.session() as s:
        return [_info(r, None if holders is None else r.name in holders)
                for r in s.scalars(select(AppUser).order_by(AppUser.name))]


def disable_user(ctx: ServiceContext, name: str) -> None:
    """Disable an account (it stays in the audit). The last active admin cannot be."""
    ctx.require("users.manage")
    with ctx.transaction() as s:
        row = _get(s, name)
        if _last_active_admin(s, row):
            raise UserError("Không thể khoá quản trị viên cuối cùng.",
                            "The last administrator cannot be disabled.")
        if not row.disabled:
            row.disabled = True
            ctx.audit(s, "update", "user", row.id, {"disabled": (False, True)})
        # A disabled account opens no key; the last slot is refused, and the refusal rolls
        # the disabling back with it.
        key_slots.remove_slot(ctx.node_id, row.name)


def set_password(ctx: ServiceContext, name: str, password: str) -> None:
    """A new password: an admin for anyone, every user for their own account."""
    if clean_name(name) != ctx.user or ctx.role is None:
        ctx.require("users.manage")
    digest = _new_password(password)
    with ctx.transaction() as s:
        row = _get(s, name)
        row.password_hash, row.failures, row.retry_after = digest, 0, None
        ctx.audit(s, "update", "user", row.id, {"password": ("***", "***")})
        # The slot follows the password; an admin's reset of someone else's password from a
        # session without keys removes the old slot (refused if it is the last one).
        key_slots.write_slot(ctx.node_id, row.name, row.role, _clean_password(password))


def _last_active_admin(s, row) -> bool:
    """Whether ``row`` is the only active administrator: the office would lose the one
    account that can add, open or reset accounts."""
    from sqlalchemy import func, select

    from ..models import AppUser

    if row.role != ADMIN or row.disabled:
        return False
    return s.scalar(select(func.count()).select_from(AppUser).where(
        AppUser.role == ADMIN, AppUser.disabled.is_(False))) <= 1


def _get(s, name: str):
    from sqlalchemy import select

    from ..models import AppUser

    row = s.scalar(select(AppUser).where(AppUser.name == clean_name(name)))
    if row is None:
        raise UserError(f"Không có tài khoản “{name}”.", f"No account “{name}”.")
    return row


def _info(row, key_slot: bool | None = None) -> UserInfo:
    return UserInfo(row.name, row.role, ROLE_LABELS[row.role][0], bool(row.disabled),
                    row.created_at, key_slot)


def enable_user(ctx: ServiceContext, name: str, password: str) -> None:
    """Open a disabled account again, with a new password: whoever knew the old one (the
    reason it was disabled, often) cannot come back in with it."""
    ctx.require("users.manage")
    digest = _new_password(password)
    with ctx.transaction() as s:
        row = _get(s, name)
        if not row.disabled:
            raise UserError(f"Tài khoản “{row.name}” đang hoạt động.",
                            f"Account “{row.name}” is already active.")
        row.disabled, row.password_hash, row.failures, row.retry_after = False, digest, 0, None
        ctx.audit(s, "update", "user", row.id, {"disabled": (True, False),
                                                 "password": ("***", "***")})
        # Disabling removed the slot: the new password gets one (as set_password does).
        key_slots.write_slot(ctx.node_id, row.name, row.role, _clean_password(password))


def set_role(ctx: ServiceContext, name: str, role: str) -> UserInfo:
    """Change an account's role. The last active administrator keeps theirs: an office
    with no administrator could never add, open or reset an account again."""
    ctx.require("users.manage")
    role = _check_role(role)
    with ctx.transaction() as s:
        row = _get(s, name)
        if row.role == role:
            return _info(row)
        if _last_active_admin(s, row):
            raise UserError("Không thể đổi vai trò của quản trị viên cuối cùng.",
                            "The last administrator's role cannot be changed.")
        ctx.audit(s, "update", "user", row.id, {"role": (row.role, role)})
        if key_uses(row.role) != key_uses(role):
            # A slot holds the keys the old role may use and only the password can wrap
            # them again: it goes (refused if it is the last), and a password reset gives
            # the account a slot fitting its new role.
            key_slots.remove_slot(ctx.node_id, row.name)
        row.role = role
        holders = key_slots.slot_holders(ctx.node_id)
        return _info(row, None if holders is None else row.name in holders)
