#!/usr/bin/env bash
# Starts what the tests need, unless it is already running, on a machine
# without systemd (CI, containers, the dev machines), as root:
#   - CUPS (cupsd) with a cups-pdf queue "SmescoPDF", made the default
#     destination; cups-pdf writes each user's jobs to /var/spool/cups-pdf/<user>
#   - PostgreSQL on 127.0.0.1:5432, where role root (superuser) logs in and has
#     a database "root": without a password where the server trusts local
#     connections, else with a random password that this script sets and writes
#     to root's ~/.pgpass (the file libpq reads; nothing else is loosened)
#   - with CI=true, PostgreSQL also serves TLS (ssl = on, a self-signed
#     certificate), as Debian's package sets it up on a fresh machine, so CI runs
#     the suite against what a newcomer has
# Xvfb is not started here: the tests that need a display start their own.
# The test suite runs this script itself (tests/fixtures_system.py) when it
# finds a service installed but not running and runs as root.
# Idempotent: run it as often as you like; it prints what it did.
# Usage, as root (or with sudo): scripts/start-services.sh [cups] [postgres]
#   (no argument: both)
set -euo pipefail

QUEUE=SmescoPDF
CUPS_PDF_CONF=/etc/cups/cups-pdf.conf
CUPS_PDF_OUT='/var/spool/cups-pdf/${USER}' # literal: cups-pdf expands ${USER} per job
PG_PORT=${PG_PORT:-5432}     # overridable only to rehearse on a scratch cluster;
PG_CLUSTER=${PG_CLUSTER:-main} # the tests expect main on 5432

say() { echo "start-services: $*"; }
die() { echo "start-services: ERROR: $*" >&2; exit 1; }

# wait_for SECONDS COMMAND...: succeeds as soon as COMMAND does.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

[ "$(id -u)" -eq 0 ] || die "run as root (it starts daemons and edits /etc)"

# --- CUPS + cups-pdf ---------------------------------------------------------

cups_running() { lpstat -r 2>/dev/null | grep -qx 'scheduler is running'; }

configure_cups_pdf() {
  # Debian ships "Out ${HOME}/PDF" (root's jobs land in /root/PDF). A fixed
  # directory per user is easier for tests to watch. cups-pdf reads its
  # configuration for every job, so no restart is needed.
  if grep -qxF "Out $CUPS_PDF_OUT" "$CUPS_PDF_CONF"; then
    return
  fi
  sed -i -E "s|^Out[[:space:]].*|Out $CUPS_PDF_OUT|" "$CUPS_PDF_CONF"
  grep -qxF "Out $CUPS_PDF_OUT" "$CUPS_PDF_CONF" || echo "Out $CUPS_PDF_OUT" >>"$CUPS_PDF_CONF"
  say "cups-pdf: set 'Out $CUPS_PDF_OUT' in $CUPS_PDF_CONF"
}

start_cups() {
  [ -x /usr/sbin/cupsd ] && command -v lpadmin >/dev/null ||
    die "CUPS is not installed (apt-get install cups cups-client cups-bsd)"
  [ -f "$CUPS_PDF_CONF" ] || die "cups-pdf is not installed (apt-get install printer-driver-cups-pdf)"
  configure_cups_pdf
  if cups_running; then
    say "cupsd already running"
  else
    /usr/sbin/cupsd # daemon mode: forks into the background, no socket activation
    wait_for 20 cups_running || die "cupsd did not start; see /var/log/cups/error_log"
    say "started cupsd"
  fi

  if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    local out
    # lpadmin warns that printer drivers are deprecated: only show it on failure.
    out=$(lpadmin -p "$QUEUE" -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>&1) ||
      die "could not create queue $QUEUE: $out"
    say "created queue $QUEUE (cups-pdf:/)"
  fi
  cupsenable "$QUEUE"
  cupsaccept "$QUEUE"
  lpadmin -d "$QUEUE"
  say "queue $QUEUE enabled, accepting jobs, default destination"
  say "cups-pdf writes jobs of user U to /var/spool/cups-pdf/U (root: /var/spool/cups-pdf/root);" \
    "jobs of unknown users to /var/spool/cups-pdf/ANONYMOUS"
}

# --- PostgreSQL --------------------------------------------------------------

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

