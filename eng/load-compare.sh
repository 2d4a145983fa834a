#!/usr/bin/env bash
# Measures what MoniKit costs a web service, side by side on this machine, in one go:
#   a generated monikit-webapi service against a bare `dotnet new web` service serving the same GET /orders/{id:int}
#   (same handler code, same JSON body), both published in Release (ReadyToRun, as the generated Dockerfile does) and
#   run with Production settings on 127.0.0.1.
# Prints requests/s, p99 latency (saturated and at a paced, equal load), startup time (process start to the first successful request) and idle working set
# for both services, and MoniKit / bare ratios. Bounded to a few minutes; cleans up its processes.
#
#   eng/load-compare.sh                 pack the packages and templates first, then compare
#   ROUNDS=3 DURATION=10 CONNECTIONS=32 THREADS=2 STARTUPS=5 WARMUP=20 PACED_CONNECTIONS=10 PACE_MS=2 eng/load-compare.sh
#   MONIKIT_PACKAGES=<folder with a packed MoniKit.Templates and packages> eng/load-compare.sh   (skip packing)
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
  # The web API template needs only these packages; packing them alone is faster than the whole solution.
  for project in Core Logging Metrics Alerting.Slack AspNetCore; do
    dotnet pack "src/MoniKit.$project/MoniKit.$project.csproj" -c Release -o "$packages" -p:Version="$version" -nologo -v:q > "$work/pack.log" 2>&1 \
      || { cat "$work/pack.log" >&2; exit 1; }
  done
  dotnet pack MoniKit.Templates.csproj -c Release -o "$packages" -p:Version="$version" -nologo -v:q > "$work/pack.log" 2>&1 \
    || { cat "$work/pack.log" >&2; exit 1; }
fi
packages=$(cd "$packages" && pwd)
template=$(ls -t "$packages"/MoniKit.Templates.*.nupkg | head -n 1)

hive=$work/hive
log "Generating the monikit-webapi service and the bare service"
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
  || { echo "The generated service no longer sets InvariantGlobalization; align the bare service" >&2; exit 1; }

# Both are published as the generated Dockerfile publishes: Release, for this platform, precompiled (ReadyToRun).
log "Publishing both services (Release, ReadyToRun)"
for svc in monikit bare; do
  csproj=$work/bare/Orders.csproj
  [ "$svc" = monikit ] && csproj=$work/monikit/src/Orders/Orders.csproj
  dotnet publish "$csproj" -c Release --os linux -p:PublishReadyToRun=true -o "$work/run-$svc" -nologo -v:q \
    > "$work/build-$svc.log" 2>&1 || { cat "$work/build-$svc.log" >&2; exit 1; }
  # The same settings files for both: each service's own appsettings.json, Production environment.
done

# --- helpers ---------------------------------------------------------------------------------------------------------
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return
    fi
  done
}

