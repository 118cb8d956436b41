<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
  <context>
    <name>AuditPage</name>
    <message>
      <source>Mọi việc</source>
      <translation>All actions</translation>
    </message>
    <message>
      <source>Kiểm tra toàn vẹn nhật ký</source>
      <translation>Check the log is intact</translation>
    </message>
    <message>
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <source>Lúc</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Người thực hiện</source>
      <translation>By</translation>
    </message>
    <message>
      <source>Việc</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Đối tượng</source>
      <translation>Record type</translation>
    </message>
    <message>
      <source>Mã</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>Các trường thay đổi</source>
      <translation>Fields changed</translation>
    </message>
    <message>
      <source>Loại việc:</source>
      <translation>Action:</translation>
    </message>
    <message>
      <source>Mỗi thêm, sửa, xoá, nhập, xuất, in được ghi một dòng: ai, lúc nào, bản ghi nào, trường nào. Giá trị nhạy cảm không được lưu. Các dòng được nối bằng mã băm: sửa hay xoá một dòng sẽ bị phát hiện khi kiểm tra.</source>
      <translation>Every create, update, delete, import, export and print writes one row: who, when, which record, which fields. Sensitive values are not stored. The rows are linked by hashes: editing or deleting a row is found by the check.</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Nhật ký hoạt động&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;Activity log&lt;/h2&gt;</translation>
    </message>
  </context>
  <context>
    <name>BackupPage</name>
    <message>
      <source>Hằng ngày</source>
      <translation>Daily</translation>
    </message>
    <message>
      <source>Khi đóng chương trình</source>
      <translation>On closing the program</translation>
    </message>
    <message>
      <source>Làm ngay</source>
      <translation>Made by hand</translation>
    </message>
    <message>
      <source>Lúc</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Loại</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Dung lượng</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Tệp</source>
      <translation>File</translation>
    </message>
    <message>
      <source>Sao lưu ngay</source>
      <translation>Back up now</translation>
    </message>
    <message>
      <source>Khôi phục bản đã chọn…</source>
      <translation>Restore the selected backup…</translation>
    </message>
    <message>
      <source>Khôi phục từ tệp khác…</source>
      <translation>Restore from another file…</translation>
    </message>
    <message>
      <source>Chương trình tự sao lưu mỗi ngày và mỗi khi đóng, giữ 7 bản hằng ngày và 4 bản hằng tuần. Bản sao lưu được mã hoá bằng khoá của văn phòng này: tệp bị lấy mất một mình không đọc được; nhưng mất khoá (thư mục keys) thì cũng không khôi phục được. Hãy chép thêm bản sao lưu ra USB cất nơi khác.</source>
      <translation>The program backs up every day and on closing, and keeps 7 daily and 4 weekly backups. Backups are encrypted to this office's key: a stolen backup file alone cannot be read; but without the key (the keys folder) it cannot be restored either. Also copy backups to a USB stick kept elsewhere.</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Sao lưu và khôi phục&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;Backup and restore&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>Đã sao lưu: {0}</source>
      <translation>Backed up: {0}</translation>
    </message>
    <message>
      <source>Đang sao lưu…</source>
      <translation>Backing up…</translation>
    </message>
    <message>
      <source>Chọn bản sao lưu</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <source>Bản sao lưu (*.sldbak)</source>
      <translation>Backups (*.sldbak)</translation>
    </message>
    <message>
      <source>Khôi phục</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {0}?

Mọi thay đổi sau lúc sao lưu sẽ không còn trong dữ liệu (tệp hiện tại được giữ lại bên cạnh). Bản sao lưu được kiểm tra trước; nếu hỏng hay của văn phòng khác thì không có gì thay đổi.</source>
      <translation>Replace all current data with the backup {0}?

