#!/usr/bin/env python3
"""Registers the data sources of watch.sh through the API, and analyses the samples it took.

    watch-sources.py register BASE_URL COUNT HEARTBEATS [--concurrency N]
        POSTs COUNT data sources w0001.. (schema s0001.., the first HEARTBEATS with heartbeat on) to
        /api/datasources, N at a time; prints a JSON summary. Target from BENCH_WATCH_PORT and
        BENCH_WATCH_PASSWORD (host 127.0.0.1, database and user bench_watch).
    watch-sources.py analyse SAMPLES FROM TO [--kill EPOCH --survivor NAME]
        SAMPLES holds lines "sampled_at|id|checked_at|next_check_at|elapsed_ms|checked_by" (epoch
        seconds) taken every few seconds from readiness_watch. A check is seen when a source's
        checked_at changes; its start is checked_at - elapsed, its lateness that start minus the
        next_check_at the source had before. Prints JSON: checks in [FROM, TO], lateness p50/p99/max,
        checks per instance, the longest gap between two checks of a source, and with --kill, how
        long after the kill each source was first checked by the survivor (max and p50).
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

local = threading.local()


def call(base, method, path, body=None):
    if getattr(local, "conn", None) is None:
        url = urllib.parse.urlsplit(base)
        local.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Accept": "application/json", "Content-Type": "application/json",
               "Authorization": os.environ["DSM_AUTHORIZATION"]}
    local.conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    response = local.conn.getresponse()
    return response.status, response.read()


def register(args):
    password = os.environ["BENCH_WATCH_PASSWORD"]
    port = int(os.environ["BENCH_WATCH_PORT"])

    def one(i):
        body = {"identifier": "w%04d" % i, "type": "POSTGRESQL", "attribute": "PRIMARY", "host": "127.0.0.1",
                "port": port, "username": "bench_watch", "password": password, "databaseName": "bench_watch",
                "schemaName": "s%04d" % i, "heartbeatEnabled": i <= args.heartbeats,
                "heartbeatSchema": "s%04d" % i}
        status, payload = call(args.base, "POST", "/api/datasources", body)
        return status, payload[:200]

    start = time.monotonic()
    with ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(one, range(1, args.count + 1)))
    statuses = Counter(status for status, _ in results)
    failed = [payload.decode(errors="replace") for status, payload in results if status != 201][:1]
    print(json.dumps({"created": statuses.get(201, 0), "statuses": statuses, "seconds": round(time.monotonic() - start, 1),
                      "first_error": failed}))


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def analyse(args):
    previous = {}
    lateness, owners, gaps = [], Counter(), []
    first_by_survivor = {}
    checks_seen = defaultdict(list)
    with open(args.samples) as samples:
        for line in samples:
            parts = line.strip().split("|")
            if len(parts) != 6 or not parts[2]:
                continue
            sampled, source, checked, due_next, elapsed, owner = parts
            checked, due_next = float(checked), float(due_next)
            elapsed = float(elapsed or 0) / 1000
            before = previous.get(source)
            previous[source] = (checked, due_next)
            if before is None or checked == before[0]:
                continue
            started = checked - elapsed
            checks_seen[source].append(checked)
            if args.kill and started > args.kill and owner == args.survivor and source not in first_by_survivor:
                first_by_survivor[source] = checked - args.kill
            if not args.start <= started <= args.end:
                continue
            lateness.append(max(0.0, started - before[1]) * 1000)
            owners[owner] += 1
            gaps.append(checked - before[0])
    result = {
        "checks": len(lateness),
        "sources_checked": sum(1 for times in checks_seen.values() if any(args.start <= t <= args.end for t in times)),
        "lateness_ms": {"p50": percentile(lateness, 50), "p99": percentile(lateness, 99), "max": max(lateness, default=None)},
        "late_over_5s": sum(1 for value in lateness if value > 5000),
        "per_instance": dict(owners),
        "longest_gap_s": max(gaps, default=None),
    }
    if args.kill:
        takeovers = list(first_by_survivor.values())
        result["takeover"] = {"sources": len(takeovers), "max_s": max(takeovers, default=None),
                              "p50_s": percentile(takeovers, 50)}
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    reg = commands.add_parser("register")
    reg.add_argument("base")
    reg.add_argument("count", type=int)
    reg.add_argument("heartbeats", type=int)
    reg.add_argument("--concurrency", type=int, default=8)
    ana = commands.add_parser("analyse")
    ana.add_argument("samples")
    ana.add_argument("start", type=float)
    ana.add_argument("end", type=float)
    ana.add_argument("--kill", type=float)
    ana.add_argument("--survivor")
    args = parser.parse_args()
    register(args) if args.command == "register" else analyse(args)


if __name__ == "__main__":
    main()
