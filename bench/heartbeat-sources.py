#!/usr/bin/env python3
"""Registers the heartbeat data sources of heartbeat.sh through the API, and reads their states.

    heartbeat-sources.py register BASE_URL COUNT IDS_FILE [--concurrency N] [--max-seconds S]
        POSTs COUNT data sources hb0001.. (heartbeatEnabled, heartbeatSchema s0001..) to
        /api/datasources, N at a time over kept-alive connections; the password is read from the
        environment (BENCH_HB_PASSWORD). Writes one id per line to IDS_FILE; prints a JSON summary.
    heartbeat-sources.py states BASE_URL IDS_FILE [--concurrency N] [--max-seconds S]
        GETs every /api/datasources/{id} and prints {"ACTIVE": n, ...} and one sample error per state.

Host, port, database and user come from BENCH_HB_HOST (127.0.0.1), BENCH_HB_PORT (5432),
BENCH_HB_DATABASE (bench_hb) and BENCH_HB_USER (bench_hb).
"""
import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

local = threading.local()


def connection(base):
    if getattr(local, "conn", None) is None:
        url = urllib.parse.urlsplit(base)
        local.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    return local.conn


def call(base, method, path, body=None):
    headers = {"Accept": "application/json"}
    if os.environ.get("DSM_AUTHORIZATION"):
        headers["Authorization"] = os.environ["DSM_AUTHORIZATION"]
    payload = None
    if body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    for attempt in range(3):
        conn = connection(base)
        try:
            conn.request(method, path, body=payload, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, OSError):
            conn.close()
            local.conn = None
            if attempt == 2:
                raise
            time.sleep(0.5)


def register(args):
    password = os.environ["BENCH_HB_PASSWORD"]
    host = os.environ.get("BENCH_HB_HOST", "127.0.0.1")
    port = int(os.environ.get("BENCH_HB_PORT", "5432"))
    database = os.environ.get("BENCH_HB_DATABASE", "bench_hb")
    user = os.environ.get("BENCH_HB_USER", "bench_hb")
    deadline = time.monotonic() + args.max_seconds

    def one(i):
        if time.monotonic() > deadline:
            raise TimeoutError("registration took longer than --max-seconds")
        body = {"identifier": f"hb{i:04d}", "type": "POSTGRESQL", "attribute": "PRIMARY", "heartbeatEnabled": True,
                "host": host, "port": port, "username": user, "password": password, "databaseName": database,
                "heartbeatSchema": f"s{i:04d}"}
        start = time.perf_counter()
        status, payload = call(args.base, "POST", "/api/datasources", body)
        took = (time.perf_counter() - start) * 1000
        if status != 201:
            raise RuntimeError(f"hb{i:04d}: HTTP {status} {payload[:300]!r}")
        return json.loads(payload)["id"], took

    start = time.monotonic()
    with ThreadPoolExecutor(args.concurrency) as pool:
        results = list(pool.map(one, range(1, args.count + 1)))
    seconds = time.monotonic() - start
    with open(args.ids, "w") as out:
        for data_source_id, _ in results:
            out.write(data_source_id + "\n")
    took = sorted(t for _, t in results)
    print(json.dumps({"registered": len(results), "seconds": round(seconds, 1),
                      "per_second": round(len(results) / seconds, 1),
                      "median_ms": round(took[len(took) // 2], 1), "max_ms": round(took[-1], 1)}))


def states(args):
    ids = [line.strip() for line in open(args.ids) if line.strip()]
    deadline = time.monotonic() + args.max_seconds

    def one(data_source_id):
        if time.monotonic() > deadline:
            raise TimeoutError("reading states took longer than --max-seconds")
        status, payload = call(args.base, "GET", f"/api/datasources/{data_source_id}")
        if status != 200:
            return f"HTTP {status}", None
        heartbeat = json.loads(payload).get("heartbeat") or {}
        return heartbeat.get("state", "NONE"), heartbeat.get("lastError")

    counts, samples = {}, {}
    with ThreadPoolExecutor(args.concurrency) as pool:
        for state, error in pool.map(one, ids):
            counts[state] = counts.get(state, 0) + 1
            if error and state not in samples:
                samples[state] = error
    print(json.dumps({"states": counts, "errors": samples}))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("register")
    r.add_argument("base")
    r.add_argument("count", type=int)
    r.add_argument("ids")
    s = sub.add_parser("states")
    s.add_argument("base")
    s.add_argument("ids")
    for p in (r, s):
        p.add_argument("--concurrency", type=int, default=8)
        p.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    if args.command == "register":
        register(args)
    else:
        states(args)


if __name__ == "__main__":
    sys.exit(main())
