; Windows installer for sonla-desktop (NSIS 3). Saved as UTF-8 with a BOM: Vietnamese names.
;
;   makensis -DVERSION=0.1.0 -DBUNDLE=<dist\sonla-desktop> [-DOUTFILE=<setup.exe>] sonla-desktop.nsi
;
; VERSION comes from sonla_desktop/__init__.py (build.ps1 and `make nsis` read it there);
; BUNDLE is PyInstaller's one-folder build. Installs for all users under Program Files,
; with Start-menu and desktop shortcuts and the .sldsync file type (double-click opens the
; sync page's receive tab). The uninstaller keeps the clerk's data (database, keys, logs in
; %LOCALAPPDATA%\SonLa\sonla-desktop) unless asked to delete it.

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is required: makensis -DVERSION=x.y.z ..."
!endif
!ifndef BUNDLE
  !error "BUNDLE is required: the PyInstaller folder dist\sonla-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "sonla-desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "Quản lý lao động Sơn La"
!define APP_FULL_NAME "Quản lý lao động đi làm việc ở nước ngoài – Sơn La"
!define PUBLISHER "sonla-desktop"
!define EXE "sonla-desktop.exe"
!define PROG_ID "SonLa.SyncBundle"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\SonLaDesktop"
; makensis changes to this folder first: paths are relative to it (BUNDLE, OUTFILE absolute).
!define ICON "../../resources/icons/app.ico"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\SonLa\sonla-desktop"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_FULL_NAME}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_FULL_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Chương trình cần Windows 64-bit (Windows 10 hoặc 11)." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Chương trình" SecMain
  SectionIn RO
  SetShellVarContext all
  ; An upgrade replaces the program folder whole, so no file of an older version lingers.
  ; The clerk's data is not in it.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*"
  File "/oname=sonla-desktop.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; Start menu and desktop, named in Vietnamese, for every user of the PC.
  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\sonla-desktop.ico" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt ${APP_NAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\sonla-desktop.ico" 0

  ; .sldsync: a sync bundle from a USB stick opens the program on its receive tab.
  WriteRegStr HKLM "Software\Classes\.sldsync" "" "${PROG_ID}"
  WriteRegStr HKLM "Software\Classes\.sldsync" "Content Type" "application/x-sonla-sync"
  WriteRegStr HKLM "Software\Classes\${PROG_ID}" "" "Tệp đồng bộ Sơn La"
  WriteRegStr HKLM "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\sonla-desktop.ico"
  WriteRegStr HKLM "Software\Classes\${PROG_ID}\shell\open" "" "Mở bằng ${APP_NAME}"
  WriteRegStr HKLM "Software\Classes\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED

  ; Programs and Features (Apps & features).
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_FULL_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\sonla-desktop.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"

  ReadRegStr $0 HKLM "Software\Classes\.sldsync" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey HKLM "Software\Classes\.sldsync"
  ${EndIf}
  DeleteRegKey HKLM "Software\Classes\${PROG_ID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKLM "${UNINSTALL_KEY}"

  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\sonla-desktop.exe"
  Delete "$INSTDIR\sonla-desktop-cli.exe"
  Delete "$INSTDIR\sonla-desktop.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  RMDir "$INSTDIR\.."

  ; The data (database, this office's keys, settings, logs) belongs to the clerk, not to the
  ; program: kept unless the clerk says otherwise (default No; a silent uninstall keeps it).
  ; It lives in the profile of the user who ran the program: the one uninstalling here.
  SetShellVarContext current
  IfFileExists "$LOCALAPPDATA\SonLa\sonla-desktop\*.*" 0 done
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 \
    "Xoá cả DỮ LIỆU của văn phòng (cơ sở dữ liệu, khoá đồng bộ, nhật ký) trong$\r$\n\
$LOCALAPPDATA\SonLa\sonla-desktop ?$\r$\n$\r$\n\
Chọn 'Không' để giữ lại dữ liệu (nên chọn, trừ khi đã sao lưu).$\r$\n$\r$\n\
Also delete the office's DATA (database, sync keys, logs)? 'No' keeps it." \
    /SD IDNO IDNO done
  RMDir /r "$LOCALAPPDATA\SonLa\sonla-desktop"
  RMDir "$LOCALAPPDATA\SonLa"
  done:
SectionEnd
