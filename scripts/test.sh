#!/usr/bin/env bash
# `npm test`: every test — type-check, unit, integration (PGlite and a real PostgreSQL), end-to-end
# (Debian's Chromium). Installs what it needs when it is missing, so it runs on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

step "Chromium"
CHROMIUM_PATH=$(bash scripts/ensure-chromium.sh)
export CHROMIUM_PATH
echo "$CHROMIUM_PATH"

step "PostgreSQL"
pg_dir=""
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  pg_dir=$(mktemp -d /tmp/doorlist-pg.XXXXXX)
  trap 'bash scripts/pg-cluster.sh stop "$pg_dir"' EXIT
  TEST_DATABASE_URL=$(bash scripts/pg-cluster.sh start "$pg_dir")
fi
export TEST_DATABASE_URL
echo "${TEST_DATABASE_URL}"

step "type-check"
npx tsc --noEmit -p tsconfig.json

step "unit and integration tests"
npx vitest run

step "build"
npx vite build --logLevel warn

step "end-to-end tests"
npx playwright test
