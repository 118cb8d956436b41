"""Key pairs, key files and the public-key file that two offices exchange by USB."""

from __future__ import annotations

import base64
import json
import os
import re
import stat
import sys
import unicodedata

import pyrage
import pytest
from nacl.signing import SigningKey

from sonla_desktop.errors import SyncError
from sonla_desktop.sync.keys import (
    AGE_KEY_FILE,
    NODE_FILE,
    SIGNING_KEY_FILE,
    export_public,
    fingerprint,
    generate_keys,
    key_id_hex,
    load_keys,
    parse_public,
    save_keys,
    write_minisign_pub,
)

RECIPIENT = "age1tug34p8puyn9gvmvrnfc2fyzgqmt4vdfas2rdaggna075cyqjyaqm050fd"


def test_generated_keys_are_consistent_pairs(hub):
    assert len(hub.sign_secret) == 32 and len(hub.sign_key_id) == 8
    assert bytes(SigningKey(hub.sign_secret).verify_key) == hub.sign_public
    identity = pyrage.x25519.Identity.from_str(hub.age_identity)
    assert str(identity.to_public()) == hub.age_recipient
    assert hub.age_identity.startswith("AGE-SECRET-KEY-1")
    assert hub.age_recipient.startswith("age1")


def test_two_nodes_never_share_keys(hub, commune):
    assert hub.sign_secret != commune.sign_secret
    assert hub.sign_key_id != commune.sign_key_id
    assert hub.age_identity != commune.age_identity


def test_secrets_stay_out_of_repr_and_logs(hub):
    text = repr(hub)
    assert hub.age_identity not in text
    assert base64.b64encode(hub.sign_secret).decode() not in text
    assert repr(hub.sign_secret) not in text


def test_node_id_with_spaces_or_newlines_is_refused():
    with pytest.raises(SyncError):
        generate_keys("bad id\ntrusted comment: x")


def test_save_and_load_round_trip(tmp_path, hub):
    save_keys(hub, tmp_path / "keys")
    assert load_keys(tmp_path / "keys") == hub


