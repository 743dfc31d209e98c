#!/usr/bin/env python3
"""Writes a CSV of N accounts for a province domain, as the IT center would import them.

usage: generate_province_accounts.py N DOMAIN OUT.csv [BROKEN]
Vietnamese names (UTF-8, with diacritics), units (sở, ban, UBND xã) and titles; BROKEN extra bad lines
(bad address, foreign domain, duplicate, weak password, missing name) are mixed in for dry-run checks.
"""
import csv
import random
import sys
import unicodedata

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Lò", "Giàng", "Vàng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Hương", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân",
         "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến", "Dế", "Páo", "Sùng"]
UNITS = ["Sở Thông tin và Truyền thông", "Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Ban Dân tộc",
         "Văn phòng UBND tỉnh"] + ["UBND xã %s" % name for name in ["Bình Lư", "Sơn Bình", "Mường Tè", "Pa Ủ", "Tà Tổng", "Dào San"]]
TITLES = ["Chuyên viên", "Trưởng phòng", "Phó Trưởng phòng", "Giám đốc", "Phó Giám đốc", "Văn thư", "Công chức"]


def ascii_fold(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn").lower()


def main():
    count, domain, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    broken = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    rng = random.Random(2026)
    used = set()
    rows = []
    while len(rows) < count:
        family, middle, given = rng.choice(FAMILY), rng.choice(MIDDLE), rng.choice(GIVEN)
        base = ascii_fold(given + middle[0] + family[0]).replace(" ", "")
        local = base
        n = 1
        while local in used:
            n += 1
            local = "%s%d" % (base, n)
        used.add(local)
        rows.append([local + "@" + domain, "%s %s %s" % (family, middle, given), rng.choice(UNITS), rng.choice(TITLES), ""])
    bad = [["khong-hop-le@@" + domain, "Sai Địa Chỉ", UNITS[0], TITLES[0], ""],
           ["nguoingoai@gmail.com", "Người Ngoài", UNITS[0], TITLES[0], ""],
           [rows[0][0], "Trùng Lặp", UNITS[0], TITLES[0], ""],
           ["matkhauyeu@" + domain, "Mật Khẩu Yếu", UNITS[0], TITLES[0], "123"],
           ["khongten@" + domain, "", UNITS[0], TITLES[0], ""]]
    for i in range(broken):
        rows.insert(rng.randrange(1, len(rows)), bad[i % len(bad)])
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["email", "display_name", "unit", "title", "password"])
        writer.writerows(rows)


if __name__ == "__main__":
    main()
