#!/usr/bin/env bash
# B8 page timing: logs in with a browser-style session (form login + CSRF) and times GET /tasks and
# GET /tasks/group with curl, reporting p50/p95/p99 per page. Run it against an Opsflow whose database
# has been seeded by TaskListQueryBenchmark (see docs/benchmarks.md, "Task-list page").
#
#   scripts/bench-tasklist-page.sh [base-url] [user] [password] [requests]
#   defaults: http://localhost:8080 user-001 bench-password 200
set -euo pipefail

BASE=${1:-http://localhost:8080}
USER_NAME=${2:-user-001}
PASSWORD=${3:-bench-password}
REQUESTS=${4:-200}
WARMUP=20

JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

csrf=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -n1)
if [[ -z "$csrf" ]]; then
  echo "No CSRF token on $BASE/login; is Opsflow running there?" >&2
  exit 1
fi
status=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR" -b "$JAR" \
  --data-urlencode "username=$USER_NAME" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" \
  "$BASE/login")
if [[ "$status" == *"error"* || "$status" != 302* ]]; then
  echo "Login as $USER_NAME failed ($status)" >&2
  exit 1
fi

# Prints "p50 p95 p99" in milliseconds of the numbers (seconds) on stdin.
percentiles() {
  sort -n | awk '{ v[NR] = $1 * 1000 } END {
    split("0.50 0.95 0.99", q, " ");
    for (i = 1; i <= 3; i++) { r = int(q[i] * NR); if (r < q[i] * NR) r++; if (r < 1) r = 1; printf "%.1f ", v[r] }
    print "" }'
}

time_page() {
  local path=$1 code
  for ((i = 0; i < WARMUP; i++)); do curl -sS -o /dev/null -b "$JAR" "$BASE$path"; done
  code=$(curl -sS -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE$path")
  if [[ "$code" != 200 ]]; then
    echo "GET $path answered $code (not logged in, or the page does not exist yet)" >&2
    return 1
  fi
  for ((i = 0; i < REQUESTS; i++)); do
    curl -sS -o /dev/null -w '%{time_total}\n' -b "$JAR" "$BASE$path"
  done | percentiles
}

echo "Opsflow task-list pages at $BASE as $USER_NAME, $REQUESTS sequential requests each after $WARMUP warm-up"
echo "page            p50 ms  p95 ms  p99 ms"
for page in /tasks /tasks/group; do
  if read -r p50 p95 p99 < <(time_page "$page"); then
    printf '%-15s %7s %7s %7s\n' "$page" "$p50" "$p95" "$p99"
  else
    printf '%-15s %s\n' "$page" "not measured"
  fi
done
