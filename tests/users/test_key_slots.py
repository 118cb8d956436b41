"""The office's private keys at rest (issue 14, item 5): encrypted, one slot per account.

Each test starts from the template office (an admin ``TEST_USER``) whose key folder in this
test's data folder is made by ``initialise`` as plain files, i.e. an office that has just
upgraded to this version; the first login encrypts them.
"""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest

from sonla_desktop.errors import LoginError, SyncError, UserError
from sonla_desktop.services import key_slots
from sonla_desktop.services.document_seal import seal_for
from sonla_desktop.services.setup import initialise, node_keys_dir
from sonla_desktop.services.sync_trust import node_keys
from sonla_desktop.services.users import (
    add_user,
    disable_user,
    list_users,
    login,
    set_password,
)
from sonla_desktop.sync import keyvault
from sonla_desktop.sync.keys import NodeKeys, load_keys, save_keys
from tests.conftest import TEST_PASSWORD, TEST_USER

DAY = date(2026, 1, 5)
CLERK_PW, COUNSELLOR_PW = "mật-khẩu-chị-Lan", "mật-khẩu-anh-Tòng"


@pytest.fixture
def office(ctx) -> tuple[Path, NodeKeys]:
    """An office just upgraded: plain key files, accounts in the database."""
    initialise(ctx.db)
    folder = node_keys_dir(ctx.node_id)
    return folder, load_keys(folder)


def _secrets(keys: NodeKeys) -> list[bytes]:
    """Every spelling of the private keys a file could hold."""
    seed = keys.sign_secret
    identity = keys.age_identity.encode()
    return [seed, base64.b64encode(seed), seed.hex().encode(), identity, identity.lower(),
            keys.age_identity.split("1", 1)[1].encode()]


def _no_key_material(folder: Path, keys: NodeKeys) -> None:
    for path in folder.rglob("*"):
        raw = path.read_bytes()
        for secret in _secrets(keys):
            assert secret not in raw, f"{path.name} holds key material"


def test_the_first_login_after_upgrading_encrypts_the_plain_key_files(ctx, office):
    folder, keys = office
    assert (folder / "signing.key").exists() and (folder / "age.key").exists()
    session = login(ctx.db, TEST_USER, TEST_PASSWORD)
    assert not (folder / "signing.key").exists() and not (folder / "age.key").exists()
    assert (folder / "vault.json").stat().st_mode & 0o077 == 0
    _no_key_material(folder, keys)
    # The session has the real keys; sync and sealing use them.
    assert node_keys(session) == keys
    assert seal_for(session, "dossier", "x", DAY, {"a": 1}, bytes(32)).startswith("SL1:")
    # Another process (nothing opened yet) and a copy of the folder: nothing to sign with.
    key_slots.forget()
    with pytest.raises(SyncError, match="chưa mở được"):
        node_keys(ctx)
    with pytest.raises(SyncError, match="chưa mở được"):
        seal_for(ctx, "dossier", "x", DAY, {}, bytes(32))


def test_a_wrong_password_opens_nothing(ctx, office):
    folder, keys = office
    login(ctx.db, TEST_USER, TEST_PASSWORD)
    key_slots.forget()
    public = keyvault.read_public(folder)
    assert keyvault.unlock(folder, TEST_USER, "không-phải-mật-khẩu", public) is None
    assert keyvault.unlock(folder, "ai-đó", TEST_PASSWORD, public) is None  # no such slot
    with pytest.raises(LoginError):
        login(ctx.db, TEST_USER, "không-phải-mật-khẩu")
    with pytest.raises(SyncError):
        node_keys(ctx)
    # A slot moved to another name does not open under it (bound to its account).
    data = keyvault.read(folder)
    data["slots"]["mallory"] = data["slots"][TEST_USER]
    keyvault._write(folder, data)
    assert keyvault.unlock(folder, "mallory", TEST_PASSWORD, public) is None
    assert keyvault.unlock(folder, TEST_USER, TEST_PASSWORD, public).keys == keys


def test_new_accounts_get_a_slot_with_the_keys_their_role_may_use(ctx, office):
    folder, keys = office
    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    assert add_user(admin, "lan", "clerk", CLERK_PW).key_slot is True
    assert add_user(admin, "tong", "counsellor", COUNSELLOR_PW).key_slot is True
    assert keyvault.slot_names(folder) == sorted(["lan", TEST_USER, "tong"])
    assert {u.name: u.key_slot for u in list_users(admin)} == {
        TEST_USER: True, "lan": True, "tong": True}

    clerk = login(ctx.db, "lan", CLERK_PW)  # the clerk's own password, not the admin's
    assert node_keys(clerk) == keys
    counsellor = login(ctx.db, "tong", COUNSELLOR_PW)
    # A counsellor prints sealed papers but cannot decrypt the office's bundles.
    assert seal_for(counsellor, "attendance", "e1", DAY, {}, bytes(32)).startswith("SL1:")
    opened = keyvault.unlock(folder, "tong", COUNSELLOR_PW, keyvault.read_public(folder))
    assert opened.uses == ("sign",) and opened.keys.age_identity == ""
    with pytest.raises(SyncError, match="open"):
        key_slots.keys_for(counsellor.node_id, "tong", "open")


