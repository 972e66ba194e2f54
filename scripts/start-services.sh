#!/usr/bin/env bash
# Starts what the tests need, unless it is already running, on a machine
# without systemd (CI, containers, the dev machines), as root:
#   - CUPS (cupsd) with a cups-pdf queue "SmescoPDF", made the default
#     destination; cups-pdf writes each user's jobs to /var/spool/cups-pdf/<user>
#   - PostgreSQL on 127.0.0.1:5432, where role root (superuser) logs in without
#     a password and has a database "root"
# Xvfb is not started here: the tests that need a display start their own.
# Idempotent: run it as often as you like; it prints what it did.
# Usage: sudo scripts/start-services.sh
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

# On test machines only: trust TCP connections from this machine, so tests can
# log in as root without a password. pg_hba.conf is first-match, so the rules
# go at the top. Prints "changed" when it edited the file.
trust_local_tcp() {
  local hba=$1 marker="# smesco-desk CI: trust local TCP (test machines only)"
  grep -qxF "$marker" "$hba" && return
  grep -qE '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba" && return
  sed -i "1i $marker\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust" "$hba"
  echo changed
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
  local version hba changed=""
  version=$(ls /etc/postgresql | sort -V | tail -n 1) # the package made cluster "$version main"
  [ -n "$version" ] || die "no cluster in /etc/postgresql (is the postgresql package installed?)"
  hba=/etc/postgresql/$version/$PG_CLUSTER/pg_hba.conf
  if [ "${CI:-}" = true ]; then
    changed=$(trust_local_tcp "$hba")
    [ -z "$changed" ] || say "pg_hba: trust for 127.0.0.1 and ::1 added at the top of $hba"
  fi

  if pg_ready; then
    say "PostgreSQL already accepting connections on 127.0.0.1:$PG_PORT"
    if [ -n "$changed" ]; then
      psql_as_postgres -c 'SELECT pg_reload_conf()' >/dev/null
      say "PostgreSQL reloaded its configuration"
    fi
  else
    pg_ctlcluster --skip-systemctl-redirect "$version" "$PG_CLUSTER" start
    wait_for 30 pg_ready || die "PostgreSQL $version did not start; see /var/log/postgresql/"
    say "started PostgreSQL $version (cluster $PG_CLUSTER)"
  fi

  ensure_root_role_and_db
  if psql -X -q -w -h 127.0.0.1 -p "$PG_PORT" -U root -d root -c 'SELECT 1' >/dev/null 2>&1; then
    say "PostgreSQL: root logs in on 127.0.0.1:$PG_PORT without a password"
  else
    say "WARNING: root cannot log in on 127.0.0.1:$PG_PORT without a password;" \
      "PostgreSQL tests will skip (run with CI=true to add trust rules to $hba)"
  fi
}

start_cups
start_postgres
