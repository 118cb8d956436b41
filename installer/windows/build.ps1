<#
.SYNOPSIS
  Builds sonla-desktop for Windows: the PyInstaller folder, its smoke test, the NSIS installer.

.DESCRIPTION
  Run from anywhere in the repository on a 64-bit Windows 10/11 PC with Python 3.11 and
  NSIS 3 installed (installer/README.md, steps 1-4). Creates .venv-win in the repository,
  installs the program with its packaging tools, compiles the translations, builds
  dist\sonla-desktop (sonla-desktop.exe + sonla-desktop-cli.exe), runs
  installer\smoke_test.py on it and compiles installer\windows\sonla-desktop.nsi into
  dist\sonla-desktop-<version>-setup.exe. Stops at the first failing step.

.PARAMETER Python
  The Python 3.11 to build with (default: the "py -3.11" launcher, else python.exe).
.PARAMETER SkipSmokeTest
  Build without running the smoke test (not for releases).
#>
param(
    [string]$Python = "",
    [switch]$SkipSmokeTest
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Step([string]$What, [scriptblock]$Block) {
    Write-Host "==> $What"
    $started = Get-Date
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
    Write-Host ("    {0:N0} s" -f ((Get-Date) - $started).TotalSeconds)
}

# 1. Python 3.11 and a virtual environment of our own.
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py -3.11" } else { $Python = "python" }
}
$Venv = Join-Path $Root ".venv-win"
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Py)) {
    Invoke-Step "venv with $Python" { Invoke-Expression "$Python -m venv `"$Venv`"" }
}
Invoke-Step "Python version" { & $Py -c "import sys; assert sys.version_info[:2] == (3, 11), sys.version; print(sys.version)" }
Invoke-Step "pip install -e .[package]" {
    & $Py -m pip install --quiet --upgrade pip
    & $Py -m pip install --quiet -e ".[package]"
}

# 2. Translations: each resources\translations\*.ts to its .qm (build output, not in git).
Invoke-Step "translations" {
    $lrelease = Join-Path $Venv "Scripts\pyside6-lrelease.exe"
    foreach ($ts in Get-ChildItem "resources\translations\*.ts") {
        & $lrelease -silent $ts.FullName -qm ($ts.FullName -replace '\.ts$', '.qm')
        if ($LASTEXITCODE -ne 0) { return }
    }
}

# 3. The one-folder build.
$Bundle = Join-Path $Root "dist\sonla-desktop"
if (Test-Path $Bundle) { Remove-Item -Recurse -Force $Bundle }
Invoke-Step "PyInstaller" {
    & $Py -m PyInstaller --noconfirm --log-level WARN --distpath dist `
        --workpath build\pyinstaller installer\sonla-desktop.spec
}

# 4. Smoke test of the frozen program from a temp folder (the same script as Linux CI).
if (-not $SkipSmokeTest) {
    Invoke-Step "smoke test" { & $Py installer\smoke_test.py $Bundle --source-python $Py }
}

# 5. The installer. NSIS from its default folder, or anywhere on PATH.
$Version = (Select-String -Path "sonla_desktop\__init__.py" -Pattern '^__version__ = "(.+)"').Matches[0].Groups[1].Value
$Makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $Makensis) {
    foreach ($dir in @("${env:ProgramFiles(x86)}\NSIS", "$env:ProgramFiles\NSIS")) {
        if (Test-Path "$dir\makensis.exe") { $Makensis = "$dir\makensis.exe"; break }
    }
}
if (-not $Makensis) { throw "makensis.exe not found: install NSIS 3 (installer\README.md, step 2)" }
$Setup = Join-Path $Root "dist\sonla-desktop-$Version-setup.exe"
Invoke-Step "NSIS $Version" {
    & $Makensis -V2 "-DVERSION=$Version" "-DBUNDLE=$Bundle" "-DOUTFILE=$Setup" installer\windows\sonla-desktop.nsi
}
Write-Host ("Installer: {0} ({1:N0} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
