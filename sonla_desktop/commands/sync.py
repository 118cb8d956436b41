"""``keys``, ``bundle`` and ``conflicts``: USB sync from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..domain.dates import format_local_time
from ..domain.text import group_digits
from ..errors import UserError
from ..services import sync as sync_service
from ..services import sync_conflicts, sync_notices, sync_trust
from ..services.ids import resolve_conflict_id
from .common import context, print_json, print_table

_STATUS_VI = {
    "new": "đơn vị mới",
    "same": "đã tin cậy với đúng khoá và phạm vi này",
    "changed_scope": "ĐÃ tin cậy, nay đổi phạm vi",
    "changed_keys": "ĐÃ tin cậy với KHOÁ KHÁC",
}


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="khoá của đơn vị và danh sách đơn vị tin cậy")
    ks = keys.add_subparsers(dest="keys_command", required=True)
    p = ks.add_parser("show", help="mã đơn vị, tên, phạm vi và dấu vân tay khoá")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_keys_show)
    p = ks.add_parser("export", help="ghi tệp khoá công khai để trao cho đơn vị khác")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(func=cmd_keys_export)
    p = ks.add_parser("trust", help="tin cậy một đơn vị từ tệp khoá công khai của họ")
    p.add_argument("file", type=Path)
    p.add_argument("--name", help="tên lưu cho đơn vị này (mặc định: tên trong tệp)")
    p.add_argument("--yes", action="store_true", help="không hỏi xác nhận (dùng trong script)")
    p.add_argument("--replace", action="store_true",
                   help="thay khoá của đơn vị đã tin cậy (chỉ khi đã gọi điện xác nhận)")
    p.set_defaults(func=cmd_keys_trust)
    p = ks.add_parser("list", help="các đơn vị đang được tin cậy")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_keys_list)
    p = ks.add_parser("age-identity",
                      help="in khoá giải mã age ra màn hình, để dùng với lệnh age -d -i - "
                           "(quản trị viên; khoá được bảo vệ bằng mật khẩu)")
    p.set_defaults(func=cmd_keys_age_identity)

    bundle = sub.add_parser("bundle", help="tệp đồng bộ qua USB (.sldsync)")
    bs = bundle.add_subparsers(dest="bundle_command", required=True)
    p = bs.add_parser("export", help="xuất dữ liệu cho một đơn vị tin cậy")
    p.add_argument("--to", metavar="NODE", help="mã hoặc tên đơn vị nhận")
    p.add_argument("--all", action="store_true",
                   help="tỉnh: mỗi xã/phường tin cậy một tệp, -o là thư mục")
    p.add_argument("--full", action="store_true", help="xuất toàn bộ, không chỉ phần mới")
    p.add_argument("-o", "--output", required=True, type=Path, help="tệp .sldsync hoặc thư mục")
    p.set_defaults(func=cmd_bundle_export)
    p = bs.add_parser("verify", help="kiểm tra chữ ký, toàn vẹn và số thứ tự (không nhập)")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_bundle_verify)
    p = bs.add_parser("import", help="kiểm tra rồi nhập một tệp đồng bộ")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_bundle_import)

    conflicts = sub.add_parser("conflicts", help="hộp xung đột đồng bộ")
    cs = conflicts.add_subparsers(dest="conflicts_command", required=True)
    p = cs.add_parser("list", help="các xung đột chưa giải quyết")
    p.add_argument("--all", action="store_true", help="cả các xung đột đã giải quyết")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_conflicts_list)
    p = cs.add_parser("resolve", help="chọn bản giữ lại")
    p.add_argument("id")
    p.add_argument("--keep", choices=sync_conflicts.KEEP_CHOICES, required=True,
                   help="giữ bản nào: mine (của văn phòng này) hoặc theirs (bản nhận được)")
    p.set_defaults(func=cmd_conflicts_resolve)


def _scope_text(scope: list[str]) -> str:
    return "toàn tỉnh (hub)" if scope == ["hub"] else ", ".join(scope) or "chưa chọn"


def cmd_keys_show(args: argparse.Namespace) -> int:
    info = sync_trust.self_info(context(args))
    if args.format == "json":
        print_json({"node_id": info.node_id, "name": info.name, "scope": info.scope,
                    "is_hub": info.is_hub, "fingerprint": info.fingerprint,
                    "key_id": info.key_id, "keys_dir": str(info.keys_dir)})
        return 0
    print(f"Mã đơn vị:     {info.node_id}")
    print(f"Tên:           {info.name}")
    print(f"Phạm vi:       {_scope_text(info.scope)}")
    print(f"Dấu vân tay:   {info.fingerprint}")
    print(f"Mã khoá ký:    {info.key_id}")
    print(f"Thư mục khoá:  {info.keys_dir}")
    return 0


def cmd_keys_age_identity(args: argparse.Namespace) -> int:
    # To standard output only, never a file of ours: ``... keys age-identity | age -d -i -``.
    print(sync_trust.age_identity_text(context(args)), end="")
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    ctx = context(args)
    path = sync_trust.export_public_key(ctx, args.output)
    info = sync_trust.self_info(ctx)
    print(f"Đã ghi khoá công khai vào {path}")
    print(f"Dấu vân tay để đọc qua điện thoại: {info.fingerprint}")
    return 0


def cmd_keys_trust(args: argparse.Namespace) -> int:
    ctx = context(args)
    text = sync_trust.read_public_key_file(args.file)
    preview = sync_trust.preview_trust(ctx, text, args.name)
    peer = preview.peer
    print(f"Mã đơn vị:    {peer.node_id}")
    print(f"Tên:          {preview.name}" + (f"  (trong tệp: {peer.name})"
                                             if preview.name != peer.name else ""))
    print(f"Phạm vi:      {_scope_text(peer.scope)}  ← đơn vị này chỉ được ghi dữ liệu trong "
          "phạm vi này")
    print(f"Dấu vân tay:  {preview.fingerprint}")
    print(f"Tình trạng:   {_STATUS_VI[preview.status]}")
    if preview.status == "changed_keys" and not args.replace:
        sync_trust.trust_peer(ctx, text, args.name, replace=False)  # raises the explanation
    if preview.status == "same" and preview.existing and preview.existing.name == preview.name:
        print("Không có gì thay đổi.")
        return 0
    if not args.yes:
        print("Gọi điện cho đơn vị đó và so sánh dấu vân tay trên màn hình của họ.",
              file=sys.stderr)
        print("Dấu vân tay khớp và tin cậy đơn vị này? [c/k] (yes/no): ", end="",
              file=sys.stderr, flush=True)
        answer = sys.stdin.readline().strip().casefold()
        if answer not in ("c", "co", "có", "y", "yes"):
            raise UserError("Chưa tin cậy đơn vị này (không được xác nhận).",
                            "The unit was not trusted (not confirmed).")
    info = sync_trust.trust_peer(ctx, text, args.name, replace=args.replace)
    print(f"Đã tin cậy {info.name} ({info.node_id}), phạm vi {_scope_text(info.scope)}.")
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    peers = sync_trust.list_peers(context(args))
    if args.format == "json":
        print_json([p.as_json() for p in peers])
        return 0
    print_table(["Mã đơn vị", "Tên", "Phạm vi", "Dấu vân tay", "Tin cậy từ"],
                [[p.node_id, p.name, _scope_text(p.scope), p.fingerprint,
                  p.trusted_at.strftime("%d/%m/%Y") if p.trusted_at else ""] for p in peers])
    return 0


def _counts_text(counts: dict[str, int]) -> str:
    if not counts:
        return "không có bản ghi nào"
    return ", ".join(f"{sync_conflicts.TABLE_LABELS_VI.get(t, t)}: {n}"
                     for t, n in counts.items())


def cmd_bundle_export(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.all:
        return _export_all(ctx, args)
    result = sync_service.export_bundle(ctx, args.output, to=args.to, full=args.full)
    kind = "toàn bộ" if result.full else "phần thay đổi"
    print(f"Đã ghi {result.path} ({group_digits(result.size)} byte) cho {result.to_name}: số thứ tự "
          f"{result.sequence}, {kind}, {result.total} bản ghi.")
    print(f"  {_counts_text(result.counts)}")
    for line in sync_notices.export_notices(result):
        print(line)
    return 0


def _export_all(ctx, args: argparse.Namespace) -> int:
    from ..services.sync_all import export_all

    if args.to:
        raise UserError("Dùng --all hoặc --to, không dùng cả hai.",
                        "Use --all or --to, not both.")

    def progress(done: int, total: int, name: str) -> None:
        if name:
            print(f"[{done + 1}/{total}] {name}…", file=sys.stderr, flush=True)

    items = export_all(ctx, args.output, full=args.full, progress=progress)
    failed = [i for i in items if i.error]
    for item in items:
        if item.result:
            print(f"Đã ghi {item.path.name} cho {item.name}: số thứ tự {item.result.sequence}, "
                  f"{item.result.total} bản ghi.")
        else:
            print(f"KHÔNG ghi được tệp cho {item.name}: {item.error}", file=sys.stderr)
    print(f"Xong: {len(items) - len(failed)}/{len(items)} xã/phường.")
    return 1 if failed else 0


def _check_json(check: sync_service.BundleCheck) -> dict:
    return {"file": str(check.path), "sender": check.sender_id, "sender_name": check.sender_name,
            "sequence": check.sequence, "created": check.created, "counts": check.counts,
            "bundle_sha256": check.bundle_sha256, "already_imported": check.already_imported}


def cmd_bundle_verify(args: argparse.Namespace) -> int:
    check = sync_service.check_bundle(context(args), args.file)
    if args.format == "json":
        print_json({**_check_json(check), "valid": True})
        return 0
    print(f"Hợp lệ: chữ ký của {check.sender_name} ({check.sender_id}) đúng, dữ liệu nguyên "
          f"vẹn, số thứ tự {check.sequence}, tạo lúc {format_local_time(check.created)}.")
    print(f"  {_counts_text(check.counts)}")
    if check.already_imported:
        print("Tệp này đã được nhập trước đây; nhập lại sẽ không thay đổi gì.")
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    result = sync_service.import_bundle(context(args), args.file)
    check = result.check
    if args.format == "json":
        print_json({**_check_json(check), "already_imported": result.already_imported,
                    "tallies": result.tallies, "conflicts": result.conflicts,
                    "moved_out": result.moved_out,
                    "restored": result.restored is not None,
                    "sender_restored": result.sender_restored})
        return 0
    if result.already_imported:
        print(f"Tệp này (số {check.sequence} của {check.sender_name}) đã được nhập trước đây; "
              "không có gì thay đổi.")
        return 0
    print(f"Đã nhập tệp số {check.sequence} của {check.sender_name}: "
          f"{result.total('inserted')} bản ghi mới, {result.total('updated')} cập nhật, "
          f"{result.total('unchanged')} giữ nguyên, {result.conflicts} xung đột.")
    for line in sync_notices.import_notices(result):
        print(line)
    if result.conflicts:
        print("Xem và giải quyết xung đột: sonla-desktop conflicts list")
    return 0


def cmd_conflicts_list(args: argparse.Namespace) -> int:
    views = sync_conflicts.list_conflicts(context(args), include_resolved=args.all)
    if args.format == "json":
        print_json([v.as_json() for v in views])
        return 0
    rows = []
    for v in views:
        diff = "; ".join(f"{c}: {v.mine.get(c)!s} → {v.theirs.get(c)!s}" for c in v.differing)
        if v.reason:  # kept out by a loan rule after a merge
            diff = f"{v.reason_vi}. {diff}"
        rows.append([v.id[:8], sync_conflicts.TABLE_LABELS_VI.get(v.table, v.table), v.title,
                     v.created_at.strftime("%d/%m/%Y %H:%M"),
                     f"{v.resolution} ({v.resolved_by})" if v.resolution else "chưa", diff])
    print_table(["Mã", "Loại", "Bản ghi", "Lúc", "Đã chọn", "Khác nhau (của tôi → của họ)"],
                rows)
    return 0


def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    ctx = context(args)
    changed = sync_conflicts.resolve_conflict(ctx, resolve_conflict_id(ctx, args.id), args.keep)
    which = "của tôi" if args.keep == "mine" else "của họ"
    tail = " Dữ liệu đã được cập nhật." if changed else " Dữ liệu đã đúng bản này."
    print(f"Đã giữ bản {which}.{tail}")
    return 0
