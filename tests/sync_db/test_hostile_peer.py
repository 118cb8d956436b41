"""A trusted commune that signs nonsense cannot damage the hub or starve another commune.

Each test reproduces a defect of issue #12 that a real, signed bundle could cause before:
the hub's clock dragged to its end, a sequence number that blocks the sender for ever, a
commune writing in another commune's name (which silenced that commune's later bundles), and
text stored as received instead of as the form would store it.
"""

from __future__ import annotations

import unicodedata

import pytest

from sonla_desktop.errors import SyncError
from sonla_desktop.models import PeerAck
from sonla_desktop.services.sync import import_bundle
from sonla_desktop.services.workers import create_worker, update_worker
from sonla_desktop.sync.hlc import CLOCK_TOLERANCE_MS, MAX_COUNTER, MAX_MS, format_version
from tests.conftest import dump_database
from tests.hostile.bundles.hostile_corpus import forge, now_ms, version, worker_record
from tests.sync_db.sync_helpers import (
    COMMUNE_A,
    COMMUNE_B,
    person,
    receive,
    send,
    synced_rows,
    worker,
)


def refused(node, path) -> SyncError:
    before = dump_database(node.db)
    with pytest.raises(SyncError) as err:
        import_bundle(node.ctx, path)
    assert dump_database(node.db) == before
    return err.value


# --- item 1: versions and sequence numbers ------------------------------------------------------


def test_a_version_at_the_end_of_the_clock_is_refused_and_the_hub_keeps_working(network, usb):
    a, hub = network["a"], network["hub"]
    record = worker_record(network, usb, version=format_version(MAX_MS, MAX_COUNTER, a.id))
    err = refused(hub, forge(network, usb, [record]))
    assert "more than 1 day ahead of this computer's clock" in err.en
    assert "muộn hơn giờ của máy này quá 1 ngày" in err.vi
    # Before: accepted, and the hub's next write failed with "not an HLC version".
    wid = create_worker(hub.ctx, person(COMMUNE_A))
    receive(a, send(hub, a, usb))
    assert worker(a, wid) is not None


def test_a_version_hours_ahead_is_taken_and_later_local_edits_still_win(network, usb):
    a, hub = network["a"], network["hub"]
    ahead = version(a.id, CLOCK_TOLERANCE_MS // 2)  # a PC whose clock is half a day fast
    record = worker_record(network, usb, version=ahead)
    assert import_bundle(hub.ctx, forge(network, usb, [record])).total("inserted") == 1
    update_worker(hub.ctx, record["id"], {**person(COMMUNE_A), "village": "Bản Hụm"})
    assert worker(hub, record["id"]).version > ahead


def test_an_absurd_sequence_number_is_refused_and_the_senders_next_bundle_still_imports(
        network, usb):
    a, hub = network["a"], network["hub"]
    err = refused(hub, forge(network, usb, [worker_record(network, usb)], sequence=2**62))
    assert "4.611.686.018.427.387.904" in err.vi and "far beyond what is plausible" in err.en
    wid = create_worker(a.ctx, person(COMMUNE_A))
    receive(hub, send(a, hub, usb))  # before: refused as "an old file" for ever after
    assert worker(hub, wid) is not None


# --- item 2: origin ---------------------------------------------------------------------------


def test_a_commune_cannot_write_in_another_communes_name(network, usb):
    b, hub = network["b"], network["hub"]
    claimed = version(b.id, CLOCK_TOLERANCE_MS // 2)
    record = worker_record(network, usb, origin=b.id, version=claimed)
    err = refused(hub, forge(network, usb, [record]))
    assert f"claims to be written by unit UBND phường Chiềng Sinh ({b.id})" in err.en
    assert "chỉ văn phòng tỉnh được chuyển tiếp" in err.vi
    # Before, the hub then told b it already held b's writes up to ``claimed``, and b's next
    # bundles silently carried nothing. b's writes keep reaching the hub:
    receive(b, send(hub, b, usb))
    wid = create_worker(b.ctx, person(COMMUNE_B))
    assert receive(hub, send(b, hub, usb)).total("inserted") == 1
    assert worker(hub, wid) is not None


def test_a_communes_full_export_may_carry_back_what_the_hub_wrote(network, usb):
    """Echoes of rows the hub holds at that version change nothing and are not refused."""
    a, hub = network["a"], network["hub"]
    wid = create_worker(hub.ctx, person(COMMUNE_A))
    receive(a, send(hub, a, usb))
    before = synced_rows(hub, None)
    result = receive(hub, send(a, hub, usb, full=True))
    assert result.tallies["worker"]["unchanged"] >= 1 and result.total("inserted") == 0
    assert worker(hub, wid).origin == hub.id
    assert synced_rows(hub, None) == before


def test_a_relayed_record_moves_the_ack_no_further_than_the_hubs_signed_have(network, usb):
    a, b, hub = network["a"], network["b"], network["hub"]
    record = worker_record(network, usb, origin=b.id, version=version(b.id, 60_000))
    claimed = format_version(now_ms() - 60_000, 0, b.id)
    from sonla_desktop.sync.exporter import have_vector

    with hub.db.session() as s:
        have = {**have_vector(s, hub.id), b.id: claimed}
    import_bundle(a.ctx, forge(network, usb, [record], signer="hub", to="a", have=have))
    with a.db.session() as s:
        ack = s.get(PeerAck, (a.id, b.id))
    assert worker(a, record["id"]).origin == b.id  # the hub's relay is merged...
    assert ack is not None and ack.version == claimed  # ...but the ack stops at its "have"


# --- item 3: the same cleaning as the form ---------------------------------------------------------


def test_text_arriving_by_sync_is_stored_as_the_form_would_store_it(network, usb):
    hub = network["hub"]
    nfd = unicodedata.normalize("NFD", "Lò  Văn\u00a0Ơn ")
    record = worker_record(network, usb, full_name=nfd, village="Bản\u200bMòng\t ",
                           notes="dòng 1\r\ndòng 2  ")
    import_bundle(hub.ctx, forge(network, usb, [record]))
    got = worker(hub, record["id"])
    assert got.full_name == "Lò Văn Ơn" and unicodedata.is_normalized("NFC", got.full_name)
    assert got.village == "Bản Mòng"
    assert got.notes == "dòng 1\ndòng 2"
