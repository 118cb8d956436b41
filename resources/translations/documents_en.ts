<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>DocumentCheckPage</name>
    <message>
      <source>Tự nhận biết (tệp PDF)</source>
      <translation>Detect (PDF file)</translation>
    </message>
    <message>
      <source>Hồ sơ vay vốn</source>
      <translation>Loan dossier</translation>
    </message>
    <message>
      <source>Danh sách tham dự hội nghị</source>
      <translation>Conference attendance sheet</translation>
    </message>
    <message>
      <source>Báo cáo kết quả</source>
      <translation>Progress report</translation>
    </message>
    <message>
      <source>Chọn tệp PDF hoặc ảnh chụp…</source>
      <translation>Choose a PDF or a photo…</translation>
    </message>
    <message>
      <source>Giấy do phần mềm in (hồ sơ vay vốn, danh sách tham dự, báo cáo) có một mã QR mang chữ ký số của đơn vị lập. Chọn bản PDF, hoặc ảnh chụp / quét của tờ giấy có mã QR: phần mềm cho biết đơn vị nào lập, ngày nào, các số liệu đã ký, và giấy có bị sửa hay không. Chỉ xác nhận được giấy của đơn vị có trong danh sách tin cậy (trang Đồng bộ).</source>
      <translation>Papers printed by the program (loan dossiers, attendance sheets, reports) carry a QR code signed by the issuing office. Choose the PDF, or a photo / scan of the page with the QR code: the program says which office issued it, when, the signed figures, and whether it was altered. Only papers of offices on this computer's trusted list (Sync page) can be confirmed.</translation>
    </message>
    <message>
      <source>Loại giấy:</source>
      <translation>Kind of paper:</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Kiểm tra giấy tờ&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;Check a paper&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>Chọn giấy cần kiểm tra</source>
      <translation>Choose the paper to check</translation>
    </message>
    <message>
      <source>Giấy tờ (*.pdf *.png *.jpg *.jpeg)</source>
      <translation>Papers (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Đang đọc mã QR…</source>
      <translation>Reading the QR code…</translation>
    </message>
    <message>
      <source>KHÔNG HỢP LỆ: </source>
      <translation>NOT VALID: </translation>
    </message>
  </context>
  <context>
    <name>pages</name>
    <message>
      <source>Kiểm tra giấy tờ</source>
      <translation>Check a paper</translation>
    </message>
  </context>
</TS>