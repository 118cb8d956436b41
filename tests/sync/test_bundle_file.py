"""The .sldsync file: what a clerk's USB stick carries between a commune and the hub."""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import json
import unicodedata
import zipfile

import pyrage
import pytest

from sonla_desktop.errors import SyncError
from sonla_desktop.sync import minisign
from sonla_desktop.sync.bundle_file import (
    FORMAT,
    MANIFEST_NAME,
    MEMBER_NAMES,
    PAYLOAD_NAME,
    SIGNATURE_NAME,
    canonical_json,
    file_sha256,
    read_manifest,
    read_records,
    trusted_comment_for,
    verify_bundle,
)
from sonla_desktop.sync.bundle_write import write_bundle


def refusal(call, *args, **kwargs) -> SyncError:
    with pytest.raises(SyncError) as err:
        result = call(*args, **kwargs)
        if hasattr(result, "__next__"):
            list(result)
    return err.value


def flip_byte(path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))


# --- writing and reading back ---------------------------------------------------------------


def test_round_trip_gives_back_every_record_in_order(
    make_bundle, hub, commune, records, trust_only
):
    path, written = make_bundle()
    manifest = verify_bundle(path, trust_only(hub))
    assert manifest == written
    assert list(read_records(path, manifest, commune)) == records


def test_sender_can_read_back_what_it_sent(make_bundle, hub, records, trust_only):
    path, _ = make_bundle()
    manifest = verify_bundle(path, trust_only(hub))
    assert list(read_records(path, manifest, hub)) == records


def test_bundle_to_several_recipients_is_readable_by_each(
    make_bundle, hub, commune, stranger, records, trust_only
):
    path, _ = make_bundle(to=[commune, stranger])
    manifest = verify_bundle(path, trust_only(hub))
    assert list(read_records(path, manifest, commune)) == records
    assert list(read_records(path, manifest, stranger)) == records


def test_manifest_keeps_callers_fields_and_adds_payload_facts(
    make_bundle, hub, commune, members_of
):
    path, manifest = make_bundle()
    payload = members_of(path)[PAYLOAD_NAME]
    assert manifest["sender"] == hub.node_id
    assert manifest["sequence"] == 7
    assert manifest["previous_bundle_sha256"] == "0" * 64
    assert manifest["counts"] == {"worker": 1, "loan": 1, "event_attendance": 3000}
    assert manifest["have"] == {hub.node_id: 3002}
    assert manifest["recipients"] == [commune.sign_key_id.hex()]
    assert manifest["format"] == FORMAT
    assert manifest["payload_sha256"] == hashlib.sha256(payload).hexdigest()
    assert manifest["payload_size"] == len(payload)
    assert manifest["bundle_sha256"] == file_sha256(path)
    assert file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()


def test_zip_holds_exactly_three_stored_members_and_canonical_manifest(make_bundle, members_of):
    path, manifest = make_bundle()
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == list(MEMBER_NAMES)
    assert all(i.compress_type == zipfile.ZIP_STORED for i in infos)
    signed = {k: v for k, v in manifest.items() if k != "bundle_sha256"}
    raw = members_of(path)[MANIFEST_NAME]
    assert raw == canonical_json(signed)
    assert raw.startswith(b'{"counts":{')  # sorted keys, no spaces
    assert b": " not in raw and b", " not in raw


def test_signature_carries_sender_and_sequence_in_its_trusted_comment(make_bundle, members_of, hub):
    path, manifest = make_bundle(sequence=12)
    sig = members_of(path)[SIGNATURE_NAME].decode()
    assert f"trusted comment: sonla-sync bundle {hub.node_id} seq 12\n" in sig
    assert trusted_comment_for(manifest) == f"sonla-sync bundle {hub.node_id} seq 12"


def test_no_part_file_is_left_behind(make_bundle, tmp_path):
    path, _ = make_bundle()
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_failure_while_writing_leaves_no_file_and_keeps_the_old_one(tmp_path, hub, commune):
    target = tmp_path / "out.sldsync"
    target.write_bytes(b"previous export")

    def rows():
        yield {"table": "worker", "id": "1"}
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_bundle(target, {"sequence": 1}, rows(), hub, [commune.age_recipient])
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.sldsync"]


