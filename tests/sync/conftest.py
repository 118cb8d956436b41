"""Fixtures for the sync file layer: three nodes' keys and records with personal data."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from sonla_desktop.sync import bundle_write
from sonla_desktop.sync.keys import NodeKeys, PeerPublic, export_public, generate_keys, parse_public

# Values that must never appear in clear inside a bundle (see test_bundle_file).
PERSON_NAME = "Lò Thị Hương"
PERSON_CCCD = "014199001234"
PERSON_PHONE = "0912345678"


@pytest.fixture
def person() -> dict[str, str]:
    return {"full_name": PERSON_NAME, "national_id": PERSON_CCCD, "phone": PERSON_PHONE}


@pytest.fixture
def hub() -> NodeKeys:
    return generate_keys("6f1c2a9e-0b7d-4c55-9a3e-2d8b41f0c001")


@pytest.fixture
def commune() -> NodeKeys:
    return generate_keys("0a7e33c1-5d42-4f0b-8e61-93c2b7d4e002")


@pytest.fixture
def stranger() -> NodeKeys:
    return generate_keys("c4d5e6f7-1111-4222-8333-944455556666")


def _peer_of(keys: NodeKeys, name: str = "UBND phường Chiềng Cơi", scope=("03670",)) -> PeerPublic:
    return parse_public(export_public(keys, name, list(scope)))


@pytest.fixture
def peer_of():
    """The peer entry another node would hold after trusting ``keys``' public file."""
    return _peer_of


@pytest.fixture
def trust_only():
    """A trust store holding exactly the given nodes."""

    def make(*nodes: NodeKeys) -> Callable[[str], PeerPublic | None]:
        table = {n.node_id: _peer_of(n) for n in nodes}
        return table.get

    return make


@pytest.fixture
def records() -> list[dict]:
    people = [
        {
            "table": "worker",
            "id": "11111111-2222-4333-8444-555555555555",
            "full_name": PERSON_NAME,
            "national_id": PERSON_CCCD,
            "phone": PERSON_PHONE,
            "birth_date": "1999-03-14",
            "commune_code": "03670",
            "hlc": "0000018f2a3b4c5d-0000-hub",
        },
        {
            "table": "loan",
            "id": "99999999-8888-4777-8666-555555555555",
            "worker_id": "11111111-2222-4333-8444-555555555555",
            "amount_vnd": 100_000_000,
            "note": "Vay đi Hàn Quốc (EPS)\nmột dòng mới",
        },
    ]
    # Enough rows that the payload spans several age chunks (64 KiB each).
    filler = [
        {"table": "event_attendance", "id": f"row-{i:05d}", "event_id": "e1", "n": i}
        for i in range(3000)
    ]
    return people + filler


@pytest.fixture
def make_bundle(tmp_path: Path, hub: NodeKeys, commune: NodeKeys, records: list[dict]):
    """Write a bundle from the hub to the commune; return (path, manifest)."""

    def make(
        name: str = "hub-to-commune.sldsync",
        sender: NodeKeys | None = None,
        to: list[NodeKeys] | None = None,
        sequence: int = 7,
        rows: list[dict] | None = None,
    ) -> tuple[Path, dict]:
        sender = sender or hub
        to = [commune] if to is None else to
        manifest = {
            "sequence": sequence,
            "previous_bundle_sha256": "0" * 64,
            "created": "2025-03-01T08:30:00Z",
            "counts": {"worker": 1, "loan": 1, "event_attendance": 3000},
            "have": {sender.node_id: 3002},
            "recipients": [k.sign_key_id.hex() for k in to],
        }
        path = tmp_path / name
        written = bundle_write.write_bundle(
            path, manifest, records if rows is None else rows, sender, [k.age_recipient for k in to]
        )
        return path, written

    return make


def _write_zip(
    path: Path,
    members: list[tuple[str, bytes]],
    compression: int = zipfile.ZIP_STORED,
) -> Path:
    """A hand-made ZIP, for files our writer would never produce."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we want
        with zipfile.ZipFile(path, "w", compression=compression) as zf:
            for name, data in members:
                zf.writestr(name, data)
    return path


def _members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


@pytest.fixture
def write_zip():
    return _write_zip


@pytest.fixture
def members_of():
    """Name -> bytes of every member of a ZIP."""
    return _members_of
