"""Talking to CUPS (Linux, macOS) with its own command-line tools: is the queue able to print,
send the PDF itself, did the job finish (issue 19).

Where CUPS runs, the program's PDF goes to the queue as it is: vector pages with their text,
A4 as A4, and CUPS' own filters make what the printer speaks. ``lp`` answers with a job id
when the queue has *accepted* the job, or with the reason it refused; that answer, not the
click in the dialog, is what the audit log records. Qt's print engine is the fallback where
these tools are missing (Windows): see ``ui/printing``.

Standard library only; every call has a timeout so a hung scheduler cannot freeze a screen.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from ..errors import UserError

TIMEOUT = 20  # seconds; lp copies the whole file to the scheduler before answering


@dataclass(frozen=True)
class QueueState:
    name: str
    exists: bool
    enabled: bool       # a stopped ("disabled") printer keeps jobs waiting, prints nothing
    accepting: bool     # a rejecting queue refuses new jobs outright
    reason: str         # what the administrator or the printer said, if anything


def available() -> bool:
    """True when this machine prints through CUPS (its client tools are installed)."""
    return shutil.which("lp") is not None and shutil.which("lpstat") is not None


def _run(args: list[str], data: bytes | None = None) -> subprocess.CompletedProcess:
    # The C locale: the answers are parsed, and CUPS translates them otherwise.
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        return subprocess.run(args, input=data, capture_output=True, timeout=TIMEOUT, env=env,
                              check=False)
    except subprocess.TimeoutExpired:
        raise UserError("Hệ thống in (CUPS) không trả lời. Hãy kiểm tra dịch vụ in của máy "
                        "rồi in lại.",
                        "The print system (CUPS) does not answer. Check the printing service "
                        "and print again.") from None
    except OSError as exc:
        raise UserError(f"Không chạy được lệnh in “{args[0]}”: {exc.strerror}.",
                        f"Cannot run the print command “{args[0]}”: {exc.strerror}.") from None


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace").strip()


def printers() -> list[str]:
    """The queues this machine can print to (empty when none is installed)."""
    if not available():
        return []
    done = _run(["lpstat", "-e"])
    return [line.strip() for line in _text(done.stdout).splitlines() if line.strip()]


def queue_state(name: str) -> QueueState:
    """What ``lpstat -p`` and ``lpstat -a`` say about the queue ``name``."""
    printer = _run(["lpstat", "-p", name])
    accepting = _run(["lpstat", "-a", name])
    if printer.returncode != 0:
        return QueueState(name, False, False, False, _text(printer.stderr))
    text = _text(printer.stdout)
    # "printer X is idle.  enabled since ..." / "printer X disabled since ... -\n\treason"
    enabled = re.search(rf"printer {re.escape(name)} disabled", text) is None
    reasons = [line.strip() for line in text.splitlines()[1:] if line.strip()]
    acc_text = _text(accepting.stdout)
    is_accepting = "not accepting" not in acc_text
    if not is_accepting:
        reasons += [line.strip() for line in acc_text.splitlines()[1:] if line.strip()]
    reasons = [r for r in reasons if not r.lower().startswith(("form mounted", "alerts:"))]
    return QueueState(name, True, enabled, is_accepting, "; ".join(dict.fromkeys(reasons)))


def check_queue(name: str) -> None:
    """Refuse, with what to check, a queue that would not print the job now."""
    state = queue_state(name)
    why = f" ({state.reason})" if state.reason else ""
    if not state.exists:
        raise UserError(f"Không tìm thấy máy in “{name}”. Hãy chọn máy in khác hoặc cài lại "
                        "máy in.", f"Printer “{name}” was not found. Choose another printer "
                        "or install it again.")
    if not state.accepting:
        raise UserError(f"Máy in “{name}” đang từ chối lệnh in{why}. Hãy bật lại hàng đợi in "
                        "(Cài đặt máy in → Nhận lệnh in) hoặc chọn máy in khác. Chưa in gì.",
                        f"Printer “{name}” is refusing jobs{why}. Let its queue accept jobs "
                        "again (printer settings) or choose another printer. Nothing printed.")
    if not state.enabled:
        raise UserError(f"Máy in “{name}” đang dừng{why}. Hãy kiểm tra máy in đã bật, có giấy, "
                        "không kẹt giấy, rồi bật lại máy in trong Cài đặt máy in (Tiếp tục) và "
                        "in lại. Chưa in gì.",
                        f"Printer “{name}” is stopped{why}. Check it is on, has paper and no "
                        "jam, resume it in the printer settings and print again. Nothing "
                        "printed.")


@dataclass(frozen=True)
class JobRequest:
    printer: str
    title: str
    pages: str = ""          # "1-3,5" (lp -P); empty: every page
    copies: int = 1
    sides: str = "one-sided"  # or "two-sided-long-edge" / "two-sided-short-edge"
    media: str = "A4"         # the document's own size, forced on the queue
    landscape: bool = False
    options: tuple[tuple[str, str], ...] = ()   # passed on as ``-o name=value``


_OPTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")


def lp_args(job: JobRequest) -> list[str]:
    """The ``lp`` command for ``job`` reading the PDF from standard input."""
    args = ["lp", "-d", job.printer, "-t", job.title[:120], "-n", str(max(1, job.copies)),
            "-o", f"media={job.media}", "-o", f"PageSize={job.media}", "-o", f"sides={job.sides}",
            # 100%: never shrink to the printer's margins, never enlarge; centred on the sheet.
            "-o", "print-scaling=none", "-o", "fit-to-page=false", "-o", "position=center"]
    if job.landscape:
        args += ["-o", "orientation-requested=4"]
    for name, value in job.options:
        # Names are CUPS/PPD option names; anything else is not passed on.
        if _OPTION_NAME.fullmatch(name) and "\n" not in value:
            args += ["-o", f"{name}={value}"]
    if job.pages:
        args += ["-P", job.pages]
    return [*args, "--", "-"]


def submit(job: JobRequest, pdf: bytes) -> str:
    """Hand ``pdf`` to the queue; returns the job id (``sonla-pdf-12``) once CUPS accepted it,
    else a ``UserError`` saying why and what to check."""
    check_queue(job.printer)
    done = _run(lp_args(job), pdf)
    out, err = _text(done.stdout), _text(done.stderr)
    found = re.search(r"request id is (\S+)", out)
    if done.returncode != 0 or not found:
        reason = err or out or f"lp exit {done.returncode}"
        if "not accepting" in reason:
            check_queue(job.printer)  # the message for a refusing queue
        raise UserError(f"Máy in “{job.printer}” không nhận lệnh in: {reason}. Hãy kiểm tra "
                        "máy in rồi in lại. Chưa in gì.",
                        f"Printer “{job.printer}” did not accept the job: {reason}. Check the "
                        "printer and print again. Nothing printed.")
    return found.group(1)

