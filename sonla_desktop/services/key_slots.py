"""The office's private keys for this session: opened at login, kept in memory only.

``sync.keyvault`` keeps the keys encrypted at rest with one slot per account; this module is
where the account services (``services.users``) open and write those slots, and where the
services that sign or decrypt get the keys. Nothing here is a user action of its own: the
slots follow the accounts (create, change or reset a password, disable), so any screen or
command managing accounts handles the slots without knowing about them.

States of a node's key folder:

* plain files (before this version, or ``init`` just made them): used as they are, until the
  first login of an account that may hold every key (an administrator) encrypts them into
  ``vault.json`` with that account's slot and overwrites the plain files;
* a vault: the keys exist in this process only after a login whose slot opened them
  (``keys_for``), as far as that account's role may use them; otherwise signing and
  decrypting are refused with a message that says why.

The session is the process: the GUI and each command log one account in, and a later login
(the lock screen, another account) replaces what the earlier one opened. Contexts built by
hand in tests and scripts of the same process use what its login opened, as they use its
database (docs/architecture.md, "Who makes contexts").
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from ..domain.roles import key_uses
from ..errors import SyncError, UserError
from ..sync import keyvault
from ..sync.keys import NODE_FILE, NodeKeys, load_keys

log = logging.getLogger(__name__)

# node id -> what the last login on that node opened in this process.
_opened: dict[str, keyvault.Unlocked] = {}
# node id -> why its keys could not be opened at the last login (a damaged vault, …)
_problems: dict[str, SyncError] = {}
_guard = threading.Lock()


def _folder(node_id: str) -> Path | None:
    from .setup import node_keys_dir

    if not node_id or node_id == "local":
        return None
    folder = node_keys_dir(node_id)
    return folder if (folder / NODE_FILE).exists() else None


def forget(node_id: str | None = None) -> None:
    """Drop the opened keys (all nodes' when ``node_id`` is None): a new login, a test."""
    with _guard:
        for key in [k for k in _opened if node_id is None or k == node_id]:
            del _opened[key]
        if node_id is None:
            _problems.clear()
        else:
            _problems.pop(node_id, None)


def opened_by_login(node_id: str, user: str, role: str, password: str) -> None:
    """Called by ``services.users`` once ``user``'s password was verified: open that
    account's slot, or encrypt plain key files on an administrator's first login.

    Never refuses the login: a key folder that cannot be opened leaves the keys locked and
    the reason is given when they are needed (``keys_for``)."""
    folder = _folder(node_id)
    forget(node_id)
    if folder is None:
        return
    try:
        if not keyvault.has_vault(folder):
            if keyvault.has_plain_keys(folder) and set(key_uses(role)) == set(
                    keyvault.USES):
                _encrypt_plain(folder, user, password)
            return
        opened = keyvault.unlock(folder, user, password, keyvault.read_public(folder))
    except (SyncError, OSError) as exc:
        if isinstance(exc, OSError):  # a read-only or full disk during the upgrade, …
            exc = SyncError(f"Không mở được thư mục khoá {folder}: {exc.strerror}.",
                            f"The key folder {folder} could not be used: {exc.strerror}.")
        log.warning("the key folder of %s could not be opened: %s", node_id, exc.en)
        with _guard:
            _problems[node_id] = exc
        return
    if opened is not None:
        with _guard:
            _opened[node_id] = opened


def opened_without_database(user: str, password: str) -> bool:
    """Restoring onto a missing or unusable database: there is no account table to check the
    password against, so the slots themselves do (a wrong password opens none). Opens
    ``user``'s slot in every node folder on this PC; True when a vault was present."""
    from .. import paths

    found = False
    for folder in sorted(p for p in paths.keys_dir().iterdir() if keyvault.has_vault(p)):
        found = True
        try:
            opened = keyvault.unlock(folder, user, password, keyvault.read_public(folder))
        except SyncError:
            continue
        if opened is not None:
            with _guard:
                _opened[opened.node_id] = opened
    return found


def any_vault() -> bool:
    from .. import paths

    return any(keyvault.has_vault(p) for p in paths.keys_dir().iterdir())


def _encrypt_plain(folder: Path, user: str, password: str) -> None:
    """The upgrade: plain files -> vault with ``user``'s slot, read back, plain files shredded."""
    keys = load_keys(folder)
    opened = keyvault.create(folder, keys, user, password)
    again = keyvault.unlock(folder, user, password, keyvault.read_public(folder))
    if again is None or again.keys != keys:  # never shred what the vault does not hold
        keyvault.vault_path(folder).unlink(missing_ok=True)
        raise SyncError("Không mã hoá được khoá của văn phòng (đọc lại không khớp).",
                        "The office's keys could not be encrypted (reading back differs).")
    keyvault.shred_plain(folder)
    log.info("the office's private keys are now encrypted at rest (%s)", folder)
    with _guard:
        _opened[keys.node_id] = opened


def keys_for(node_id: str, user: str, *uses: str) -> NodeKeys:
    """This office's keys as far as this session's login opened them; ``SyncError`` (naming
    ``user``) when a needed key is locked. Plain key files (an office not yet upgraded) are
    read as they are."""
    from .setup import node_keys_dir

    folder = node_keys_dir(node_id)
    if not keyvault.has_vault(folder):
        return load_keys(folder)
    with _guard:
        opened = _opened.get(node_id)
        problem = _problems.get(node_id)
    if opened is None and problem is not None:
        raise problem
    missing = [u for u in uses if opened is None or u not in opened.data_keys]
    if opened is None or missing:
        raise SyncError(
            f"Khoá của văn phòng đang được bảo vệ và tài khoản “{user}” chưa mở được "
            f"({', '.join(missing or uses)}): tài khoản này chưa có ô khoá, hoặc vai trò của "
            "nó không được dùng khoá này. Quản trị viên đặt lại mật khẩu cho tài khoản này "
            "thì tài khoản có ô khoá; đăng nhập lại sau đó.",
            f"The office's keys are protected and account “{user}” has not opened them "
            f"({', '.join(missing or uses)}): the account has no key slot yet, or its role "
            "may not use this key. An administrator resetting this account's password gives "
            "it a slot; log in again afterwards.")
    return opened.keys


def has_vault(folder: Path) -> bool:
    return keyvault.has_vault(folder)


def public_keys(node_id: str) -> NodeKeys:
    """The public halves only (fingerprint, verifying our own papers): never locked."""
    from .setup import node_keys_dir

    return keyvault.read_public(node_keys_dir(node_id))


def write_slot(node_id: str, name: str, role: str, password: str) -> bool:
    """Give account ``name`` (role ``role``) a slot opened by ``password``, with the keys its
    role may use, from what this session's login opened. Returns whether the account now has a
    slot. When this session cannot (it opened no keys), an old slot of ``name`` is removed
    instead, so an old password never keeps opening the keys after a reset."""
    folder = _folder(node_id)
    if folder is None or not keyvault.has_vault(folder):
        return False  # plain keys: the upgrade at an administrator's login makes the slots
    with _guard:
        opened = _opened.get(node_id)
    data_keys = {u: k for u, k in (opened.data_keys if opened else {}).items()
                 if u in key_uses(role)}
    if not data_keys:
        remove_slot(node_id, name)
        return False
    keyvault.set_slot(folder, name, password, data_keys)
    return True


def remove_slot(node_id: str, name: str) -> None:
    """Remove ``name``'s slot; ``UserError`` when it is the last one that opens a key."""
    folder = _folder(node_id)
    if folder is None or not keyvault.has_vault(folder):
        return
    try:
        keyvault.remove_slot(folder, name)
    except SyncError as exc:
        raise UserError(exc.vi, exc.en) from exc


def slot_holders(node_id: str) -> set[str] | None:
    """Accounts with a slot; None while the keys are plain files (or there are none)."""
    folder = _folder(node_id)
    if folder is None or not keyvault.has_vault(folder):
        return None
    return set(keyvault.slot_names(folder))
