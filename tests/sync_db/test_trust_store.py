"""Node keys made at init, the public-key file, and confirming a peer once."""

from __future__ import annotations

import io
import json
import re

import pytest
from sqlalchemy import select

from sonla_desktop import paths
from sonla_desktop.cli import main
from sonla_desktop.errors import SyncError
from sonla_desktop.models import AuditLog, Node
from sonla_desktop.services.setup import initialise, node_keys_dir
from sonla_desktop.services.sync_trust import (
    forget_peer,
    list_peers,
    preview_trust,
    public_key_text,
    self_info,
    trust_peer,
)
from sonla_desktop.sync.keys import export_public, generate_keys, load_keys, parse_public
from tests.conftest import dump_database


def test_init_creates_the_keys_once_in_the_user_data_folder(db):
    first = initialise(db)
    folder = node_keys_dir(first.node_id)
    assert folder.parent == paths.user_data_dir() / "keys"
    assert first.keys_created and (folder / "node.json").exists()
    keys = load_keys(folder)
    assert keys.node_id == first.node_id
    again = initialise(db)
    assert not again.keys_created
    assert load_keys(folder) == keys  # never replaced: peers trust them
    # The private key is not readable by other users of the PC.
    assert (folder / "signing.key").stat().st_mode & 0o077 == 0


def test_reference_rows_seeded_at_init_carry_the_nodes_id(tmp_path):
    from sonla_desktop.db import open_database
    from sonla_desktop.models import AdminUnit

    fresh = open_database(tmp_path / "fresh.db")
    result = initialise(fresh, name="UBND xã Mường Bú", communes=["03847"])
    with fresh.session() as s:
        origins = set(s.scalars(select(AdminUnit.origin)))
        versions = list(s.scalars(select(AdminUnit.version)))
    assert origins == {result.node_id}
    assert all(v.endswith("-" + result.node_id) for v in versions)
    fresh.dispose()


def test_keys_show_prints_id_name_scope_and_a_fingerprint_in_digit_groups(db, capsys):
    initialise(db)
    assert main(["--db", db.url, "keys", "show"]) == 0
    out = capsys.readouterr().out
    assert "UBND phường Chiềng Cơi" in out and "03670" in out
    fp = re.search(r"Dấu vân tay:\s+([0-9 ]+)", out).group(1).strip()
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", fp)


def test_exported_public_key_file_names_this_node(ctx, tmp_path, capsys):
    initialise(ctx.db)
    out = tmp_path / "chieng-coi.pub"
    assert main(["--db", ctx.db.url, "keys", "export", "-o", str(out)]) == 0
    peer = parse_public(out.read_text(encoding="utf-8"))
    info = self_info(ctx)
    assert (peer.node_id, peer.name, peer.scope) == (info.node_id, "UBND phường Chiềng Cơi",
                                                     ["03670"])
    assert info.fingerprint in capsys.readouterr().out
    assert "SECRET" not in out.read_text()


def _peer_file(tmp_path, name="Sở LĐ-TB&XH Sơn La", scope=("hub",), node_id=None):
    keys = generate_keys(node_id or "6f1c2a9e-0b7d-4c55-9a3e-2d8b41f0c001")
    path = tmp_path / f"{name[:3]}-{len(list(tmp_path.iterdir()))}.pub"
    path.write_text(export_public(keys, name, list(scope)), encoding="utf-8")
    return keys, path


def test_trust_asks_and_a_no_leaves_everything_as_it_was(db, tmp_path, monkeypatch, capsys):
    initialise(db)
    _, path = _peer_file(tmp_path)
    before = dump_database(db)
    monkeypatch.setattr("sys.stdin", io.StringIO("k\n"))
    assert main(["--db", db.url, "keys", "trust", str(path)]) == 1
    captured = capsys.readouterr()
    assert "6f1c2a9e-0b7d-4c55-9a3e-2d8b41f0c001" in captured.out
    assert "Sở LĐ-TB&XH Sơn La" in captured.out and "toàn tỉnh (hub)" in captured.out
    assert "so sánh dấu vân tay" in captured.err
    assert dump_database(db) == before


