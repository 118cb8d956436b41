"""Noticing a restored database (or a database file copied back) and repairing sync after it.

A database restored from a backup has forgotten what it sent and received since: its peers'
acknowledgements say they already hold what it lost, so plain incremental bundles would never
bring it back, and its sequence numbers would start again below what the peers have seen.

* **Generation.** Every database carries a generation id (setting ``sync_generation``), sent in
  each bundle's manifest. It changes when the node finds itself restored. A peer that sees a
  sender's generation change, or sees the sender's own clock behind versions of the sender it
  already holds (a file copied back with its key folder), lowers its acknowledgements for that
  sender to what the sender now says it has and sends it a FULL bundle next time
  (setting ``sync_full_to:<peer>``), without anyone having to ask.
* **State file outside the database.** After each export and import the node writes
  ``sync-state.json`` beside its keys (``<user data>/keys/<node id>/``), which a database
  backup never contains: the generation, the last sequence number sent and the clock. A
  database behind that file was restored. Then the node takes a new generation, moves its
  clock past the file's (so its next edits win over what peers hold) and counts sequence
  numbers on from the file's (setting ``sync_sequence_floor``), so nothing is reused.
* **The peers' word.** Without the file (a whole PC restored), a bundle from a peer gives it
  away: the peer holds versions of ours above our clock, or has imported a sequence of ours
  above our last (manifest ``last_from_you``). The same repair follows.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..models import BundleLog, PeerAck, Setting, utcnow
from .hlc import HybridClock, parse_version
from .keys import write_private
from .restore_debt import owe_every_peer

GENERATION = "sync_generation"
SEQUENCE_FLOOR = "sync_sequence_floor"
RESTORED = "sync_restored"
# Versions of this node's own writes that a restore took away ([after, up to] pairs): they
# may come back in a peer's bundle and must meet later edits as a clash, not as an echo.
FORGOTTEN = "sync_forgotten_versions"
# Per forgotten range, what the restored database still held of every other office (its
# "have" entries): a write of another office at or below them was known to the forgotten
# writes (made after the backup); one above arrived after the restore and did not know them.
FORGOTTEN_HAVE = "sync_forgotten_have"
HLC_SETTING = "hlc_last"
STATE_FILE = "sync-state.json"


def _full_key(peer_id: str) -> str:
    return f"sync_full_to:{peer_id}"


def _peer_key(peer_id: str) -> str:
    return f"sync_peer_generation:{peer_id}"


def _get(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else ""


def _set(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def generation(session: Session) -> str:
    """This database's generation id (made on first use)."""
    value = _get(session, GENERATION)
    if not value:
        value = str(uuid.uuid4())
        _set(session, GENERATION, value)
    return value


def current_generation(session: Session) -> str:
    """The generation id without creating one (read-only transactions)."""
    return _get(session, GENERATION)


def last_out(session: Session, self_id: str) -> int:
    return int(session.scalar(select(func.max(BundleLog.sequence)).where(
        BundleLog.direction == "out", BundleLog.sender == self_id)) or 0)


def last_in(session: Session, sender: str) -> int:
    return int(session.scalar(select(func.max(BundleLog.sequence)).where(
        BundleLog.direction == "in", BundleLog.sender == sender)) or 0)


def sequence_floor(session: Session) -> int:
    """No outgoing sequence number may be below this (sequences the peers saw before a
    restore); ``exporter.next_sequence`` counts from it."""
    try:
        return int(_get(session, SEQUENCE_FLOOR) or 0)
    except ValueError:
        return 0


@dataclass(frozen=True)
class Restored:
    """What the node found out about itself, for the clerk."""

    how: str  # state_file | peer | backup
    last_known: int  # the last sequence number sent that this database still remembers
    last_sent: int  # the last one actually sent (state file) or seen by a peer (0: unknown)

    @property
    def message_vi(self) -> str:
        return (
            "Cơ sở dữ liệu này đã được khôi phục từ bản sao lưu (hoặc chép đè bằng một tệp cũ): "
            f"tệp đồng bộ cuối cùng nó còn nhớ đã gửi là số {self.last_known or 'không có'}"
            + (f", nhưng đã gửi tới số {self.last_sent}" if self.last_sent else "")
            + ". Dữ liệu mất đi vẫn còn ở các đơn vị đã nhận. Đã đổi mã thế hệ của cơ sở dữ "
            "liệu; các đơn vị nhận tệp tiếp theo từ đây sẽ tự gửi lại một tệp ĐẦY ĐỦ. Hãy xuất tệp cho đơn vị vẫn "
            "trao đổi với đây (xã: văn phòng tỉnh; tỉnh: từng xã), mang tới đó để nhập, rồi mang "
            "tệp trả về (đầy đủ) về nhập ở đây.")

    @property
    def message_en(self) -> str:
        return (
            "This database was restored from a backup (or overwritten with an old copy): the last "
            f"sync file it remembers sending is number {self.last_known or 'none'}"
            + (f", but files up to number {self.last_sent} were sent" if self.last_sent else "")
            + ". What it lost is still held by the offices that received it. Its generation id "
            "was changed; the offices that receive its next file will send back a FULL file by themselves. Export "
            "a file for each office this one exchanges with (a commune: the hub; the hub: each "
            "commune), carry it there to import, then bring the (full) return file back and "
            "import it here.")


