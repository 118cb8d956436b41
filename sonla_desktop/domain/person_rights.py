"""A person's rights (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): the pure rules.

* A consent record must be provable: a purpose, a date, a method; a verbal consent names the
  witness who heard it. The same checks run on the form, the CLI and a record arriving by sync.
* Which filled-in fields are sensitive personal data that need a consent (ethnic origin,
  household poverty status, a loan).
* What an erased worker looks like: identity and contact fields emptied, the name replaced,
  the facts the bank and the statistics need (sex, commune, status, dates) kept. The values
  pass ``clean_worker``, so sync validation accepts the anonymised record like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..errors import ValidationError
from .dates import parse_date, parse_optional_date
from .text import clean_text

CONSENT_METHODS = ("written", "verbal")
METHOD_LABELS_VI = {"written": "bằng văn bản", "verbal": "bằng lời nói (có người làm chứng)"}
ANONYMOUS_NAME = "Đã xoá"

# Worker fields whose value is sensitive personal data under Decree 356/2025 (special
# categories): filling them in calls for a consent on record.
SENSITIVE_WORKER_FIELDS = ("ethnic_code", "household")
SENSITIVE_LABELS_VI = {"ethnic_code": "dân tộc", "household": "hộ nghèo/cận nghèo",
                       "loan": "khoản vay"}
SENSITIVE_LABELS_EN = {"ethnic_code": "ethnic group", "household": "household status",
                       "loan": "loan"}

# Fields an erasure empties (identity, contact, free text) and the value each takes.
ERASED_VALUES: dict[str, object] = {
    "full_name": ANONYMOUS_NAME, "birth_date": None, "birth_year": None, "national_id": None,
    "id_issued_on": None, "phone": "", "ethnic_code": None, "village": "", "household": "none",
    "education": "", "occupation": "", "agency": "", "notes": "",
}


def clean_consent_record(raw: Mapping[str, object], today: date | None = None) -> dict:
    """The clean values of a consent, or raise ``ValidationError`` naming the field."""
    today = today or date.today()
    purpose = clean_text(None if raw.get("purpose") is None else str(raw.get("purpose")))
    if not purpose or len(purpose) > 200:
        raise ValidationError("purpose", "Hãy ghi mục đích được đồng ý (tối đa 200 ký tự).",
                              "State the purpose consented to (at most 200 characters).")
    given = raw.get("given_on")
    given_on = given if isinstance(given, date) else parse_date(given, "given_on")
    if given_on > today:
        raise ValidationError("given_on", "Ngày đồng ý không được ở tương lai.",
                              "The consent date cannot be in the future.")
    method = clean_text(None if raw.get("method") is None else str(raw.get("method")))
    if method not in CONSENT_METHODS:
        raise ValidationError("method", f"Hình thức đồng ý “{method}” không hợp lệ (văn bản "
                              "hoặc lời nói có người làm chứng).",
                              f"Unknown consent method “{method}” (written or verbal).")
    witness = clean_text(None if raw.get("witness") is None else str(raw.get("witness")))
    if method == "verbal" and not witness:
        raise ValidationError("witness", "Đồng ý bằng lời nói phải ghi tên người làm chứng.",
                              "A verbal consent needs the name of its witness.")
    recorded_by = clean_text(None if raw.get("recorded_by") is None
                             else str(raw.get("recorded_by")))
    for field, value in (("witness", witness), ("recorded_by", recorded_by)):
        if len(value) > 120:
            raise ValidationError(field, "Tên quá dài (tối đa 120 ký tự).",
                                  "The name is too long (at most 120 characters).")
    withdrawn = raw.get("withdrawn_on")
    withdrawn_on = withdrawn if isinstance(withdrawn, date) or withdrawn is None else \
        parse_optional_date(withdrawn, "withdrawn_on")
    if withdrawn_on is not None and not given_on <= withdrawn_on <= today:
        raise ValidationError("withdrawn_on", "Ngày rút lại đồng ý phải từ ngày đồng ý đến "
                              "hôm nay.", "The withdrawal date must be between the consent "
                              "date and today.")
    return {"purpose": purpose, "given_on": given_on, "method": method, "witness": witness,
            "recorded_by": recorded_by, "withdrawn_on": withdrawn_on}


def needs_consent(values: Mapping[str, object], has_loan: bool = False) -> list[str]:
    """The sensitive things filled in for a worker (field names, ``"loan"`` for a loan)."""
    found = []
    if values.get("ethnic_code"):
        found.append("ethnic_code")
    if (values.get("household") or "none") != "none":
        found.append("household")
    if has_loan:
        found.append("loan")
    return found


def consent_warning(sensitive: list[str], has_consent: bool) -> tuple[str, str] | None:
    """The form's warning (vi, en) when sensitive data is held without a live consent."""
    if has_consent or not sensitive:
        return None
    vi = ", ".join(SENSITIVE_LABELS_VI[f] for f in sensitive)
    en = ", ".join(SENSITIVE_LABELS_EN[f] for f in sensitive)
    return (f"Đã ghi dữ liệu nhạy cảm ({vi}) nhưng chưa có sự đồng ý của người này "
            "(Nghị định 356/2025). Hãy ghi nhận sự đồng ý ở mục “Đồng ý”.",
            f"Sensitive data ({en}) is recorded without this person's consent "
            "(Decree 356/2025). Record the consent in the “Consent” section.")


def is_erased(values: Mapping[str, object]) -> bool:
    """Whether a worker's values already are the erased ones."""
    return all(values.get(k) == v for k, v in ERASED_VALUES.items())
