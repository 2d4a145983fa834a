#!/usr/bin/env bash
# Measures what MoniKit costs a web service, side by side on this machine, in one go, against a bare service and
# against the two services a team would build instead:
#   bare     `dotnet new web` serving GET /orders/{id:int}, no line per request;
#   MoniKit  a generated monikit-webapi service (`builder.AddMoniKit()`, `app.UseMoniKit()`);
#   Serilog  Serilog.AspNetCore request logging, an async rendered-compact-JSON file, prometheus-net on /metrics;
#   NLog     NLog.Web.AspNetCore request logging, AsyncWrapper + FileTarget + JsonLayout, OpenTelemetry's Prometheus
#            exporter on /metrics (eng/load-compare/peers/ holds both peers, copied and built here).
# All four have the same handler and InvariantGlobalization; the three that log write one JSON line per request to a
# file rolled at 5 MB. Published in Release (ReadyToRun, as the generated Dockerfile does), run with Production
# settings on 127.0.0.1, measured interleaved (the order rotates every round).
# Prints requests/s, CPU per request, p99 latency (saturated and at a paced, equal load), startup time (process start
# to the first successful request), idle working set, a short-warm-up variant (a fresh process, SHORT_WARMUP s of
# load, then the measured run) for a plain `dotnet build -c Release` and for ReadyToRun, the ratios to bare, and each
# service's log lines counted against the requests it answered. Writes an SVG chart. Cleans up its processes.
#
#   eng/load-compare.sh                 pack the packages and templates first, then compare
#   ROUNDS=3 DURATION=10 CONNECTIONS=32 THREADS=2 STARTUPS=5 WARMUP=20 IDLE_SECONDS=10 PACED_CONNECTIONS=10 PACE_MS=2 \
#     SHORT_WARMUP=3 SHORT_ROUNDS=3 eng/load-compare.sh
#   MONIKIT_PACKAGES=<folder with a packed MoniKit.Templates and packages> eng/load-compare.sh   (skip packing)
#   MAX_ARCHIVE_FILES=5 eng/load-compare.sh      keep 5 rolled files per service, as they ship (default 0: keep all)
#   CHART=<file.svg> eng/load-compare.sh         where the chart goes (default docs/performance-chart.svg)
#   KEEP_LOGS=1 eng/load-compare.sh              leave the services' log files in the work folder
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rounds=${ROUNDS:-3}
duration=${DURATION:-10}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
startups=${STARTUPS:-5}
idle_seconds=${IDLE_SECONDS:-10}
warmup=${WARMUP:-20}
paced_connections=${PACED_CONNECTIONS:-10}
pace_ms=${PACE_MS:-2}
short_warmup=${SHORT_WARMUP:-3}
short_rounds=${SHORT_ROUNDS:-$rounds}
max_archive_files=${MAX_ARCHIVE_FILES:-0}
[ "$rounds" -ge 1 ] && [ "$short_rounds" -ge 1 ] && [ "$startups" -ge 1 ] \
  || { echo "ROUNDS, SHORT_ROUNDS and STARTUPS must be at least 1" >&2; exit 1; }
keep_logs=${KEEP_LOGS:-0}
chart=${CHART:-$root/docs/performance-chart.svg}

services=(bare monikit serilog nlog)
declare -A label=([bare]=bare [monikit]=MoniKit [serilog]=Serilog [nlog]=NLog)

work=$(mktemp -d "${TMPDIR:-/tmp}/monikit-load.XXXXXX")
export ArtifactsPath=$work/build
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2> /dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2> /dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

# --- prerequisites ---------------------------------------------------------------------------------------------------
missing=()
command -v wrk > /dev/null || missing+=(wrk)
command -v curl > /dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]} (install them with apt-get, or run as root)" >&2
    exit 1
  fi
  log "Installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null; }
fi