def _read_state(folder: Path | None) -> dict:
    if folder is None:
        return {}
    try:
        data = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_state(session: Session, self_id: str, folder: Path | None) -> None:
    """Record this database's sync position beside the keys (after a committed export or
    import). A failure to write is not fatal: the peers' word still detects a restore."""
    if folder is None or not folder.is_dir():
        return
    clock = _get(session, HLC_SETTING)
    # Numbers below the floor were sent by the line this database was restored away from:
    # the file keeps them, or a second restore would hand them out again (seed 817).
    state = {"node": self_id, "generation": generation(session),
             "sequence": max(last_out(session, self_id), sequence_floor(session) - 1),
             "clock": clock}
    old = _read_state(folder)
    # Never step back: two windows, or a stale session, must not lower the mark.
    if isinstance(old.get("sequence"), int) and old.get("generation") == state["generation"]:
        state["sequence"] = max(state["sequence"], old["sequence"])
        if isinstance(old.get("clock"), str) and old["clock"] > clock:
            state["clock"] = old["clock"]
    _write_state_file(folder, state)


def _write_state_file(folder: Path, state: dict) -> None:
    # The key files' writer: our temporary name in a journal (a process killed before the
    # rename leaves a file the next start removes), renamed into place. Not fatal (above).
    with contextlib.suppress(OSError):
        write_private(folder / STATE_FILE, json.dumps(state, sort_keys=True))
    with contextlib.suppress(OSError):
        (folder / (STATE_FILE + ".part")).unlink()  # older versions' fixed name


def forgotten_versions(session: Session) -> list[tuple[str, str]]:
    """The ranges of our own versions this database lost to a restore (see ``_renew``)."""
    try:
        pairs = json.loads(_get(session, FORGOTTEN) or "[]")
        return [(str(a), str(b)) for a, b in pairs]
    except (ValueError, TypeError):
        return []


def _forgotten_have_raw(session: Session) -> list:
    try:
        items = json.loads(_get(session, FORGOTTEN_HAVE) or "[]")
    except ValueError:
        return []
    return items if isinstance(items, list) else []


def held_before_forgetting(session: Session) -> list[tuple[str, str, dict[str, str]]]:
    """(after, up to, what the restored database held of each other office) per range."""
    out = []
    for item in _forgotten_have_raw(session):
        try:
            (a, b), have = item["range"], item["have"]
            out.append((str(a), str(b), {str(k): str(v) for k, v in have.items()}))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out


def _own_newest(session: Session, self_id: str, upto: str) -> str:
    """The newest version of our own writes in this database's synced rows, up to ``upto``."""
    from .records import TABLES

    # Versions sort as text in byte order; PostgreSQL's locale collation would not.
    byte_order = session.get_bind().dialect.name == "postgresql"
    newest = ""
    for spec in TABLES.values():
        t = spec.table
        version = t.c.version.collate("C") if byte_order else t.c.version
        found = session.scalar(select(func.max(version)).where(
            t.c.origin == self_id, version <= upto))
        newest = max(newest, found or "")
    return newest


def _renew(session: Session, self_id: str, clock: str, floor: int, how: str) -> Restored:
    known = last_out(session, self_id)
    _set(session, GENERATION, str(uuid.uuid4()))
    _set(session, SEQUENCE_FLOOR, str(max(floor + 1, sequence_floor(session))))
    if clock:
        mine = HybridClock.resume(self_id, _get(session, HLC_SETTING) or None)
        mine.observe(clock)
        _set(session, HLC_SETTING, mine.last)
        # Our writes after the newest one this database still holds, up to the clock the
        # state file (or the peer) knew, were sent before the restore and are forgotten
        # here; peers may hand them back (inbound.admit). Writes made here since the
        # restore are later than that clock and stay out of the range.
        held = _own_newest(session, self_id, clock)
        if held < clock:
            _set(session, FORGOTTEN, json.dumps([*forgotten_versions(session),
                                                 [held, clock]]))
            have = {a.origin: a.version for a in session.scalars(
                select(PeerAck).where(PeerAck.peer_id == self_id, PeerAck.origin != self_id))}
            _set(session, FORGOTTEN_HAVE, json.dumps(
                [*_forgotten_have_raw(session), {"range": [held, clock], "have": have}]))
    owe_every_peer(session, self_id)  # our own rows, whatever their "have" says
    _set(session, RESTORED, json.dumps({"at": utcnow().isoformat(), "how": how,
                                        "last_known": known, "last_sent": floor}))
    return Restored(how, known, floor)


