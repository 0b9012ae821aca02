#!/usr/bin/env bash
# Times Plenary's ideal points against a peer on the same votes and prints
#   ideal points: plenary X s, peer Y s on slice Z, ratio R
# The peer is MCMCpack's MCMCdynamicIRT1d (R, Debian r-cran-mcmcpack) on
# the General Assembly votes of 2009-2010 by year (300 sweeps), a slice it
# finishes in a few minutes; Plenary's side is the Go benchmark BenchmarkPeerSlice on
# the same years (mean of 5 estimates, the table already loaded). The ratio
# is Plenary's time over the peer's on that slice (goal: well below 1).
# Then the whole-history and one-year benchmarks, for the record.
set -euo pipefail
cd "$(dirname "$0")/../.."
export LANG=en_US.UTF-8
DATA="${PLENARY_DATA:-$(cd .. && pwd)/shared/data}"
[ -d "$DATA/unvotes" ] || { echo "no dataset at $DATA/unvotes (set PLENARY_DATA)" >&2; exit 1; }
if ! Rscript -e 'library(MCMCpack)' >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq r-base-core r-cran-mcmcpack >/dev/null
fi
from=2009 to=2010

peer_out=$(LC_ALL=C.UTF-8 Rscript scripts/bench_peers/idealpoints.R "$DATA/unvotes" "$from" "$to")
peer=$(printf '%s\n' "$peer_out" | awk '/^seconds/ {print $2}')
slice=$(printf '%s\n' "$peer_out" | sed -n 's/^slice //p')

bench=$(CI=true go test ./data/idealpoint/ -run '^$' -bench 'PeerSlice|WholeHistory|OneYear' -benchtime 5x -count=1)
ns=$(printf '%s\n' "$bench" | awk '/^BenchmarkPeerSlice/ {print $3}')
plenary=$(echo "scale=4; $ns / 1000000000" | bc -l)
ratio=$(echo "scale=4; $plenary / $peer" | bc -l)
printf 'ideal points: plenary %.3f s, peer %.2f s on slice %s, ratio %s\n' "$plenary" "$peer" "$slice" "$ratio"
printf '%s\n' "$bench" | grep '^Benchmark'
