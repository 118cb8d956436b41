<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
  <context>
    <name>IdleLock</name>
    <message>
      <source>Đã khoá: mở khoá ở cửa sổ chính.</source>
      <translation>Locked: unlock in the main window.</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <source>Đã khoá màn hình</source>
      <translation>Screen locked</translation>
    </message>
    <message>
      <source>Tài khoản {0}: nhập mật khẩu để làm tiếp.</source>
      <translation>Account {0}: enter the password to go on.</translation>
    </message>
    <message>
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Mở khoá</source>
      <translation>Unlock</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>Tạo tài khoản quản trị</source>
      <translation>Create the administrator account</translation>
    </message>
    <message>
      <source>Đăng nhập</source>
      <translation>Log in</translation>
    </message>
    <message>
      <source>Dữ liệu này chưa có tài khoản. Đặt tên và mật khẩu cho người quản trị (ít nhất 8 ký tự). Hãy ghi nhớ: không ai lấy lại được mật khẩu.</source>
      <translation>This data has no account yet. Choose a name and a password for the administrator (at least 8 characters). Remember it: nobody can recover a password.</translation>
    </message>
    <message>
      <source>Dữ liệu có thông tin cá nhân: hãy đăng nhập bằng tài khoản của bạn.</source>
      <translation>This data holds personal details: log in with your own account.</translation>
    </message>
    <message>
      <source>Tên đăng nhập</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>Mật khẩu</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Nhập lại mật khẩu</source>
      <translation>Password again</translation>
    </message>
    <message>
      <source>Tạo tài khoản</source>
      <translation>Create account</translation>
    </message>
    <message>
      <source>Chờ {0} giây</source>
      <translation>Wait {0} s</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Người dùng: {0}</source>
      <translation>User: {0}</translation>
    </message>
  </context>
  <context>
    <name>AddUserDialog</name>
    <message>
      <source>Thêm tài khoản</source>
      <translation>Add an account</translation>
    </message>
    <message>
      <source>ví dụ: hoa.lt (không dấu cách)</source>
      <translation>e.g. hoa.lt (no spaces)</translation>
    </message>
    <message>
      <source>Tên đăng nhập:</source>
      <translation>User name:</translation>
    </message>
    <message>
      <source>Vai trò:</source>
      <translation>Role:</translation>
    </message>
    <message>
      <source>Mật khẩu:</source>
      <translation>Password:</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Đổi &amp;mật khẩu…</source>
      <translation>Change &amp;password…</translation>
    </message>
    <message>
      <source>Đã đổi mật khẩu.</source>
      <translation>Password changed.</translation>
    </message>
  </context>
  <context>
    <name>OwnPasswordDialog</name>
    <message>
      <source>Đổi mật khẩu của “{0}”</source>
      <translation>Change the password of “{0}”</translation>
    </message>
    <message>
      <source>Mật khẩu hiện tại:</source>
      <translation>Current password:</translation>
    </message>
    <message>
      <source>Mật khẩu mới:</source>
      <translation>New password:</translation>
    </message>
  </context>
  <context>
    <name>PasswordDialog</name>
    <message>
      <source>Mật khẩu mới cho “{0}”</source>
      <translation>New password for “{0}”</translation>
    </message>
    <message>
      <source>Mật khẩu mới:</source>
      <translation>New password:</translation>
    </message>
  </context>
  <context>
    <name>RoleDialog</name>
    <message>
      <source>Vai trò của “{0}”</source>
      <translation>Role of “{0}”</translation>
    </message>
    <message>
      <source>Vai trò:</source>
      <translation>Role:</translation>
    </message>
  </context>
  <context>
    <name>UserDialogs</name>
    <message>
      <source>ít nhất {0} ký tự</source>
      <translation>at least {0} characters</translation>
    </message>
    <message>
      <source>Nhập lại mật khẩu:</source>
      <translation>Password again:</translation>
    </message>
  </context>
  <context>
    <name>UsersPage</name>
    <message>
      <source>Ô khoá</source>
      <translation>Key slot</translation>
    </message>
    <message>
      <source>Có</source>
      <translation>Yes</translation>
    </message>
    <message>
      <source>Chưa có: đặt lại mật khẩu</source>
      <translation>None: reset the password</translation>
    </message>
    <message>
      <source>Hãy đặt lại mật khẩu cho họ: ô khoá của vai trò cũ đã được bỏ.</source>
      <translation>Reset their password: the old role's key slot was removed.</translation>
    </message>
    <message>
      <source>Tên đăng nhập</source>
      <translation>User name</translation>
    </message>
    <message>
      <source>Vai trò</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Trạng thái</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Tạo lúc</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>Thêm tài khoản…</source>
      <translation>Add an account…</translation>
    </message>
    <message>
      <source>Ctrl+N</source>
      <translation>Ctrl+N</translation>
    </message>
    <message>
      <source>Đặt lại mật khẩu…</source>
      <translation>Reset password…</translation>
    </message>
    <message>
      <source>Đổi vai trò…</source>
      <translation>Change role…</translation>
    </message>
    <message>
      <source>Khoá tài khoản</source>
      <translation>Disable account</translation>
    </message>
    <message>
      <source>Mở lại tài khoản…</source>
      <translation>Enable account…</translation>
    </message>
    <message>
      <source>Mỗi người dùng chung máy có một tài khoản riêng: nhật ký ghi rõ ai đã làm gì. Quản trị: mọi việc; Cán bộ hồ sơ: người lao động, khoản vay, đồng bộ; Tư vấn viên: hội nghị, tờ rơi; Chỉ xem báo cáo: số liệu, không thấy thông tin cá nhân. Tài khoản bị khoá vẫn còn trong nhật ký; mở lại cần mật khẩu mới.</source>
      <translation>Everyone who shares this PC has their own account: the audit log says who did what. Administrator: everything; Clerk: workers, loans, sync; Counsellor: conferences, flyers; Viewer: figures only, no personal details. A disabled account stays in the audit log; enabling it again takes a new password.</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Tài khoản người dùng&lt;/h2&gt;</source>
      <translation>&lt;h2&gt;User accounts&lt;/h2&gt;</translation>
    </message>
    <message>
      <source>Đã khoá</source>
      <translation>Disabled</translation>
    </message>
    <message>
      <source>Đang dùng</source>
      <translation>Active</translation>
    </message>
    <message>
      <source>Đã thêm tài khoản “{0}”.</source>
      <translation>Account “{0}” added.</translation>
    </message>
    <message>
      <source>Người dùng đăng nhập bằng mật khẩu mới này từ lần sau; hãy báo riêng cho họ.</source>
      <translation>The user logs in with this new password from now on; tell them in private.</translation>
    </message>
    <message>
      <source>Đã đặt mật khẩu mới cho “{0}”.</source>
      <translation>New password set for “{0}”.</translation>
    </message>
    <message>
      <source>“{0}” giờ là: {1}.</source>
      <translation>“{0}” is now: {1}.</translation>
    </message>
    <message>
      <source>Khoá tài khoản “{0}”? Người này sẽ không đăng nhập được nữa; những gì họ đã làm vẫn còn trong nhật ký.</source>
      <translation>Disable the account “{0}”? This person will no longer be able to log in; what they did stays in the audit log.</translation>
    </message>
    <message>
      <source>Đây là tài khoản bạn đang dùng: lần sau bạn sẽ không đăng nhập được bằng nó.</source>
      <translation>This is the account you are using: you will not be able to log in with it next time.</translation>
    </message>
    <message>
      <source>Đã khoá tài khoản “{0}”.</source>
      <translation>Account “{0}” disabled.</translation>
    </message>
    <message>
      <source>Tài khoản được mở lại với mật khẩu mới này (mật khẩu cũ không dùng được nữa).</source>
      <translation>The account opens again with this new password (the old one no longer works).</translation>
    </message>
    <message>
      <source>Đã mở lại tài khoản “{0}”.</source>
      <translation>Account “{0}” enabled again.</translation>
    </message>
  </context>
  <context>
    <name>pages</name>
    <message>
      <source>Tài khoản</source>
      <translation>Accounts</translation>
    </message>
  </context>
</TS>