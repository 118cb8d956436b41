"""Spreadsheets the way clerks fill them in, with the truth kept beside them.

``make_people`` draws workers and loans (canonical values: what the database must end up
holding); ``fill_workbook`` writes them into the app's own template in the messy forms
Excel and Windows keyboards produce: NFD text, dates as date cells, dd/mm/yyyy text or ISO
text, phones with +84 or as numbers, CCCDs as numbers that lost their leading zero.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from openpyxl import load_workbook

FAMILY = ["Lò", "Cầm", "Quàng", "Lường", "Hà", "Vì", "Sồng", "Giàng", "Mùa", "Nguyễn", "Đinh"]
MIDDLE_M = ["Văn", "A", "Đức", "Văn Thành"]
MIDDLE_F = ["Thị", "Thị Hồng", "Thị Thu"]
GIVEN_M = ["Ơn", "Đức", "Khánh", "Sếnh", "Páo", "Dũng", "Quyết"]
GIVEN_F = ["Hường", "Duyên", "Thuỷ", "Lả", "Mai", "Ngọc", "Yến"]

COMMUNES = {"03670": ["Chiềng Cơi", "03670", "Phường Chiềng Cơi", 3670],
            "03646": ["Tô Hiệu", "03646", "phường tô hiệu"],
            "03847": ["Mường Bú", "03847", "Xã Mường Bú"]}
ETHNIC = {"03": ["Thái", "03", 3], "08": ["Mông", "08"], "01": ["Kinh", "01"],
          "06": ["Mường", "06"]}
MARKETS = {"JP": ["Nhật Bản", "JP", "jp", "Japan"], "TW": ["Đài Loan", "TW"],
           "KR": ["Hàn Quốc", "KR", "kr"], "DE": ["Đức", "DE"]}
HOUSEHOLD = {"poor": ["Hộ nghèo", "hộ nghèo"], "near_poor": ["Hộ cận nghèo"],
             "none": ["Không", None]}
STATUS = {"registered": ["Đăng ký", None], "training": ["Đào tạo"],
          "departed": ["Đã xuất cảnh", "đã xuất cảnh"], "returned": ["Đã về nước"],
          "cancelled": ["Huỷ", "Hủy"]}
GROUP_LABELS = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo",
                "ethnic_minority": "Dân tộc thiểu số", "other": "Khác"}


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@dataclass
class Person:
    full_name: str
    birth: date
    sex: str
    nid: str
    phone: str
    ethnic: str
    commune: str
    household: str
    market: str | None
    status: str
    departure: date | None
    returned: date | None


@dataclass
class Loan:
    nid: str
    group: str
    amount: int
    disbursed: date
    term: int
    rate: str | None  # given in the sheet, else the rate in force
    repaid: int


def make_people(n: int, seed: int = 7, loans_share: float = 0.3) -> tuple[list[Person], list[Loan]]:
    rng = random.Random(seed)
    people: list[Person] = []
    loans: list[Loan] = []
    serials = rng.sample(range(100000, 999999), n)
    for i in range(n):
        sex = "M" if rng.random() < 0.6 else "F"
        name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_M if sex == "M" else MIDDLE_F),
                         rng.choice(GIVEN_M if sex == "M" else GIVEN_F)])
        birth = date(1985, 1, 1) + timedelta(days=rng.randrange(20 * 365))
        century = (0 if birth.year < 2000 else 2) + (1 if sex == "F" else 0)
        nid = f"014{century}{birth.year % 100:02d}{serials[i]:06d}"
        phone = rng.choice(["091", "098", "035", "086", "070"]) + f"{rng.randrange(10**7):07d}"
        status = rng.choices(list(STATUS), [0.3, 0.1, 0.4, 0.12, 0.08])[0]
        departure = returned = None
        market = rng.choice(list(MARKETS)) if status != "registered" or rng.random() < .5 else None
        if status in ("departed", "returned"):
            market = market or "JP"
            departure = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
            if status == "returned":
                returned = departure + timedelta(days=rng.randrange(30, 300))
        household = rng.choices(list(HOUSEHOLD), [0.2, 0.15, 0.65])[0]
        person = Person(name, birth, sex, nid, phone, rng.choice(list(ETHNIC)),
                        rng.choice(list(COMMUNES)), household, market, status, departure,
                        returned)
        people.append(person)
        if rng.random() < loans_share:
            if household in ("poor", "near_poor"):
                group = household
            elif person.ethnic != "01":
                group = "ethnic_minority"
            else:
                group = "other"
            amount = rng.choice([60_000_000, 80_000_000, 100_000_000, 150_000_000])
            disbursed = date(2024, 6, 1) + timedelta(days=rng.randrange(560))
            rate = "6,6" if group == "other" else rng.choice([None, None, "6.6"])
            repaid = rng.choice([0, 0, amount // 10, amount // 4])
            loans.append(Loan(nid, group, amount, disbursed, 36, rate, repaid))
    return people, loans


def _date_cell(rng: random.Random, d: date | None):
    if d is None:
        return None
    form = rng.randrange(3)
    if form == 0:
        return d
    if form == 1:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return d.isoformat()


def _text(rng: random.Random, text: str | None):
    if text is None:
        return None
    return nfd(text) if rng.random() < 0.5 else text


def _pick(rng: random.Random, options: list):
    value = rng.choice(options)
    return _text(rng, value) if isinstance(value, str) else value


def worker_cells(rng: random.Random, p: Person) -> list:
    nid_cell = int(p.nid) if rng.random() < 0.4 else p.nid  # a number cell loses the 0
    phone_form = rng.randrange(4)
    phone = [p.phone, f"+84 {p.phone[1:4]} {p.phone[4:7]} {p.phone[7:]}", int(p.phone),
             f"{p.phone[:4]}.{p.phone[4:7]}.{p.phone[7:]}"][phone_form]
    return [
        _text(rng, p.full_name), _date_cell(rng, p.birth),
        _text(rng, rng.choice(["Nam", "nam"]) if p.sex == "M" else rng.choice(["Nữ", "nữ"])),
        nid_cell, phone, _pick(rng, ETHNIC[p.ethnic]), _pick(rng, COMMUNES[p.commune]),
        _text(rng, rng.choice(["Bản Mé", "Bản Hẹo", "Tổ 3"])), _pick(rng, HOUSEHOLD[p.household]),
        _pick(rng, MARKETS[p.market]) if p.market else None,
        _text(rng, "Cơ khí"), _text(rng, "Công ty Cổ phần Sông Đà"), _pick(rng, STATUS[p.status]),
        _date_cell(rng, p.departure), None,
    ]


def loan_cells(rng: random.Random, loan: Loan) -> list:
    amount = loan.amount if rng.random() < 0.6 else f"{loan.amount:,}".replace(",", ".")
    return [int(loan.nid) if rng.random() < 0.5 else loan.nid,
            _text(rng, GROUP_LABELS[loan.group]), amount, _date_cell(rng, loan.disbursed),
            loan.term, loan.rate, loan.repaid or None, None]


def fill_workbook(workers_template, loans_template, out, people, loans, seed: int = 3) -> None:
    """Fill the app's workers template (and a loans sheet copied from its loans template)."""
    rng = random.Random(seed)
    wb = load_workbook(workers_template)
    ws = wb["Người lao động"]
    headers = [c.value for c in ws[1]]
    at = headers.index("Ngày về nước")  # in the template since issue 13
    for p in people:
        row = worker_cells(rng, p)
        row.insert(at, _date_cell(rng, p.returned))
        ws.append(row)
    if loans:
        headers = [c.value for c in load_workbook(loans_template)["Khoản vay"][1]]
        ls = wb.create_sheet("Khoản vay")
        ls.append(headers)
        for loan in loans:
            ls.append(loan_cells(rng, loan))
    wb.save(out)
