#!/usr/bin/env bash
# Each app of a running local stack (./run.sh), restarted alone with the database and the other apps up:
# the time until its management port answers ready, what Quarkus says it took, and its RSS and heap once ready
# and after a short burst of requests. Prints a markdown table (the one in the README's Footprint section).
# Usage: ./run.sh in one terminal, then  bench/footprint/footprint.sh [JVM options to try instead of the launcher's]
#   e.g. bench/footprint/footprint.sh -XX:+UseG1GC      (no argument: the options ./run.sh gave each app)
# Settings: ROUNDS (3, the median is printed), APPS ("gateway listings matching billing web"),
#   TRY_ENV (environment to add, e.g. "MALLOC_ARENA_MAX=4").
set -euo pipefail
ROUNDS=${ROUNDS:-3}
APPS=${APPS:-"gateway listings matching billing web"}
TRY_OPTS=("$@")
declare -A PORT=([gateway]=8080 [listings]=8081 [matching]=8082 [billing]=8083 [web]=8084)
# a public read for each app; matching and billing have none without a token, so their readiness check (which asks
# the database) on the management port stands in
declare -A PROBE=([gateway]=8080/api/v1/skills [listings]=8081/api/v1/skills [matching]=9082/q/health/ready
  [billing]=9083/q/health/ready [web]=8084/)

pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
# heap in use (survivors, eden, old) as the JVM reports it; the web app has no metrics endpoint
heap_mb() { jstat -gc "$1" | awk 'NR==2 {printf "%d", ($3+$4+$6+$8)/1024}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| app | ready (s, wall) | Quarkus \"started in\" (s) | RSS ready (MB) | RSS after 2,000 requests (MB) | heap used (MB) |"
echo "|---|---|---|---|---|---|"
for app in $APPS; do
  port=${PORT[$app]}; mgmt=$((port + 1000))
  pid=$(pid_on "$port")
  [[ -n "$pid" ]] || { echo "$app is not running on $port: start ./run.sh first" >&2; exit 1; }
  dir=$(readlink "/proc/$pid/cwd")
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  mapfile -d '' envs < "/proc/$pid/environ"
  for extra in ${TRY_ENV:-}; do envs+=("$extra"); done
  if [[ ${#TRY_OPTS[@]} -gt 0 ]]; then   # java [launcher's options] -jar JAR  ->  java [TRY_OPTS] -jar JAR
    jar_at=0; for i in "${!cmd[@]}"; do [[ "${cmd[$i]}" == "-jar" ]] && jar_at=$i; done
    cmd=("${cmd[0]}" "${TRY_OPTS[@]}" "${cmd[@]:$jar_at}")
  fi
  walls=(); starts=(); rss1=(); rss2=(); heaps=()
  for round in $(seq 1 "$ROUNDS"); do
    kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    log=$(mktemp)
    t0=$(date +%s.%N)
    (cd "$dir" && exec env -i "${envs[@]}" "${cmd[@]}" > "$log" 2>&1) &
    pid=$!
    until curl -fsS -o /dev/null "http://127.0.0.1:$mgmt/q/health/ready" 2>/dev/null; do sleep 0.05; done
    t1=$(date +%s.%N)
    walls+=("$(echo "$t1 - $t0" | bc)")
    starts+=("$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)")
    sleep 3; rss1+=("$(rss_mb "$pid")")
    for _ in $(seq 1 2000); do printf 'url = "http://127.0.0.1:%s"\noutput = "/dev/null"\n' "${PROBE[$app]}"; done > "$log.curl"
    curl -s -K "$log.curl" --parallel --parallel-max 8 >/dev/null 2>&1 || true
    sleep 2; rss2+=("$(rss_mb "$pid")"); heaps+=("$(heap_mb "$pid")")
    rm -f "$log" "$log.curl"
  done
  printf '| %s | %.1f | %s | %s | %s | %s |\n' "$app" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(printf '%s\n' "${starts[@]}" | median)" "$(printf '%s\n' "${rss1[@]}" | median)" \
    "$(printf '%s\n' "${rss2[@]}" | median)" "$(printf '%s\n' "${heaps[@]}" | median)"
done
echo
echo "JVM options: ${TRY_OPTS[*]:-as ./run.sh gives them}${TRY_ENV:+; environment: $TRY_ENV}; $(nproc) cores; $(java -version 2>&1 | head -1)"