# --- pack, generate, build -------------------------------------------------------------------------------------------
packages=${MONIKIT_PACKAGES:-}
if [ -z "$packages" ]; then
  packages=$work/packages
  version=0.1.0-perf.$(date -u +%Y%m%d%H%M%S)
  log "Packing MoniKit $version (Release)"
  # The web API template needs only MoniKit.AspNetCore and what it references; packing them alone is faster than the
  # whole solution. The references are read from the project files, so that a new one is packed too.
  projects=(src/MoniKit.AspNetCore/MoniKit.AspNetCore.csproj)
  for ((i = 0; i < ${#projects[@]}; i++)); do
    for reference in $(sed -n 's|.*<ProjectReference Include="\.\./\([^"]*\)".*|src/\1|p' "${projects[$i]}"); do
      [[ " ${projects[*]} " == *" $reference "* ]] || projects+=("$reference")
    done
  done
  for project in "${projects[@]}"; do
    dotnet pack "$project" -c Release -o "$packages" -p:Version="$version" -nologo -v:q > "$work/pack.log" 2>&1 \
      || { cat "$work/pack.log" >&2; exit 1; }
  done
  dotnet pack MoniKit.Templates.csproj -c Release -o "$packages" -p:Version="$version" -nologo -v:q > "$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; exit 1; }
fi
packages=$(cd "$packages" && pwd)
template=$(ls -t "$packages"/MoniKit.Templates.*.nupkg | head -n 1)

hive=$work/hive
log "Generating the monikit-webapi service and the bare service; copying the Serilog and NLog services"
dotnet new install "$template" --debug:custom-hive "$hive" > "$work/new.log" 2>&1 || { cat "$work/new.log" >&2; exit 1; }
dotnet new monikit-webapi -n Orders -o "$work/monikit" --package-source "$packages" --tests false --compose false \
  --no-restore --debug:custom-hive "$hive" > "$work/new.log" 2>&1 || { cat "$work/new.log" >&2; exit 1; }
dotnet new web -n Orders -o "$work/bare" --no-restore > "$work/new.log" 2>&1 \
  || { cat "$work/new.log" >&2; exit 1; }

# The bare service runs the generated service's handler, without MoniKit, and the same globalization setting.
cat > "$work/bare/Program.cs" << 'EOF'
var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();

app.MapGet("/orders/{id:int}", (int id, ILogger<Program> logger) =>
{
    logger.LogDebug("Looked up order {OrderId}", id);
    return id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound();
});

app.Run();
EOF
sed -i 's|<ImplicitUsings>enable</ImplicitUsings>|<ImplicitUsings>enable</ImplicitUsings>\n    <InvariantGlobalization>true</InvariantGlobalization>|' "$work/bare/Orders.csproj"
grep -q '<InvariantGlobalization>true' "$work/monikit/src/Orders/Orders.csproj" \
  || { echo "The generated service no longer sets InvariantGlobalization; align the bare service and the peers" >&2; exit 1; }

cp -r eng/load-compare/peers/serilog "$work/serilog"
cp -r eng/load-compare/peers/nlog "$work/nlog"
# Archive retention: MoniKit's and the Serilog service's come from the environment (start, below); NLog's from its
# configuration file, where the number counts the active file too and a negative one keeps every file.
nlog_archives=$((max_archive_files + 1))
[ "$max_archive_files" -eq 0 ] && nlog_archives=-1
sed -i "s|<variable name=\"maxArchiveFiles\" value=\"[-0-9]*\" />|<variable name=\"maxArchiveFiles\" value=\"$nlog_archives\" />|" "$work/nlog/nlog.config"

declare -A csproj=([bare]=$work/bare/Orders.csproj [monikit]=$work/monikit/src/Orders/Orders.csproj
  [serilog]=$work/serilog/Orders.csproj [nlog]=$work/nlog/Orders.csproj)

# Each service twice: published as the generated Dockerfile publishes (Release, for this platform, precompiled with
# ReadyToRun), and built as `dotnet build -c Release` leaves it (everything outside the framework compiled at run time).
log "Publishing the four services (Release, ReadyToRun) and building them (Release)"
for svc in "${services[@]}"; do
  dotnet publish "${csproj[$svc]}" -c Release --os linux -p:PublishReadyToRun=true -o "$work/r2r-$svc" -nologo -v:q \
    > "$work/build-$svc.log" 2>&1 || { cat "$work/build-$svc.log" >&2; exit 1; }
  dotnet build "${csproj[$svc]}" -c Release -o "$work/jit-$svc" -nologo -v:q \
    >> "$work/build-$svc.log" 2>&1 || { cat "$work/build-$svc.log" >&2; exit 1; }
done

# --- helpers ---------------------------------------------------------------------------------------------------------
# Below the kernel's ephemeral range: wrk's own connections take ports from that range, and a port one of them holds
# (or left in TIME_WAIT) would refuse the service's bind although nothing listens on it.
ephemeral_low=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2> /dev/null || echo 32768)
free_port() {
  local port
  while true; do
    port=$((10000 + RANDOM % (ephemeral_low > 12000 ? ephemeral_low - 10000 : 2000)))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
}

rotation() { # rotation <n>: the services, starting n places further along (n counts from 1)
  local i count=${#services[@]}
  for i in $(seq 0 $((count - 1))); do
    printf '%s ' "${services[$(((i + $1 - 1) % count))]}"
  done
}

declare -A port pid dir served
start() { # start <svc> [r2r|jit]: starts the service on a free loopback port, with an empty log folder
  local svc=$1 build=${2:-r2r}
  port[$svc]=$(free_port)
  dir[$svc]=$work/$build-$svc
  served[$svc]=0
  rm -rf "${dir[$svc]}/logs"
  (cd "${dir[$svc]}" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:${port[$svc]}" \
    DOTNET_gcServer=0 MoniKit__Logging__MaxArchiveFiles="$max_archive_files" Logs__MaxArchiveFiles="$max_archive_files" \
    dotnet Orders.dll >> "$work/$svc.stdout.log" 2>&1) &
  pid[$svc]=$!
  pids+=("${pid[$svc]}")
}

stop() { # stop <svc>: SIGTERM, so that each service writes out the lines it still holds
  local svc=$1
  kill "${pid[$svc]}" 2> /dev/null || true
  wait "${pid[$svc]}" 2> /dev/null || true
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

wait_ready() { # wait_ready <svc> <started ms>: prints the milliseconds from <started> until GET /orders/1 succeeds (max 60 s)
  local svc=$1 started=$2 deadline
  deadline=$(($(now_ms) + 60000))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    if curl -fs -o /dev/null "http://127.0.0.1:${port[$svc]}/orders/1"; then
      echo $(($(now_ms) - started))
      return
    fi
    kill -0 "${pid[$svc]}" 2> /dev/null || { echo "$svc exited; see $work/$svc.stdout.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "$svc did not answer within 60 s; see $work/$svc.stdout.log" >&2
  exit 1
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/${pid[$1]}/stat"; } # user + system time of a service, in clock ticks

rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/${pid[$1]}/status"; }

to_ms() { # converts wrk's latency (850.00us, 1.23ms, 1.01s) to milliseconds
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else { sub(/s$/, "", v); printf "%.3f", v * 1000 } }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f - %.2f", lo, hi }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }
m() { echo "$1" | median; }

pace_script=$work/pace.lua
echo "function delay() return $pace_ms end" > "$pace_script"

run_wrk() { # run_wrk <svc> <wrk options...>: prints wrk's output; fails on errors
  local svc=$1 out
  shift
  # A user agent, as real clients send, so that every service has one to log.
  out=$(wrk -H "User-Agent: load-compare/1.0" "$@" --latency "http://127.0.0.1:${port[$svc]}/orders/42")
  if echo "$out" | grep -q 'Non-2xx\|Socket errors'; then
    echo "$out" >&2
    echo "wrk reported errors against $svc" >&2
    exit 1
  fi
  echo "$out"
}

# wrk_load <svc> <wrk options...>: one wrk run against a running service; sets load_rps, load_p99 (ms) and load_cpu
# (µs of the service's CPU per request), and adds the requests wrk saw answered to served[svc].
wrk_load() {
  local svc=$1 out ticks requests
  shift
  ticks=$(cpu_ticks "$svc")
  out=$(run_wrk "$svc" "$@") || exit 1
  ticks=$(($(cpu_ticks "$svc") - ticks))
  requests=$(echo "$out" | awk '/requests in/ { print $1 }')
  served[$svc]=$((served[$svc] + requests))
  load_rps=$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')
  load_p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  load_cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')
}

# --- log lines against requests --------------------------------------------------------------------------------------
# Every line a service writes for wrk's requests names the path /orders/42 (the readiness probe asks for /orders/1).
# After a service stops, its request lines are counted across its active file and its archives. A file that archive
# retention deleted leaves a gap in the sequence numbers of the names: each service numbers its files upwards after
# orders.json (MoniKit renames the full file to orders_01.json, ...; NLog goes on writing to orders_01.json, ...;
# Serilog to orders_001.json, ...), so one more than the highest number is how many files it wrote. Lines missing
# beyond what the deleted files held were lost.
declare -A lines_requests lines_count lines_files lines_created lines_per_file lines_sample
count_lines() { # count_lines <run> <svc>: adds the stopped service's request lines and files to the tallies of <run>
  local key=$1,$2 svc=$2 logs=${dir[$2]}/logs files counts
  lines_requests[$key]=$((${lines_requests[$key]:-0} + served[$svc]))
  [ "$svc" = bare ] && return
  files=$(find "$logs" -maxdepth 1 -type f -regextype posix-extended -regex '.*/orders(_[0-9]+)?\.json' 2> /dev/null | sort)
  if [ -z "$files" ]; then
    echo "$svc wrote no log file in $logs" >&2
    exit 1
  fi
  counts=$(echo "$files" | while read -r file; do grep -c -F '"/orders/42"' "$file" || true; done)
  lines_count[$key]=$((${lines_count[$key]:-0} + $(echo "$counts" | awk '{ s += $1 } END { print s }')))
  lines_files[$key]=$((${lines_files[$key]:-0} + $(echo "$files" | wc -l)))
  lines_created[$key]=$((${lines_created[$key]:-0} + $(echo "$files" | sed -E 's|.*/orders_?([0-9]*)\.json$|\1|' \
    | awk '{ n = $1 + 0; if (n > top) top = n } END { print top + 1 }')))
  lines_per_file[$key]=$(echo "$counts ${lines_per_file[$key]:-0}" | tr ' ' '\n' | sort -g | tail -n 1)
  lines_sample[$svc]=$(echo "$files" | xargs grep -h -F '"/orders/42"' | tail -n 1)
  [ "$keep_logs" = 1 ] || rm -rf "$logs"
}

lines_verdict() { # lines_verdict <run>,<svc>: one sentence on those lines against the requests
  local key=$1 requests=${lines_requests[$1]:-0} count=${lines_count[$1]:-0} deleted
  deleted=$((${lines_created[$key]:-0} - ${lines_files[$key]:-0}))
  if [ "$count" -ge "$requests" ]; then
    echo "complete ($((count - requests)) answered after wrk stopped counting)"
  elif [ "$deleted" -gt 0 ] && [ $((requests - count)) -le $((deleted * ${lines_per_file[$key]:-0})) ]; then
    echo "$((requests - count)) short: retention deleted $deleted of ${lines_created[$key]} files (about $((deleted * ${lines_per_file[$key]:-0})) lines)"
  elif [ "$deleted" -gt 0 ]; then
    echo "$((requests - count)) short, more than the $deleted files retention deleted held (about $((deleted * ${lines_per_file[$key]:-0})) lines): lines LOST"
  else
    echo "$((requests - count)) LOST"
  fi
}

# --- startup ---------------------------------------------------------------------------------------------------------
declare -A startup
log "Startup: $startups interleaved runs per service (process start to the first 200 from /orders/1)"
for i in $(seq 1 "$startups"); do
  for svc in $(rotation "$i"); do
    t0=$(now_ms)
    start "$svc"
    ms=$(wait_ready "$svc" "$t0") || exit 1
    startup[$svc]="${startup[$svc]:-} $ms"
    stop "$svc"
  done
done

# --- short warm-up ---------------------------------------------------------------------------------------------------
# A user's first minute: a fresh process, $short_warmup s of load, then the measured run, while the JIT is still
# compiling and tiering. Once for the plain build, once for ReadyToRun, per round.
declare -A short_rps short_cpu short_startup
log "Short warm-up: $short_rounds rounds per service and build of a fresh process, $short_warmup s of load, then $duration s measured"
for r in $(seq 1 "$short_rounds"); do
  for build in jit r2r; do
    for svc in $(rotation "$r"); do
      t0=$(now_ms)
      start "$svc" "$build"
      ms=$(wait_ready "$svc" "$t0") || exit 1
      short_startup[$build,$svc]="${short_startup[$build,$svc]:-} $ms"
      wrk_load "$svc" -t"$threads" -c"$connections" -d"${short_warmup}s"
      wrk_load "$svc" -t"$threads" -c"$connections" -d"${duration}s"
      short_rps[$build,$svc]="${short_rps[$build,$svc]:-} $load_rps"
      short_cpu[$build,$svc]="${short_cpu[$build,$svc]:-} $load_cpu"
      stop "$svc"
      count_lines "short-$build" "$svc"
    done
  done
done

# --- load ------------------------------------------------------------------------------------------------------------
for svc in "${services[@]}"; do
  start "$svc"
  wait_ready "$svc" "$(now_ms)" > /dev/null || exit 1
done

# The JIT compiles MoniKit's, Serilog's, NLog's and OpenTelemetry's code while it runs (the framework's own is
# precompiled), and its tiering reaches the optimised code only after several seconds of load: measured too early, a
# run compares half-compiled code. The warm-up's own throughput is reported separately.
log "Warm-up: $warmup s per service, then $idle_seconds s idle"
declare -A warm_rps rss
for svc in "${services[@]}"; do
  wrk_load "$svc" -t"$threads" -c"$connections" -d"${warmup}s"
  warm_rps[$svc]=$load_rps
done
sleep "$idle_seconds"
for svc in "${services[@]}"; do rss[$svc]=$(rss_mb "$svc"); done

# Two runs per service and round. Saturated: wrk's connections send back to back, which measures throughput; its
# latency is mostly queueing, so it falls as throughput falls. Paced: $paced_connections connections that each pause
# $pace_ms ms after every answer, the same moderate load for every service, which measures what a request costs.
declare -A rps p99 paced_p99 paced_rps cpu_us
declare -A round_rps round_cpu round_paced round_order
log "Load: $rounds interleaved rounds per service of $duration s saturated (wrk -t$threads -c$connections) and $duration s paced (-c$paced_connections, $pace_ms ms pause)"
# shellcheck disable=SC2034 # the round_ arrays are read through a name reference in round_table
for r in $(seq 1 "$rounds"); do
  round_order[$r]=$(rotation "$r")
  for svc in ${round_order[$r]}; do
    wrk_load "$svc" -t"$threads" -c"$connections" -d"${duration}s"
    round_rps[$r,$svc]=$load_rps
    round_cpu[$r,$svc]=$load_cpu
    rps[$svc]="${rps[$svc]:-} $load_rps"
    cpu_us[$svc]="${cpu_us[$svc]:-} $load_cpu"
    p99[$svc]="${p99[$svc]:-} $load_p99"
    wrk_load "$svc" -t"$threads" -c"$paced_connections" -d"${duration}s" -s "$pace_script"
    round_paced[$r,$svc]=$load_p99
    paced_p99[$svc]="${paced_p99[$svc]:-} $load_p99"
    paced_rps[$svc]="${paced_rps[$svc]:-} $load_rps"
  done
done

# What MoniKit's own counters say: lines written and events its queues dropped.
metrics=$(curl -fs "http://127.0.0.1:${port[monikit]}/metrics" || true)
dropped=$(echo "$metrics" | awk '/^monikit_log_events_dropped_total/ { s += $2 } END { print s + 0 }')
logged=$(echo "$metrics" | awk '/^monikit_log_events_total/ { s += $2 } END { print s + 0 }')
for svc in "${services[@]}"; do
  stop "$svc"
  count_lines load "$svc"
done

# --- report ----------------------------------------------------------------------------------------------------------
declare -A med
for svc in "${services[@]}"; do
  med[rps,$svc]=$(m "${rps[$svc]}")
  med[cpu,$svc]=$(m "${cpu_us[$svc]}")
  med[paced,$svc]=$(m "${paced_p99[$svc]}")
  med[p99,$svc]=$(m "${p99[$svc]}")
  med[paced_rps,$svc]=$(m "${paced_rps[$svc]}")
  med[startup,$svc]=$(m "${startup[$svc]}")
  med[rss,$svc]=${rss[$svc]}
  med[warm,$svc]=${warm_rps[$svc]}
  for build in r2r jit; do
    med[short_rps_$build,$svc]=$(m "${short_rps[$build,$svc]}")
    med[short_cpu_$build,$svc]=$(m "${short_cpu[$build,$svc]}")
    med[short_startup_$build,$svc]=$(m "${short_startup[$build,$svc]}")
  done
done

# verdict <measure> <op> <target>: MoniKit's ratio to bare against its target, and whether MoniKit beats both peers
verdict() {
  local key=$1 op=$2 target=$3
  awk -v mk="${med[$key,monikit]}" -v b="${med[$key,bare]}" -v s="${med[$key,serilog]}" -v n="${med[$key,nlog]}" \
    -v op="$op" -v t="$target" 'BEGIN {
      r = mk / b
      ok = (op == ">=") ? r >= t : r <= t
      ahead = (op == ">=") ? (mk > s && mk > n) : (mk < s && mk < n)
      printf "%s %s %s; %s", ok ? "met" : "MISSED", op, t, ahead ? "ahead of both" : "NOT ahead" }'
}

row() { # row <title> <measure> <printf format> <target text>
  local title=$1 key=$2 format=$3 target=$4 svc
  printf '| %-40s |' "$title"
  for svc in "${services[@]}"; do printf " $format |" "${med[$key,$svc]}"; done
  for svc in monikit serilog nlog; do printf ' %7s |' "$(ratio "${med[$key,$svc]}" "${med[$key,bare]}")"; done
  printf ' %s |\n' "$target"
}

echo
echo "MoniKit load comparison on $(nproc) CPUs, $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), .NET SDK $(dotnet --version)"
echo "GET /orders/42, Production settings, ReadyToRun unless said; $rounds interleaved rounds per service after a ${warmup} s warm-up: ${duration}s saturated (wrk -t$threads -c$connections), ${duration}s paced (-c$paced_connections, $pace_ms ms pause); archives kept per service: $([ "$max_archive_files" -eq 0 ] && echo all || echo "$max_archive_files")"
echo
echo "| measure (median)                         |       bare |    MoniKit |    Serilog |       NLog | MoniKit | Serilog |    NLog | MoniKit target (ratio to bare) |"
echo "| ---------------------------------------- | ---------: | ---------: | ---------: | ---------: | ------: | ------: | ------: | ------------------------------ |"
row 'throughput (requests/s)' rps '%10.0f' "$(verdict rps '>=' 0.9)"
row 'CPU per request (µs)' cpu '%10.1f' "$(verdict cpu '<=' 1.25)"
row 'p99 latency, paced (ms)' paced '%10.2f' "bare's own: $(echo "${paced_p99[bare]}" | range) ms across rounds"
row 'p99 latency, saturated (ms)' p99 '%10.2f' '(queueing)'
row 'paced load (requests/s)' paced_rps '%10.0f' '(the same load)'
row 'startup to first 200 (ms)' startup '%10.0f' "$(verdict startup '<=' 1.2)"
row 'idle working set (MB RSS)' rss '%10.1f' "$(verdict rss '<=' 1.15)"
row "throughput during the ${warmup} s warm-up" warm '%10.0f' '(no target)'
row "throughput after ${short_warmup} s, ReadyToRun" short_rps_r2r '%10.0f' "$(verdict short_rps_r2r '>=' 0.8)"
row "CPU per request after ${short_warmup} s, ReadyToRun" short_cpu_r2r '%10.1f' '(explains throughput)'
row "throughput after ${short_warmup} s, plain build" short_rps_jit '%10.0f' "$(verdict short_rps_jit '>=' 0.8)"
row "CPU per request after ${short_warmup} s, plain build" short_cpu_jit '%10.1f' '(explains throughput)'
row 'startup to first 200, plain build (ms)' short_startup_jit '%10.0f' '(no target)'

round_table() { # round_table <title> <array name> <printf format>
  local title=$1 format=$3 r svc
  local -n values=$2
  echo
  echo "| $title | order                           |       bare |    MoniKit |    Serilog |       NLog | MoniKit | Serilog |    NLog |"
  echo "| $(printf '%*s' ${#title} '' | tr ' ' -) | ------------------------------- | ---------: | ---------: | ---------: | ---------: | ------: | ------: | ------: |"
  for r in $(seq 1 "$rounds"); do
    printf "| %-${#title}s | %-31s |" "round $r" "${round_order[$r]}"
    for svc in "${services[@]}"; do printf " $format |" "${values[$r,$svc]}"; done
    for svc in monikit serilog nlog; do printf ' %7s |' "$(ratio "${values[$r,$svc]}" "${values[$r,bare]}")"; done
    echo
  done
}
round_table 'requests/s, saturated' round_rps '%10.0f'
round_table 'CPU µs per request' round_cpu '%10.1f'
round_table 'p99 ms, paced' round_paced '%10.2f'

echo
echo "Log lines against the requests wrk saw answered (lines naming /orders/42, across each service's active file and archives, counted after it stopped):"
echo
echo "| run                                   | service |   requests |      lines | files kept / written | verdict |"
echo "| ------------------------------------- | ------- | ---------: | ---------: | -------------------: | ------- |"
for key in load short-r2r short-jit; do
  case $key in
    load) title="warm-up and rounds, one process each" ;;
    short-r2r) title="short warm-up, ReadyToRun, processes: $short_rounds" ;;
    short-jit) title="short warm-up, plain build, processes: $short_rounds" ;;
  esac
  for svc in monikit serilog nlog; do
    printf '| %-37s | %-7s | %10d | %10d | %20s | %s |\n' "$title" "${label[$svc]}" "${lines_requests[$key,$svc]:-0}" \
      "${lines_count[$key,$svc]:-0}" "${lines_files[$key,$svc]:-0} / ${lines_created[$key,$svc]:-0}" "$(lines_verdict "$key,$svc")"
  done
done
echo
echo "MoniKit's counters at the end of the rounds: $logged events logged (monikit_log_events_total), $dropped dropped by its queues (monikit_log_events_dropped_total)."
echo "One request line of each:"
for svc in monikit serilog nlog; do echo "  ${label[$svc]}: ${lines_sample[$svc]:-}"; done
echo
echo "startup runs (ms):$(for svc in "${services[@]}"; do printf ' %s%s;' "${label[$svc]}" "${startup[$svc]}"; done)"
echo "Services, logs and wrk output: $work"

# --- chart -----------------------------------------------------------------------------------------------------------
figure() { # figure <label> <note> <printf format> <measure>: one group of bars for chart.awk
  local svc
  printf '%s|%s|%s' "$1" "$2" "$3"
  for svc in "${services[@]}"; do printf '|%s' "${med[$4,$svc]}"; done
  echo
}
mkdir -p "$(dirname "$chart")"
{
  figure 'throughput' 'requests/s, higher is better' '%.0f' rps
  figure 'CPU per request' 'µs of CPU, lower is better' '%.1f' cpu
  figure "after a ${short_warmup} s warm-up" 'req/s of a fresh process' '%.0f' short_rps_r2r
  figure 'startup to first 200' 'ms, lower is better' '%.0f' startup
  figure 'idle working set' 'MB RSS, lower is better' '%.1f' rss
} | awk -F'|' -f eng/load-compare/chart.awk \
  -v title="MoniKit against a bare ASP.NET Core service and two peers" \
  -v subtitle="GET /orders/42 on $(nproc) CPUs, $(date -u +%Y-%m-%d), medians of $rounds interleaved rounds after a ${warmup} s warm-up (${duration} s, wrk -t$threads -c$connections); ReadyToRun" \
  -v footer="Written by eng/load-compare.sh. On each bar: its ratio to bare, and the measured value. Every logging service writes one JSON line per request." \
  -v names="bare ASP.NET Core|MoniKit|Serilog + prometheus-net|NLog + OpenTelemetry" > "$chart"
echo "Chart: $chart"
