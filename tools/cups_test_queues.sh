#!/usr/bin/env bash
# The print queues the printing tests send real jobs to (issue 19), on a machine with CUPS
# and cups-pdf installed (`.ci/run` installs them). Run as root; safe to run twice.
#   sonla-pdf       cups-pdf, A4 by default: the PDFs it writes are what the tests check
#   sonla-letter    cups-pdf whose default paper is Letter (a driver installed with defaults)
#   sonla-stopped   a stopped printer (cupsdisable): jobs would wait forever
#   sonla-refusing  a queue that refuses jobs (cupsreject)
#   sonla-jammed    accepts jobs, then fails each one as a jammed printer would (a test
#                   backend, /usr/lib/cups/backend/sonla-fail; error policy abort-job)
# The PDFs land in $SONLA_CUPS_PDF_OUT (default /var/spool/cups-pdf/sonla-tests).
set -euo pipefail
out="${SONLA_CUPS_PDF_OUT:-/var/spool/cups-pdf/sonla-tests}"
ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ -f "$ppd" ] || ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd

mkdir -p "$out"
chmod 0777 "$out"
# One folder for every user's jobs, so the tests know where to look.
sed -i "s|^Out .*|Out $out|" /etc/cups/cups-pdf.conf
grep -q "^Out " /etc/cups/cups-pdf.conf || echo "Out $out" >>/etc/cups/cups-pdf.conf

running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
    mkdir -p /run/cups /var/log/cups  # no systemd in a container to make them
    cupsd
    for _ in $(seq 100); do running && break; sleep 0.1; done
fi
running || { echo "cupsd did not start" >&2; exit 1; }

cat >/usr/lib/cups/backend/sonla-fail <<'BACKEND'
#!/bin/sh
# Test backend (sonla-desktop tools/cups_test_queues.sh): every job fails like a paper jam.
if [ $# -eq 0 ]; then echo 'direct sonla-fail "Unknown" "sonla-desktop test: always fails"'; exit 0; fi
cat >/dev/null
echo "ERROR: Kẹt giấy (test)" >&2
exit 1
BACKEND
chmod 0755 /usr/lib/cups/backend/sonla-fail

add() {  # name default-media [device]
    lpadmin -p "$1" -v "${3:-cups-pdf:/}" -P "$ppd" -E -o printer-error-policy=abort-job
    lpadmin -p "$1" -o "media-default=$2" -o "PageSize=$2"
}
add sonla-pdf A4
add sonla-letter Letter
add sonla-stopped A4
add sonla-refusing A4
add sonla-jammed A4 sonla-fail:/
cupsdisable -r "Hết giấy (test)" sonla-stopped
cupsreject -r "Không nhận lệnh in (test)" sonla-refusing
lpadmin -d sonla-pdf
lpstat -p -a
echo "cups-pdf output: $out"
