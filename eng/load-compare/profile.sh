#!/usr/bin/env bash
# Where a published service's CPU time goes: `perf` samples every thread of the process, with the JIT's and
# ReadyToRun code named through the runtime's perf map, then prints the samples by thread, by the assembly (or native
# library) the sampled code belongs to, and the share of samples spent inside the frames that matter.
#
#   eng/load-compare/profile.sh <folder with a published Orders.dll> [output folder]     under load, after a warm-up
#   MODE=startup eng/load-compare/profile.sh <folder> [output folder]                      from exec to the first 200
#   WARMUP=20 SECONDS_SAMPLED=10 CONNECTIONS=32 THREADS=2 FREQUENCY=997 eng/load-compare/profile.sh ...
#
# eng/load-compare.sh leaves its services in its work folder (it prints where): <work>/r2r-monikit is the generated
# MoniKit service as the Dockerfile publishes it, <work>/r2r-nlog and <work>/r2r-serilog the peers, <work>/r2r-bare the
# bare service. Writing the perf map slows the process a little; read the shares, not the absolute times.
set -euo pipefail
[ $# -ge 1 ] && [ -f "$1/Orders.dll" ] || { echo "usage: $0 <folder with a published Orders.dll> [output folder]" >&2; exit 2; }
service=$(cd "$1" && pwd)
out=${2:-$(mktemp -d "${TMPDIR:-/tmp}/monikit-profile.XXXXXX")}
mkdir -p "$out"
out=$(cd "$out" && pwd)
mode=${MODE:-load}
warmup=${WARMUP:-20}
sampled=${SECONDS_SAMPLED:-10}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
frequency=${FREQUENCY:-997}
case $mode in load | startup) ;; *) echo "MODE is load or startup, not $mode" >&2; exit 2 ;; esac
for tool in perf wrk curl; do
  command -v "$tool" > /dev/null || { echo "Missing: $tool (apt-get install linux-perf wrk curl)" >&2; exit 1; }
done

port=$((10000 + RANDOM % 20000))
url=http://127.0.0.1:$port/orders/42
# W^X off: with it, the runtime runs its code from a double mapping that perf cannot match with the perf map.
run=(env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" DOTNET_gcServer=0 DOTNET_PerfMapEnabled=1
  DOTNET_EnableWriteXorExecute=0
  MoniKit__Logging__MaxArchiveFiles=0 Logs__MaxArchiveFiles=0 dotnet Orders.dll)
if [ "$mode" = startup ]; then
  # perf starts the service itself, so that the samples begin at exec; it ends when the service does.
  (cd "$service" && exec perf record -F "$frequency" -g -o "$out/perf.data" -- "${run[@]}" > "$out/service.log" 2> "$out/perf-record.log") &
else
  (cd "$service" && exec "${run[@]}" > "$out/service.log" 2>&1) &
fi
pid=$!
trap 'pkill -TERM -P $pid 2> /dev/null || true; kill $pid 2> /dev/null || true; wait $pid 2> /dev/null || true; rm -rf "$service/logs"' EXIT
started=$(date +%s%N)
for _ in $(seq 1 6000); do
  curl -fs -o /dev/null "$url" && break
  kill -0 $pid 2> /dev/null || { cat "$out/service.log" "$out/perf-record.log" >&2 2> /dev/null; exit 1; }
  sleep 0.01
done
ready_ms=$((($(date +%s%N) - started) / 1000000))

if [ "$mode" = startup ]; then
  echo "First 200 after $ready_ms ms (perf map on)" >&2
  sleep 0.2
  service_pid=$(pgrep -P "$pid" | head -n 1)
  pkill -TERM -P "$pid" || true
  wait $pid 2> /dev/null || true
  echo "0 requests in startup" > "$out/wrk.txt"
