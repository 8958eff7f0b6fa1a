#!/usr/bin/env bash
# Where the services' managed CPU goes during any ./tradewire command (usually a bench run):
#   bench/profile/profile.sh OUT_DIR ./tradewire bench --sizes 150 --paced-speed 0 --features-replicas none
# Attaches `dotnet-trace` (EventPipe's sample profiler) to every service process this checkout starts while the
# command runs; each trace ends with its process. Then prints, per trace, the share of managed-code samples by
# module, by leaf method and by the nearest Tradewire frame (bench/profile/TraceTop). Samples of threads that
# wait are left out: only samples taken while a thread ran managed code count. Kernel CPU sampling
# (`dotnet-trace collect-linux`) needs tracefs user_events, which this host's kernel does not offer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?usage: bench/profile/profile.sh OUT_DIR COMMAND...}"; shift
[[ $# -gt 0 ]] || { echo "profile.sh: give the command to profile after OUT_DIR" >&2; exit 2; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-trace >/dev/null || dotnet tool install -g dotnet-trace >/dev/null
mkdir -p "$out"
dotnet build "$root/bench/profile/TraceTop/TraceTop.csproj" -c Release -nologo -v q -clp:ErrorsOnly >&2

# Attach to each service process of this checkout once, as it appears.
(
    declare -A seen
    while [[ ! -f "$out/.done" ]]; do
        for pid in $(pgrep -f "$root/services/.*/Tradewire\.[A-Za-z]*\.dll" || true); do
            [[ -n "${seen[$pid]:-}" ]] && continue
            seen[$pid]=1
            name=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | grep -o 'Tradewire\.[A-Za-z]*\.dll' | head -1 | sed 's/Tradewire\.//; s/\.dll//') || continue
            dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time -o "$out/$name-$pid.nettrace" > "$out/$name-$pid.log" 2>&1 &
        done
        sleep 1
    done
) &
watcher=$!
rc=0
"$@" || rc=$?
touch "$out/.done"
wait "$watcher" || true
# Traces close when their processes exit; give the last ones a moment to be written out.
for _ in $(seq 30); do pgrep -f "dotnet-trace collect" >/dev/null || break; sleep 1; done
for trace in "$out"/*.nettrace; do
    [[ -f "$trace" ]] || continue
    dotnet "$root/bench/profile/TraceTop/bin/Release/net10.0/TraceTop.dll" "$trace" 15 | tee "${trace%.nettrace}.txt"
    echo
done
rm -f "$out/.done"
exit "$rc"
