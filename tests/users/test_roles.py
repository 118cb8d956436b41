"""Each role's refusals, checked on the services themselves (no screen, no command line):
a service called with a viewer's context is refused before it reads or writes anything."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from sonla_desktop.domain.progress import year_period
from sonla_desktop.domain.roles import PERMISSIONS, ROLES
from sonla_desktop.errors import PermissionDenied
from sonla_desktop.services.audit import list_entries
from sonla_desktop.services.events import create_event, list_events
from sonla_desktop.services.loan_queries import LoanFilter, list_loans
from sonla_desktop.services.progress_report import progress_figures
from sonla_desktop.services.setup import set_settings
from sonla_desktop.services.spreadsheets import export_workbook
from sonla_desktop.services.status import office_status
from sonla_desktop.services.sync_trust import list_peers
from sonla_desktop.services.users import add_user, list_users
from sonla_desktop.services.worker_rows import WorkerFilter
from sonla_desktop.services.workers import create_worker, get_worker, list_workers
from tests.conftest import dump_database

SERVICES = Path(__file__).resolve().parents[2] / "sonla_desktop" / "services"
DUC = {
    "full_name": "Nguyễn Văn Đức", "birth_date": "12/03/1998", "sex": "Nam",
    "national_id": "014098001234", "phone": "+84 912 345 678", "ethnic_code": "01",
    "commune_code": "03670", "village": "Bản Mòng", "household": "poor",
}
EVENT = {"event_date": "05/12/2025", "commune_code": "03670", "place": "Nhà văn hoá bản Hẹo",
         "topic": "Tư vấn đi làm việc tại Nhật Bản", "markets": "Nhật"}


def as_role(ctx, role):
    return dataclasses.replace(ctx, user=f"chị-{role}", role=role)


def refused(call) -> PermissionDenied:
    with pytest.raises(PermissionDenied) as info:
        call()
    return info.value


def test_a_viewer_sees_counts_and_reports_but_no_person(ctx, tmp_path):
    wid = create_worker(ctx, DUC)
    viewer = as_role(ctx, "viewer")
    before = dump_database(ctx.db)
    err = refused(lambda: list_workers(viewer, WorkerFilter()))
    assert "không được phép" in err.vi and "chị-viewer" in err.vi
    refused(lambda: get_worker(viewer, wid))
    refused(lambda: list_loans(viewer, LoanFilter()))
    refused(lambda: list_events(viewer))
    refused(lambda: export_workbook(viewer, tmp_path / "all.xlsx"))
    refused(lambda: create_worker(viewer, {**DUC, "national_id": "014098001235"}))
    refused(lambda: list_entries(viewer))
    assert not (tmp_path / "all.xlsx").exists()
    assert dump_database(ctx.db) == before  # refused before anything was written
    # Aggregates only: allowed.
    assert progress_figures(viewer, year_period(2026)) is not None
    assert office_status(viewer) is not None


def test_a_counsellor_runs_conferences_but_not_loans_or_worker_records(ctx):
    counsellor = as_role(ctx, "counsellor")
    assert create_event(counsellor, EVENT)
    assert list_events(counsellor)
    refused(lambda: create_worker(counsellor, DUC))
    refused(lambda: list_loans(counsellor, LoanFilter()))
    refused(lambda: list_peers(counsellor))
    refused(lambda: list_users(counsellor))


def test_a_clerk_keeps_the_register_but_not_accounts_settings_or_audit(ctx, tmp_path):
    clerk = as_role(ctx, "clerk")
    wid = create_worker(clerk, DUC)
    assert get_worker(clerk, wid)["full_name"] == "Nguyễn Văn Đức"
    assert list_loans(clerk, LoanFilter()) is not None
    export_workbook(clerk, tmp_path / "all.xlsx")
    assert list_peers(clerk) is not None
    refused(lambda: create_event(clerk, EVENT))
    refused(lambda: add_user(clerk, "minh", "clerk", "mật-khẩu-dài"))
    refused(lambda: set_settings(clerk, {"office_name": "X"}))
    refused(lambda: list_entries(clerk))


def test_nobody_logged_in_is_refused_everything(ctx):
    nobody = dataclasses.replace(ctx, role=None)
    err = refused(lambda: office_status(nobody))
    assert "Chưa đăng nhập" in err.vi


def test_the_audit_names_the_logged_in_user(ctx):
    clerk = as_role(ctx, "clerk")
    wid = create_worker(clerk, DUC)
    assert [e.user for e in list_entries(ctx, entity_id=wid)] == ["chị-clerk"]


def test_the_table_gives_every_action_to_the_admin_and_knows_every_role():
    for action, roles in PERMISSIONS.items():
        assert "admin" in roles, action
        assert roles <= set(ROLES), action


def _service_functions():
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                yield path, node


def test_every_service_taking_a_context_checks_the_permission_first():
    """The one door: a public service function whose first parameter is the context calls
    ``ctx.require`` before anything else (helpers taking the caller's session excepted)."""
    missing, unknown = [], []
    for path, fn in _service_functions():
        args = [a.arg for a in fn.args.args]
        if not args or args[0] != "ctx" or (len(args) > 1 and args[1] in ("session", "s")):
            continue
        body = fn.body[1:] if isinstance(fn.body[0], ast.Expr) and isinstance(
            fn.body[0].value, ast.Constant) else fn.body
        first = body[0]
        call = first.value if isinstance(first, ast.Expr) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "require"):
            action = call.args[0].value
            if action not in PERMISSIONS:
                unknown.append((path.name, fn.name, action))
        # set_password checks "own account, else users.manage"; confirm_password is the
        # lock screen's own password, which every logged-in user may type.
        # audit.record writes the export row of a service that has checked already.
        elif fn.name not in ("set_password", "confirm_password", "record"):
            missing.append(f"{path.relative_to(SERVICES)}:{fn.name}")
    assert missing == [] and unknown == []


def test_the_automatic_backup_runs_for_every_role_a_manual_one_only_for_the_admin(ctx):
    from sonla_desktop.services.backup import auto_backup, list_backups, make_backup
    from sonla_desktop.services.setup import initialise

    initialise(ctx.db, name="UBND xã Chiềng Cơi", communes=["03670"])  # this test's keys
    refused(lambda: make_backup(as_role(ctx, "clerk")))
    info = auto_backup(as_role(ctx, "viewer"), "close")  # closing the program as a viewer
    assert info is not None and [b.path for b in list_backups()] == [info.path]
