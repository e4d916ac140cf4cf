#!/usr/bin/env bash
# `npm test`: prepares what the suite needs on this machine, then runs every test —
# unit and integration (vitest, against MariaDB) and end-to-end (Playwright in Debian's Chromium).
# Missing system parts are installed with apt-get when running as root, otherwise named exactly.
# With no MariaDB answering, a private one is started in a temp directory and removed afterwards.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root"
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
reports=$(mktemp -d)
private_db=""

say() { printf '\n== %s\n' "$*"; }

cleanup() {
  if [[ -n $private_db ]]; then
    [[ -f $private_db/mysqld.pid ]] && kill "$(cat "$private_db/mysqld.pid")" 2>/dev/null || true
    sleep 0.5
    rm -rf "$private_db"
  fi
  rm -rf "$reports"
}
trap cleanup EXIT

mariadb_answers() {
  node --input-type=module -e "
    import mysql from 'mysql2/promise';
    const c = await mysql.createConnection({ uri: process.argv[1], connectTimeout: 2000 });
    await c.end();" "$1" >/dev/null 2>&1
}

install_system_packages() {
  (($# == 0)) && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "installing with apt-get: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "Missing system packages: $*" >&2
    echo "Install them as root:  apt-get install -y --no-install-recommends $*" >&2
    echo "(or set CHROMIUM_PATH / TEST_MYSQL_URL to ones you already have)" >&2
    exit 1
  fi
}

start_private_mariadb() {
  private_db=$(mktemp -d)
  local port
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  say "no MariaDB answers: starting a private one on 127.0.0.1:$port"
  mariadb-install-db --no-defaults --datadir="$private_db/data" --auth-root-authentication-method=normal \
    --skip-test-db --user="$(id -un)" >"$private_db/install.log" 2>&1
  /usr/sbin/mariadbd --no-defaults --user="$(id -un)" --datadir="$private_db/data" --socket="$private_db/mysqld.sock" \
    --port="$port" --bind-address=127.0.0.1 --skip-log-bin --pid-file="$private_db/mysqld.pid" \
    >"$private_db/server.log" 2>&1 &
  export TEST_MYSQL_URL="mysql://root@127.0.0.1:$port"
  for _ in $(seq 1 100); do mariadb_answers "$TEST_MYSQL_URL" && return 0; sleep 0.2; done
  echo "The private MariaDB did not start; its log:" >&2
  cat "$private_db/server.log" >&2
  exit 1
}

say "checking system parts"
export TEST_MYSQL_URL="${TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306}"
missing=()
[[ -x $CHROMIUM_PATH ]] || missing+=(chromium)
# The TLS tests make their certificates with openssl.
command -v openssl >/dev/null || missing+=(openssl)
db_answers=yes
mariadb_answers "$TEST_MYSQL_URL" || db_answers=no
if [[ $db_answers == no ]] && ! { [[ -x /usr/sbin/mariadbd ]] && command -v mariadb-install-db >/dev/null; }; then
  missing+=(mariadb-server)
fi
install_system_packages "${missing[@]}"
[[ $db_answers == yes ]] || start_private_mariadb
echo "MariaDB: ${TEST_MYSQL_URL}   Chromium: $CHROMIUM_PATH"

say "building"
npm run build --silent

status=0
say "unit and integration tests (vitest)"
npx vitest run --config packages/testkit/vitest.workspace.ts \
  --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || status=1

say "end-to-end tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/playwright.json" \
  npx playwright test --config e2e/playwright.config.ts --reporter=list,json || status=1

node packages/testkit/bin/summary.mjs "$reports/vitest.json" "$reports/playwright.json" || status=1
exit $status
