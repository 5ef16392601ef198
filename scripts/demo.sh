# Sourced by ./shomei demo: starts every component that is built, as separate processes on
# loopback, prints where to look, and stops them all on Ctrl-C. Uses the launcher's functions.

DEMO_PIDS=()

demo_stop() {
  trap - EXIT INT TERM
  if [ ${#DEMO_PIDS[@]} -gt 0 ]; then
    echo
    echo "shomei demo: stopping ..."
    kill "${DEMO_PIDS[@]}" 2>/dev/null || true
    wait "${DEMO_PIDS[@]}" 2>/dev/null || true
  fi
  echo "shomei demo: stopped"
}

DEMO_PORTS=()

# demo_start NAME "PORTS" MODULE CLASS ARGS... : starts one component in the background, its log under state/logs
demo_start() {
  local name=$1 ports=$2 module=$3 class=$4
  shift 4
  if ! has_main "$module" "$class"; then
    echo "  - $name: not built yet ($module: its issue is still open)"
    return 0
  fi
  mkdir -p "$STATE/logs"
  ensure_crash_dir
  # shellcheck disable=SC2046
  "$JAVA" $(java_opts) ${SHOMEI_JAVA_OPTS:-} -cp "$(class_path "$module")" "$class" "$@" \
    >"$STATE/logs/$name.log" 2>&1 &
  DEMO_PIDS+=($!)
  # shellcheck disable=SC2206
  DEMO_PORTS+=($ports)
  echo "  - $name: started (pid $!, log $STATE/logs/$name.log)"
}

# demo_wait_port PORT SECONDS : true once something listens on 127.0.0.1:PORT
demo_wait_port() {
  local port=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.3
  done
  return 1
}

# The virtual cards of the named demo residents (state/demo/cards.tsv, written by demo-data), once.
demo_cards() {
  local list=$STATE/demo/cards.tsv dir=$STATE/demo/cards file my_number name birth sex pin tries
  [ -f "$list" ] || return 0
  mkdir -p "$dir"
  while IFS=$'\t' read -r file my_number name birth sex pin tries; do
    case "$file" in ''|'#'*) continue ;; esac
    [ -f "$dir/$file" ] && continue
    run_java card-reader/reader dev.shomei.card.cli.CardCli new --out "$dir/$file" --my-number "$my_number" \
      --name "$name" --birth "$birth" --sex "$sex" --pin "$pin" --tries "$tries" >/dev/null
  done <"$list"
  echo "demo cards (PIN 1234) in $dir:"
  (cd "$dir" && ls -1 ./*.json | sed 's#^./#  #')
}

# Which reader holds the kiosk's demo card, as the kiosk said at start-up. The demo never starts
# pcscd itself (pcscd's vpcd listens on every interface): it uses pcscd + vpcd only when they run.
demo_reader() {
  local log=$STATE/logs/kiosk.log
  [ -f "$log" ] || return 0
  echo
  grep -h "demo card" "$log" || true
  if grep -q "demo card in the real pcscd" "$log"; then
    echo "  card reader: real pcscd + vsmartcard vpcd (reader \"Virtual PCD 00 00\")"
  elif grep -q "demo card in the in-process" "$log"; then
    echo "  card reader: the in-process virtual reader (pcscd with vpcd is not running; the demo does not start"
    echo "  pcscd, whose vpcd listens on every interface — start it yourself, then the demo, to go through it)"
  fi
}

demo_main() {
  local db_args=() hours_args=(--open-all-day)
  while [ $# -gt 0 ]; do
    case "$1" in
      --postgres) [ $# -ge 2 ] || die "--postgres needs a JDBC URL"; db_args=(--db "$2"); shift 2 ;;
      --service-hours) hours_args=(); shift ;;
      -h|--help) usage | sed -n '/^  demo /,/^  test /p' | sed '$d'; exit 0 ;;
      *) die "demo: unknown option '$1'" ;;
    esac
  done
  trap demo_stop EXIT
  trap 'exit 130' INT TERM

  echo "shomei demo (state: $STATE)"
  if has_main record-backend dev.shomei.record.cli.BackendCli; then
    run_java record-backend dev.shomei.record.cli.BackendCli demo-data "${db_args[@]}"
    demo_cards
  fi
  demo_start backend "8410 8411 8412" record-backend dev.shomei.record.cli.BackendCli serve --demo --console-client-certificates off "${db_args[@]}"
  demo_start center "8420 8421" center-server dev.shomei.center.CenterMain serve --demo "${hours_args[@]}" --console-client-certificates off
  demo_start kiosk "8430" kiosk-ui dev.shomei.kiosk.KioskMain serve --demo

  echo
  local port
  declare -A what=([8410]="record-backend API (mutual TLS)  127.0.0.1:8410"
                   [8411]="clerk console                    https://127.0.0.1:8411/"
                   [8412]="trust lists and verifier         https://127.0.0.1:8412/verify/"
                   [8420]="center line (mutual TLS)         127.0.0.1:8420"
                   [8421]="operator console                 https://127.0.0.1:8421/"
                   [8430]="kiosk screen                     http://127.0.0.1:8430/")
  for port in "${DEMO_PORTS[@]}"; do
    if demo_wait_port "$port" 60; then echo "  up    ${what[$port]}"; else echo "  DOWN  ${what[$port]} (see $STATE/logs)"; fi
  done
  local logins
  for logins in "$STATE/center/demo-logins.txt" "$STATE/backend/demo-logins.txt"; do
    [ -f "$logins" ] && { echo; cat "$logins"; }
  done
  demo_reader
  if [ ${#hours_args[@]} -gt 0 ]; then
    echo "  service hours: DEMO, every ward open all day (./shomei demo --service-hours applies 06:30-23:00 Japan time)"
  fi
  echo
  if [ ${#DEMO_PIDS[@]} -eq 0 ]; then
    echo "shomei demo: no component is built yet; nothing to run."
    return 0
  fi
  echo "shomei demo: running. Ctrl-C stops everything."
  wait
}
