"""Who owns each synced table: the one table the services, the exporter and merge follow.

A write made on a node that does not own the data would never travel (the exporter sends a
node's own scope only) and the offices would disagree for good, so services refuse it at
entry (``check_write``, called by ``ServiceContext.stamp``) with a sentence saying whom to ask.

* ``HUB``: the provincial hub alone writes the row. A commune receives it and never sends it.
* ``COMMUNE``: the commune office whose communes the row belongs to (``scope.scope_condition``)
  writes it; the hub may write it too (it is the authority for the whole province).
* ``HUB_ON_REQUEST``: the hub decides; a commune may only create a *request* (a worker's
  transfer to another commune, ``models.Transfer`` with status ``requested``), which travels to
  the hub like any commune record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import UserError, ValidationError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

HUB = "hub"
COMMUNE = "commune"
HUB_ON_REQUEST = "hub_on_request"

OWNERS: dict[str, str] = {
    "admin_unit": HUB,
    "ethnic_group": HUB,
    "market": HUB,
    "policy_group": HUB,
    "policy_rate": HUB,
    "policy_param": HUB,
    "loan_rule": HUB,
    "target": HUB,
    "worker": COMMUNE,
    "loan_application": COMMUNE,
    "loan_cost_line": COMMUNE,
    "disbursement": COMMUNE,
    "repayment": COMMUNE,
    "event": COMMUNE,
    "attendance": COMMUNE,
    "transfer": HUB_ON_REQUEST,
    # A person's rights (models.person): the worker's commune, like the worker.
    "consent": COMMUNE,
    "erasure": COMMUNE,
    # About sync itself: written by whichever node notices or decides, scoped by commune.
    "conflict": COMMUNE,
    "possible_duplicate": COMMUNE,
}

HUB_TABLES = frozenset(t for t, owner in OWNERS.items() if owner == HUB)

_WHAT_VI = {
    "target": "Chỉ tiêu xuất cảnh", "policy_rate": "Lãi suất", "policy_param": "Tham số chính sách",
    "policy_group": "Nhóm chính sách", "loan_rule": "Quy định cho vay",
    "admin_unit": "Danh mục xã/phường",
    "ethnic_group": "Danh mục dân tộc", "market": "Danh mục thị trường",
}
_WHAT_EN = {
    "target": "Departure targets", "policy_rate": "Interest rates",
    "policy_param": "Policy parameters", "policy_group": "Policy groups",
    "loan_rule": "Loan rules",
    "admin_unit": "The list of communes", "ethnic_group": "The list of ethnic groups",
    "market": "The list of markets",
}


def hub_only_refusal(table: str) -> UserError:
    what_vi = _WHAT_VI.get(table, f"Bảng {table}")
    what_en = _WHAT_EN.get(table, f"Table {table}")
    return UserError(
        f"{what_vi} do văn phòng tỉnh (hub) đặt và gửi xuống; văn phòng xã/phường không sửa ở "
        "đây được (bản sửa sẽ không bao giờ được gửi đi). Hãy đề nghị văn phòng tỉnh thay đổi.",
        f"{what_en} are set by the provincial hub and sent down; a commune office cannot change "
        "them here (the change would never be sent anywhere). Ask the hub to change them.")


def move_refusal(old: str, new: str) -> UserError:
    return UserError(
        f"Chuyển người lao động từ xã/phường {old} sang {new} là việc của văn phòng tỉnh. "
        f"Hãy gửi đề nghị chuyển: sonla-desktop workers move MÃ --commune {new} (đề nghị sẽ đi "
        "theo tệp đồng bộ tới văn phòng tỉnh).",
        f"Moving a worker from commune {old} to {new} is the hub's decision. Send a transfer "
        f"request: sonla-desktop workers move ID --commune {new} (the request travels to the "
        "hub with the next sync file).")


def outside_scope_refusal(code: str, scope: frozenset[str],
                          what: tuple[str, str] | None = None) -> ValidationError:
    """A new worker (or, with ``what``, another record such as a conference) of a commune
    this office does not serve: it would stay here for good (the exporter sends only the
    office's own communes, and peers refuse such a record)."""
    own = ", ".join(sorted(scope))
    vi, en = what or (
        "Người lao động của xã/phường khác do văn phòng xã/phường đó hoặc văn phòng tỉnh "
        "nhập; bản ghi nhập ở đây",
        "Workers of another commune are entered by that commune's office or by the hub; a "
        "record entered here")
    return ValidationError(
        "commune_code",
        f"Xã/phường: mã {code} không thuộc phạm vi của văn phòng này ({own}). {vi} sẽ không "
        "bao giờ được gửi đi. Hãy chọn xã/phường của văn phòng này.",
        f"Commune: code {code} is outside this office's scope ({own}). {en} would never be "
        "sent anywhere. Choose one of this office's communes.")


_EVENT = ("Hội nghị ở xã/phường khác do văn phòng đó nhập; hội nghị nhập ở đây",
          "A conference in another commune is entered by that commune's office; one entered "
          "here")


def check_new_worker(scope: frozenset[str] | None, commune_code: object) -> None:
    """The rule every door applies before creating a worker (form, CLI, Excel, attendance)."""
    if scope and commune_code not in scope:
        raise outside_scope_refusal(str(commune_code), scope)


def check_write(session: Session, scope: frozenset[str] | None, row: object) -> None:
    """Refuse a write to ``row`` (a synced ORM object about to be stamped) that this node,
    of ``scope`` (None: the hub, or a node not set up for sync), does not own."""
    if not scope:
        return
    table = row.__tablename__
    owner = OWNERS[table]
    if owner == HUB:
        raise hub_only_refusal(table)
    if table == "worker":
        from sqlalchemy import inspect

        state = inspect(row)
        if not state.persistent:  # being created here (services check earlier, by field)
            check_new_worker(scope, row.commune_code)
        history = state.attrs.commune_code.history
        old = history.deleted[0] if history.deleted else None
        if old is not None and old in scope and row.commune_code not in scope:
            raise move_refusal(old, row.commune_code)
    elif table == "event" and row.commune_code not in scope:
        # Held at a commune but of another one: the exporter would never send it (#20).
        from sqlalchemy import inspect

        history = inspect(row).attrs.commune_code.history
        if not inspect(row).persistent or history.has_changes():
            raise outside_scope_refusal(str(row.commune_code), scope, _EVENT)
    elif table == "transfer" and (row.status != "requested" or row.from_commune not in scope):
        raise UserError(
            "Chỉ văn phòng tỉnh mới thực hiện việc chuyển xã/phường; văn phòng xã/phường chỉ gửi "
            "đề nghị cho người lao động của mình.",
            "Only the hub carries out a move between communes; a commune office can only "
            "request one for its own workers.")


__all__ = ["COMMUNE", "HUB", "HUB_ON_REQUEST", "HUB_TABLES", "OWNERS", "check_new_worker",
           "check_write", "hub_only_refusal", "move_refusal", "outside_scope_refusal"]
