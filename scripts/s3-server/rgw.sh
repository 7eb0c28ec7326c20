#!/usr/bin/env bash
# Start / stop a throwaway one-machine Ceph cluster with a RADOS Gateway (a real
# S3-compatible server) on 127.0.0.1, for tests and local development.
#
#   rgw.sh start DIR PORT   start it; S3 on http://127.0.0.1:PORT
#   rgw.sh stop DIR         stop the daemons recorded under DIR and wait for them
#   rgw.sh status DIR       exit 0 when every recorded daemon is alive
#
# The whole state (ceph.conf, mon data, osd data, admin sockets, pid files, logs)
# lives under DIR; nothing in /etc/ceph or /var/lib/ceph is read or written, so
# several clusters can run side by side (each picks its own free monitor port).
# Objects live in RAM (memstore OSD) and are gone after `stop`.
#
# Environment:
#   S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY  user's keys (opsgraph-test /
#                                            opsgraph-test-secret)
#   RGW_MON_PORT          monitor port (default: a free one)
#   RGW_START_TIMEOUT     seconds to wait for each start-up step (default 60)
#   RGW_MEMSTORE_BYTES    RAM budget for stored objects (default 1 GiB)
#   RGW_OWNER_PID         stop the cluster automatically once this process is
#                         gone (the test helper passes its own PID so an aborted
#                         test run leaves no daemons behind)
#
# Install the packages first with scripts/s3-server/install.sh.
# See /work/shared/PLATFORM.md, "A real S3-compatible server on loopback".
set -euo pipefail

ACCESS_KEY=${S3_ACCESS_KEY_ID:-opsgraph-test}
SECRET_KEY=${S3_SECRET_ACCESS_KEY:-opsgraph-test-secret}
TIMEOUT=${RGW_START_TIMEOUT:-60}
MEMSTORE_BYTES=${RGW_MEMSTORE_BYTES:-1073741824}

# RGW's pools in the default zone. Creating them before radosgw starts saves ~2 s
# on the first bucket and on the first multipart upload (RGW would otherwise
# create each lazily, waiting for the new placement groups to peer).
RGW_POOLS=(
  .rgw.root
  default.rgw.control
  default.rgw.meta
  default.rgw.log
  default.rgw.buckets.index
  default.rgw.buckets.data
  default.rgw.buckets.non-ec
)

die() {
  echo "rgw.sh: $*" >&2
  exit 1
}

