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
</TS>