declare -A port pid
start() { # start <svc>: starts the service on a free loopback port; sets port[svc] and pid[svc]
  local svc=$1
  port[$svc]=$(free_port)
  rm -rf "$work/run-$svc/logs"
  (cd "$work/run-$svc" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:${port[$svc]}" \
    DOTNET_gcServer=0 dotnet Orders.dll >> "$work/$svc.stdout.log" 2>&1) &
  pid[$svc]=$!
  pids+=("${pid[$svc]}")
}

stop() {
  local svc=$1
  kill "${pid[$svc]}" 2> /dev/null || true
  wait "${pid[$svc]}" 2> /dev/null || true
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

wait_ready() { # wait_ready <svc>: prints the milliseconds from now-ish until GET /orders/1 succeeds (max 60 s)
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# --- startup ---------------------------------------------------------------------------------------------------------
declare -A startup
log "Startup: $startups interleaved runs per service (process start to the first 200 from /orders/1)"
for i in $(seq 1 "$startups"); do
  order="bare monikit"
  [ $((i % 2)) -eq 0 ] && order="monikit bare"
  for svc in $order; do
    t0=$(now_ms)
    start "$svc"
    ms=$(wait_ready "$svc" "$t0") || exit 1
    startup[$svc]="${startup[$svc]:-} $ms"
    stop "$svc"
  done
done

# --- load ------------------------------------------------------------------------------------------------------------
for svc in bare monikit; do
  start "$svc"
  wait_ready "$svc" "$(now_ms)" > /dev/null || exit 1
done

# The JIT compiles MoniKit's, NLog's and OpenTelemetry's code while it runs (the framework's own is precompiled), and
# its tiering reaches the optimised code only after several seconds of load: measured too early, a run compares
# half-compiled code. The warm-up's own throughput is reported separately.
log "Warm-up: $warmup s per service, then $idle_seconds s idle"
declare -A warm_rps
for svc in bare monikit; do
  warm_rps[$svc]=$(wrk -t"$threads" -c"$connections" -d"${warmup}s" "http://127.0.0.1:${port[$svc]}/orders/42" \
    | awk '/^Requests\/sec:/ { print $2 }')
done
sleep "$idle_seconds"
declare -A rss
for svc in bare monikit; do rss[$svc]=$(rss_mb "$svc"); done

# Two runs per service and round. Saturated: wrk's connections send back to back, which measures throughput; its
# latency is mostly queueing, so it falls as throughput falls. Paced: $paced_connections connections that each pause
# $pace_ms ms after every answer, the same moderate load for both services, which measures what a request costs.
pace_script=$work/pace.lua
echo "function delay() return $pace_ms end" > "$pace_script"

run_wrk() { # run_wrk <svc> <wrk options...>: prints wrk's output; fails on errors
  local svc=$1 out
  shift
  out=$(wrk "$@" --latency "http://127.0.0.1:${port[$svc]}/orders/42")
  if echo "$out" | grep -q 'Non-2xx\|Socket errors'; then
    echo "$out" >&2
    echo "wrk reported errors against $svc" >&2
    exit 1
  fi
  echo "$out"
}

declare -A rps p99 paced_p99 paced_rps cpu_us
round_lines=()
log "Load: $rounds interleaved rounds per service of $duration s saturated (wrk -t$threads -c$connections) and $duration s paced (-c$paced_connections, $pace_ms ms pause)"
for r in $(seq 1 "$rounds"); do
  order="bare monikit"
  [ $((r % 2)) -eq 0 ] && order="monikit bare"
  declare -A this_rps this_p99 this_paced
  for svc in $order; do
    ticks=$(cpu_ticks "$svc")
    out=$(run_wrk "$svc" -t"$threads" -c"$connections" -d"${duration}s") || exit 1
    ticks=$(($(cpu_ticks "$svc") - ticks))
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    cpu_us[$svc]="${cpu_us[$svc]:-} $(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }')"
    this_rps[$svc]=$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')
    this_p99[$svc]=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
    out=$(run_wrk "$svc" -t"$threads" -c"$paced_connections" -d"${duration}s" -s "$pace_script") || exit 1
    this_paced[$svc]=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
    rps[$svc]="${rps[$svc]:-} ${this_rps[$svc]}"
    p99[$svc]="${p99[$svc]:-} ${this_p99[$svc]}"
    paced_p99[$svc]="${paced_p99[$svc]:-} ${this_paced[$svc]}"
    paced_rps[$svc]="${paced_rps[$svc]:-} $(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')"
  done
  round_lines+=("$(printf '| round %d | %10.0f | %11.0f | %6s | %11.2f | %14.2f | %6s | %13.2f | %16.2f | %6s |' "$r" \
    "${this_rps[bare]}" "${this_rps[monikit]}" "$(ratio "${this_rps[monikit]}" "${this_rps[bare]}")" \
    "${this_p99[bare]}" "${this_p99[monikit]}" "$(ratio "${this_p99[monikit]}" "${this_p99[bare]}")" \
    "${this_paced[bare]}" "${this_paced[monikit]}" "$(ratio "${this_paced[monikit]}" "${this_paced[bare]}")")")
done

# What MoniKit did meanwhile: lines written and events its queues dropped (a dropped line would flatter the figures).
metrics=$(curl -fs "http://127.0.0.1:${port[monikit]}/metrics" || true)
dropped=$(echo "$metrics" | awk '/^monikit_log_events_dropped_total/ { s += $2 } END { print s + 0 }')
logged=$(echo "$metrics" | awk '/^monikit_log_events_total/ { s += $2 } END { print s + 0 }')
for svc in bare monikit; do stop "$svc"; done

# --- report ----------------------------------------------------------------------------------------------------------
m() { echo "$1" | median; }
rb=$(m "${rps[bare]}") rm_=$(m "${rps[monikit]}")
pb=$(m "${p99[bare]}") pm=$(m "${p99[monikit]}")
qb=$(m "${paced_p99[bare]}") qm=$(m "${paced_p99[monikit]}")
sb=$(m "${startup[bare]}") sm=$(m "${startup[monikit]}")
verdict() { awk -v r="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? r >= t : r <= t; printf "%s %s %s", ok ? "met" : "MISSED", op, t }'; }

echo
echo "MoniKit load comparison on $(nproc) CPUs, $(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "GET /orders/42, Production settings, $rounds interleaved rounds per service: ${duration}s saturated (wrk -t$threads -c$connections), ${duration}s paced (-c$paced_connections, $pace_ms ms pause)"
echo
echo "| measure                         |       bare |    MoniKit | MoniKit / bare | target      |"
echo "| ------------------------------- | ---------: | ---------: | -------------: | ----------- |"
printf '| throughput (requests/s, median) | %10.0f | %10.0f | %14s | %s |\n' "$rb" "$rm_" "$(ratio "$rm_" "$rb")" "$(verdict "$(ratio "$rm_" "$rb")" 0.85 '>=')"
cb=$(m "${cpu_us[bare]}") cm=$(m "${cpu_us[monikit]}")
printf '| CPU per request (µs, median)    | %10.1f | %10.1f | %14s | (explains throughput) |\n' "$cb" "$cm" "$(ratio "$cm" "$cb")"
printf '| p99 latency, paced (ms, median) | %10.2f | %10.2f | %14s | %s |\n' "$qb" "$qm" "$(ratio "$qm" "$qb")" "$(verdict "$(ratio "$qm" "$qb")" 1.2 '<=')"
printf '| p99 latency, saturated (ms)     | %10.2f | %10.2f | %14s | (queueing) |\n' "$pb" "$pm" "$(ratio "$pm" "$pb")"
printf '| paced load (requests/s, median) | %10.0f | %10.0f | %14s | (same load) |\n' "$(m "${paced_rps[bare]}")" "$(m "${paced_rps[monikit]}")" "$(ratio "$(m "${paced_rps[monikit]}")" "$(m "${paced_rps[bare]}")")"
printf '| startup to first 200 (ms, med.) | %10.0f | %10.0f | %14s | %s |\n' "$sb" "$sm" "$(ratio "$sm" "$sb")" "$(verdict "$(ratio "$sm" "$sb")" 1.3 '<=')"
printf '| idle working set (MB RSS)       | %10.1f | %10.1f | %14s | %s |\n' "${rss[bare]}" "${rss[monikit]}" "$(ratio "${rss[monikit]}" "${rss[bare]}")" "$(verdict "$(ratio "${rss[monikit]}" "${rss[bare]}")" 1.3 '<=')"
printf '| warm-up throughput (first %2d s)  | %10.0f | %10.0f | %14s | (no target) |\n' "$warmup" "${warm_rps[bare]}" "${warm_rps[monikit]}" "$(ratio "${warm_rps[monikit]}" "${warm_rps[bare]}")"
echo
echo "| run     |   bare rps | MoniKit rps |  ratio | bare p99 ms | MoniKit p99 ms |  ratio | bare paced p99 | MoniKit paced p99 |  ratio |"
echo "| ------- | ---------: | ----------: | -----: | ----------: | -------------: | -----: | -------------: | ----------------: | -----: |"
printf '%s\n' "${round_lines[@]}"
echo
echo "startup runs (ms): bare${startup[bare]}; MoniKit${startup[monikit]}"
echo "MoniKit logged $logged events (monikit_log_events_total); its log queues dropped $dropped (monikit_log_events_dropped_total)."
echo "Services, logs and wrk output: $work"