@pytest.mark.parametrize("field", ["format", "payload_sha256", "payload_size", "bundle_sha256"])
def test_caller_cannot_supply_the_fields_the_writer_computes(tmp_path, hub, field):
    with pytest.raises(ValueError):
        write_bundle(tmp_path / "x.sldsync", {"sequence": 1, field: "x"}, [], hub, [])


def test_manifest_must_name_the_signing_node(tmp_path, hub, commune):
    with pytest.raises(ValueError):
        write_bundle(
            tmp_path / "x.sldsync", {"sequence": 1, "sender": commune.node_id}, [], hub, []
        )
    with pytest.raises(ValueError):
        write_bundle(tmp_path / "x.sldsync", {"sequence": "1"}, [], hub, [])


def test_empty_bundle_round_trips(make_bundle, hub, commune, trust_only):
    path, _ = make_bundle(rows=[])
    manifest = verify_bundle(path, trust_only(hub))
    assert list(read_records(path, manifest, commune)) == []


# --- privacy --------------------------------------------------------------------------------


def _ascii_fold(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


def test_bundle_never_holds_a_name_cccd_or_phone_in_clear(
    make_bundle, hub, commune, person, trust_only
):
    path, _ = make_bundle()
    raw = path.read_bytes()
    name = person["full_name"]
    needles = {
        "name (UTF-8 NFC)": name.encode("utf-8"),
        "name (UTF-8 NFD)": unicodedata.normalize("NFD", name).encode("utf-8"),
        "name (ASCII-folded)": _ascii_fold(name).encode("ascii"),
        "name (JSON-escaped)": json.dumps(name).encode("ascii").strip(b'"'),
        "CCCD": person["national_id"].encode("ascii"),
        "phone": person["phone"].encode("ascii"),
        "phone (+84)": ("84" + person["phone"][1:]).encode("ascii"),
    }
    for what, needle in needles.items():
        assert needle not in raw, what
        assert needle.lower() not in raw.lower(), what
    # ...while the bundle does carry them, for the right reader.
    manifest = verify_bundle(path, trust_only(hub))
    first = next(read_records(path, manifest, commune))
    assert (first["full_name"], first["national_id"], first["phone"]) == (
        person["full_name"],
        person["national_id"],
        person["phone"],
    )


# --- tampering and forgery ------------------------------------------------------------------


def test_changed_manifest_is_refused(make_bundle, members_of, hub, trust_only):
    path, _ = make_bundle()
    raw = path.read_bytes()
    # "2025-03-01" -> "2025-02-01": still valid JSON, so only the signature can notice.
    flip_byte(path, raw.index(b'"created":"2025-03-01') + len('"created":"2025-0'))
    err = refusal(verify_bundle, path, trust_only(hub))
    assert "does not match the content" in err.en


def test_changed_trusted_comment_in_signature_is_refused(make_bundle, hub, trust_only):
    path, _ = make_bundle()
    raw = path.read_bytes()
    flip_byte(path, raw.index(b" seq 7\n") + len(" seq "))  # "seq 7" -> "seq 6"
    err = refusal(verify_bundle, path, trust_only(hub))
    assert "trusted comment is invalid" in err.en


def test_changed_signature_bytes_are_refused(make_bundle, members_of, hub, trust_only):
    path, _ = make_bundle()
    line = members_of(path)[SIGNATURE_NAME].split(b"\n")[1]
    blob = bytearray(base64.b64decode(line))
    blob[30] ^= 0x01  # inside the Ed25519 signature, after algorithm and key id
    raw = path.read_bytes()
    path.write_bytes(raw.replace(line, base64.b64encode(bytes(blob))))
    err = refusal(verify_bundle, path, trust_only(hub))
    assert "does not match the content" in err.en


def test_changed_payload_is_refused(make_bundle, members_of, hub, trust_only):
    path, _ = make_bundle()
    payload = members_of(path)[PAYLOAD_NAME]
    flip_byte(path, path.read_bytes().index(payload) + len(payload) // 2)
    err = refusal(verify_bundle, path, trust_only(hub))
    assert "does not match the sender's signature" in err.en
    assert err.vi.startswith("Phần dữ liệu trong tệp không khớp")
    assert "payload" not in err.vi and "payload" not in err.en  # no internal file names


def test_payload_changed_after_verification_is_caught_before_any_record(
    make_bundle, members_of, hub, commune, trust_only
):
    path, _ = make_bundle()
    manifest = verify_bundle(path, trust_only(hub))
    payload = members_of(path)[PAYLOAD_NAME]
    flip_byte(path, path.read_bytes().index(payload) + 500)
    err = refusal(read_records, path, manifest, commune)
    assert "does not match the sender's signature" in err.en


def test_payload_swapped_from_another_bundle_is_refused(
    make_bundle, members_of, write_zip, tmp_path, hub, trust_only
):
    first, _ = make_bundle("first.sldsync", sequence=7)
    second, _ = make_bundle("second.sldsync", sequence=8, rows=[{"table": "worker", "id": "x"}])
    a, b = members_of(first), members_of(second)
    mixed = write_zip(
        tmp_path / "mixed.sldsync",
        [
            (MANIFEST_NAME, a[MANIFEST_NAME]),
            (SIGNATURE_NAME, a[SIGNATURE_NAME]),
            (PAYLOAD_NAME, b[PAYLOAD_NAME]),
        ],
    )
    assert "does not match the sender's signature" in refusal(verify_bundle, mixed, trust_only(hub)).en


def test_bundle_from_an_untrusted_node_is_refused(make_bundle, stranger, commune, trust_only):
    path, _ = make_bundle(sender=stranger)
    err = refusal(verify_bundle, path, trust_only(commune))
    assert err.vi.startswith("Tệp đồng bộ được ký bởi một đơn vị chưa được tin cậy: ")
    assert stranger.node_id in err.vi and stranger.node_id in err.en


def test_impostor_claiming_a_trusted_node_id_is_refused(make_bundle, hub, stranger, trust_only):
    impostor = dataclasses.replace(stranger, node_id=hub.node_id)
    path, _ = make_bundle(sender=impostor)
    err = refusal(verify_bundle, path, trust_only(hub))
    assert err.vi.startswith("Tệp được ký bởi một khoá khác")


def test_impostor_who_also_copies_the_key_id_is_refused(make_bundle, hub, stranger, trust_only):
    impostor = dataclasses.replace(stranger, node_id=hub.node_id, sign_key_id=hub.sign_key_id)
    path, _ = make_bundle(sender=impostor)
    assert "does not match the content" in refusal(verify_bundle, path, trust_only(hub)).en


def test_bundle_not_encrypted_to_us_cannot_be_read(make_bundle, hub, stranger, trust_only):
    path, _ = make_bundle()
    manifest = verify_bundle(path, trust_only(hub))  # anyone may check the signature...
    err = refusal(read_records, path, manifest, stranger)  # ...only recipients can read
    assert err.vi.startswith("Tệp này không gửi cho đơn vị này")


def test_signature_belonging_to_another_bundle_of_the_same_sender_is_refused(
    make_bundle, members_of, write_zip, tmp_path, hub, trust_only
):
    # A valid signature of another manifest: the signature check itself catches it.
    first, _ = make_bundle("first.sldsync", sequence=7)
    second, _ = make_bundle("second.sldsync", sequence=8)
    a, b = members_of(first), members_of(second)
    mixed = write_zip(
        tmp_path / "mixed.sldsync",
        [
            (MANIFEST_NAME, a[MANIFEST_NAME]),
            (SIGNATURE_NAME, b[SIGNATURE_NAME]),
            (PAYLOAD_NAME, a[PAYLOAD_NAME]),
        ],
    )
    assert "does not match the content" in refusal(verify_bundle, mixed, trust_only(hub)).en


# --- malformed files: one plain sentence each -----------------------------------------------


def test_not_a_zip_at_all(tmp_path, trust_only, hub):
    path = tmp_path / "report.sldsync"
    path.write_bytes(b"%PDF-1.7\n" + b"\0" * 100)
    err = refusal(verify_bundle, path, trust_only(hub))
    assert "it is not a ZIP file" in err.en
    path.write_bytes(b"")
    assert "it is not a ZIP file" in refusal(read_manifest, path).en


@pytest.mark.parametrize("keep", [0.5, 0.98, 0.999])
def test_truncated_file(make_bundle, tmp_path, keep):
    path, _ = make_bundle()
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * keep)])
    err = refusal(read_manifest, path)
    assert "truncated or damaged" in err.en
    assert "bị cắt cụt" in err.vi


