#!/usr/bin/env bash
# The one test command (README, .ci/run): unit + artifact stores (s3rver) + Inngest functions, integration on the
# embedded engine and (with DATABASE_URL) real Postgres, then Playwright in real Chromium against a built app.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
mkdir -p reports
rm -f reports/*.json
skipped=()
fail=0
step() { echo; echo "==> $*"; }

step "prisma generate (offline)"
npm run --silent prisma:generate >/dev/null || { echo "prisma generate failed"; exit 1; }

step "type check"
npx tsc --noEmit -p . || fail=1

if [ -z "${DATABASE_URL:-}" ]; then
  skipped+=("integration on real Postgres: DATABASE_URL is not set (set it to a server where you may create databases)")
fi
step "vitest: unit, s3rver, @inngest/test, integration (embedded${DATABASE_URL:+ + postgres})"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json || fail=1

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  step "installing Chromium from Debian (apt-get install chromium)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "apt-get install chromium failed"
fi
if [ -x "$chromium" ]; then
  step "next build"
  rm -rf .next
  if npx next build; then
    step "playwright (Chromium: $chromium)"
    CI=1 npx playwright test || fail=1
  else
    fail=1
  fi
else
  skipped+=("browser tests: no Chromium at $chromium and it could not be installed (not root or no apt-get); set CHROMIUM_PATH")
fi

node scripts/summarize-tests.mjs "${skipped[@]+"${skipped[@]}"}" || fail=1
exit $fail
