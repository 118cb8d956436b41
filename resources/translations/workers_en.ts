<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ComingPage</name>
        <message>
            <source>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;Chức năng này sẽ có trong phiên bản sau.&lt;/p&gt;</source>
            <translation>&lt;h2&gt;{0}&lt;/h2&gt;&lt;p&gt;This section is coming in a later version.&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <source>ngày/tháng/năm</source>
            <translation>dd/mm/yyyy</translation>
        </message>
    </context>
    <context>
        <name>DemoPage</name>
        <message>
            <source>Dữ liệu mẫu</source>
            <translation>Demo data</translation>
        </message>
        <message>
            <source>Để tập sử dụng, chương trình có thể tạo sẵn danh sách người lao động giả (tên, số CCCD và số điện thoại không có thật).</source>
            <translation>For practice, the program can create a list of made-up workers (names, ID numbers and phone numbers are not real).</translation>
        </message>
        <message>
            <source>Tạo dữ liệu mẫu ({0} người lao động)</source>
            <translation>Create demo data ({0} workers)</translation>
        </message>
        <message>
            <source>Không nên tạo dữ liệu mẫu trên máy dùng thật: dữ liệu mẫu sẽ lẫn với dữ liệu thật khi đồng bộ lên tỉnh.</source>
            <translation>Do not create demo data on a computer used for real work: it would mix with real data when syncing to the province.</translation>
        </message>
    </context>
    <context>
        <name>FirstRunWizard</name>
        <message>
            <source>Thiết lập lần đầu</source>
            <translation>First-time set-up</translation>
        </message>
        <message>
            <source>Đang chuẩn bị dữ liệu…</source>
            <translation>Preparing the data…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>CSDL: {0}</source>
            <translation>Database: {0}</translation>
        </message>
        <message>
            <source>&amp;Tệp</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Thêm mới</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <source>&amp;Tìm kiếm</source>
            <translation>&amp;Find</translation>
        </message>
        <message>
            <source>&amp;Lưu</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Làm &amp;mới</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>T&amp;hoát</source>
            <translation>E&amp;xit</translation>
        </message>
        <message>
            <source>&amp;Đi tới</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>Trợ &amp;giúp</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Mở thư mục &amp;nhật ký lỗi</source>
            <translation>Open the error &amp;log folder</translation>
        </message>
        <message>
            <source>&amp;Giới thiệu</source>
            <translation>&amp;About</translation>
        </message>
        <message>
            <source>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Phiên bản {1}&lt;/p&gt;&lt;p&gt;Quản lý người lao động đi làm việc ở nước ngoài theo hợp đồng, hồ sơ vay vốn ưu đãi, hội nghị tư vấn và đồng bộ dữ liệu với tỉnh bằng USB.&lt;/p&gt;&lt;p&gt;Cơ sở dữ liệu: {2}&lt;br&gt;Nhật ký lỗi: {3}&lt;br&gt;Qt {4}&lt;/p&gt;&lt;p&gt;Giấy phép MIT. Phông chữ Noto theo giấy phép SIL OFL.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Version {1}&lt;/p&gt;&lt;p&gt;Registers people going to work abroad under contract, their preferential loan files, counselling conferences, and syncs the data with the province by USB stick.&lt;/p&gt;&lt;p&gt;Database: {2}&lt;br&gt;Error log: {3}&lt;br&gt;Qt {4}&lt;/p&gt;&lt;p&gt;MIT licence. Noto fonts under the SIL Open Font License.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Giới thiệu</source>
            <translation>About</translation>
        </message>
        <message>
            <source>(chưa đặt tên văn phòng)</source>
            <translation>(office name not set)</translation>
        </message>
        <message>
            <source>Chưa đồng bộ</source>
            <translation>Never synced</translation>
        </message>
        <message>
            <source>Đồng bộ lần cuối: {0} (gửi đi)</source>
            <translation>Last sync: {0} (sent)</translation>
        </message>
        <message>
            <source>Đồng bộ lần cuối: {0} (nhận về)</source>
            <translation>Last sync: {0} (received)</translation>
        </message>
    </context>
    <context>
        <name>OfficePage</name>
        <message>
            <source>Văn phòng sử dụng chương trình</source>
            <translation>The office using the program</translation>
        </message>
        <message>
            <source>Chương trình cần biết tên văn phòng và các xã/phường bạn phụ trách. Có thể sửa tên sau trong phần Cài đặt.</source>
            <translation>The program needs the name of your office and the communes or wards you serve. You can change the name later in Settings.</translation>
        </message>
        <message>
            <source>ví dụ: UBND xã Mường Bú</source>
            <translation>e.g. Muong Bu Commune People's Committee</translation>
        </message>
        <message>
            <source>ví dụ: {0}</source>
            <translation>e.g. {0}</translation>
        </message>
        <message>
            <source>Gõ tên xã/phường để lọc (không cần dấu)…</source>
            <translation>Type a commune name to filter (diacritics optional)…</translation>
        </message>
        <message>
            <source>Tên văn phòng:</source>
            <translation>Office name:</translation>
        </message>
        <message>
            <source>Xã/phường phụ trách (đánh dấu một hoặc nhiều):</source>
            <translation>Communes/wards served (tick one or more):</translation>
        </message>
        <message>
            <source>Đã chọn: {0}</source>
            <translation>Selected: {0}</translation>
        </message>
        <message>
            <source>Chưa chọn xã/phường nào.</source>
            <translation>No commune selected yet.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Cài đặt</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Văn phòng</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>ví dụ: UBND xã Mường Bú</source>
            <translation>e.g. Muong Bu Commune People's Committee</translation>
        </message>
        <message>
            <source>ví dụ: {0}</source>
            <translation>e.g. {0}</translation>
        </message>
        <message>
            <source>Tên văn phòng:</source>
            <translation>Office name:</translation>
        </message>
        <message>
            <source>Xã/phường phụ trách:</source>
            <translation>Communes served:</translation>
        </message>
        <message>
            <source>Tệp dữ liệu:</source>
            <translation>Data file:</translation>
        </message>
        <message>
            <source>Giao diện</source>
            <translation>Interface</translation>
        </message>
        <message>
            <source>Ngôn ngữ:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Lưu cài đặt (Ctrl+S)</source>
            <translation>Save settings (Ctrl+S)</translation>
        </message>
        <message>
            <source>Khởi động lại ngay</source>
            <translation>Restart now</translation>
        </message>
        <message>
            <source>(chưa chọn)</source>
            <translation>(none selected)</translation>
        </message>
        <message>
            <source>Hãy nhập tên văn phòng.</source>
            <translation>Enter the office name.</translation>
        </message>
        <message>
            <source>Đã lưu. Ngôn ngữ mới có hiệu lực khi mở lại chương trình.</source>
            <translation>Saved. The new language applies when the program is opened again.</translation>
        </message>
        <message>
            <source>Đã lưu.</source>
            <translation>Saved.</translation>
        </message>
    </context>
    <context>
        <name>UndoNotice</name>
        <message>
            <source>Hoàn tác</source>
            <translation>Undo</translation>
        </message>
    </context>
    <context>
        <name>WorkerFields</name>
        <message>
            <source>Chỉ nhập khi không biết ngày sinh đầy đủ.</source>
            <translation>Only when the full date of birth is unknown.</translation>
        </message>
        <message>
            <source>— chọn —</source>
            <translation>— choose —</translation>
        </message>
        <message>
            <source>Nam</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>Nữ</source>
            <translation>Female</translation>
        </message>
        <message>
            <source>12 chữ số</source>
            <translation>12 digits</translation>
        </message>
        <message>
            <source>gõ tên dân tộc…</source>
            <translation>type an ethnic group…</translation>
        </message>
        <message>
            <source>gõ tên xã/phường…</source>
            <translation>type a commune…</translation>
        </message>
        <message>
            <source>ví dụ: THPT, 9/12, Trung cấp</source>
            <translation>e.g. upper secondary, grade 9, vocational</translation>
        </message>
        <message>
            <source>gõ tên nước…</source>
            <translation>type a country…</translation>
        </message>
        <message>
            <source>— chưa chọn —</source>
            <translation>— not chosen —</translation>
        </message>
        <message>
            <source>Thông tin cá nhân</source>
            <translation>Personal details</translation>
        </message>
        <message>
            <source>Họ và tên *</source>
            <translation>Full name *</translation>
        </message>
        <message>
            <source>Ngày sinh</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>Năm sinh (nếu không rõ ngày)</source>
            <translation>Birth year (if date unknown)</translation>
        </message>
        <message>
            <source>Giới tính *</source>
            <translation>Sex *</translation>
        </message>
        <message>
            <source>Số CCCD/CMND</source>
            <translation>Citizen ID (CCCD/CMND)</translation>
        </message>
        <message>
            <source>Ngày cấp CCCD</source>
            <translation>ID issued on</translation>
        </message>
        <message>
            <source>Số điện thoại</source>
            <translation>Phone number</translation>
        </message>
        <message>
            <source>Dân tộc</source>
            <translation>Ethnic group</translation>
        </message>
        <message>
            <source>Xã/Phường *</source>
            <translation>Commune/ward *</translation>
        </message>
        <message>
            <source>Bản/Tổ dân phố</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>Diện hộ</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>Nguyện vọng và hợp đồng</source>
            <translation>Wishes and contract</translation>
        </message>
        <message>
            <source>Trình độ học vấn</source>
            <translation>Education</translation>
        </message>
        <message>
            <source>Thị trường</source>
            <translation>Market</translation>
        </message>
        <message>
            <source>Ngành nghề</source>
            <translation>Occupation</translation>
        </message>
        <message>
            <source>Doanh nghiệp dịch vụ</source>
            <translation>Placement agency</translation>
        </message>
        <message>
            <source>Trạng thái</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ngày xuất cảnh</source>
            <translation>Departure date</translation>
        </message>
        <message>
            <source>Ngày về nước</source>
            <translation>Return date</translation>
        </message>
        <message>
            <source>Thời hạn hợp đồng (tháng)</source>
            <translation>Contract length (months)</translation>
        </message>
        <message>
            <source>Ghi chú</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>WorkerFilterBar</name>
        <message>
            <source>Tìm theo tên, số CCCD, điện thoại, bản… (không cần gõ dấu)</source>
            <translation>Search by name, ID number, phone, village… (diacritics optional)</translation>
        </message>
        <message>
            <source>Tất cả xã/phường</source>
            <translation>All communes</translation>
        </message>
        <message>
            <source>Tất cả thị trường</source>
            <translation>All markets</translation>
        </message>
        <message>
            <source>Tất cả dân tộc</source>
            <translation>All ethnic groups</translation>
        </message>
        <message>
            <source>Bỏ lọc</source>
            <translation>Clear filters</translation>
        </message>
        <message>
            <source>Tất cả trạng thái</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Tất cả diện hộ</source>
            <translation>All households</translation>
        </message>
        <message>
            <source>Xã/Phường</source>
            <translation>Commune/ward</translation>
        </message>
        <message>
            <source>Trạng thái</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Thị trường</source>
            <translation>Market</translation>
        </message>
        <message>
            <source>Dân tộc</source>
            <translation>Ethnic group</translation>
        </message>
        <message>
            <source>Diện hộ</source>
            <translation>Household</translation>
        </message>
    </context>
    <context>
        <name>WorkerForm</name>
        <message>
            <source>Thêm người lao động</source>
            <translation>New worker</translation>
        </message>
        <message>
            <source>Sửa thông tin người lao động</source>
            <translation>Edit worker</translation>
        </message>
        <message>
            <source>Mở hồ sơ người này</source>
            <translation>Open this person</translation>
        </message>
        <message>
            <source>Lưu (Ctrl+S)</source>
            <translation>Save (Ctrl+S)</translation>
        </message>
        <message>
            <source>Huỷ (Esc)</source>
            <translation>Cancel (Esc)</translation>
        </message>
        <message>
            <source>Ô có dấu * là bắt buộc. Ngày gõ theo dạng ngày/tháng/năm, ví dụ 05/12/1998.</source>
            <translation>Fields marked * are required. Type dates as day/month/year, e.g. 05/12/1998.</translation>
        </message>
        <message>
            <source>Sửa thông tin: {0}</source>
            <translation>Edit: {0}</translation>
        </message>
        <message>
            <source>Số CCCD {0} đã có trong danh sách: &lt;b&gt;{1}&lt;/b&gt;</source>
            <translation>ID number {0} is already registered: &lt;b&gt;{1}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>, sinh ngày {0}</source>
            <translation>, born {0}</translation>
        </message>
        <message>
            <source>Chưa lưu: còn {0} ô cần sửa (tô đỏ).</source>
            <translation>Not saved: {0} field(s) to correct (in red).</translation>
        </message>
        <message>
            <source>Chưa lưu: số CCCD đã thuộc về người khác.</source>
            <translation>Not saved: the ID number belongs to someone else.</translation>
        </message>
        <message>
            <source>Đang lưu…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <source>Chưa lưu</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>Thông tin vừa nhập chưa được lưu. Lưu lại không?</source>
            <translation>What you typed has not been saved. Save it?</translation>
        </message>
    </context>
    <context>
        <name>WorkerTableModel</name>
        <message>
            <source>Họ và tên</source>
            <translation>Full name</translation>
        </message>
        <message>
            <source>Ngày sinh</source>
            <translation>Date of birth</translation>
        </message>
        <message>
            <source>Giới tính</source>
            <translation>Sex</translation>
        </message>
        <message>
            <source>Số CCCD</source>
            <translation>ID number</translation>
        </message>
        <message>
            <source>Điện thoại</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Dân tộc</source>
            <translation>Ethnic group</translation>
        </message>
        <message>
            <source>Xã/Phường</source>
            <translation>Commune/ward</translation>
        </message>
        <message>
            <source>Bản/Tổ dân phố</source>
            <translation>Village</translation>
        </message>
        <message>
            <source>Diện hộ</source>
            <translation>Household</translation>
        </message>
        <message>
            <source>Thị trường</source>
            <translation>Market</translation>
        </message>
        <message>
            <source>Trạng thái</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ngày xuất cảnh</source>
            <translation>Departure date</translation>
        </message>
    </context>
    <context>
        <name>WorkersPage</name>
    <message>
        <location filename="../../sonla_desktop/ui/pages/workers_page.py" line="1"/>
        <source>Dữ liệu Excel</source>
        <translation>Excel data</translation>
    </message>
    <message>
        <source>Lập đơn vay vốn…</source>
        <translation>New loan application…</translation>
    </message>
        <message>
            <source>Người lao động</source>
            <translation>Workers</translation>
        </message>
        <message>
            <source>+ Thêm người lao động (Ctrl+N)</source>
            <translation>+ New worker (Ctrl+N)</translation>
        </message>
        <message>
            <source>Không có ai khớp với điều kiện tìm. Hãy bỏ bớt điều kiện lọc.</source>
            <translation>Nobody matches. Try removing some filters.</translation>
        </message>
        <message>
            <source>Chưa có người lao động nào. Bấm “Thêm người lao động” để bắt đầu.</source>
            <translation>No workers yet. Click “New worker” to start.</translation>
        </message>
        <message>
            <source>Sửa thông tin…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Đánh dấu đã xuất cảnh…</source>
            <translation>Mark as departed…</translation>
        </message>
        <message>
            <source>Đánh dấu đã về nước…</source>
            <translation>Mark as returned…</translation>
        </message>
        <message>
            <source>Xoá…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <source>Đã xuất cảnh</source>
            <translation>Departed</translation>
        </message>
        <message>
            <source>Ngày xuất cảnh:</source>
            <translation>Departure date:</translation>
        </message>
        <message>
            <source>Đã về nước</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Ngày về nước:</source>
            <translation>Return date:</translation>
        </message>
        <message>
            <source>Xoá người lao động</source>
            <translation>Delete worker</translation>
        </message>
        <message>
            <source>Xoá {0} khỏi danh sách?