def test_missing_file(tmp_path):
    assert "was not found" in refusal(read_manifest, tmp_path / "nope.sldsync").en


def _rebuilt(make_bundle, members_of, write_zip, tmp_path, change, **zip_args):
    path, _ = make_bundle()
    members = list(members_of(path).items())
    return write_zip(tmp_path / "crafted.sldsync", change(members), **zip_args)


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        (lambda ms: [*ms, ("notes.txt", b"hello")], "extra: notes.txt; missing: none"),
        (lambda ms: ms[:2], "extra: none; missing: payload.age"),
        (lambda ms: [*ms, ("../x", b"evil")], "dangerous member names"),
        (lambda ms: [*ms[:2], ("sub/payload.age", ms[2][1])], "dangerous member names"),
        (lambda ms: [*ms[:2], ("..\\payload.age", ms[2][1])], "dangerous member names"),
        (lambda ms: [*ms, ms[2]], "duplicate member names: payload.age"),
        (
            lambda ms: [(MANIFEST_NAME, ms[0][1] + b" " * (1 << 20)), *ms[1:]],
            "member manifest.json of the sync file is too large",
        ),
        (
            lambda ms: [ms[0], (SIGNATURE_NAME, ms[1][1] + b"\n" * 5000), ms[2]],
            "member manifest.json.minisig of the sync file is too large",
        ),
        (
            lambda ms: [(MANIFEST_NAME, b"{not json"), *ms[1:]],
            "manifest (manifest.json) is invalid: not valid JSON",
        ),
        (lambda ms: [(MANIFEST_NAME, b"[1,2]"), *ms[1:]], "not a JSON object"),
        (
            lambda ms: [
                (MANIFEST_NAME, ms[0][1].replace(b"sonla-sync/1", b"sonla-sync/2")),
                *ms[1:],
            ],
            "has format 'sonla-sync/2'; this program only reads sonla-sync/1",
        ),
        (
            lambda ms: [
                (MANIFEST_NAME, ms[0][1].replace(b'"sequence":7', b'"sequence":1,"sequence":2')),
                *ms[1:],
            ],
            "not valid JSON",
        ),
        (
            lambda ms: [
                (MANIFEST_NAME, ms[0][1].replace(b'"sequence":7', b'"sequence":-1')),
                *ms[1:],
            ],
            "sequence missing or invalid",
        ),
        (lambda ms: [ms[0], (SIGNATURE_NAME, b"\xff\xfe"), ms[2]], "is not text"),
    ],
)
def test_malformed_zip_is_refused_with_its_own_sentence(
    make_bundle, members_of, write_zip, tmp_path, change, phrase
):
    path = _rebuilt(make_bundle, members_of, write_zip, tmp_path, change)
    err = refusal(read_manifest, path)
    assert phrase in err.en
    assert err.vi and err.vi != err.en