def test_changing_and_resetting_a_password_rewrites_the_slot(ctx, office):
    folder, keys = office
    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    add_user(admin, "lan", "clerk", CLERK_PW)
    public = keyvault.read_public(folder)

    clerk = login(ctx.db, "lan", CLERK_PW)
    set_password(clerk, "lan", "mật-khẩu-mới-của-Lan")  # her own, from her own session
    assert keyvault.unlock(folder, "lan", CLERK_PW, public) is None
    assert keyvault.unlock(folder, "lan", "mật-khẩu-mới-của-Lan", public).keys == keys
    assert node_keys(clerk) == keys  # still open in her session

    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    set_password(admin, "lan", "mật-khẩu-quản-trị-đặt")  # she forgot it: the admin resets
    assert keyvault.unlock(folder, "lan", "mật-khẩu-mới-của-Lan", public) is None
    assert keyvault.unlock(folder, "lan", "mật-khẩu-quản-trị-đặt", public).keys == keys


def test_a_reset_from_a_session_without_keys_removes_the_old_slot(ctx, office):
    folder, _ = office
    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    add_user(admin, "lan", "clerk", CLERK_PW)
    key_slots.forget()  # the admin's session holds no keys (e.g. the admin has no slot)
    set_password(admin, "lan", "mật-khẩu-quản-trị-đặt")
    # Her old (perhaps leaked) password must not keep opening the keys.
    assert keyvault.slot_names(folder) == [TEST_USER]
    assert {u.name: u.key_slot for u in list_users(admin)}["lan"] is False


def test_disabling_removes_the_slot_and_the_last_slot_stays(ctx, office):
    folder, _ = office
    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    add_user(admin, "lan", "clerk", CLERK_PW)
    disable_user(admin, "lan")
    assert keyvault.slot_names(folder) == [TEST_USER]
    with pytest.raises(LoginError):
        login(ctx.db, "lan", CLERK_PW)

    # A second administrator made while no keys were open has no slot: disabling the first
    # would leave no account able to open the keys, so it is refused and nothing changes.
    key_slots.forget()
    assert add_user(admin, "hai", "admin", "mật-khẩu-anh-Hải").key_slot is False
    with pytest.raises(UserError, match="ô khoá cuối cùng"):
        disable_user(admin, TEST_USER)
    assert {u.name: u.disabled for u in list_users(admin)}[TEST_USER] is False
    assert keyvault.slot_names(folder) == [TEST_USER]
    with pytest.raises(SyncError):
        keyvault.remove_slot(folder, TEST_USER)


def test_a_clerks_first_login_leaves_the_upgrade_to_an_administrator(ctx, office):
    """Only an account that may hold every key encrypts plain files: had a counsellor done
    it, nobody would have the key that decrypts bundles."""
    folder, keys = office
    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    key_slots.forget()
    (folder / "vault.json").unlink()  # back to plain files, as before the upgrade
    save_keys(keys, folder, overwrite=True)
    add_user(admin, "tong", "counsellor", COUNSELLOR_PW)
    login(ctx.db, "tong", COUNSELLOR_PW)
    assert (folder / "signing.key").exists() and not (folder / "vault.json").exists()
    login(ctx.db, TEST_USER, TEST_PASSWORD)
    assert (folder / "vault.json").exists() and not (folder / "signing.key").exists()


def test_a_tampered_vault_is_a_message_not_a_traceback(ctx, office):
    folder, _ = office
    login(ctx.db, TEST_USER, TEST_PASSWORD)
    key_slots.forget()
    (folder / "vault.json").write_text("{ not json", encoding="utf-8")
    session = login(ctx.db, TEST_USER, TEST_PASSWORD)  # the register still opens
    with pytest.raises(SyncError, match="bị hỏng"):
        node_keys(session)


def test_users_list_says_who_has_a_key_slot(ctx, office, capsys):
    import json

    from sonla_desktop.cli import main

    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    add_user(admin, "lan", "clerk", CLERK_PW)
    key_slots.forget()
    add_user(admin, "hai", "viewer", "mật-khẩu-anh-Hải")  # made while no keys were open
    capsys.readouterr()
    assert main(["--db", ctx.db.url, "users", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["name"]: r["key_slot"] for r in rows} == {TEST_USER: True, "lan": True,
                                                        "hai": False}
    assert main(["--db", ctx.db.url, "users", "list"]) == 0
    assert "Ô khoá" in capsys.readouterr().out


def test_enabling_gives_a_slot_and_a_role_change_drops_the_old_roles_slot(ctx, office):
    from sonla_desktop.services.users import enable_user, set_role

    folder, keys = office
    admin = login(ctx.db, TEST_USER, TEST_PASSWORD)
    add_user(admin, "tong", "counsellor", COUNSELLOR_PW)
    public = keyvault.read_public(folder)
    # Promoted to clerk: the counsellor's slot (sign only) cannot be widened without her
    # password, so it goes; a reset then gives her a clerk's slot.
    assert set_role(admin, "tong", "clerk").key_slot is False
    assert "tong" not in keyvault.slot_names(folder)
    set_password(admin, "tong", "mật-khẩu-đặt-lại")
    assert keyvault.unlock(folder, "tong", "mật-khẩu-đặt-lại", public).uses == ("open", "sign")
    # A role with the same keys (clerk -> admin) keeps the slot.
    assert set_role(admin, "tong", "admin").key_slot is True
    # Disabled, then enabled again with a new password: a slot for the new password only.
    disable_user(admin, "tong")
    assert "tong" not in keyvault.slot_names(folder)
    enable_user(admin, "tong", "mật-khẩu-mở-lại")
    assert keyvault.unlock(folder, "tong", "mật-khẩu-mở-lại", public).keys == keys
    assert keyvault.unlock(folder, "tong", "mật-khẩu-đặt-lại", public) is None
