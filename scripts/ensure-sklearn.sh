#!/usr/bin/env bash
# Makes Debian's python3-sklearn importable from /usr/bin/python3 (the bench's reference; `npm run bench -- train`
# calls this). Installs it only as root with apt-get available, like scripts/test-all.sh does for Chromium; otherwise
# it says why and exits 1 so the bench prints "python3-sklearn not present: comparison skipped".
# Debian's package lives in /usr/lib/python3/dist-packages, so it is /usr/bin/python3 (not a pyenv python on PATH,
# whose own numpy may not match Debian's build) that must run the reference script.
set -uo pipefail
py=/usr/bin/python3
if [ -x "$py" ] && "$py" -c "import sklearn" 2>/dev/null; then exit 0; fi
if [ "${CHURNOPS_NO_INSTALL:-}" = "1" ]; then echo "ensure-sklearn: CHURNOPS_NO_INSTALL=1, not installing" >&2; exit 1; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
  echo "ensure-sklearn: not root or no apt-get; install it with: sudo apt-get install -y python3-sklearn" >&2
  exit 1
fi
echo "ensure-sklearn: installing python3-sklearn from Debian (apt-get install python3-sklearn)" >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-sklearn >/dev/null) \
  || { echo "ensure-sklearn: apt-get install python3-sklearn failed" >&2; exit 1; }
"$py" -c "import sklearn" 2>/dev/null
