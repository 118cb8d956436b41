"""Tracebacks without personal data.

A crash report goes to the log file and the console, which are not the database: whoever
reads them need not see names, CCCDs or phone numbers. SQLAlchemy prints a failed
statement's bound values (``[parameters: (...)]``) unless the engine hides them (``db.py``
creates every engine with ``hide_parameters=True``), and PostgreSQL's own messages quote the
offending value ("DETAIL: Key (national_id)=(012345678901) already exists."). Both are cut
here from any traceback text before it is written anywhere.
"""

from __future__ import annotations

import re
import traceback
from types import TracebackType

_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\n|$|\s*\()", re.DOTALL)
_KEY_VALUE = re.compile(r"(Key \([^)]*\))=\((?:[^()]|\([^()]*\))*\)")
_FAILING_ROW = re.compile(r"(Failing row contains) \(.*?\)(?=\.?\s*$)", re.MULTILINE)
HIDDEN = "[values hidden]"


def redact(text: str) -> str:
    """``text`` without bound parameter values or values quoted by the database."""
    text = _PARAMETERS.sub(f"[parameters: {HIDDEN}]", text)
    text = _KEY_VALUE.sub(rf"\1={HIDDEN}", text)
    return _FAILING_ROW.sub(rf"\1 {HIDDEN}", text)


def format_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> str:
    """``traceback.format_exception`` joined and redacted."""
    return redact("".join(traceback.format_exception(exc_type, exc, tb)))
