#!/usr/bin/env bash
# Tries the project on a newcomer's machine: a brand-new minimal Debian 12 that
# reaches only the package registries (../shared/tools/fresh-debian: a
# debootstrap chroot in its own network namespace, so none of this machine's
# services leak in), in a clone of the committed HEAD.
#
#   scripts/try-fresh-debian.sh [--fresh] readme   # the README's set-up commands, then `uv run pytest`
#   scripts/try-fresh-debian.sh [--fresh] ci       # CI=true bash .ci/run
#
# `readme` takes the commands from the README's set-up block as written (the
# lines of the first ```sh block after "Before the first run"), so this checks
# what a person reads. --fresh rebuilds the cached base system first (about two
# minutes). Needs root; the whole run takes 15-25 minutes. The output ends with
# pytest's summary, the skip reasons (-ra) and the time taken.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FRESH_DEBIAN=${FRESH_DEBIAN:-../shared/tools/fresh-debian}
[ -x "$FRESH_DEBIAN" ] || { echo "no $FRESH_DEBIAN (set FRESH_DEBIAN)" >&2; exit 1; }

fresh=()
[ "${1:-}" = --fresh ] && { fresh=(--fresh); shift; }

readme_setup() {
  # The commands of the set-up block, comments dropped, joined with &&.
  awk '/^Before the first run/ {found=1} found && /^```sh/ {inside=1; next}
       inside && /^```/ {exit} inside {sub(/[[:space:]]+#.*/, ""); if (NF) print}' README.md |
    paste -sd'&' - | sed 's/&/ \&\& /g'
}

case "${1:-}" in
  readme)
    setup=$(readme_setup)
    [ -n "$setup" ] || { echo "no set-up block found in README.md" >&2; exit 1; }
    commands="$setup && uv run pytest"
    ;;
  ci) commands="CI=true bash .ci/run" ;;
  *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac

[ -z "$(git status --porcelain)" ] || echo "note: uncommitted changes are not part of the clone" >&2
echo "fresh Debian 12 runs: $commands"
start=$SECONDS
rc=0
"$FRESH_DEBIAN" "${fresh[@]}" . "$commands" || rc=$?
echo "fresh Debian 12: exit $rc after $(((SECONDS - start) / 60)) min $(((SECONDS - start) % 60)) s"
exit $rc