else
  echo "Warming up $service for $warmup s, then sampling for $sampled s at $frequency Hz under wrk -t$threads -c$connections" >&2
  wrk -H "User-Agent: profile/1.0" -t"$threads" -c"$connections" -d"${warmup}s" "$url" > /dev/null
  perf record -F "$frequency" -g -p $pid -o "$out/perf.data" -- sleep "$sampled" 2> "$out/perf-record.log" &
  recorder=$!
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  wrk -H "User-Agent: profile/1.0" -t"$threads" -c"$connections" -d"${sampled}s" "$url" > "$out/wrk.txt"
  # The process's own CPU time is the measure per request; perf may drop samples under load, so its count is not.
  cpu_seconds=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15 - t) / hz }' "/proc/$pid/stat")
  wait $recorder
  service_pid=$pid
fi
# The runtime writes each method it compiles to its perf map, with the tier: what ReadyToRun could not precompile.
jitted=$(grep -cE '\[(QuickJitted|Optimized|OptimizedTier1|OptimizedTier1OSR|Instrumented|InstrumentedTier1|Tier0)\]$' "/tmp/perf-$service_pid.map" 2> /dev/null || true)
perf script -i "$out/perf.data" -F comm,tid,ip,sym,dso 2> /dev/null > "$out/perf.txt"