# psql as the postgres superuser over the Unix socket (peer auth on a fresh Debian).
psql_as_postgres() {
  (cd / && runuser -u postgres -- psql -X -q -At -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@")
}

root_logs_in() { psql -X -q -w -h 127.0.0.1 -p "$PG_PORT" -U root -d root -c 'SELECT 1' >/dev/null 2>&1; }

# Where the server asks for a password (Debian's default for TCP), give role
# root a random one and put it in root's ~/.pgpass, which libpq reads for every
# connection to 127.0.0.1 or localhost, whatever the port (the tests' proxies).
give_root_a_password() {
  local pass pgpass
  pass=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
  psql_as_postgres -c "ALTER ROLE root PASSWORD '$pass'" >/dev/null
  pgpass="$(getent passwd "$(id -un)" | cut -d: -f6)/.pgpass"
  touch "$pgpass" && chmod 600 "$pgpass"
  sed -i -E '/^(127\.0\.0\.1|localhost):\*:\*:root:/d' "$pgpass"
  printf '127.0.0.1:*:*:root:%s\nlocalhost:*:*:root:%s\n' "$pass" "$pass" >>"$pgpass"
  say "PostgreSQL: gave role root a random password, kept in $pgpass"
}

# CI only: TLS on, as on a fresh Debian (its package turns ssl on with the
# snakeoil certificate). A self-signed certificate in the data directory, then
# a reload: ssl can change without a restart.
enable_ssl() {
  local datadir
  [ "$(psql_as_postgres -c 'SHOW ssl')" = on ] && { say "PostgreSQL serves TLS (ssl = on)"; return; }
  datadir=$(psql_as_postgres -c 'SHOW data_directory')
  if [ ! -s "$datadir/smesco-ci.key" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
      -keyout "$datadir/smesco-ci.key" -out "$datadir/smesco-ci.crt" >/dev/null 2>&1 ||
      die "openssl could not make a certificate for PostgreSQL"
    chown postgres:postgres "$datadir/smesco-ci.key" "$datadir/smesco-ci.crt"
    chmod 600 "$datadir/smesco-ci.key"
  fi
  psql_as_postgres -c "ALTER SYSTEM SET ssl_cert_file = '$datadir/smesco-ci.crt'" \
    -c "ALTER SYSTEM SET ssl_key_file = '$datadir/smesco-ci.key'" \
    -c "ALTER SYSTEM SET ssl = on" -c 'SELECT pg_reload_conf()' >/dev/null
  wait_for 10 test "$(psql_as_postgres -c 'SHOW ssl')" = on ||
    die "PostgreSQL did not turn ssl on; see /var/log/postgresql/"
  say "PostgreSQL: turned ssl on (self-signed certificate in $datadir), as on a fresh Debian"
}

ensure_root_role_and_db() {
  local super
  super=$(psql_as_postgres -c "SELECT rolsuper FROM pg_roles WHERE rolname = 'root'")
  case "$super" in
    t) ;;
    f) psql_as_postgres -c 'ALTER ROLE root SUPERUSER LOGIN' && say "made role root a superuser" ;;
    *) psql_as_postgres -c 'CREATE ROLE root SUPERUSER LOGIN' && say "created role root (superuser)" ;;
  esac
  if [ -z "$(psql_as_postgres -c "SELECT 1 FROM pg_database WHERE datname = 'root'")" ]; then
    psql_as_postgres -c 'CREATE DATABASE root OWNER root'
    say "created database root"
  fi
}

start_postgres() {
  local version
  command -v pg_ctlcluster >/dev/null || die "PostgreSQL is not installed (apt-get install postgresql)"
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1) # the package made "$version main"
  [ -n "$version" ] || die "no cluster in /etc/postgresql (is the postgresql package installed?)"

  if pg_ready; then
    say "PostgreSQL already accepting connections on 127.0.0.1:$PG_PORT"
  else
    pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" start
    wait_for 30 pg_ready || die "PostgreSQL $version did not start; see /var/log/postgresql/"
    say "started PostgreSQL $version (cluster $PG_CLUSTER)"
  fi

  ensure_root_role_and_db
  root_logs_in || give_root_a_password
  root_logs_in || die "role root still cannot log in on 127.0.0.1:$PG_PORT; see /var/log/postgresql/"
  say "PostgreSQL: root logs in on 127.0.0.1:$PG_PORT"
  [ "${CI:-}" != true ] || enable_ssl
}

wanted=("$@")
((${#wanted[@]})) || wanted=(cups postgres)
for service in "${wanted[@]}"; do
  case "$service" in
    cups) start_cups ;;
    postgres) start_postgres ;;
    *) die "unknown service '$service' (cups, postgres)" ;;
  esac
done
