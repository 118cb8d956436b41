"""What became of a print job: one IPP Get-Job-Attributes request to the local CUPS scheduler
(RFC 8011), standard library only (issue 19).

``lp`` says when a job was *accepted*; whether it then *printed* only the scheduler knows, and
its command-line tools do not say (``lpstat`` lists a finished job the same whether it
completed or was aborted). The request is small enough to write by hand: a few attributes
in, three read back.
"""

from __future__ import annotations

import http.client
import os
import socket
import struct
from dataclasses import dataclass

TIMEOUT = 5
# job-state values (RFC 8011 5.3.7)
PENDING, HELD, PROCESSING, STOPPED, CANCELED, ABORTED, COMPLETED = range(3, 10)
_FINAL = {CANCELED, ABORTED, COMPLETED}


@dataclass(frozen=True)
class JobStatus:
    state: int                # one of the job-state values above; 0 when unknown
    reasons: tuple[str, ...]  # job-state-reasons keywords
    message: str              # job-printer-state-message: what the printer said

    @property
    def finished(self) -> bool:
        return self.state in _FINAL


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str) -> None:
        super().__init__("localhost", timeout=TIMEOUT)
        self.path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.connect(self.path)


def _connection() -> http.client.HTTPConnection:
    server = os.environ.get("CUPS_SERVER", "")
    if server.startswith("/"):
        return _UnixConnection(server)
    if server:
        host, _, port = server.partition(":")
        return http.client.HTTPConnection(host, int(port or 631), timeout=TIMEOUT)
    for path in ("/run/cups/cups.sock", "/var/run/cups/cups.sock", "/private/var/run/cupsd"):
        if os.path.exists(path):
            return _UnixConnection(path)
    return http.client.HTTPConnection("localhost", 631, timeout=TIMEOUT)


def _attr(tag: int, name: str, value: bytes) -> bytes:
    raw = name.encode()
    return struct.pack(">BH", tag, len(raw)) + raw + struct.pack(">H", len(value)) + value


def _request(job_id: int) -> bytes:
    body = struct.pack(">BBHI", 2, 0, 0x0009, 1) + b"\x01"  # IPP 2.0 Get-Job-Attributes
    body += _attr(0x47, "attributes-charset", b"utf-8")
    body += _attr(0x48, "attributes-natural-language", b"en")
    body += _attr(0x45, "job-uri", f"ipp://localhost/jobs/{job_id}".encode())
    body += _attr(0x44, "requested-attributes", b"job-state")
    body += _attr(0x44, "", b"job-state-reasons")   # an additional value: empty name
    body += _attr(0x44, "", b"job-printer-state-message")
    return body + b"\x03"


def _parse(data: bytes) -> JobStatus:
    if len(data) < 8 or struct.unpack(">H", data[2:4])[0] >= 0x0400:
        return JobStatus(0, (), "")  # not a reply, or an error status (no such job...)
    state, reasons, message, name = 0, [], "", ""
    i = 8
    while i < len(data):
        tag = data[i]
        i += 1
        if tag == 0x03:
            break
        if tag < 0x10:  # a group delimiter
            continue
        (length,) = struct.unpack(">H", data[i:i + 2])
        name = data[i + 2:i + 2 + length].decode("utf-8", "replace") or name
        i += 2 + length
        (length,) = struct.unpack(">H", data[i:i + 2])
        value = data[i + 2:i + 2 + length]
        i += 2 + length
        if name == "job-state" and tag == 0x23 and length == 4:
            state = struct.unpack(">i", value)[0]
        elif name == "job-state-reasons":
            reasons.append(value.decode("utf-8", "replace"))
        elif name == "job-printer-state-message":
            message = value.decode("utf-8", "replace")
    return JobStatus(state, tuple(reasons), message)


def job_status(job: str) -> JobStatus:
    """The state of ``job`` ("sonla-pdf-12", as ``lp`` named it); state 0 when the scheduler
    cannot be asked (then nothing is claimed about the job)."""
    try:
        number = int(job.rsplit("-", 1)[-1])
    except ValueError:
        return JobStatus(0, (), "")
    connection = _connection()
    try:
        connection.request("POST", "/jobs/", _request(number),
                           {"Content-Type": "application/ipp"})
        reply = connection.getresponse()
        return _parse(reply.read()) if reply.status == 200 else JobStatus(0, (), "")
    except (OSError, http.client.HTTPException, struct.error):
        return JobStatus(0, (), "")
    finally:
        connection.close()