Changes made after the backup will no longer be in the data (the current file is kept beside it). The backup is checked first; if it is damaged or belongs to another office, nothing changes.</translation>
    </message>
    <message>
      <source>Đang kiểm tra và khôi phục…</source>
      <translation>Checking and restoring…</translation>
    </message>
    <message>
      <source>Tệp cũ được giữ lại: {0}</source>
      <translation>The previous file is kept: {0}</translation>
    </message>
    <message>
      <source>Đã khôi phục từ {0}.</source>
      <translation>Restored from {0}.</translation>
    </message>
    <message>
      <source>Đã khôi phục</source>
      <translation>Restored</translation>
    </message>
  </context>
  <context>
    <name>HistoryView</name>
    <message>
      <source>Lúc</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Người thực hiện</source>
      <translation>By</translation>
    </message>
    <message>
      <source>Việc</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Các trường thay đổi</source>
      <translation>Fields changed</translation>
    </message>
    <message>
      <source>Nhật ký chỉ ghi tên các trường đã thay đổi; giá trị nhạy cảm (CCCD, điện thoại, dân tộc, hộ nghèo, số tiền vay…) không được lưu trong nhật ký.</source>
      <translation>The log names the fields that changed; sensitive values (ID number, phone, ethnic group, poor household, loan amounts…) are not stored in it.</translation>
    </message>
  </context>
  <context>
    <name>WorkerForm</name>
    <message>
      <source>Thông tin</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Lịch sử thay đổi</source>
      <translation>History</translation>
    </message>
  </context>
  <context>
    <name>history</name>
    <message>
      <source>Thêm mới</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>Sửa</source>
      <translation>Edited</translation>
    </message>
    <message>
      <source>Xoá</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>Khôi phục</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>Nhập tệp</source>
      <translation>Imported a file</translation>
    </message>
    <message>
      <source>Xuất tệp</source>
      <translation>Exported a file</translation>
    </message>
    <message>
      <source>In</source>
      <translation>Printed</translation>
    </message>
    <message>
      <source>Xoá vĩnh viễn</source>
      <translation>Erased</translation>
    </message>
    <message>
      <source>Chuyển xã</source>
      <translation>Moved commune</translation>
    </message>
    <message>
      <source>Đề nghị chuyển xã</source>
      <translation>Move requested</translation>
    </message>
    <message>
      <source>Sao lưu</source>
      <translation>Backup</translation>
    </message>
    <message>
      <source>Tham dự hội nghị</source>
      <translation>Attended a conference</translation>
    </message>
    <message>
      <source>Khởi tạo</source>
      <translation>Set up</translation>
    </message>
    <message>
      <source>Dữ liệu mẫu</source>
      <translation>Demo data</translation>
    </message>
    <message>
      <source>Từ chối chuyển xã</source>
      <translation>Move refused</translation>
    </message>
    <message>
      <source>Nộp hồ sơ vay</source>
      <translation>Loan submitted</translation>
    </message>
    <message>
      <source>Duyệt khoản vay</source>
      <translation>Loan approved</translation>
    </message>
    <message>
      <source>Từ chối khoản vay</source>
      <translation>Loan rejected</translation>
    </message>
    <message>
      <source>Giải ngân</source>
      <translation>Disbursed</translation>
    </message>
    <message>
      <source>Tất toán</source>
      <translation>Loan closed</translation>
    </message>
    <message>
      <source>Xử lý xung đột đồng bộ</source>
      <translation>Sync conflict settled</translation>
    </message>
    <message>
      <source>Tin cậy máy gửi</source>
      <translation>Sender trusted</translation>
    </message>
    <message>
      <source>Thôi tin cậy máy gửi</source>
      <translation>Sender no longer trusted</translation>
    </message>
    <message>
      <source>Phát hiện dữ liệu đã khôi phục</source>
      <translation>Restored database detected</translation>
    </message>
    <message>
      <source>Tìm người trùng</source>
      <translation>Duplicate search</translation>
    </message>
    <message>
      <source>Đổi cài đặt</source>
      <translation>Setting changed</translation>
    </message>
  </context>
  <context>
    <name>pages</name>
    <message>
      <source>Sao lưu</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>Nhật ký</source>
      <translation>Activity log</translation>
    </message>
  </context>
</TS>
