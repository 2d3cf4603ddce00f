#!/usr/bin/env python3
"""Turns what one connection test sent, as PostgreSQL logged it, into pgbench scripts.

    test-sql-replay.py LOG_EXCERPT USER OUT_DIR

LOG_EXCERPT is the part of a Debian cluster log (log_line_prefix '%m [%p] %q%u@%d ') written while
exactly one test ran, with log_min_duration_statement = 0 and log_replication_commands = on for USER.
Writes OUT_DIR/session.sql (every statement the test's session executed, in order, with the bound
parameters written as literals, the checks' batch in one transaction as dsm's pipeline runs it), OUT_DIR/walsender.sql (every replication command of its replication
connection; a slot name becomes dsm_probe_:slot so pgbench can repeat it) and OUT_DIR/statements.md
(each statement's server-side duration). Prints "session_pid walsender_pid statements commands".
"""
import re
import sys

ENTRY = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[(\d+)\] (\S*?)@(\S*?) (LOG|DETAIL|ERROR|FATAL|STATEMENT|WARNING|HINT|CONTEXT):  ?(.*)$")
DURATION = re.compile(r"^duration: ([0-9.]+) ms  (parse|bind|execute|statement)( [^:]*)?: (.*)$", re.S)
PARAMETER = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")
PLACEHOLDER = re.compile(r"\$(\d+)(?!\d)")
BATCH_START = re.compile(r"\s*SELECT set_config\('statement_timeout'")
SLOT_NAME = re.compile(r'"?dsm_probe_[0-9a-f]+"?')


def entries(lines, user):
    """(pid, level, text) per log entry of USER, continuation lines joined."""
    current = None
    for line in lines:
        match = ENTRY.match(line)
        if match:
            if current:
                yield current
            pid, who, _db, level, text = match.groups()
            current = (pid, level, text) if who == user else None
        elif current:
            current = (current[0], current[1], current[2] + "\n" + line.rstrip("\n"))
    if current:
        yield current


def with_literals(sql, detail):
    values = {int(n): v for n, v in PARAMETER.findall(detail or "")}
    return PLACEHOLDER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), sql)


def main():
    log, user, out = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(log, encoding="utf-8", errors="replace") as f:
        found = list(entries(f, user))
    sessions, walsenders = {}, {}
    for i, (pid, level, text) in enumerate(found):
        if level == "LOG" and text.startswith("received replication command: "):
            walsenders.setdefault(pid, []).append((None, text[len("received replication command: "):]))
            continue
        match = DURATION.match(text) if level == "LOG" else None
        if not match:
            continue
        millis, phase, _name, sql = match.groups()
        detail = None
        if i + 1 < len(found) and found[i + 1][0] == pid and found[i + 1][1] == "DETAIL":
            detail = found[i + 1][2]
        if phase in ("execute", "statement"):
            sessions.setdefault(pid, []).append([float(millis), with_literals(sql, detail)])
        else:  # parse and bind times belong to the execute that follows them
            sessions.setdefault(pid, []).append([float(millis), None])
    session_pid = next((p for p in sessions if p not in walsenders), None)
    walsender_pid = next(iter(walsenders), None)
    if session_pid is None or walsender_pid is None:
        sys.exit("the log excerpt holds no session and replication connection of %s (found %s / %s)"
                 % (user, list(sessions), list(walsenders)))
    statements, pending = [], 0.0
    for millis, sql in sessions[session_pid]:
        pending += millis
        if sql is not None:
            statements.append((pending, sql))
            pending = 0.0
    commands = [SLOT_NAME.sub("dsm_probe_:slot", command) for _, command in walsenders[walsender_pid]]
    # dsm sends its checks as one pipeline under one Sync, which PostgreSQL runs as one implicit
    # transaction: the batch's local settings (statement_timeout, jit) hold for the statements after
    # them. pgbench sends one statement per Sync, so the replay opens that transaction itself.
    batch = next((i for i, (_, sql) in enumerate(statements) if BATCH_START.match(sql)), None)
    with open(out + "/session.sql", "w", encoding="utf-8") as f:
        for i, (_, sql) in enumerate(statements):
            if i == batch:
                f.write("BEGIN;\n")
            f.write(sql.rstrip().rstrip(";") + ";\n")
        if batch is not None:
            f.write("COMMIT;\n")
    with open(out + "/walsender.sql", "w", encoding="utf-8") as f:
        f.write("\\set slot random(1, 2000000000)\n")
        for command in commands:
            f.write(command.rstrip().rstrip(";") + ";\n")
    with open(out + "/statements.md", "w", encoding="utf-8") as f:
        f.write("| server ms (parse + bind + execute) | statement |\n|---:|---|\n")
        for millis, sql in statements:
            f.write("| %.3f | `%s` |\n" % (millis, " ".join(sql.split())[:110].replace("|", "\\|")))
        f.write("| | replication connection: %s |\n" % "; ".join("`%s`" % c for c in commands))
    print(session_pid, walsender_pid, len(statements), len(commands))


if __name__ == "__main__":
    main()
