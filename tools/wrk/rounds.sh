#!/usr/bin/env bash
# Check-ins sent from outside the process: wrk against `frontdesk serve` and
# against the bare group-commit server (tools/bareserver), in interleaved
# rounds, each on a fresh file, every post with its own one-time key
# (checkin.lua). Prints each round and the medians, with the kiosk's ratio
# to the bare server. make wrk builds the binaries and runs this.
#
#   tools/wrk/rounds.sh FRONTDESK BARESERVER   (ROUNDS=4 DUR=10s CONNS=64)
#
# `frontdesk serve` sets its own runtime (GOGC=400 and twice the CPUs' GOMAXPROCS,
# tuneForKiosk); the bare server runs with Go's defaults unless BARE_ENV gives it
# settings, e.g. BARE_ENV="GOGC=400 GOMAXPROCS=4" for the kiosk's own.
set -euo pipefail
fd=$(realpath "$1"); bare=$(realpath "$2")
rounds=${ROUNDS:-4}; dur=${DUR:-10s}; conns=${CONNS:-64}
lua=$(realpath "$(dirname "$0")/checkin.lua")
dir=$(mktemp -d /tmp/frontdesk-wrk.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
cd "$dir"

cpu() { awk '{print $14+$15}' "/proc/$1/stat"; }          # clock ticks, user + system
rows() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM visits').fetchone()[0])" "$1"; }
waitport() { for _ in $(seq 50); do curl -s -o /dev/null "http://$1/" && return 0; sleep 0.1; done; echo "nothing answers on $1" >&2; exit 1; }

# one NAME ADDR FILE: wrk on ADDR while the server $pid writes FILE
one() {
	local t0 t1 n out
	t0=$(cpu $pid)
	out=$(wrk -t2 -c"$conns" -d"$dur" --latency -s "$lua" "http://$2")
	t1=$(cpu $pid)
	kill $pid; wait $pid 2>/dev/null || true; pid=
	if grep -q Non-2xx <<<"$out"; then echo "$1: $(grep Non-2xx <<<"$out")" >&2; exit 1; fi
	n=$(rows "$3")
	echo "$1 $(awk '/Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="99%" {print $2}' <<<"$out") $(awk '/Latency/ && !/Distribution/ {print $4; exit}' <<<"$out") $n $(( (t1-t0) * 10000 / n ))"
}

tick=$(getconf CLK_TCK); [ "$tick" = 100 ] || { echo "CPU figures assume 100 ticks a second, not $tick" >&2; exit 1; }
echo "what req/s p99 max stored cpu-us/req"
for r in $(seq "$rounds"); do
	rm -f k.db* b.db*
	"$fd" init --db k.db --center 阳光社区党群服务中心 >/dev/null
	"$fd" serve --db k.db --addr 127.0.0.1:18090 --rate-limit 0 --qr-ttl 0 >serve.log 2>&1 & pid=$!
	waitport 127.0.0.1:18090
	qr=$(curl -s http://127.0.0.1:18090/ | grep -o '/qr/checkin.png[^"]*' | head -1 | sed 's/&amp;/\&/g')
	curl -s "http://127.0.0.1:18090$qr" -o qr.png
	token=$(zbarimg -q --raw qr.png 2>/dev/null | grep -o 'token=[^&[:space:]]*' | head -1 | cut -d= -f2)
	[ -n "$token" ] || { echo "no token in the lobby's check-in QR code" >&2; exit 1; }
	export FORM="token=$token&name=%E7%8E%8B%E4%BA%94&phone=13700002222&org=%E9%98%B3%E5%85%89%E7%A4%BE%E5%8C%BA&purpose=volunteer&party_member=1&headcount=1"
	one kiosk 127.0.0.1:18090 k.db
	env ${BARE_ENV:-} "$bare" b.db 127.0.0.1:18091 & pid=$!
	waitport 127.0.0.1:18091
	one bare 127.0.0.1:18091 b.db
done | tee rounds.txt
awk '$1=="kiosk" {k[++nk]=$2} $1=="bare" {b[++nb]=$2}
	function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
	END { mk = median(k, nk); mb = median(b, nb); printf "median: kiosk %.0f/s, bare %.0f/s, ratio %.2f\n", mk, mb, mk / mb }' rounds.txt