# One sample: a header line (thread name, thread id), then one line per frame, innermost first: address, symbol, (dso).
# A managed frame names its assembly in brackets: "instance void [MoniKit.Logging] MoniKit.Logging...::Write()".
awk -v mode="$mode" -v ready_ms="$ready_ms" -v jitted="${jitted:-0}" -v cpu_seconds="${cpu_seconds:-0}" -v requests="$(awk '/requests in/ { print $1 }' "$out/wrk.txt")" '
  function owner(frame,    m) {
    if (frame ~ /kernel/) return "(kernel)"
    if (frame ~ /libclrjit/) return "(JIT compiler)"
    if (frame ~ /libcoreclr/) return "(runtime: GC, type system, stubs)"
    if (frame ~ /libc[.-]|libpthread/) return "(libc)"
    if (frame ~ /libSystem/) return "(.NET native libraries)"
    if (match(frame, /\[[A-Za-z0-9_.]+\] /) && frame !~ /^\[unknown\]/) { m = substr(frame, RSTART + 1, RLENGTH - 3); return m }
    return "(other native, or code perf could not name)"
  }
  function flush(    i, key, seen) {
    if (n == 0) return
    total++
    thread[comm]++
    leaf[owner(frames[1])]++
    delete seen
    for (i = 1; i <= n; i++) {
      for (key = 1; key <= kinds; key++) if (!(key in seen) && frames[i] ~ pattern[key]) { seen[key] = 1; inside[key]++ }
    }
    n = 0
  }
  function us(share) { return per == 0 ? "-" : sprintf("%.1f", per * share) }
  function kind(title, regex) { kinds++; name[kinds] = title; pattern[kinds] = regex }
  BEGIN {
    if (mode == "startup") {
      kind("JIT compiling (libclrjit)", "libclrjit")
      kind("configuration binding (Microsoft.Extensions.Configuration.Binder)", "Configuration.Binder|ConfigurationBinder")
      kind("dependency injection (ServiceProvider, CallSite)", "Microsoft.Extensions.DependencyInjection")
      kind("MoniKit: AddMoniKit and its parts", "\\[MoniKit\\.")
      kind("NLog configuration and targets", "\\[NLog")
      kind("OpenTelemetry (MeterProvider, instruments)", "\\[OpenTelemetry")
      kind("Kestrel start and the first request", "Kestrel")
    } else {
      kind("MoniKit request middleware (RequestLoggingMiddleware, whole)", "RequestLoggingMiddleware")
      kind("  of it: the request line, made and logged (RequestLoggingMiddleware.Log)", "RequestLoggingMiddleware::Log")
      kind("Microsoft.Extensions.Logging + NLog on the calling thread (Logger.Log)", "NLog.Logger::Log|NLogLogger::Log")
      kind("  of it: MoniKit capturing ids and scopes, queueing (JsonLineTarget.Enqueue)", "JsonLineTarget::Enqueue")
      kind("MoniKit render thread (JsonLineTarget.WriteQueued)", "JsonLineTarget::WriteQueued|JsonLineTarget::WriteLoop")
      kind("  of it: rendering a line (LineRenderer / MoniKitJsonLayout)", "LineRenderer::|MoniKitJsonLayout::")
      kind("MoniKit destination threads (LineDestination.WriteLoop)", "LineDestination.*::WriteLoop")
      kind("  of it: the rolling file (RollingFile)", "RollingFile::")
      kind("MoniKit writers waiting for lines (ManualResetEventSlim.Wait, SpinWait)", "ManualResetEventSlim::Wait|SpinWait::")
      kind("thread pool waiting for work (LowLevelLifoSemaphore)", "LowLevelLifoSemaphore")
      kind("Activity (System.Diagnostics.Activity)", "System.Diagnostics.Activity::|ActivitySource::|DiagnosticListener::")
      kind("metrics recorded (OpenTelemetry and Meter instruments)", "\\[OpenTelemetry\\]|System.Diagnostics.Metrics")
      kind("Kestrel and sockets (Microsoft.AspNetCore.Server.Kestrel, System.Net.Sockets)", "Kestrel|System.Net.Sockets")
      kind("file system watcher (reloadOnChange of the configuration)", "FileSystemWatcher|PhysicalFilesWatcher")
    }
  }
  /^[^ \t]/ { flush(); comm = $0; sub(/ +[0-9]+ *$/, "", comm); sub(/^ +/, "", comm); next }
  /^[ \t]+[0-9a-f]+ / { line = $0; sub(/^[ \t]+[0-9a-f]+ /, "", line); frames[++n] = line; next }
  /^$/ { flush() }
  END {
    flush()
    if (mode == "startup") printf "%d samples from exec to the first 200 and 0.2 s after it (first 200 after %d ms); %d methods compiled by the JIT\n\n", total, ready_ms, jitted
    else printf "%d samples of the service process, %d requests answered while sampling, %.1f µs of the process'"'"'s CPU time per request; %d methods compiled by the JIT since the start\n\n", total, requests, cpu_seconds / requests * 1e6, jitted
    # In load mode each share is also given in µs of CPU per request.
    per = (mode == "startup" || requests == 0) ? 0 : cpu_seconds / requests * 1e6 / 100
    print "| thread (name as the kernel keeps it, 15 characters) | share of samples | µs per request |"
    print "| --- | ---: | ---: |"
    for (k in thread) printf "| %s | %.1f %% | %s |\n", k, 100 * thread[k] / total, us(100 * thread[k] / total) | "sort -t\"|\" -k3 -gr"
    close("sort -t\"|\" -k3 -gr")
    print ""
    print "| code sampled (its own time: the assembly or library of the innermost frame) | share of samples | µs per request |"
    print "| --- | ---: | ---: |"
    for (k in leaf) printf "| %s | %.1f %% | %s |\n", k, 100 * leaf[k] / total, us(100 * leaf[k] / total) | "sort -t\"|\" -k3 -gr"
    close("sort -t\"|\" -k3 -gr")
    print ""
    print "| inside (samples with this frame anywhere on the stack) | share of samples | µs per request |"
    print "| --- | ---: | ---: |"
    for (k = 1; k <= kinds; k++) printf "| %s | %.1f %% | %s |\n", name[k], 100 * inside[k] / total, us(100 * inside[k] / total)
  }' "$out/perf.txt" | tee "$out/summary.md"
echo >&2
echo "Samples: $out/perf.data (perf report -i $out/perf.data --no-children --sort comm,sym), summary: $out/summary.md" >&2
