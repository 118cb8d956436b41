"""``init`` and ``demo``."""

from __future__ import annotations

import argparse
import sys
import time

from ..db import open_database
from ..domain.text import group_digits
from ..services.demo import generate_demo, own_communes
from ..services.setup import check_init_communes, initialise
from .common import DEFAULT_ADMIN, context, log_in, read_password, user_name


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="tạo/nâng cấp cơ sở dữ liệu, nạp danh mục, tạo khoá đơn vị")
    p.add_argument("--name", help="tên văn phòng (đơn vị)")
    p.add_argument("--commune", action="append", metavar="CODE", help="mã xã/phường phụ trách")
    p.add_argument("--hub", action="store_true", help="đây là văn phòng tỉnh (hub)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="thêm dữ liệu mẫu")
    p.add_argument("--workers", type=int, default=1000,
                   help="số người lao động mẫu (mặc định 1000)")
    p.add_argument("--seed", type=int, default=1,
                   help="hạt giống ngẫu nhiên: cùng số cho cùng dữ liệu (mặc định 1)")
    p.set_defaults(func=cmd_demo)


def cmd_init(args: argparse.Namespace) -> int:
    check_init_communes(args.commune)  # before the file exists: a bad code writes nothing
    from ..services.users import create_first_admin, needs_first_admin

    db = open_database(args.db)
    if needs_first_admin(db):
        # The first administrator: name from --user or SONLA_USER (default "admin"). The
        # password is asked before anything is written, so a cancelled prompt leaves no
        # database without an account behind.
        name = user_name(args, DEFAULT_ADMIN)
        password = read_password(f"Mật khẩu mới cho {name} / new password: ", confirm=True)
        result = initialise(db, name=args.name, communes=args.commune, hub=args.hub,
                            user=name)
        create_first_admin(db, name, password)
        print(f"Đã tạo tài khoản quản trị “{name}”.")
    else:
        ctx = log_in(db, args)
        ctx.require("settings.write")
        result = initialise(db, name=args.name, communes=args.commune, hub=args.hub,
                            user=ctx.user)
    state = "Đã tạo" if result.created else "Đã cập nhật"
    scope = "toàn tỉnh (hub)" if result.is_hub else (", ".join(result.scope) or "chưa chọn")
    print(f"{state} cơ sở dữ liệu {db.url}")
    print(f"Đơn vị: {result.node_name} ({result.node_id}); phạm vi: {scope}")
    seeded = result.seeded
    print(f"Danh mục: {seeded.units} xã/phường, {seeded.ethnic_groups} dân tộc, "
          f"{seeded.markets} thị trường, {seeded.policy_rates} mức lãi suất")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    if args.workers < 0:
        raise SystemExit(2)
    ctx = context(args)
    started = time.perf_counter()
    summary = generate_demo(ctx, workers=args.workers, seed=args.seed,
                            communes=own_communes(ctx))
    extra = "".join(f", {group_digits(v)} {k}" for k, v in summary.extra.items())
    print(f"Đã thêm {group_digits(summary.workers)} người lao động mẫu{extra} "
          f"({time.perf_counter() - started:.1f} giây)", file=sys.stderr)
    return 0
