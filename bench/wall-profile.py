#!/usr/bin/env python3
"""Where N requests spent their wall-clock time, from an async-profiler wall-clock profile.

    wall-profile.py FILE.collapsed --requests N [--interval 1ms]

FILE holds collapsed stacks with one thread per root frame (async-profiler's `threads` option).
Wall-clock mode samples every thread, busy or not, so samples times the interval is time lived
through. A stack counts only when it does work for a request: it holds a frame of dsm, pgjdbc,
the REST layer, Jackson, security or Vert.x's HTTP handling (an idle pool thread or an event loop
in epoll holds none). Each counted stack gets one phase, from its innermost phase frame, and one
state, from its leaf: waiting on a socket, waiting for a lock or another thread, or running.
Prints Markdown tables, per request: the phases of the thread that serves the request (Quarkus's
executor-thread), then of each other thread group.
"""
import argparse
import collections
import re
import sys

SERVING = ("io/dsm/", "org/postgresql/", "resteasy/reactive", "com/fasterxml/jackson", "io/quarkus/security",
           "io/quarkus/vertx/http", "io/vertx/ext/web", "io/netty/handler/codec/http", "io/vertx/core/http")

# (phase, frame substrings), innermost first: a stack's phase is the first rule, in this order,
# that one of its frames matches.
PHASES = [
    ("audit record (own transaction)", ("AuditLog",)),
    ("open the session (TCP, startup, SCRAM)", ("ConnectionFactoryImpl.openConnection",)),
    ("server facts (first query)", ("SessionChecks.readFacts",)),
    ("catalog batch (checks and readiness)", ("SessionChecks.sendBatch",)),
    ("wait for the replication connection", ("ReplicationProbe.await", "ReplicationProbe",)),
    ("close the session", ("closeQuietly", "closeLater", "PgConnection.close")),
    ("readiness rules and report", ("ReadinessInspection", "ReadinessReports", "Verdicts")),
    ("resolve the host", ("TargetProbe.resolve", "InetAddress")),
    ("other test code", ("ConnectionTester", "TargetProbe", "SessionChecks")),
    ("JSON (Jackson)", ("com/fasterxml/jackson",)),
    ("sign-in and access check", ("io/quarkus/security", "io/dsm/auth")),
    ("other dsm code", ("io/dsm/",)),
    ("REST and HTTP layers", ("resteasy/reactive", "io/vertx", "io/netty", "io/quarkus")),
]

SOCKET_WAIT = ("epoll_wait", "poll", "NioSocketImpl.park", "NioSocketImpl.read", "socketRead", "recv", "__GI___connect")
THREAD_WAIT = ("futex", "pthread_cond", "lll_lock", "LockSupport.park", "Unsafe.park")
STATES = ("on a socket", "on a lock or thread", "running")

THREAD = re.compile(r"^\[(.+?)(?: tid=\d+)?\]$")


def thread_group(root):
    match = THREAD.match(root)
    return re.sub(r"[-#_ ]?\d+$", "", match.group(1) if match else root)


def phase_of(frames):
    for phase, needles in PHASES:
        if any(n in frame for frame in frames for n in needles):
            return phase
    return "other"


def state_of(leaf):
    if any(n in leaf for n in SOCKET_WAIT):
        return STATES[0]
    if any(n in leaf for n in THREAD_WAIT):
        return STATES[1]
    return STATES[2]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--interval", default="1ms")
    args = parser.parse_args()
    unit = {"ms": 1.0, "us": 0.001}[args.interval[-2:]]
    per_request = float(args.interval[:-2]) * unit / args.requests

    table = collections.defaultdict(collections.Counter)  # group -> (phase, state) -> samples
    for line in open(args.file):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        frames = stack.split(";")
        if len(frames) < 2 or not any(s in stack for s in SERVING):
            continue
        table[thread_group(frames[0])][(phase_of(frames[1:]), state_of(frames[-1]))] += int(count)
    if not table:
        sys.exit("no stack doing work for a request in " + args.file)

    def ms(samples):
        return "%.2f" % (samples * per_request)

    out = sys.stdout
    out.write("Per request, in ms (%d requests, sampled every %s). Threads overlap: the replication connection's\n"
              "thread works while the request's thread waits for it.\n" % (args.requests, args.interval))
    groups = sorted(table, key=lambda g: (g != "executor-thread", -sum(table[g].values())))
    for group in groups:
        cells = table[group]
        phases = sorted({p for p, _ in cells}, key=lambda p: -sum(cells[(p, s)] for s in STATES))
        out.write("\n**%s** (%s ms in all)\n\n| phase | %s | total |\n|---|%s---:|\n"
                  % (group, ms(sum(cells.values())), " | ".join(STATES), "---:|" * len(STATES)))
        for phase in phases:
            row = [cells[(phase, s)] for s in STATES]
            out.write("| %s | %s | %s |\n" % (phase, " | ".join(ms(v) for v in row), ms(sum(row))))


if __name__ == "__main__":
    main()
