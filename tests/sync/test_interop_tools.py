"""Our files against the real ``minisign`` and ``age`` programs, in both directions.

A person at the hub must be able to check a bundle by hand with the standard tools, and our
code must accept what those tools produce. The binaries are required: a missing one fails
the test (it never skips), so CI cannot go green without having checked interoperability.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pyrage
import pytest

from sonla_desktop.errors import SyncError
from sonla_desktop.sync import minisign
from sonla_desktop.sync.bundle_file import MEMBER_NAMES
from sonla_desktop.sync.keys import (
    AGE_KEY_FILE,
    export_public,
    key_id_hex,
    parse_minisign_public_key,
    save_keys,
    write_minisign_pub,
)


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"'{name}' not found: install age/minisign (apt-get install age minisign)")
    return path


def run(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, timeout=30, stdin=subprocess.DEVNULL, **kwargs
    )


def extract(bundle: Path, into: Path) -> Path:
    into.mkdir()
    with zipfile.ZipFile(bundle) as zf:
        for name in MEMBER_NAMES:
            (into / name).write_bytes(zf.read(name))
    return into


def test_real_minisign_verifies_a_bundle_manifest(make_bundle, tmp_path, hub, peer_of):
    path, _ = make_bundle()
    out = extract(path, tmp_path / "x")
    write_minisign_pub(peer_of(hub), out / "peer.pub")
    result = run(
        tool("minisign"), "-Vm", out / "manifest.json", "-x", out / "manifest.json.minisig",
        "-p", out / "peer.pub",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    assert f"Trusted comment: sonla-sync bundle {hub.node_id} seq 7" in result.stdout.decode()


def test_real_minisign_accepts_our_exported_public_key_file_as_is(make_bundle, tmp_path, hub):
    path, _ = make_bundle()
    out = extract(path, tmp_path / "x")
    (out / "hub.pub").write_text(export_public(hub, "Sở LĐ-TB&XH Sơn La", ["hub"]), "utf-8")
    result = run(tool("minisign"), "-Vm", out / "manifest.json", "-p", out / "hub.pub")
    assert result.returncode == 0, result.stderr.decode()


def test_real_minisign_rejects_a_changed_manifest(make_bundle, tmp_path, hub, peer_of):
    # Guards the test above against passing vacuously.
    path, _ = make_bundle()
    out = extract(path, tmp_path / "x")
    write_minisign_pub(peer_of(hub), out / "peer.pub")
    manifest = out / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"sequence":7', b'"sequence":8'))
    result = run(tool("minisign"), "-Vm", manifest, "-p", out / "peer.pub")
    assert result.returncode != 0


def test_real_age_decrypts_the_payload_with_either_key_file(
    make_bundle, tmp_path, hub, commune, records
):
    path, _ = make_bundle()
    out = extract(path, tmp_path / "x")
    for keys in (commune, hub):  # the recipient, and the sender's own copy
        folder = tmp_path / keys.node_id
        save_keys(keys, folder)
        result = run(tool("age"), "-d", "-i", folder / AGE_KEY_FILE, out / "payload.age")
        assert result.returncode == 0, result.stderr.decode()
        ndjson = subprocess.run(
            [tool("gunzip")], input=result.stdout, capture_output=True, check=True
        ).stdout
        lines = ndjson.decode("utf-8").splitlines()
        assert [json.loads(line) for line in lines] == records
        # Canonical lines: sorted keys, no spaces, Vietnamese kept as UTF-8.
        assert lines[0] == json.dumps(
            records[0], sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )


def test_real_age_cannot_decrypt_with_an_outsiders_key(make_bundle, tmp_path, stranger):
    path, _ = make_bundle()
    out = extract(path, tmp_path / "x")
    save_keys(stranger, tmp_path / "s")
    result = run(tool("age"), "-d", "-i", tmp_path / "s" / AGE_KEY_FILE, out / "payload.age")
    assert result.returncode != 0


def test_age_keygen_derives_the_same_recipient_from_our_key_file(tmp_path, hub):
    save_keys(hub, tmp_path)
    result = run(tool("age-keygen"), "-y", tmp_path / AGE_KEY_FILE)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == hub.age_recipient


def test_our_identity_decrypts_what_real_age_encrypted(tmp_path, commune):
    plain = tmp_path / "plain.txt"
    plain.write_bytes("Lò Văn Páo, bản Hụm".encode())
    result = run(tool("age"), "-e", "-r", commune.age_recipient, "-o", tmp_path / "c.age", plain)
    assert result.returncode == 0, result.stderr.decode()
    identity = pyrage.x25519.Identity.from_str(commune.age_identity)
    assert pyrage.decrypt((tmp_path / "c.age").read_bytes(), [identity]) == plain.read_bytes()


def _minisign_keypair(folder: Path) -> tuple[bytes, bytes, str]:
    """A real minisign key pair without a password; returns (public key, key id, pub text)."""
    result = run(tool("minisign"), "-G", "-W", "-p", folder / "m.pub", "-s", folder / "m.key")
    assert result.returncode == 0, result.stderr.decode()
    text = (folder / "m.pub").read_text()
    public, key_id = parse_minisign_public_key(text.splitlines()[1])
    return public, key_id, text


@pytest.mark.parametrize("legacy", [False, True], ids=["prehashed", "legacy"])
def test_we_verify_what_real_minisign_signed(tmp_path, legacy):
    public, key_id, pub_text = _minisign_keypair(tmp_path)
    # minisign prints the key id as a 64-bit number: 0.12+ pads it to 16 digits, 0.11 doesn't.
    printed = pub_text.splitlines()[0].removeprefix("untrusted comment: minisign public key ")
    assert int(printed, 16) == int(key_id_hex(key_id), 16)
    assert key_id_hex(key_id).endswith(printed) and len(key_id_hex(key_id)) == 16
    data = tmp_path / "manifest.json"
    data.write_bytes(json.dumps({"sender": "hub", "note": "Mường La"}, ensure_ascii=False).encode())
    flags = ["-l"] if legacy else []
    result = run(
        tool("minisign"), "-S", *flags, "-s", tmp_path / "m.key", "-m", data,
        "-t", "sonla-sync bundle hub seq 3",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr.decode()
    sig = (tmp_path / "manifest.json.minisig").read_text()
    assert base64_alg(sig) == (b"Ed" if legacy else b"ED")
    content = data.read_bytes()
    assert minisign.verify(content, sig, public, key_id) == "sonla-sync bundle hub seq 3"
    with pytest.raises(SyncError):
        minisign.verify(content + b" ", sig, public, key_id)


def base64_alg(sig_text: str) -> bytes:
    return base64.b64decode(sig_text.splitlines()[1])[:2]


def test_real_minisign_verifies_our_signature_of_arbitrary_bytes(tmp_path, hub):
    data = bytes(range(256)) * 300
    (tmp_path / "blob").write_bytes(data)
    (tmp_path / "blob.minisig").write_text(minisign.sign(data, hub, "tệp thử — ồ"), "utf-8")
    write_minisign_pub(hub, tmp_path / "k.pub")
    result = run(tool("minisign"), "-V", "-H", "-m", tmp_path / "blob", "-p", tmp_path / "k.pub")
    assert result.returncode == 0, result.stderr.decode()
    assert "Trusted comment: tệp thử — ồ" in result.stdout.decode()
