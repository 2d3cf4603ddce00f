#!/usr/bin/env python3
"""Sequential test-connection requests over one kept-alive HTTP connection.

    connection-client.py BASE_URL BODY_JSON --count N [--warmup W] [--max-seconds S] [--samples FILE]
                         [--expect-success true|false] [--expect-status CODE] [--timeout S]

Sends WARMUP requests (not measured), then COUNT measured ones, one after the other, stopping early
when MAX_SECONDS have passed. Each measured request is timed on the client (perf_counter around
request + full response read). Prints one JSON line: count, client wall time median/p90/p99/min/max
(ms), the server-reported elapsedMs median/p90/p99, how many answers had success true, the failed
checks seen, and the wall time of the run. With --samples, writes "wall_ms elapsed_ms success" per
request. Exits 1 when a request did not answer 200 (or --expect-status) or success differs from
--expect-success. With --expect-status 400 and an invalid body it times the HTTP floor: the same
endpoint, its JSON parsing and validation, and no connection.
"""
import argparse
import http.client
import os
import json
import sys
import time
import urllib.parse


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100)
    return ordered[int(rank) - 1]


def median(values):
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("body")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--max-seconds", type=float, default=300)
    parser.add_argument("--timeout", type=float, default=60, help="socket timeout per request, s")
    parser.add_argument("--samples")
    parser.add_argument("--expect-success", choices=["true", "false"])
    parser.add_argument("--expect-status", type=int, default=200)
    args = parser.parse_args()

    url = urllib.parse.urlsplit(args.base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=args.timeout)
    body = args.body.encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json", "Connection": "keep-alive"}
    if os.environ.get("DSM_AUTHORIZATION"):
        headers["Authorization"] = os.environ["DSM_AUTHORIZATION"]
    path = "/api/datasources/test-connection"

    def one():
        start = time.perf_counter()
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        payload = response.read()
        wall = (time.perf_counter() - start) * 1000
        if response.status != args.expect_status:
            sys.stderr.write(f"HTTP {response.status}: {payload[:500]!r}\n")
            sys.exit(1)
        result = json.loads(payload) if response.status == 200 else {}
        return wall, result

    deadline = time.monotonic() + args.max_seconds
    for _ in range(args.warmup):
        if time.monotonic() > deadline:
            break
        one()

    walls, elapsed, successes, failed_checks = [], [], 0, {}
    run_start = time.monotonic()
    samples = open(args.samples, "w") if args.samples else None
    for _ in range(args.count):
        if time.monotonic() > deadline:
            break
        wall, result = one()
        walls.append(wall)
        elapsed.append(result.get("elapsedMs", -1))
        successes += bool(result.get("success"))
        for check in result.get("checks", []):
            if check.get("status") == "FAILED":
                key = f"{check.get('name')}: {check.get('message')}"
                failed_checks[key] = failed_checks.get(key, 0) + 1
        if samples:
            samples.write(f"{wall:.3f} {elapsed[-1]} {str(bool(result.get('success'))).lower()}\n")
    if samples:
        samples.close()
    conn.close()
    if not walls:
        sys.stderr.write("no measured request fitted in --max-seconds\n")
        sys.exit(1)

    summary = {
        "count": len(walls),
        "wall_median_ms": round(median(walls), 2),
        "wall_p90_ms": round(percentile(walls, 90), 2),
        "wall_p99_ms": round(percentile(walls, 99), 2),
        "wall_min_ms": round(min(walls), 2),
        "wall_max_ms": round(max(walls), 2),
        "elapsed_median_ms": median(elapsed),
        "elapsed_p90_ms": percentile(elapsed, 90),
        "elapsed_p99_ms": percentile(elapsed, 99),
        "success": successes,
        "failed_checks": failed_checks,
        "run_seconds": round(time.monotonic() - run_start, 1),
    }
    print(json.dumps(summary))
    if args.expect_success is not None and successes != (len(walls) if args.expect_success == "true" else 0):
        sys.stderr.write(f"expected success={args.expect_success} for every answer, got {successes} of {len(walls)}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