def test_compressed_member_is_refused(make_bundle, members_of, write_zip, tmp_path):
    path = _rebuilt(
        make_bundle, members_of, write_zip, tmp_path, list, compression=zipfile.ZIP_DEFLATED
    )
    err = refusal(read_manifest, path)
    assert "is ZIP-compressed or ZIP-encrypted" in err.en
    assert "bị nén" in err.vi


def test_payload_over_the_configured_limit_is_refused(make_bundle, hub, trust_only):
    path, manifest = make_bundle()
    err = refusal(verify_bundle, path, trust_only(hub), max_size=manifest["payload_size"] - 1)
    assert "member payload.age of the sync file is too large" in err.en
    assert verify_bundle(path, trust_only(hub), max_size=manifest["payload_size"])


def test_every_refusal_above_has_a_distinct_sentence(
    make_bundle, members_of, write_zip, tmp_path, hub, trust_only
):
    path, _ = make_bundle()
    ms = list(members_of(path).items())
    cases = {
        "extra": [*ms, ("x.txt", b"")],
        "traversal": [*ms, ("../x", b"")],
        "duplicate": [*ms, ms[0]],
        "too large": [(MANIFEST_NAME, ms[0][1] + b" " * (1 << 20)), *ms[1:]],
        "json": [(MANIFEST_NAME, b"{"), *ms[1:]],
        "version": [(MANIFEST_NAME, ms[0][1].replace(b"sonla-sync/1", b"sonla-sync/9")), *ms[1:]],
    }
    sentences = set()
    for i, (_, members) in enumerate(cases.items()):
        sentences.add(
            refusal(read_manifest, write_zip(tmp_path / f"c{i}.sldsync", members)).vi.split(":")[0]
        )
    deflated = write_zip(tmp_path / "d.sldsync", ms, compression=zipfile.ZIP_DEFLATED)
    sentences.add(refusal(read_manifest, deflated).vi.split(":")[0])
    (tmp_path / "t.sldsync").write_bytes(path.read_bytes()[:-30])
    sentences.add(refusal(read_manifest, tmp_path / "t.sldsync").vi.split(":")[0])
    (tmp_path / "n.sldsync").write_bytes(b"hello")
    sentences.add(refusal(read_manifest, tmp_path / "n.sldsync").vi.split(":")[0])
    assert len(sentences) == 9


