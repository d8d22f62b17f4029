#!/usr/bin/env bash
# CI on a busy machine: `.ci/run` from a clean clone of this repository's HEAD while two
# CPU-bound processes run beside it, to show that no test depends on the machine's speed.
#
#     bash bench/busy_ci.sh            # prints the time; exits with .ci/run's status
#
# The two processes are ended when it finishes, however it finishes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
burners=()
finish() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap finish EXIT

git clone --quiet "$repo" "$work/workbook"
for _ in 1 2; do
  python3 -c "while True: pass" &
  burners+=("$!")
done
start=$(date +%s)
status=0
bash "$work/workbook/.ci/run" || status=$?
echo "busy_ci: .ci/run exited $status after $(( $(date +%s) - start )) s, beside two CPU-bound processes ($(date -u +%F))"
exit "$status"
