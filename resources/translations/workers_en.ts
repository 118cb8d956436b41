<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../sonla_desktop/ui/crash.py" line="45"/>
        <source>crash</source>
        <comment>Lỗi không mong muốn</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/crash.py" line="46"/>
        <source>crash</source>
        <comment>Chương trình gặp lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng; bạn có thể tiếp tục làm việc.

Nhật ký lỗi: {0}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/labels.py" line="28"/>
        <source>labels</source>
        <comment>Nữ</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="44"/>
        <source>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;Chức năng này sẽ có trong phiên bản sau.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/date_edit.py" line="23"/>
        <source>ngày/tháng/năm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="107"/>
        <source>Dữ liệu mẫu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="108"/>
        <source>Để tập sử dụng, chương trình có thể tạo sẵn danh sách người lao động giả (tên, số CCCD và số điện thoại không có thật).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="110"/>
        <source>Tạo dữ liệu mẫu ({0} người lao động)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="112"/>
        <source>Không nên tạo dữ liệu mẫu trên máy dùng thật: dữ liệu mẫu sẽ lẫn với dữ liệu thật khi đồng bộ lên tỉnh.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="131"/>
        <source>Thiết lập lần đầu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="164"/>
        <source>Đang chuẩn bị dữ liệu…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="80"/>
        <source>CSDL: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="100"/>
        <source>&amp;Tệp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="102"/>
        <source>&amp;Thêm mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="103"/>
        <source>&amp;Tìm kiếm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="104"/>
        <source>&amp;Lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="105"/>
        <source>Làm &amp;mới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="112"/>
        <source>T&amp;hoát</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="117"/>
        <source>&amp;Đi tới</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="125"/>
        <source>Trợ &amp;giúp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="126"/>
        <source>Mở thư mục &amp;nhật ký lỗi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="129"/>
        <source>&amp;Giới thiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="137"/>
        <source>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Phiên bản {1}&lt;/p&gt;&lt;p&gt;Quản lý người lao động đi làm việc ở nước ngoài theo hợp đồng, hồ sơ vay vốn ưu đãi, hội nghị tư vấn và đồng bộ dữ liệu với tỉnh bằng USB.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: {2}&lt;br&gt;Nhật ký lỗi: {3}&lt;br&gt;Qt {4}&lt;/p&gt;&lt;p&gt;Giấy phép MIT. Phông chữ Noto theo giấy phép SIL OFL.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="146"/>
        <source>Giới thiệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="154"/>
        <source>(chưa đặt tên văn phòng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="156"/>
        <source>Chưa đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="160"/>
        <source>Đồng bộ lần cuối: {0} (gửi đi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/main_window.py" line="161"/>
        <source>Đồng bộ lần cuối: {0} (nhận về)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="34"/>
        <source>Văn phòng sử dụng chương trình</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="35"/>
        <source>Chương trình cần biết tên văn phòng và các xã/phường bạn phụ trách. Có thể sửa tên sau trong phần Cài đặt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="38"/>
        <source>ví dụ: UBND xã Chiềng Cơi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="40"/>
        <source>Gõ tên xã/phường để lọc (không cần dấu)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="54"/>
        <source>Tên văn phòng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="58"/>
        <source>Xã/phường phụ trách (đánh dấu một hoặc nhiều):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="96"/>
        <source>Đã chọn: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/first_run.py" line="97"/>
        <source>Chưa chọn xã/phường nào.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <location filename="../../sonla_desktop/ui/labels.py" line="28"/>
        <source>labels</source>
        <comment>Nam</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="38"/>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="41"/>
        <source>Văn phòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="45"/>
        <source>ví dụ: UBND xã Chiềng Cơi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="51"/>
        <source>Tên văn phòng:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="52"/>
        <source>Xã/phường phụ trách:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="53"/>
        <source>Tệp dữ liệu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="55"/>
        <source>Giao diện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="61"/>
        <source>Ngôn ngữ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="63"/>
        <source>Lưu cài đặt (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="67"/>
        <source>Khởi động lại ngay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="99"/>
        <source>(chưa chọn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="104"/>
        <source>Hãy nhập tên văn phòng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="118"/>
        <source>Đã lưu. Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/settings_page.py" line="122"/>
        <source>Đã lưu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/undo_notice.py" line="19"/>
        <source>Hoàn tác</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerFields</name>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="55"/>
        <source>Chỉ nhập khi không biết ngày sinh đầy đủ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="57"/>
        <source>— chọn —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="58"/>
        <source>Nam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="59"/>
        <source>Nữ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="63"/>
        <source>12 chữ số</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="68"/>
        <source>gõ tên dân tộc…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="71"/>
        <source>gõ tên xã/phường…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="81"/>
        <source>ví dụ: THPT, 9/12, Trung cấp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="82"/>
        <source>gõ tên nước…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="83"/>
        <source>— chưa chọn —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="104"/>
        <source>Thông tin cá nhân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="105"/>
        <source>Họ và tên *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="106"/>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="107"/>
        <source>Năm sinh (nếu không rõ ngày)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="108"/>
        <source>Giới tính *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="109"/>
        <source>Số CCCD/CMND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="110"/>
        <source>Ngày cấp CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="111"/>
        <source>Số điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="112"/>
        <source>Dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="113"/>
        <source>Xã/Phường *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="114"/>
        <source>Bản/Tổ dân phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="115"/>
        <source>Diện hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="117"/>
        <source>Nguyện vọng và hợp đồng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="118"/>
        <source>Trình độ học vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="119"/>
        <source>Thị trường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="120"/>
        <source>Ngành nghề</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="121"/>
        <source>Doanh nghiệp dịch vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="122"/>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="123"/>
        <source>Ngày xuất cảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="124"/>
        <source>Ngày về nước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="125"/>
        <source>Thời hạn hợp đồng (tháng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_fields.py" line="126"/>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerFilterBar</name>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="33"/>
        <source>Tìm theo tên, số CCCD, điện thoại, bản… (không cần gõ dấu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="34"/>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="89"/>
        <source>Tất cả xã/phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="36"/>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="92"/>
        <source>Tất cả thị trường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="37"/>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="95"/>
        <source>Tất cả dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="39"/>
        <source>Bỏ lọc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="42"/>
        <source>Tất cả trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="45"/>
        <source>Tất cả diện hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="54"/>
        <source>Xã/Phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="54"/>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="55"/>
        <source>Thị trường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="55"/>
        <source>Dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/widgets/worker_filters.py" line="56"/>
        <source>Diện hộ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerForm</name>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="48"/>
        <source>Thêm người lao động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="49"/>
        <source>Sửa thông tin người lao động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="65"/>
        <source>Mở hồ sơ người này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="75"/>
        <source>Lưu (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="77"/>
        <source>Huỷ (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="82"/>
        <source>Ô có dấu * là bắt buộc. Ngày gõ theo dạng ngày/tháng/năm, ví dụ 05/12/1998.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="120"/>
        <source>Sửa thông tin: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="172"/>
        <source>Số CCCD {0} đã có trong danh sách: &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="175"/>
        <source>, sinh ngày {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="198"/>
        <source>Chưa lưu: còn {0} ô cần sửa (tô đỏ).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="202"/>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="233"/>
        <source>Chưa lưu: số CCCD đã thuộc về người khác.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="217"/>
        <source>Đang lưu…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="254"/>
        <source>Chưa lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/worker_form.py" line="255"/>
        <source>Thông tin vừa nhập chưa được lưu. Lưu lại không?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkerTableModel</name>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="50"/>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="51"/>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="52"/>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="53"/>
        <source>Số CCCD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="54"/>
        <source>Điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="55"/>
        <source>Dân tộc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="56"/>
        <source>Xã/Phường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="57"/>
        <source>Bản/Tổ dân phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="58"/>
        <source>Diện hộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="59"/>
        <source>Thị trường</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="60"/>
        <source>Trạng thái</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/table_models/worker_table_model.py" line="61"/>
        <source>Ngày xuất cảnh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="46"/>
        <source>Người lao động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="48"/>
        <source>+ Thêm người lao động (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="120"/>
        <source>Không có ai khớp với điều kiện tìm. Hãy bỏ bớt điều kiện lọc.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="122"/>
        <source>Chưa có người lao động nào. Bấm “Thêm người lao động” để bắt đầu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="202"/>
        <source>Sửa thông tin…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="204"/>
        <source>Đánh dấu đã xuất cảnh…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="207"/>
        <source>Đánh dấu đã về nước…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="210"/>
        <source>Xoá…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="222"/>
        <source>Đã xuất cảnh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="222"/>
        <source>Ngày xuất cảnh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="224"/>
        <source>Đã về nước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="224"/>
        <source>Ngày về nước:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="239"/>
        <source>Xoá người lao động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="240"/>
        <source>Xoá {0} khỏi danh sách?
Có thể hoàn tác ngay sau khi xoá.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="248"/>
        <source>Đã xoá {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message numerus="yes">
        <location filename="../../sonla_desktop/ui/labels.py" line="38"/>
        <source>{0} người</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/__init__.py" line="25"/>
        <source>Người lao động</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/__init__.py" line="26"/>
        <source>Khoản vay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/__init__.py" line="27"/>
        <source>Hội nghị tư vấn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/__init__.py" line="28"/>
        <source>Báo cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/__init__.py" line="29"/>
        <source>Đồng bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sonla_desktop/ui/pages/__init__.py" line="30"/>
        <source>Cài đặt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../sonla_desktop/ui/tasks.py" line="135"/>
        <source>Không thực hiện được</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