# --- records inside the payload -------------------------------------------------------------


def _hand_made_bundle(tmp_path, write_zip, sender, reader, ndjson: bytes, *, gzipped: bool = True):
    """A correctly signed and encrypted bundle around an arbitrary payload."""
    body = gzip.compress(ndjson) if gzipped else ndjson
    recipients = [pyrage.x25519.Recipient.from_str(reader.age_recipient)]
    payload = pyrage.encrypt(body, recipients)
    manifest = {
        "format": FORMAT,
        "sender": sender.node_id,
        "sequence": 1,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "payload_size": len(payload),
    }
    raw = canonical_json(manifest)
    sig = minisign.sign(raw, sender, trusted_comment_for(manifest)).encode()
    return write_zip(
        tmp_path / "hand.sldsync",
        [(MANIFEST_NAME, raw), (SIGNATURE_NAME, sig), (PAYLOAD_NAME, payload)],
    )


@pytest.mark.parametrize(
    ("ndjson", "phrase"),
    [
        (b'{"a":1}\n[1,2]\n', "line 2 is not a record"),
        (b'{"a":1}\n{"b":2}\n{"c":\n', "line 3 is not valid JSON"),
        (b'{"a":1}\n\xff\xfe\n', "line 2 is not valid JSON"),
        (b'{"a":NaN}\n', "line 1 is not valid JSON"),
        (b'{"a":1}\n\n{"b":2}\n', "line 2 is not valid JSON"),
    ],
)
def test_faulty_record_line_is_named(tmp_path, write_zip, hub, commune, trust_only, ndjson, phrase):
    path = _hand_made_bundle(tmp_path, write_zip, hub, commune, ndjson)
    manifest = verify_bundle(path, trust_only(hub))
    err = refusal(read_records, path, manifest, commune)
    assert phrase in err.en
    assert f"dòng {phrase.split()[1]}" in err.vi


def test_last_line_without_newline_is_read(tmp_path, write_zip, hub, commune, trust_only):
    path = _hand_made_bundle(tmp_path, write_zip, hub, commune, '{"a":1}\n{"b":"Sơn La"}'.encode())
    manifest = verify_bundle(path, trust_only(hub))
    assert list(read_records(path, manifest, commune)) == [{"a": 1}, {"b": "Sơn La"}]


def test_gzip_bomb_is_stopped_at_the_cap(tmp_path, write_zip, hub, commune, trust_only):
    bomb = b"0" * (8 << 20)  # 8 MiB of one digit: gzip makes it about 8 KiB
    path = _hand_made_bundle(tmp_path, write_zip, hub, commune, bomb)
    assert path.stat().st_size < 100_000
    manifest = verify_bundle(path, trust_only(hub))
    err = refusal(read_records, path, manifest, commune, max_decompressed=1 << 20)
    assert "exceeds the limit of 1048576 bytes" in err.en


def test_payload_that_is_not_gzip_is_refused(tmp_path, write_zip, hub, commune, trust_only):
    path = _hand_made_bundle(tmp_path, write_zip, hub, commune, b'{"a":1}\n', gzipped=False)
    manifest = verify_bundle(path, trust_only(hub))
    assert "could not be decompressed" in refusal(read_records, path, manifest, commune).en
