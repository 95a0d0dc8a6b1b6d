# Build PerfDesk with build.spec into dist\PerfDesk\ and a versioned zip beside it, then run the
# frozen self-test. Usage (PowerShell, from the repository):  .\packaging\build.ps1
# Set $env:PERFDESK_ONEFILE = "1" to also build the portable one-file PerfDesk-portable.exe.
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)
$python = if ($env:PYTHON) { $env:PYTHON } else { "python" }
$version = & $python -c "import perfdesk; print(perfdesk.__version__)"
$zip = "PerfDesk-$version-windows-x64.zip"

$sw = [Diagnostics.Stopwatch]::StartNew()
New-Item -ItemType Directory -Force build | Out-Null
& $python -m PyInstaller --noconfirm --clean build.spec *> build\pyinstaller.log
if ($LASTEXITCODE -ne 0) { Get-Content build\pyinstaller.log -Tail 30; throw "build failed" }
$size = [math]::Round(((Get-ChildItem dist\PerfDesk -Recurse | Measure-Object Length -Sum).Sum) / 1MB)
Write-Host "built dist\PerfDesk in $([int]$sw.Elapsed.TotalSeconds) s; bundle $size MB"
Copy-Item packaging\使用说明.txt dist\PerfDesk\

Write-Host "frozen self-test:"
$env:QT_QPA_PLATFORM = "offscreen"
$p = Start-Process -FilePath dist\PerfDesk\PerfDesk.exe -ArgumentList "--self-test" -Wait -PassThru -NoNewWindow
Remove-Item Env:\QT_QPA_PLATFORM
if ($p.ExitCode -ne 0) {
  if (Test-Path dist\PerfDesk\selftest.log) { Get-Content dist\PerfDesk\selftest.log -Tail 30 }
  throw "frozen self-test failed ($($p.ExitCode))"
}

if (Test-Path "dist\$zip") { Remove-Item "dist\$zip" }
Compress-Archive -Path dist\PerfDesk -DestinationPath "dist\$zip"
Write-Host "dist\$zip"
