"""Name stock for demo data: names typical of Son La's main ethnic groups."""

from __future__ import annotations

# code -> (share of demo population, family names, male middle, female middle,
#          male given names, female given names)
ETHNIC_NAMES: dict[str, tuple[float, list[str], list[str], list[str], list[str], list[str]]] = {
    "03": (0.52, ["Lò", "Cầm", "Lường", "Quàng", "Tòng", "Hà", "Vì", "Điêu", "Mè", "Bạc", "Lù", "Sa"],
           ["Văn"], ["Thị"],
           ["Ơn", "Xuân", "Thanh", "Dũng", "Cường", "Tuấn", "Đức", "Hùng", "Minh", "Khiêm",
            "Phong", "Hải", "Long", "Sơn", "Tiến", "Quân", "Ngọc", "Duẩn", "Inh", "Ếnh"],
           ["Hương", "Lan", "Mai", "Hoa", "Thu", "Phương", "Hạnh", "Xuân", "Yến", "Ngọc", "Nga",
            "Thoa", "Ánh", "Duyên", "Ơn", "Én", "Ươi", "Lả"]),
    "01": (0.16, ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"],
           ["Văn", "Đức", "Minh", "Quang", "Hữu"], ["Thị", "Thu", "Ngọc", "Thanh"],
           ["An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Long", "Nam", "Quang",
            "Sơn", "Thắng", "Trung", "Tuấn", "Việt"],
           ["Anh", "Hà", "Hằng", "Hoa", "Huyền", "Linh", "Loan", "Mai", "Nga", "Nhung",
            "Oanh", "Phương", "Thảo", "Trang", "Vân"]),
    "08": (0.16, ["Giàng", "Sùng", "Vàng", "Mùa", "Thào", "Hờ", "Lầu", "Lý", "Hạng", "Tráng", "Cứ"],
           ["A"], ["Thị"],
           ["Páo", "Dế", "Chứ", "Lử", "Sính", "Vừ", "Chá", "Pàng", "Súa", "Tủa", "Nhà", "Sử"],
           ["Mỷ", "Dợ", "Chia", "Mai", "Ly", "Dua", "Pà", "Xá", "Say", "Chu"]),
    "06": (0.07, ["Đinh", "Bùi", "Hà", "Xa", "Quách"], ["Văn", "Công"], ["Thị"],
           ["Thuận", "Lâm", "Khởi", "Toàn", "Vượng", "Hiếu"],
           ["Lụa", "Hiền", "Nhàn", "Thơm", "Liên"]),
    "09": (0.03, ["Bàn", "Triệu", "Lý", "Đặng", "Phùng", "Chảo"], ["Văn", "Phúc"], ["Thị", "Mùi"],
           ["Sành", "Quẩy", "Chòi", "Kiềm", "Phin", "Tiến"], ["Mẩy", "Nái", "Chạ", "Phấy"]),
    "29": (0.03, ["Lò", "Quàng", "Vi", "Cút", "Lường"], ["Văn"], ["Thị"],
           ["Pói", "Ún", "Khăm", "Thoong", "Ơn"], ["Un", "Phong", "Pắn", "Bua"]),
    "34": (0.01, ["Lò", "Vì", "Quàng", "Lường"], ["Văn"], ["Thị"],
           ["Hặc", "Pọm", "Xiêng"], ["Pỏm", "Xương"]),
    "33": (0.01, ["Lò", "Quàng", "Lường"], ["Văn"], ["Thị"], ["Liêng", "Nọi"], ["Ín", "Lả"]),
    "39": (0.005, ["Lò", "Quàng"], ["Văn"], ["Thị"], ["Bun", "Piếng"], ["Chăm", "Ngân"]),
    "37": (0.005, ["Lò", "Vì", "Cầm"], ["Văn"], ["Thị"], ["Khăm", "Xôm"], ["Bun", "Phăn"]),
}

VILLAGE_NAMES = [
    "Bản Mòng", "Bản Hùn", "Bản Lay", "Bản Phiêng Ban", "Bản Nà Cạn", "Bản Co Mạy", "Bản Púng",
    "Bản Huổi Hẹ", "Bản Tà Xùa", "Bản Pá Khoang", "Bản Nà Ngần", "Bản Hua Nà", "Bản Củ",
    "Bản Pom Ót", "Bản Bó", "Bản Cang", "Bản Nong La", "Bản Lọng Sản", "Bản Phày", "Bản Kéo",
]

AGENCIES = [
    "Công ty CP Nhân lực Quốc tế Tây Bắc",
    "Công ty TNHH Cung ứng Nhân lực Sông Đà",
    "Công ty CP Hợp tác Lao động Quốc tế Hà Nội",
    "Công ty TNHH Đào tạo và Phái cử Lao động Việt Nhật",
    "Công ty CP Dịch vụ Lao động Hải ngoại Thăng Long",
]

OCCUPATIONS = {
    "JP": ["Chế biến thực phẩm", "Cơ khí", "Điều dưỡng, hộ lý", "Nông nghiệp", "Xây dựng",
           "Điện, điện tử", "Ô tô"],
    "TW": ["Điện tử", "Dệt may", "Cơ khí", "Chăm sóc người bệnh"],
    "KR": ["Ngư nghiệp", "Sản xuất chế tạo", "Nông nghiệp", "Xây dựng"],
}
OTHER_OCCUPATIONS = ["Xây dựng", "Nông nghiệp", "Nhà hàng, khách sạn", "Lái xe", "Cơ khí"]

EDUCATION = ["Tốt nghiệp THCS", "Tốt nghiệp THPT", "Trung cấp", "Cao đẳng", "Đại học"]

# (market, share of departures, typical contract months)
MARKET_MIX = [("JP", 0.52, 36), ("TW", 0.26, 36), ("KR", 0.11, 58), ("DE", 0.02, 36),
              ("SA", 0.02, 24), ("RO", 0.02, 24), ("HU", 0.02, 24), ("MY", 0.015, 24),
              ("AE", 0.015, 24)]

OTHER_PROVINCE_CODES = ["001", "025", "036", "038", "011", "019", "015"]
# Only assigned mobile blocks: the phone rule refuses e.g. 0890-0895, and demo data must
# pass every input path (Excel re-import, sync import).
MOBILE_PREFIXES = ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097",
                   "098", "088", "091", "094", "083", "084", "085", "070", "076", "077", "079",
                   "082", "090", "093", "056", "058"]
