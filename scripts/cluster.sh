#!/usr/bin/env bash
# Starts a two-node Opsflow cluster on loopback against one PostgreSQL database. See --help.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="$ROOT/data/cluster"
PG_HOST="${OPSFLOW_TEST_PG_HOST:-127.0.0.1}"
PG_PORT="${OPSFLOW_TEST_PG_PORT:-5432}"
PG_USER="${OPSFLOW_TEST_PG_USER:-postgres}"
PG_ADMIN_DB="${OPSFLOW_TEST_PG_DATABASE:-test}"
PORT_A="${PORT_A:-8081}"
PORT_B="${PORT_B:-8082}"
START_TIMEOUT="${START_TIMEOUT:-240}"

usage() {
  cat <<EOF
Usage: scripts/cluster.sh [start|stop|status|--help]

start (default)  Builds target/opsflow-*.jar if missing (./mvnw -q -DskipTests package), creates a
                 fresh PostgreSQL database on $PG_HOST:$PG_PORT (user $PG_USER) unless DATABASE_URL
                 is set, and starts two nodes on loopback:
                   nodeA  http://127.0.0.1:$PORT_A   (OPSFLOW_NODE_ID=nodeA)
                   nodeB  http://127.0.0.1:$PORT_B   (OPSFLOW_NODE_ID=nodeB)
                 each with -XX:ActiveProcessorCount=1, job lock time 30 s, expired-lock reset every
                 5 s, a Hikari pool of 12 (a webhook delivery in flight holds 2), 4 job threads and no demo data. Logs go to
                 data/cluster/nodeA.log and nodeB.log. Waits until /actuator/health is UP on both
                 and prints the URLs, PIDs and the admin password.
stop             Sends SIGTERM to both nodes (graceful shutdown: running jobs finish, this node's
                 job locks are released), waits up to 60 s, then drops the database the script
                 created (not one given by DATABASE_URL).
status           Prints which nodes are running.

Environment: DATABASE_URL / DATABASE_USERNAME / DATABASE_PASSWORD (use an existing database),
OPSFLOW_ADMIN_PASSWORD (default: cluster-admin), PORT_A, PORT_B, START_TIMEOUT (seconds, default 240),
OPSFLOW_TEST_PG_HOST/PORT/USER/DATABASE (the server where the fresh database is created).
Try it: kill -9 one node while a process has async jobs and watch the other take them over after
the lock time (30 s) plus the reset interval (5 s). Details in docs/reliability.md.
EOF
}

psql_admin() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_ADMIN_DB" -v ON_ERROR_STOP=1 -qAt -c "$1"
}

running_pid() {
  local file="$STATE/$1.pid"
  [[ -f "$file" ]] && kill -0 "$(cat "$file")" 2>/dev/null && cat "$file"
}

start() {
  mkdir -p "$STATE"
  for node in nodeA nodeB; do
    if pid=$(running_pid "$node"); then
      echo "$node is already running (pid $pid); run scripts/cluster.sh stop first" >&2
      exit 1
    fi
  done
  local jar
  jar=$(ls "$ROOT"/target/opsflow-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
  if [[ -z "$jar" ]]; then
    echo "Building the jar (./mvnw -q -DskipTests package)..."
    (cd "$ROOT" && ./mvnw -q -DskipTests package)
    jar=$(ls "$ROOT"/target/opsflow-*.jar | grep -v '\.original$' | head -1)
  fi
  local url="${DATABASE_URL:-}"
  rm -f "$STATE/database"
  if [[ -z "$url" ]]; then
    local db="opsflow_cluster_$(date +%Y%m%d_%H%M%S)_$RANDOM"
    psql_admin "create database $db"
    echo "$db" > "$STATE/database"
    url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db"
    echo "Created database $db"
  fi
  local password="${OPSFLOW_ADMIN_PASSWORD:-cluster-admin}"
  local secret="${OPSFLOW_SECRET_KEY:-$(head -c 32 /dev/urandom | base64)}"
  for node in nodeA nodeB; do
    local port=$PORT_A
    [[ $node == nodeB ]] && port=$PORT_B
    SPRING_PROFILES_ACTIVE=postgres DATABASE_URL="$url" DATABASE_USERNAME="${DATABASE_USERNAME:-$PG_USER}" \
      DATABASE_PASSWORD="${DATABASE_PASSWORD:-}" OPSFLOW_NODE_ID=$node OPSFLOW_ADMIN_PASSWORD="$password" \
      OPSFLOW_SECRET_KEY="$secret" OPSFLOW_DEMO=false OPSFLOW_DB_POOL_SIZE=12 PORT=$port \
      setsid nohup java -XX:ActiveProcessorCount=1 -Xmx512m -jar "$jar" \
        --server.address=127.0.0.1 \
        --opsflow.engine.job-lock-time=PT30S \
        --opsflow.engine.reset-expired-jobs-interval=PT5S \
        --opsflow.engine.job-threads=4 \
        --opsflow.messaging.secret-key-file="$STATE/secret.key" \
        >"$STATE/$node.log" 2>&1 &
    echo $! > "$STATE/$node.pid"
    echo "$port" > "$STATE/$node.port"
  done
  local deadline=$((SECONDS + START_TIMEOUT))
  for node in nodeA nodeB; do
    local port
    port=$(cat "$STATE/$node.port")
    until curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
      if ! running_pid "$node" >/dev/null; then
        echo "$node exited during start-up; see $STATE/$node.log" >&2
        exit 1
      fi
      if (( SECONDS > deadline )); then
        echo "$node not UP after ${START_TIMEOUT}s; see $STATE/$node.log (scripts/cluster.sh stop cleans up)" >&2
        exit 1
      fi
      sleep 2
    done
  done
  echo "Cluster is UP (database $url, admin password: $password)"
  for node in nodeA nodeB; do
    echo "  $node  http://127.0.0.1:$(cat "$STATE/$node.port")  pid $(cat "$STATE/$node.pid")  log data/cluster/$node.log"
  done
  echo "Stop it with: scripts/cluster.sh stop"
}

stop() {
  for node in nodeA nodeB; do
    if pid=$(running_pid "$node"); then
      kill -TERM "$pid"
      echo "SIGTERM sent to $node (pid $pid)"
    fi
  done
  local deadline=$((SECONDS + 60))
  for node in nodeA nodeB; do
    while pid=$(running_pid "$node"); do
      if (( SECONDS > deadline )); then
        echo "$node (pid $pid) still running after 60 s; sending SIGKILL" >&2
        kill -KILL "$pid" || true
        break
      fi
      sleep 1
    done
    rm -f "$STATE/$node.pid"
  done
  if [[ -f "$STATE/database" ]]; then
    local db
    db=$(cat "$STATE/database")
    psql_admin "drop database if exists $db with (force)" && echo "Dropped database $db"
    rm -f "$STATE/database"
  fi
}

status() {
  for node in nodeA nodeB; do
    if pid=$(running_pid "$node"); then echo "$node running (pid $pid)"; else echo "$node stopped"; fi
  done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
