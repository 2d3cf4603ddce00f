#!/usr/bin/env bash
# Who used the CPU during a run: samples /proc at SKIP seconds into the run and again WINDOW seconds
# later, then prints the share of one core used by the machine as a whole, the service's JVM, the
# PostgreSQL server (postmaster and its children), the load generator (with its children), and
# everything else ("other": processes outside the benchmark, the kernel's own work excluded).
#   cpu-window.sh SKIP WINDOW JAVA_PID POSTMASTER_PID GENERATOR_PID
# Output: CPU_RESULT busy=<%> java=<%> postgres=<%> generator=<%> other=<%>  (100 = one core)
set -u
skip=$1 window=$2 java_pid=$3 pm_pid=$4 gen_pid=$5
hz=$(getconf CLK_TCK)

# One awk reads every file, so a snapshot takes milliseconds even on a loaded machine. Prints
# "uptime busy-ticks java-ticks generator-ticks" then "pid ticks" per PostgreSQL process.
snap() {
  awk -v java="$java_pid" -v gen="$gen_pid $(pgrep -P "$gen_pid" | tr '\n' ' ')" \
    -v pg="$pm_pid $(pgrep -P "$pm_pid" | tr '\n' ' ')" '
    function ticks(pid,   file, line, f) {
      file = "/proc/" pid "/stat"
      if ((getline line < file) <= 0) return 0
      close(file)
      sub(/.*\) /, "", line)
      split(line, f, " ")
      return f[12] + f[13]
    }
    BEGIN {
      getline up < "/proc/uptime"; split(up, u, " ")
      getline cpu < "/proc/stat"; split(cpu, c, " ")
      busy = c[2] + c[3] + c[4] + c[7] + c[8] + c[9]
      g = 0; n = split(gen, gp, " "); for (i = 1; i <= n; i++) g += ticks(gp[i])
      printf "%s %d %d %d\n", u[1], busy, ticks(java), g
      n = split(pg, pp, " "); for (i = 1; i <= n; i++) printf "%s %d\n", pp[i], ticks(pp[i])
    }'
}

sleep "$skip"
a=$(snap)
sleep "$window"
b=$(snap)

awk -v a="$a" -v b="$b" -v hz="$hz" 'BEGIN {
  na = split(a, la, "\n"); nb = split(b, lb, "\n")
  split(la[1], ha, " "); split(lb[1], hb, " ")
  for (i = 2; i <= na; i++) { split(la[i], f, " "); pa[f[1]] = f[2] }
  pg = 0
  for (i = 2; i <= nb; i++) { split(lb[i], f, " "); pg += f[2] - ((f[1] in pa) ? pa[f[1]] : 0) }
  scale = 100 / hz / (hb[1] - ha[1])
  busy = (hb[2] - ha[2]) * scale; java = (hb[3] - ha[3]) * scale; gen = (hb[4] - ha[4]) * scale; pg *= scale
  other = busy - java - gen - pg; if (other < 0) other = 0
  printf "CPU_RESULT busy=%.0f java=%.0f postgres=%.0f generator=%.0f other=%.0f\n", busy, java, pg, gen, other
}'
