# Builds MOP Desktop on Windows: dist\mop-desktop\ (mop-desktop.exe, the windowed program, and
# mop-desktop-cli.exe, its console twin for the command line) and, with -Installer, the Inno Setup
# installer dist\mop-desktop-<version>-setup.exe. The same steps as packaging/build.sh.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1              # clean clone of HEAD
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -InPlace     # the working tree
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Installer   # also the installer
#
# Needs: Python 3.11+ (python.org, "py" launcher), Git, and for -Installer Inno Setup 6.4+
# (iscc.exe on PATH or in its default folder).
param(
    [switch]$InPlace,
    [switch]$Fresh,
    [switch]$Installer,
    [string]$Python = "py -3",
    [int]$MaxMB = 150
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Here = (Resolve-Path (Join-Path $PSScriptRoot "..")).Path
$Build = Join-Path $Here "build"
$Venv = Join-Path $Build "venv"
New-Item -ItemType Directory -Force -Path $Build | Out-Null

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if ($InPlace) {
    $Src = $Here
} else {
    $Src = Join-Path $Build "src"
    if (Test-Path $Src) { Remove-Item -Recurse -Force $Src }
    Write-Host "==> cloning HEAD into build\src"
    Invoke-Checked "git" @("clone", "--quiet", "--no-hardlinks", $Here, $Src)
}

if ($Fresh -and (Test-Path $Venv)) { Remove-Item -Recurse -Force $Venv }
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $Py)) {
    Write-Host "==> creating the build environment build\venv"
    $launcher = $Python.Split(" ")
    $launcherArgs = @()
    if ($launcher.Length -gt 1) { $launcherArgs = $launcher[1..($launcher.Length - 1)] }
    Invoke-Checked $launcher[0] ($launcherArgs + @("-m", "venv", $Venv))
}
Invoke-Checked $Py @("-c", "import sys; sys.exit(sys.version_info < (3, 11))")

Write-Host "==> installing MOP Desktop and PyInstaller into build\venv"
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "--quiet", "-c", "${Src}\constraints.txt", "${Src}[build]")
$Version = (& $Py -c "from importlib.metadata import version; print(version('mop-desktop'))").Trim()

Write-Host "==> running PyInstaller (MOP Desktop $Version)"
Push-Location $Src
try {
    Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--workpath", (Join-Path $Build "pyinstaller"), "--distpath", (Join-Path $Build "dist"),
        "packaging\mop-desktop.spec")
} finally {
    Pop-Location
}

$Dist = Join-Path $Here "dist"
$Out = Join-Path $Dist "mop-desktop"
New-Item -ItemType Directory -Force -Path $Dist | Out-Null
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
Move-Item (Join-Path $Build "dist\mop-desktop") $Out

$Bytes = (Get-ChildItem -Recurse -File $Out | Measure-Object -Property Length -Sum).Sum
$SizeMB = [math]::Round($Bytes / 1MB)
Write-Host "==> built dist\mop-desktop\ (MOP Desktop $Version): $SizeMB MB"
if ($SizeMB -gt $MaxMB) { throw "dist\mop-desktop\ is $SizeMB MB, over the $MaxMB MB limit" }

if ($Installer) {
    $Iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
    if (-not $Iscc) {
        foreach ($candidate in @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
                                 "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                                 "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")) {
            if (Test-Path $candidate) { $Iscc = $candidate; break }
        }
    }
    if (-not $Iscc) { throw "Inno Setup's iscc.exe was not found (winget install JRSoftware.InnoSetup)" }
    Write-Host "==> building the installer with Inno Setup"
    Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", (Join-Path $Here "packaging\windows\mop-desktop.iss"))
    Write-Host "==> built dist\mop-desktop-$Version-setup.exe"
}
Write-Host "==> next: bash packaging/smoke_test.sh dist/mop-desktop/mop-desktop-cli.exe  (Git Bash)"