@pytest.mark.skipif(sys.platform == "win32", reason="Unix permission bits")
def test_key_files_are_private_to_the_user(tmp_path, hub):
    folder = tmp_path / "keys"
    save_keys(hub, folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in (NODE_FILE, SIGNING_KEY_FILE, AGE_KEY_FILE):
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600, name
    assert sorted(os.listdir(folder)) == sorted([NODE_FILE, SIGNING_KEY_FILE, AGE_KEY_FILE])


def test_age_key_file_is_in_age_keygen_format(tmp_path, hub):
    save_keys(hub, tmp_path)
    lines = (tmp_path / AGE_KEY_FILE).read_text().splitlines()
    assert re.fullmatch(r"# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", lines[0])
    assert lines[1] == f"# public key: {hub.age_recipient}"
    assert lines[2] == hub.age_identity
    assert len(lines) == 3


def test_public_node_file_holds_no_secret(tmp_path, hub):
    save_keys(hub, tmp_path)
    text = (tmp_path / NODE_FILE).read_text()
    assert hub.age_identity not in text
    assert base64.b64encode(hub.sign_secret).decode() not in text


def test_existing_keys_are_not_silently_replaced(tmp_path, hub, commune):
    save_keys(hub, tmp_path)
    with pytest.raises(SyncError) as err:
        save_keys(commune, tmp_path)
    assert "already holds" in err.value.en
    assert load_keys(tmp_path) == hub
    save_keys(commune, tmp_path, overwrite=True)
    assert load_keys(tmp_path) == commune


def test_signing_key_of_another_node_is_detected(tmp_path, hub, commune):
    save_keys(hub, tmp_path / "a")
    save_keys(commune, tmp_path / "b")
    (tmp_path / "a" / SIGNING_KEY_FILE).write_bytes(
        (tmp_path / "b" / SIGNING_KEY_FILE).read_bytes()
    )
    with pytest.raises(SyncError) as err:
        load_keys(tmp_path / "a")
    assert "another node" in err.value.en


def test_altered_seed_is_detected(tmp_path, hub):
    save_keys(hub, tmp_path)
    path = tmp_path / SIGNING_KEY_FILE
    data = json.loads(path.read_text())
    data["ed25519_seed"] = base64.b64encode(bytes(32)).decode()
    path.write_text(json.dumps(data))
    with pytest.raises(SyncError) as err:
        load_keys(tmp_path)
    assert "does not match the public key" in err.value.en


def test_age_key_of_another_node_is_detected(tmp_path, hub, commune):
    save_keys(hub, tmp_path / "a")
    save_keys(commune, tmp_path / "b")
    (tmp_path / "a" / AGE_KEY_FILE).write_bytes((tmp_path / "b" / AGE_KEY_FILE).read_bytes())
    with pytest.raises(SyncError) as err:
        load_keys(tmp_path / "a")
    assert "does not match node.json" in err.value.en


def test_missing_key_file_is_a_plain_error(tmp_path, hub):
    save_keys(hub, tmp_path)
    (tmp_path / AGE_KEY_FILE).unlink()
    with pytest.raises(SyncError) as err:
        load_keys(tmp_path)
    assert "Không tìm thấy tệp khoá" in err.value.vi and "not found" in err.value.en


def test_export_parse_round_trip(hub):
    text = export_public(hub, "UBND phường Chiềng Cơi", ["03670", "03673"])
    peer = parse_public(text)
    assert peer.node_id == hub.node_id
    assert peer.name == "UBND phường Chiềng Cơi"
    assert peer.scope == ["03670", "03673"]
    assert peer.sign_public == hub.sign_public
    assert peer.sign_key_id == hub.sign_key_id
    assert peer.age_recipient == hub.age_recipient


def test_exported_file_starts_with_a_minisign_public_key(hub):
    lines = export_public(hub, "Sở LĐ-TB&XH Sơn La", ["hub"]).splitlines()
    assert lines[0] == f"untrusted comment: minisign public key {key_id_hex(hub.sign_key_id)}"
    assert base64.b64decode(lines[1]) == b"Ed" + hub.sign_key_id + hub.sign_public
    assert f"sonla-age-recipient: {hub.age_recipient}" in lines
    assert "sonla-scope: hub" in lines
    assert f"sonla-fingerprint: {fingerprint(hub.sign_public, hub.age_recipient)}" in lines
    assert hub.age_identity not in "\n".join(lines)


def test_key_id_is_shown_as_minisign_prints_it():
    # minisign prints the 8 bytes as a little-endian 64-bit number.
    assert key_id_hex(bytes.fromhex("0102030405060a0b")) == "0B0A060504030201"


def test_public_file_survives_windows_line_endings_and_bom(hub):
    text = "\ufeff" + export_public(hub, "Xã Mường Bú", ["03700"]).replace("\n", "\r\n")
    assert parse_public(text).name == "Xã Mường Bú"


def test_name_is_stored_nfc(hub):
    decomposed = unicodedata.normalize("NFD", "Xã Chiềng Sinh")
    assert decomposed != "Xã Chiềng Sinh"
    assert parse_public(export_public(hub, decomposed, ["03646"])).name == "Xã Chiềng Sinh"


@pytest.mark.parametrize(
    ("mutate", "phrase"),
    [
        (lambda t: "\n".join(t.splitlines()[2:]), "minisign public key lines are missing"),
        (lambda t: t.replace(t.splitlines()[1], "not*base64"), "not base64"),
        (
            lambda t: t.replace(t.splitlines()[1], base64.b64encode(b"Ed" + bytes(8)).decode()),
            "wrong length",
        ),
        (
            lambda t: t.replace(t.splitlines()[1], base64.b64encode(b"XX" + bytes(40)).decode()),
            "unsupported signature algorithm",
        ),
        (lambda t: re.sub(r"sonla-node-id: .*\n", "", t), "field sonla-node-id is missing"),
        (lambda t: re.sub(r"sonla-name: .*\n", "sonla-name: \n", t), "field sonla-name is missing"),
        (lambda t: t + "sonla-name: Hai tên\n", "appears twice"),
        (lambda t: t + "just some words\n", "unreadable line"),
        (
            lambda t: re.sub(r"sonla-age-recipient: .*\n", "sonla-age-recipient: age1xyz\n", t),
            "invalid age recipient",
        ),
        (
            lambda t: re.sub(
                r"sonla-age-recipient: .*\n", f"sonla-age-recipient: {RECIPIENT}\n", t
            ),
            "fingerprint written in the file does not match",
        ),
        (
            lambda t: re.sub(r"sonla-scope: .*\n", "sonla-scope: 03670,../x\n", t),
            "Invalid unit scope",
        ),
        (lambda t: re.sub(r"sonla-node-id: .*\n", "sonla-node-id: a b\n", t), "invalid node id"),
    ],
)
def test_malformed_public_file_is_refused_with_a_reason(hub, mutate, phrase):
    text = mutate(export_public(hub, "UBND phường Chiềng Cơi", ["03670"]))
    with pytest.raises(SyncError) as err:
        parse_public(text)
    assert phrase in err.value.en
    assert err.value.vi.startswith("Tệp khoá công khai không hợp lệ")


def test_unknown_sonla_fields_from_newer_versions_are_ignored(hub):
    text = export_public(hub, "Xã Tà Xùa", ["03649"]) + "sonla-phone: 0212 3851 234\n"
    assert parse_public(text).node_id == hub.node_id


def test_write_minisign_pub_writes_exactly_the_two_key_lines(tmp_path, hub, peer_of):
    path = tmp_path / "peer.pub"
    write_minisign_pub(peer_of(hub), path)
    assert path.read_text().splitlines() == export_public(hub, "x", ["hub"]).splitlines()[:2]


def test_fingerprint_format_is_six_groups_of_five_digits(hub):
    assert re.fullmatch(r"\d{5}( \d{5}){5}", fingerprint(hub.sign_public, hub.age_recipient))


def test_fingerprint_is_stable_across_versions():
    # Pinned: a hub and a commune running different program versions must show the same
    # number. Recipe (keys.fingerprint docstring): d = SHA-256(context || pk || recipient);
    # the first 5 bytes 0x6786885939 = 444638714169, mod 100000 -> "14169", and so on.
    assert fingerprint(bytes(range(32)), RECIPIENT) == "14169 81032 03440 70376 37345 13130"


def test_fingerprint_changes_with_either_key(hub, commune):
    base = fingerprint(hub.sign_public, hub.age_recipient)
    assert fingerprint(commune.sign_public, hub.age_recipient) != base
    assert fingerprint(hub.sign_public, commune.age_recipient) != base
    assert fingerprint(hub.sign_public, hub.age_recipient) == base
