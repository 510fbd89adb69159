#!/bin/bash
# A stand-in for an IOS exec shell behind Debian's OpenSSH server (ForceCommand). It answers the
# commands the agent sends, and misbehaves on "show crypto ipsec sa" as the file "mode" next to
# this script says (read at each login, so a test changes it without restarting sshd):
#   normal    a short answer
#   endless   output that never ends, as fast as the link takes it
#   trickle   one line per 0.2 s, never ending
#   hostile   at login: a banner with terminal escapes, NULs, forged log lines and a 910-byte
#             last line, then never a prompt
# The file "banner-bytes" says how many bytes come before the first prompt (default 0).
mode=$(cat "$(dirname "$0")/mode" 2>/dev/null || echo normal)
banner=$(cat "$(dirname "$0")/banner-bytes" 2>/dev/null || echo 0)
if [ "$banner" -gt 0 ]; then
  head -c "$banner" /dev/zero | tr '\0' 'B'
fi
if [ "$mode" = hostile ]; then
  printf '\033[2J\033[31mWelcome\0\r\n2026-01-01T00:00:00Z INFO forged - all good\r\n'
  printf '\033[31m\0FAKE'
  head -c 900 /dev/zero | tr '\0' 'B'
  exec sleep 60
fi
printf '\r\nR1#'
while IFS= read -r line; do
  line=${line%$'\r'}
  case "$line" in
    "terminal length 0" | "terminal width 0") ;;
    "show processes cpu"*)
      printf 'CPU utilization for five seconds: 3%%/0%%; one minute: 2%%; five minutes: 1%%\r\n' ;;
    "show crypto ipsec sa")
      case "$mode" in
        endless) yes '   local  ident (addr/mask/prot/port): (10.0.0.0/255.0.0.0/0/0)' ;;
        trickle) while true; do printf '   #pkts encaps: 1\r\n'; sleep 0.2; done ;;
        *) printf '\r\ninterface: Tunnel10\r\n' ;;
      esac ;;
    exit) exit 0 ;;
    *) printf '%% Invalid input detected\r\n' ;;
  esac
  printf 'R1#'
done
