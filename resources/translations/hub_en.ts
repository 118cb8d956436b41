<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>DuplicatesPage</name>
    <message>
      <source>Hiện cả các cặp đã xét</source>
      <translation>Also show decided pairs</translation>
    </message>
    <message>
      <source>Cùng một người</source>
      <translation>Same person</translation>
    </message>
    <message>
      <source>Hai người khác nhau</source>
      <translation>Different people</translation>
    </message>
    <message>
      <source>Lý do</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Họ tên (1)</source>
      <translation>Name (1)</translation>
    </message>
    <message>
      <source>Ngày sinh (1)</source>
      <translation>Birth date (1)</translation>
    </message>
    <message>
      <source>CCCD (1)</source>
      <translation>ID number (1)</translation>
    </message>
    <message>
      <source>Xã/Phường (1)</source>
      <translation>Commune (1)</translation>
    </message>
    <message>
      <source>Họ tên (2)</source>
      <translation>Name (2)</translation>
    </message>
    <message>
      <source>Ngày sinh (2)</source>
      <translation>Birth date (2)</translation>
    </message>
    <message>
      <source>CCCD (2)</source>
      <translation>ID number (2)</translation>
    </message>
    <message>
      <source>Xã/Phường (2)</source>
      <translation>Commune (2)</translation>
    </message>
    <message>
      <source>Kết quả</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>Các cặp hồ sơ có thể là một người: trùng CCCD, hoặc trùng họ tên (không kể dấu), ngày sinh và giới tính. Cả hai hồ sơ vẫn được giữ nguyên; kết quả xét đi theo tệp đồng bộ về cả hai xã/phường để họ sửa hoặc xoá hồ sơ thừa.</source>
      <translation>Pairs of records that may be one person: the same ID number, or the same name (ignoring accents), birth date and sex. Both records stay as they are; the decision travels with the next bundle to both communes, so they can correct or delete the extra record.</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Nghi trùng người giữa các xã&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;Possible duplicates across communes&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>{0} cặp.</source>
      <translation>{0} pairs.</translation>
    </message>
  </context>
  <context>
    <name>ExportAllPanel</name>
    <message>
      <source>Văn phòng tỉnh: ghi một tệp đồng bộ cho mỗi xã/phường đã tin cậy (hồ sơ của xã với các sửa đổi của tỉnh, chỉ tiêu, chính sách, danh mục, kết quả xét trùng). Tên tệp ghi rõ xã nào, ví dụ ubnd-xa-muong-bu-03847-20261206.sldsync.</source>
      <translation>Province office: write one sync file for each trusted commune (its records with the province's corrections, targets, policy, reference lists, duplicate decisions). The file name says which commune, e.g. ubnd-xa-muong-bu-03847-20261206.sldsync.</translation>
    </message>
    <message>
      <source>Thư mục hoặc ổ USB</source>
      <translation>Folder or USB drive</translation>
    </message>
    <message>
      <source>Chọn thư mục…</source>
      <translation>Choose folder…</translation>
    </message>
    <message>
      <source>Xuất toàn bộ (không chỉ phần mới)</source>
      <translation>Export everything (not only what is new)</translation>
    </message>
    <message>
      <source>Xuất cho tất cả xã</source>
      <translation>Export for all communes</translation>
    </message>
    <message>
      <source>%v/%m xã/phường</source>
      <translation>%v/%m communes</translation>
    </message>
    <message>
      <source>Lưu vào:</source>
      <translation>Save to:</translation>
    </message>
    <message>
      <source>Chọn thư mục để lưu tệp</source>
      <translation>Choose a folder for the files</translation>
    </message>
    <message>
      <source>Hãy chọn ổ USB hoặc thư mục để lưu tệp.</source>
      <translation>Choose a USB drive or a folder for the files.</translation>
    </message>
    <message>
      <source>Đang ghi tệp cho {0}…</source>
      <translation>Writing the file for {0}…</translation>
    </message>
    <message>
      <source>Đã ghi {0}/{1} tệp vào {2}.</source>
      <translation>Wrote {0}/{1} files to {2}.</translation>
    </message>
    <message>
      <source>KHÔNG ghi được cho {0}: {1}</source>
      <translation>NOT written for {0}: {1}</translation>
    </message>
  </context>
  <context>
    <name>ProvincePage</name>
    <message>
      <source>Xuất Excel…</source>
      <translation>Export Excel…</translation>
    </message>
    <message>
      <source>Xuất PDF…</source>
      <translation>Export PDF…</translation>
    </message>
    <message>
      <source>Mã</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Xã/Phường</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>Chỉ tiêu</source>
      <translation>Target</translation>
    </message>
    <message>
      <source>Xuất cảnh</source>
      <translation>Departures</translation>
    </message>
    <message>
      <source>%</source>
      <translation>%</translation>
    </message>
    <message>
      <source>Khoản vay</source>
      <translation>Loans</translation>
    </message>
    <message>
      <source>Số tiền (đồng)</source>
      <translation>Amount (VND)</translation>
    </message>
    <message>
      <source>Dư nợ (đồng)</source>
      <translation>Outstanding (VND)</translation>
    </message>
    <message>
      <source>Quá hạn (đồng)</source>
      <translation>Overdue (VND)</translation>
    </message>
    <message>
      <source>Hội nghị</source>
      <translation>Conferences</translation>
    </message>
    <message>
      <source>Người dự</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>Tệp cuối nhận</source>
      <translation>Last bundle</translation>
    </message>
    <message>
      <source>Số ngày</source>
      <translation>Days</translation>
    </message>
    <message>
      <source>KH</source>
      <translation>plan</translation>
    </message>
    <message>
      <source>TH</source>
      <translation>actual</translation>
    </message>
    <message>
      <source>Năm:</source>
      <translation>Year:</translation>
    </message>
    <message>
      <source>&lt;b&gt;Kế hoạch (KH) và thực hiện (TH) 2025–2030&lt;/b&gt;</source>
      <translation>&lt;b&gt;Plan and actual 2025–2030&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Toàn tỉnh theo xã, phường&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;The province by commune and ward&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>Sắp xếp: xã chậm nhất trước. Màu ô %: đỏ dưới 50%, vàng dưới 80%, xanh từ 80%. {0} xã/phường chưa gửi tệp nào trong {1} ngày (tô đỏ).</source>
      <translation>Sorted furthest behind first. % colour: red under 50%, amber under 80%, green from 80%. {0} communes have sent no bundle for {1} days (in red).</translation>
    </message>
    <message>
      <source>chưa nhận</source>
      <translation>never</translation>
    </message>
    <message>
      <source>Excel (*.xlsx)</source>
      <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>PDF (*.pdf)</source>
      <translation>PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Lưu báo cáo</source>
      <translation>Save report</translation>
    </message>
    <message>
      <source>Đã ghi {0}</source>
      <translation>Wrote {0}</translation>
    </message>
  </context>
  <context>
    <name>pages</name>
    <message>
      <source>Toàn tỉnh</source>
      <translation>Province</translation>
    </message>
    <message>
      <source>Trùng người</source>
      <translation>Duplicates</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Xuất cho tất cả xã</source>
      <translation>Export for all communes</translation>
    </message>
  </context>
</TS>