def test_trust_confirmed_on_stdin_stores_the_peer_with_the_shown_scope(db, tmp_path,
                                                                        monkeypatch, capsys):
    initialise(db)
    keys, path = _peer_file(tmp_path, name="UBND xã Mường Chiên", scope=("03688",),
                            node_id="0a7e33c1-5d42-4f0b-8e61-93c2b7d4e002")
    monkeypatch.setattr("sys.stdin", io.StringIO("c\n"))
    assert main(["--db", db.url, "keys", "trust", str(path), "--name", "Xã Mường Chiên"]) == 0
    assert "Đã tin cậy Xã Mường Chiên" in capsys.readouterr().out
    with db.session() as s:
        node = s.get(Node, keys.node_id)
        assert (node.name, node.scope, node.is_hub, node.is_self) == (
            "Xã Mường Chiên", "03688", False, False)
        assert node.trusted_at is not None
        assert s.scalars(select(AuditLog).where(AuditLog.action == "trust")).one()
    assert main(["--db", db.url, "keys", "list", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["node_id"], p["scope"]) for p in listed] == [(keys.node_id, ["03688"])]


def test_new_keys_for_a_trusted_unit_need_replace(ctx, tmp_path):
    initialise(ctx.db)
    _, first = _peer_file(tmp_path)
    trust_peer(ctx, first.read_text())
    _, forged = _peer_file(tmp_path)  # same node id, other keys
    before = dump_database(ctx.db)
    assert preview_trust(ctx, forged.read_text()).status == "changed_keys"
    with pytest.raises(SyncError) as err:
        trust_peer(ctx, forged.read_text())
    assert "already trusted with other keys" in err.value.en and "--replace" in err.value.en
    assert dump_database(ctx.db) == before
    trust_peer(ctx, forged.read_text(), replace=True)
    assert list_peers(ctx)[0].fingerprint == preview_trust(ctx, forged.read_text()).fingerprint


def test_cli_refuses_changed_keys_without_asking(db, tmp_path, capsys):
    initialise(db)
    from sonla_desktop.services.context import ServiceContext

    _, first = _peer_file(tmp_path)
    trust_peer(ServiceContext(db, role="admin"), first.read_text())
    _, forged = _peer_file(tmp_path)
    assert main(["--db", db.url, "keys", "trust", str(forged), "--yes"]) == 1
    captured = capsys.readouterr()
    assert "KHOÁ KHÁC" in captured.out and "giả mạo" in captured.err


def test_a_changed_scope_is_shown_and_stored_once_confirmed(ctx, tmp_path):
    initialise(ctx.db)
    keys, path = _peer_file(tmp_path, name="UBND xã Mường Chiên", scope=("03688",))
    trust_peer(ctx, path.read_text())
    wider = tmp_path / "wider.pub"
    wider.write_text(export_public(keys, "UBND xã Mường Chiên", ["03688", "03670"]), "utf-8")
    assert preview_trust(ctx, wider.read_text()).status == "changed_scope"
    trust_peer(ctx, wider.read_text())
    assert list_peers(ctx)[0].scope == ["03688", "03670"]


def test_own_key_file_and_unknown_communes_are_refused(ctx, tmp_path):
    initialise(ctx.db)
    with pytest.raises(SyncError) as err:
        trust_peer(ctx, public_key_text(ctx))
    assert "this unit's own key file" in err.value.en
    _, path = _peer_file(tmp_path, scope=("99999",))
    with pytest.raises(SyncError) as err:
        trust_peer(ctx, path.read_text())
    assert "99999" in err.value.en


def test_a_forgotten_peer_is_no_longer_trusted(ctx, tmp_path):
    initialise(ctx.db)
    keys, path = _peer_file(tmp_path)
    trust_peer(ctx, path.read_text())
    forget_peer(ctx, keys.node_id)
    assert list_peers(ctx) == []
    from sonla_desktop.services.sync_trust import trusted_peer

    with ctx.db.session() as s:
        assert trusted_peer(s, keys.node_id) is None


def test_keys_show_without_keys_explains_what_to_do(db, capsys):
    # A database copied to another PC without its key folder.
    assert main(["--db", db.url, "keys", "show"]) == 1
    assert "sonla-desktop init" in capsys.readouterr().err