# For failures: the tail of the failed step's output (if any) and of each
# daemon's log and stdout/stderr.
FAILED_STEP=""
show_logs() {
  local f
  for f in ${FAILED_STEP:+"$DIR/log/$FAILED_STEP.log"} "$DIR"/log/{mon.a,osd.0,client.rgw.gw}.log "$DIR"/log/*.out; do
    [[ -s "$f" ]] || continue
    echo "----- tail of $f -----" >&2
    grep -v '^$' "$f" | tail -n 20 >&2
  done
}

fail() {
  echo "rgw.sh: $*" >&2
  show_logs
  # Do not leave half a cluster running.
  stop_daemons >/dev/null 2>&1 || true
  exit 1
}

# Run a step with its output in $DIR/log/<name>.log; on failure, show it and stop.
step() {
  local name=$1
  shift
  if ! "$@" >"$DIR/log/$name.log" 2>&1; then
    FAILED_STEP=$name
    fail "step '$name' failed: $*"
  fi
}

now() { date +%s.%N; }
elapsed() { awk -v s="$1" -v e="$(now)" 'BEGIN { printf "%.1f", e - s }'; }

# Time spent per phase, printed with the "ready" line (start-up time is what
# every test run pays, so keep an eye on it).
TIMINGS=""
LAP=""
lap() {
  TIMINGS+="${TIMINGS:+, }$1 $(elapsed "$LAP")"
  LAP=$(now)
}

# A free TCP port on 127.0.0.1 (the kernel picks one; a tiny race until the
# monitor binds it is acceptable, and a clash fails loudly at the monitor step).
# /usr/bin/python3 is there: the ceph CLI itself is a Python program (so no
# dependency on ss, curl or the like).
free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Can we bind 127.0.0.1:PORT right now?
port_free() {
  /usr/bin/python3 -c 'import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}

# Does an HTTP server answer on 127.0.0.1:PORT (any status)? (Python rather than
# curl, which a fresh machine may lack.)
http_answers() {
  /usr/bin/python3 -c 'import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen("http://127.0.0.1:%s/" % sys.argv[1], timeout=2).close()
except urllib.error.HTTPError:
    pass' "$1" 2>/dev/null
}

# Is PID alive and one of this cluster's processes? Every process we start has
# "$DIR/ceph.conf" on its command line, which protects `stop` against PIDs that
# the kernel reused for something else. (A zombie has an empty command line.)
ours() {
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR/ceph.conf"
}

recorded_pids() {
  local f
  for f in "$DIR"/run/*.pid; do
    [[ -e "$f" ]] && cat "$f"
  done
}

# Start a daemon in the background with output in $DIR/log/<name>.out and record
# its PID. `setsid` detaches it from the caller's session and terminal (Ctrl-C in
# a test runner must not half-kill the cluster; the watchdog and `stop` end it);
# in a non-interactive script the background job is not a process-group leader,
# so setsid execs in place and $! is the daemon's own PID.
spawn() {
  local name=$1
  shift
  setsid "$@" </dev/null >"$DIR/log/$name.out" 2>&1 &
  echo $! >"$DIR/run/$name.pid"
}

# Wait (bounded) until "$@" succeeds, failing early when a recorded daemon died.
wait_for() {
  local what=$1
  shift
  local deadline=$((SECONDS + TIMEOUT)) f
  until "$@" >/dev/null 2>&1; do
    for f in "$DIR"/run/*.pid; do
      [[ -e "$f" ]] || continue
      ours "$(cat "$f")" || fail "$(basename "$f" .pid) exited while waiting for $what"
    done
    ((SECONDS < deadline)) || fail "timed out after ${TIMEOUT}s waiting for $what"
    sleep 0.1
  done
}

# The ceph CLI, bounded. (A short connect timeout, so that wait_for notices a
# dead monitor soon; the whole command is bounded by $TIMEOUT.)
ceph_cmd() { timeout "$TIMEOUT" ceph -c "$DIR/ceph.conf" --connect-timeout 10 "$@"; }

write_conf() {
  local fsid=$1 mon_port=$2 port=$3
  cat >"$DIR/ceph.conf" <<EOF
# Generated by scripts/s3-server/rgw.sh: throwaway one-machine cluster.
[global]
fsid = $fsid
mon host = v2:127.0.0.1:$mon_port
public addr = 127.0.0.1
public network = 127.0.0.1/32
# Messenger v2 only: the OSD binds 4 ports instead of 8 (from 6800 up, the first
# free ones, so several clusters coexist).
ms bind msgr1 = false
# Loopback only and thrown away after the tests: no cephx between the daemons.
auth cluster required = none
auth service required = none
auth client required = none
# Keep every path under DIR instead of /var/lib/ceph, /var/run/ceph, /var/log/ceph.
run dir = $DIR/run
crash dir = $DIR/crash
log file = $DIR/log/\$name.log
keyring = $DIR/keyring
mon data = $DIR/mon/\$name
osd data = $DIR/osd/\$name
# One OSD holding one copy of everything.
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
# The monitor batches map changes for up to 1 s by default, so every pool
# creation, the OSD's boot and each PG state change would cost a second.
paxos propose interval = 0.02
paxos min wait = 0.005
# Objects in RAM: fast, no disk to prepare, gone on stop.
osd objectstore = memstore
memstore device bytes = $MEMSTORE_BYTES
# Fewer threads: CI machines have two cores.
osd op num shards = 1
osd op num threads per shard = 2
# On stop an OSD waits up to 5 s for the monitor's ack; nothing to protect here.
osd mon shutdown timeout = 0.5

[mon]
admin socket = $DIR/run/\$name.asok

[osd]
admin socket = $DIR/run/\$name.asok

[client]
# With auth=none a client that asks for a "secure" monitor session waits 300 s
# for one that never comes; crc mode connects at once.
ms mon client mode = crc

[client.rgw.gw]
admin socket = $DIR/run/\$name.asok
rgw data = $DIR/rgw
# tcp_nodelay: ~5 ms per request instead of ~45 ms (Nagle + delayed ACKs).
rgw frontends = beast endpoint=127.0.0.1:$port tcp_nodelay=1
# Background threads that sleep in 5 s steps make radosgw take 5 s to stop, and
# do nothing useful in a short-lived test server (lifecycle expiration, bucket
# index resharding).
rgw enable lc threads = false
rgw dynamic resharding = false
EOF
}

start() {
  local port=$1
  [[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
  local t0
  t0=$(now)
  LAP=$t0

  # Refuse to start over a live cluster; otherwise start from a clean DIR (a
  # previous run's leftovers would confuse mkfs).
  if [[ -d "$DIR/run" ]]; then
    local pid
    for pid in $(recorded_pids); do
      ours "$pid" && die "a cluster is already running in $DIR (pid $pid); run: $0 stop $DIR"
    done
  fi
  rm -rf "$DIR/mon" "$DIR/osd" "$DIR/rgw" "$DIR/run" "$DIR/log" "$DIR/crash" \
    "$DIR/ceph.conf" "$DIR/keyring" "$DIR/monmap"
  mkdir -p "$DIR/mon/mon.a" "$DIR/osd/osd.0" "$DIR/rgw" "$DIR/run" "$DIR/log" "$DIR/crash"

  # Every daemon and command below reads only this file.
  export CEPH_CONF="$DIR/ceph.conf"
  local fsid mon_port
  fsid=$(cat /proc/sys/kernel/random/uuid)
  mon_port=${RGW_MON_PORT:-$(free_port)}
  # (ceph-mon itself would retry a busy port for 10 s before giving up.)
  port_free "$mon_port" || die "port 127.0.0.1:$mon_port (monitor) is in use"
  write_conf "$fsid" "$mon_port" "$port"
  # An empty keyring keeps the tools from searching /etc/ceph for one.
  : >"$DIR/keyring"

  # Is the S3 port free? A clash would otherwise only show as a radosgw that
  # exits (or worse, someone else's server answering). Callers that picked the
  # port themselves may retry with another one on this message.
  port_free "$port" || die "port 127.0.0.1:$port is in use"

  # Optional watchdog: when the owner (e.g. the test runner) dies without calling
  # stop, stop the cluster. Started first so it covers a failed start as well.
  if [[ -n "${RGW_OWNER_PID:-}" ]]; then
    # ($4, the config's path, is only there to mark the process as ours.)
    spawn watchdog bash -c '
      # A dead owner may linger as a zombie, which kill -0 still "finds".
      while [[ -e /proc/$1 ]] && ! grep -q "^State:.*zombie" /proc/$1/status 2>/dev/null; do
        [[ -e "$2/run/watchdog.pid" ]] || exit 0 # stopped normally
        sleep 1
      done
      exec "$3" stop "$2"' watchdog "$RGW_OWNER_PID" "$DIR" "$(realpath "$0")" "$DIR/ceph.conf"
  fi

  # 1. Monitor: a monmap with our single monitor, then its store.
  step monmaptool monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$DIR/monmap"
  step mon-mkfs ceph-mon -c "$DIR/ceph.conf" --mkfs -i a --monmap "$DIR/monmap"
  spawn mon.a ceph-mon -c "$DIR/ceph.conf" -f -i a
  lap mkfs

  # 2. OSD: register it with the monitor (returns id 0), format its memstore,
  #    start it. `osd new` needs the monitor, so this also waits for it.
  local osd_uuid
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  wait_for "the monitor on 127.0.0.1:$mon_port" ceph_cmd osd new "$osd_uuid" 0
  lap mon
  step osd-mkfs ceph-osd -c "$DIR/ceph.conf" -i 0 --mkfs --osd-uuid "$osd_uuid"
  spawn osd.0 ceph-osd -c "$DIR/ceph.conf" -f -i 0

  # 3. RGW's pools, all in one ceph CLI call (the CLI reads commands from stdin;
  #    each call would be a ~0.3 s Python start). No `osd pool application
  #    enable`: it only silences a health warning and costs a monitor round each.
  local pool cmds=""
  for pool in "${RGW_POOLS[@]}"; do
    cmds+="osd pool create $pool"$'\n'
  done
  lap osd
  step pools ceph_cmd <<<"$cmds"
  lap pools

  # 4. radosgw. It blocks in start-up until the OSD is up and the pools' placement
  #    groups are active, so waiting for HTTP covers all of that.
  spawn rgw.gw radosgw -c "$DIR/ceph.conf" -f -n client.rgw.gw
  wait_for "radosgw on 127.0.0.1:$port" http_answers "$port"
  lap radosgw

  # 5. The S3 user with known keys (radosgw-admin talks to RADOS directly).
  step user-create timeout "$TIMEOUT" radosgw-admin -c "$DIR/ceph.conf" user create \
    --uid "$ACCESS_KEY" --display-name "opsgraph tests" \
    --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY"

  lap user
  echo "rgw.sh: cluster in $DIR ready in $(elapsed "$t0") s ($TIMINGS; mon port $mon_port)" >&2
  echo "S3_ENDPOINT=http://127.0.0.1:$port"
}

# SIGTERM the given PIDs, wait (bounded) for them to exit, then SIGKILL leftovers.
term_and_wait() {
  (($#)) || return 0
  local pids=("$@") left pid deadline=$((SECONDS + 10))
  kill -TERM "${pids[@]}" 2>/dev/null || true
  while :; do
    left=()
    for pid in "${pids[@]}"; do
      ours "$pid" && left+=("$pid")
    done
    ((${#left[@]})) || return 0
    if ((SECONDS >= deadline)); then
      echo "rgw.sh: killing ${left[*]} (still alive 10 s after SIGTERM)" >&2
      kill -KILL "${left[@]}" 2>/dev/null || true
      sleep 0.2
      return 0
    fi
    sleep 0.05
  done
}

# Stop every recorded daemon, clients before servers: radosgw (and the watchdog)
# first, since it talks to the OSD while shutting down; then the OSD, which tells
# the monitor it is going down and waits for the answer; the monitor last.
stop_daemons() {
  local f pid rgw=() osd=() mon=()
  for f in "$DIR"/run/*.pid; do
    [[ -e "$f" ]] || continue
    pid=$(cat "$f")
    # ($$: the watchdog runs this very function, as its last act.)
    [[ "$pid" != "$$" ]] && ours "$pid" || continue
    case "$(basename "$f")" in
      mon.*) mon+=("$pid") ;;
      osd.*) osd+=("$pid") ;;
      *) rgw+=("$pid") ;;
    esac
  done
  # The watchdog's pid file goes first, so that the watchdog just exits.
  rm -f "$DIR/run/watchdog.pid"
  term_and_wait "${rgw[@]}"
  term_and_wait "${osd[@]}"
  term_and_wait "${mon[@]}"
  rm -f "$DIR"/run/*.pid
}

status() {
  local pid n=0
  for pid in $(recorded_pids); do
    ours "$pid" || { echo "rgw.sh: pid $pid is not running" >&2; return 1; }
    n=$((n + 1))
  done
  ((n)) || { echo "rgw.sh: nothing running in $DIR" >&2; return 1; }
  echo "rgw.sh: $n daemons running in $DIR"
}

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

cmd=${1:-}
[[ -n "${2:-}" ]] || usage
[[ "$cmd" != start ]] || mkdir -p "$2"
DIR=$(realpath -m "$2")
case "$cmd" in
  start)
    [[ -n "${3:-}" ]] || usage
    start "$3"
    ;;
  stop) stop_daemons ;;
  status) status ;;
  *) usage ;;
esac