Có thể hoàn tác ngay sau khi xoá.</source>
            <translation>Delete {0} from the list?
You can undo right after deleting.</translation>
        </message>
        <message>
            <source>Đã xoá {0}.</source>
            <translation>Deleted {0}.</translation>
        </message>
    </context>
    <context>
        <name>crash</name>
        <message>
            <source>Lỗi không mong muốn</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>Chương trình gặp lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng; bạn có thể tiếp tục làm việc.

Nhật ký lỗi: {0}</source>
            <translation>The program hit an unexpected error. Saved data is not affected; you can carry on working.

Error log: {0}</translation>
        </message>
    </context>
    <context>
        <name>labels</name>
        <message>
            <source>Nam</source>
            <translation>Male</translation>
        </message>
        <message>
            <source>Nữ</source>
            <translation>Female</translation>
        </message>
        <message numerus="yes">
            <source>{0} người</source>
            <translation>
                <numerusform>{0} worker</numerusform>
                <numerusform>{0} workers</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Người lao động</source>
            <translation>Workers</translation>
        </message>
        <message>
            <source>Khoản vay</source>
            <translation>Loans</translation>
        </message>
        <message>
            <source>Hội nghị tư vấn</source>
            <translation>Counselling conferences</translation>
        </message>
        <message>
            <source>Báo cáo</source>
            <translation>Reports</translation>
        </message>
        <message>
            <source>Đồng bộ</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Cài đặt</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>tasks</name>
        <message>
            <source>Không thực hiện được</source>
            <translation>Could not be done</translation>
        </message>
    </context>
    <context>
        <name>DatabaseProblem</name>
        <message>
            <source>Chọn tệp dữ liệu khác…</source>
            <translation>Choose another data file…</translation>
        </message>
        <message>
            <source>Thoát</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Chọn tệp cơ sở dữ liệu</source>
            <translation>Choose a database file</translation>
        </message>
        <message>
            <source>Cơ sở dữ liệu (*.db *.sqlite *.sqlite3);;Mọi tệp (*)</source>
            <translation>Databases (*.db *.sqlite *.sqlite3);;All files (*)</translation>
        </message>
    </context>
</TS>
