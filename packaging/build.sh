#!/usr/bin/env bash
# Build PerfDesk with build.spec into dist/PerfDesk/ and a versioned zip beside it, then run the
# frozen self-test. Usage: packaging/build.sh        (PYTHON=... to choose the interpreter;
#                                                     PERFDESK_ONEFILE=1 for the portable exe)
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
version=$("$python" -c 'import perfdesk; print(perfdesk.__version__)')
platform="linux-$(uname -m)"
zip="PerfDesk-$version-$platform.zip"

mkdir -p build
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean build.spec >build/pyinstaller.log 2>&1 \
  || { tail -30 build/pyinstaller.log; echo "build failed; see build/pyinstaller.log"; exit 1; }
echo "built dist/PerfDesk in $(( $(date +%s) - start )) s; bundle $(du -sm dist/PerfDesk | cut -f1) MB"
cp packaging/使用说明.txt dist/PerfDesk/

echo "frozen self-test:"
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} dist/PerfDesk/PerfDesk --self-test

rm -f "dist/$zip"
"$python" -m zipfile -c "dist/$zip" dist/PerfDesk  # stored as PerfDesk/...
echo "dist/$zip: $(du -sm "dist/$zip" | cut -f1) MB"
