#!/usr/bin/env bash
# MoniKit's developer entry point.
#   ./build.sh sample   pack everything, install the templates, create and run a sample monikit-webapi service
#   ./build.sh test     install test prerequisites, then build and run every test; ends with "N passed, N failed"
#   ./build.sh pack     pack the packages and the template pack into artifacts/packages
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
unset ArtifactsPath || true

packages=$root/artifacts/packages

pack() {
  # A fresh version each time: NuGet caches packages by id and version, so a reused version would serve stale code.
  version=${MONIKIT_VERSION:-0.1.0-dev.$(date -u +%Y%m%d%H%M%S)}
  mkdir -p "$packages"
  echo "Packing MoniKit $version into $packages"
  dotnet pack MoniKit.Packages.slnf -c Release -o "$packages" -p:Version="$version" -nologo -v:q
  dotnet pack MoniKit.Templates.csproj -c Release -o "$packages" -p:Version="$version" -nologo -v:q
}

sample() {
  pack
  dotnet new install "$packages/MoniKit.Templates.$version.nupkg" --force
  local dir=$root/artifacts/sample/Orders port=${SAMPLE_PORT:-5080}
  sample_pid=
  rm -rf "$dir"
  # The sample stands alone, as a user's service would: it must not inherit this repository's build settings.
  mkdir -p "$(dirname "$dir")"
  for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
    echo '<Project />' > "$(dirname "$dir")/$f"
  done
  dotnet new monikit-webapi -n Orders -o "$dir" --package-source "$packages" --http-port "$port"
  dotnet build "$dir" -c Release -nologo -v:q
  echo
  echo "Starting the sample service on http://127.0.0.1:$port (Production settings: every JSON line in the log files, Warning and up on stdout)"
  # Run from the project folder, as 'dotnet run' does: it is the content root, where appsettings.json is read.
  (cd "$dir/src/Orders" && ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
     dotnet bin/Release/net10.0/Orders.dll > "$dir/stdout.log" 2>&1) &
  sample_pid=$!
  trap 'kill "$sample_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/ping" > /dev/null 2>&1 && break; sleep 0.3; done
  curl -fs -H 'traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' "http://127.0.0.1:$port/orders/42" > /dev/null
  curl -s "http://127.0.0.1:$port/demo/failure" > /dev/null || true
  curl -fs "http://127.0.0.1:$port/metrics" > /dev/null
  sleep 1
  echo
  echo "The service's log files are in $dir/src/Orders/logs:"
  ls -1 "$dir/src/Orders/logs"
  echo
  echo "What the request to /orders/42 (trace 4bf92f35...) and the failure at /demo/failure logged:"
  grep -h -E '"(http.inbound|exception)"' "$dir/src/Orders/logs/orders.json" | head -n 4 || true
  echo
  echo "Try: curl http://127.0.0.1:$port/orders/7   curl http://127.0.0.1:$port/metrics   curl http://127.0.0.1:$port/health"
  if [ -t 0 ] && [ -z "${CI:-}" ]; then
    echo "The service runs until you press Ctrl+C."
    wait "$sample_pid"
  fi
}

install_test_prerequisites() {
  # The template, stack and database tests drive real programs: Prometheus, Alertmanager, docker-compose, PostgreSQL,
  # and npm for the dashboard type check. Installed here, once, so that test projects running in parallel never race
  # for the package manager.
  local missing=()
  command -v promtool > /dev/null || missing+=(prometheus)
  command -v amtool > /dev/null || missing+=(prometheus-alertmanager)
  command -v docker-compose > /dev/null || missing+=(docker-compose)
  compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
  command -v curl > /dev/null || missing+=(curl)
  command -v npm > /dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Missing test prerequisites: ${missing[*]} (install them with apt-get, or run as root)" >&2
      exit 1
    fi
    echo "Installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
  fi
  # Debian starts the packaged services; the tests run their own instances on loopback instead.
  for svc in prometheus prometheus-alertmanager postgresql; do
    (service "$svc" stop > /dev/null 2>&1 || true)
  done
}

test() {
  install_test_prerequisites
  local results=$root/artifacts/test-results
  rm -rf "$results"
  dotnet build MoniKit.slnx -c Release -nologo -v:q
  # Template content must compile as it stands, under its placeholder names, against the sources.
  for solution in templates/*/MoniKitService.slnx; do
    local template
    template=$(basename "$(dirname "$solution")")
    dotnet build "$solution" -c Release -nologo -v:q -p:ArtifactsPath="$root/artifacts/templates/$template"
  done
  set +e
  dotnet test MoniKit.slnx -c Release --no-build --logger trx --results-directory "$results" -nologo
  local code=$?
  set -e
  local passed=0 failed=0 p f
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
    f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
  done
  if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the run failed without a failing test (a crash or a build error): never report it as green
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

case "${1:-}" in
  pack) pack ;;
  sample) sample ;;
  test) test ;;
  *) echo "usage: ./build.sh sample|test|pack" >&2; exit 2 ;;
esac