def check_self(session: Session, self_id: str, folder: Path | None) -> Restored | None:
    """Compare this database with the state file beside the keys; repair if it is behind."""
    state = _read_state(folder)
    if state.get("node") != self_id:
        return None
    seq = state.get("sequence") if isinstance(state.get("sequence"), int) else 0
    clock = state.get("clock") if isinstance(state.get("clock"), str) else ""
    try:
        if clock:
            parse_version(clock)
    except ValueError:
        clock = ""
    db_gen = _get(session, GENERATION)
    behind = (seq > last_out(session, self_id) or clock > _get(session, HLC_SETTING)
              or bool(db_gen and state.get("generation") and state["generation"] != db_gen))
    if not behind:
        return None
    return _renew(session, self_id, clock, seq, "state_file")


def mark_restored(session: Session, self_id: str, folder: Path | None) -> Restored:
    """A database just put back from a backup (``services.backup``): repair as for a restore
    found by the state file, and take a new generation even when the file is not behind, so
    the peers send a full bundle next time and the next export tells the clerk again."""
    found = check_self(session, self_id, folder)
    if found is not None:
        return found
    return _renew(session, self_id, "", last_out(session, self_id), "backup")


def check_peer_word(session: Session, self_id: str, manifest: dict) -> Restored | None:
    """A peer's manifest says it holds more of ours than we do: we were restored."""
    have = manifest.get("have", {})
    theirs = have.get(self_id, "") if isinstance(have, dict) else ""
    seen = manifest.get("last_from_you")
    seen = seen if isinstance(seen, int) and not isinstance(seen, bool) else 0
    clock = _get(session, HLC_SETTING)
    ahead = bool(theirs) and theirs > clock
    if not ahead and seen <= last_out(session, self_id):
        return None
    return _renew(session, self_id, theirs if ahead else "", seen, "peer")


def check_sender(session: Session, self_id: str, sender_id: str, manifest: dict) -> bool:
    """On import: did the sender lose data (new generation, or its own clock behind what we
    hold of it)? Then lower our acknowledgements for it to what it says it has, and send it
    a full bundle next time. True when that happened."""
    gen = manifest.get("generation")
    gen = gen if isinstance(gen, str) else ""
    known = _get(session, _peer_key(sender_id))
    have = manifest.get("have", {})
    its_clock = have.get(sender_id, "") if isinstance(have, dict) else ""
    held = session.get(PeerAck, (self_id, sender_id))
    regressed = bool(known and gen and gen != known) or bool(
        held is not None and its_clock and held.version > its_clock)
    if gen:
        _set(session, _peer_key(sender_id), gen)
    if not regressed:
        return False
    session.execute(delete(PeerAck).where(PeerAck.peer_id == sender_id))
    _set(session, _full_key(sender_id), json.dumps({"at": utcnow().isoformat()}))
    return True


def full_owed(session: Session, peer_id: str) -> bool:
    """A peer found restored is owed a full bundle."""
    return bool(_get(session, _full_key(peer_id)))


def full_sent(session: Session, peer_id: str, sequence: int) -> None:
    """A full bundle went to a peer that is owed one: remember the first one's number.

    The debt stays until the peer says it imported that bundle or a later one (see
    ``full_confirmed``): a repair file lost on the way must not leave the peer without what
    it forgot, and incremental bundles never bring it back (its clock, moved past what it
    forgot, tells us it holds its own writes)."""
    row = session.get(Setting, _full_key(peer_id))
    if row is None:
        return
    owed = _debt(row)
    if not isinstance(owed.get("sent"), int):
        row.value = json.dumps({**owed, "sent": sequence})


def _debt(row: Setting) -> dict:
    """The stored full-bundle debt (``{"at": …, "sent": first full bundle's number}``); {}
    when the setting is not such an object."""
    try:
        owed = json.loads(row.value)
    except ValueError:
        return {}
    return owed if isinstance(owed, dict) else {}


def full_confirmed(session: Session, sender_id: str, manifest: dict) -> int | None:
    """On import: the sender imported our first full bundle since it was found restored
    (or a later one; all were full), so the debt is paid. Returns that bundle's number when
    the debt was paid now (``dropped.repaired``), else None."""
    row = session.get(Setting, _full_key(sender_id))
    if row is None:
        return None
    sent = _debt(row).get("sent")
    seen = manifest.get("last_from_you")
    if (isinstance(sent, int) and isinstance(seen, int) and not isinstance(seen, bool)
            and seen >= sent):
        session.delete(row)
        return sent
    return None


__all__ = ["Restored", "check_peer_word", "forgotten_versions", "held_before_forgetting", "mark_restored", "check_self", "check_sender", "full_owed",
           "full_confirmed", "full_sent", "current_generation", "generation", "last_in", "last_out", "sequence_floor", "write_state"]
