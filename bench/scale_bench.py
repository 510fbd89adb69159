#!/usr/bin/env python3
"""Helpers for bench/scale-benchmark.sh: config generation, scrape parsing, result, baselines.

Subcommands (all paths explicit; nothing here starts a long-lived process):
  config INVENTORY MODE INTERVAL_S LISTEN KNOWN_HOSTS OUT   agent YAML for the lab's routers
  extract METRICS_FILE OUT_JSON                             the series the benchmark reads
  result MODE ROUTERS INTERVAL_S BOUNDARY_JSON...           one JSON result from boundary scrapes
  exporter-config INVENTORY COMMUNITY OUT                   snmp_exporter (0.21 format) module
  walk-baseline INVENTORY COMMUNITY SAMPLE                  Net-SNMP CPU ms per router
"""

import json
import math
import re
import resource
import subprocess
import sys

# What SnmpSnapshotCollector reads (exporters/snmp/.../poll/SnmpSnapshotCollector.java).
FLOW = "1.3.6.1.4.1.9.9.171"
SYS_UP_TIME = "1.3.6.1.2.1.1.3.0"
SUBTREES = [FLOW + ".1.2.1", FLOW + ".1.3.1"]  # cikeGlobalStats, cipSecGlobalStats
COLUMNS = {
    FLOW + ".1.2.3.1": [4, 8, 15, 16, 35],  # cikeTunnelEntry
    FLOW + ".1.3.2.1": [5, 9, 10, 26, 27, 28, 32, 33, 34, 36, 37, 38, 39, 40, 41, 45, 46, 48,
                        49, 50, 51],  # cipSecTunnelEntry
    FLOW + ".1.3.3.1": [3, 4, 5, 6, 7, 9, 10, 11, 12, 13],  # cipSecEndPtEntry
    FLOW + ".1.3.4.1": [2, 3, 4, 5],  # cipSecSpiEntry
    FLOW + ".1.5.2.1.1": [2, 3, 9],  # cikeFailEntry
    FLOW + ".1.5.3.1.1": [2, 3, 4],  # cipSecFailEntry
    "1.3.6.1.4.1.9.9.109.1.1.1.1": [6, 7, 8],  # cpmCPUTotalEntry
}
IF_TYPE = "1.3.6.1.2.1.2.2.1.3"
IF_COLUMNS = {
    "1.3.6.1.2.1.2.2.1": [2, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20],
    "1.3.6.1.2.1.31.1.1.1": [6, 7, 10, 11],
    "1.3.6.1.2.1.10.131.1.1.1.1": [1, 2, 3, 8, 9, 10],
}
TUNNEL_IF_TYPE = 131
IF_PER_GET = 4


def walked_roots():
    roots = list(SUBTREES)
    for entry, cols in COLUMNS.items():
        roots += [f"{entry}.{c}" for c in cols]
    return roots


def routers(inventory):
    with open(inventory, encoding="utf-8") as f:
        return json.load(f)["routers"]


def cmd_config(inventory, mode, interval_s, listen, known_hosts, out):
    lines = [
        "http:",
        f"  listen: {listen}",
        "auths:",
        "  lab-ssh:",
        "    username: admin",
        "    password_env: TUNNELWATCH_LAB_PASSWORD",
        "  lab-snmp:",
        "    snmp:",
        "      version: 2c",
        "      community_env: TUNNELWATCH_BENCH_COMMUNITY",
        "modules:",
        "  ipsec_gre:",
        "    ssh:",
        "      command_timeout: 15s",
        "      connect_timeout: 10s",
        "polling:",
        "  workers: 16",
        "  max_concurrent_requests: 256",
        "devices:",
    ]
    count = 0
    for r in routers(inventory):
        face = r.get(mode)
        if not face:
            continue
        count += 1
        lines += [
            f"  - name: {r['name']}",
            f"    host: {face['host']}",
            "    module: ipsec_gre",
            f"    interval: {interval_s}s",
        ]
        if mode == "snmp":
            lines += ["    snmp:", f"      port: {face['port']}", "      auth: lab-snmp"]
        else:
            lines += [
                "    ssh:",
                f"      port: {face['port']}",
                "      auth: lab-ssh",
                f"      known_hosts: {known_hosts}",
                "      trust_on_first_use: true",
            ]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(count)


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)')
LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def cmd_extract(metrics_file, out, started, ended):
    """Keeps what the result needs from one /metrics scrape (which may be 100+ MB)."""
    last = {}
    polls = {}
    failures = 0.0
    skipped = 0.0
    lag = {}
    lag_count = lag_sum = 0.0
    with open(metrics_file, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("tunnelwatch_"):
                continue
            if not (line.startswith("tunnelwatch_device_last_success")
                    or line.startswith("tunnelwatch_poll")):
                continue
            m = SAMPLE.match(line)
            if not m:
                continue
            name, labels, value = m.group(1), dict(LABEL.findall(m.group(2) or "")), float(
                m.group(3))
            if name == "tunnelwatch_device_last_success_timestamp_seconds":
                last[labels["device"] + "/" + labels["source"]] = value
            elif name == "tunnelwatch_polls_total":
                polls[labels["source"]] = value
            elif name == "tunnelwatch_poll_failures_total":
                failures += value
            elif name == "tunnelwatch_polls_skipped_total":
                skipped += value
            elif name == "tunnelwatch_poll_schedule_lag_seconds_bucket":
                lag[labels["le"]] = value
            elif name == "tunnelwatch_poll_schedule_lag_seconds_count":
                lag_count = value
            elif name == "tunnelwatch_poll_schedule_lag_seconds_sum":
                lag_sum = value
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"started": float(started), "ended": float(ended), "last_success": last, "polls": polls, "failures": failures,
                   "skipped": skipped, "lag_buckets": lag, "lag_count": lag_count,
                   "lag_sum": lag_sum}, f)


def quantile(q, buckets):
    """histogram_quantile over cumulative {le: count} (Prometheus' linear interpolation)."""
    items = sorted(((math.inf if le == "+Inf" else float(le)), c) for le, c in buckets.items())
    if not items or items[-1][1] <= 0:
        return None
    rank = q * items[-1][1]
    prev_le, prev_c = 0.0, 0.0
    for le, c in items:
        if c >= rank:
            if math.isinf(le):
                return prev_le
            if c == prev_c:
                return le
            return prev_le + (le - prev_le) * (rank - prev_c) / (c - prev_c)
        prev_le, prev_c = le, c
    return items[-1][0]


def cmd_result(mode, n, interval_s, *boundary_files):
    scrapes = []
    for path in boundary_files:
        with open(path, encoding="utf-8") as f:
            scrapes.append(json.load(f))
    first, final = scrapes[0], scrapes[-1]
    keys = [f"R{i}/{mode}" for i in range(1, int(n) + 1)]
    interval = float(interval_s)

    def missed(d, k):
        """No success between scrapes k-1 and k, and the latest one more than an interval old
        (plus the scrape's own duration and 2 s) at scrape k: a slot without a successful poll.
        A device is read at some point during a scrape, so a success just before or after a
        boundary can land on either side: the age test tells that jitter from a missed slot."""
        before = scrapes[k - 1]["last_success"].get(d, 0)
        now = scrapes[k]["last_success"].get(d, 0)
        slack = 2.0 + scrapes[k]["ended"] - scrapes[k]["started"]
        return now <= before and scrapes[k]["ended"] - now > interval + slack

    every = 0
    missed_per_interval = []
    strict_missed = []
    for k in range(1, len(scrapes)):
        missed_per_interval.append(sum(1 for d in keys if missed(d, k)))
        strict_missed.append(sum(
            1 for d in keys
            if scrapes[k]["last_success"].get(d, 0) <= scrapes[k - 1]["last_success"].get(d, 0)))
    for d in keys:
        if not any(missed(d, k) for k in range(1, len(scrapes))):
            every += 1
    ages = [scrapes[k]["started"] - scrapes[k]["last_success"].get(d, 0)
            for k in range(1, len(scrapes)) for d in keys]
    lag = {le: c - first["lag_buckets"].get(le, 0) for le, c in final["lag_buckets"].items()}
    out = {
        "devices": int(n),
        "polled_every_interval": every,
        "share_every_interval_pct": round(100.0 * every / int(n), 2),
        "missed_per_interval": missed_per_interval,
        "no_new_success_between_scrapes": strict_missed,
        "max_age_at_boundary_s": round(max(ages), 2),
        "polls": final["polls"].get(mode, 0) - first["polls"].get(mode, 0),
        "poll_failures": final["failures"] - first["failures"],
        "skipped": final["skipped"] - first["skipped"],
        "skipped_since_start": final["skipped"],
        "lag_p50_s": quantile(0.5, lag),
        "lag_p99_s": quantile(0.99, lag),
        "lag_max_bucket_s": max(
            (float(le) for le, c in lag.items() if le != "+Inf" and c < max(lag.values())),
            default=0.0),
    }
    print(json.dumps(out))


def sample_routers(inventory, sample):
    rs = [r for r in routers(inventory) if r.get("snmp")]
    step = max(1, len(rs) // sample)
    return rs[::step][:sample]


def if_get_batches(host, port, community):
    """The tunnel interfaces' column OIDs, as SnmpSnapshotCollector GETs them."""
    out = subprocess.run(
        ["snmpbulkwalk", "-v2c", "-c", community, "-Cr25", "-On", "-Oq", "-m", "",
         f"{host}:{port}", IF_TYPE], capture_output=True, text=True, check=True).stdout
    batches, pending = [], []
    for line in out.splitlines():
        oid, _, value = line.partition(" ")
        if value.strip() == str(TUNNEL_IF_TYPE):
            index = oid.rsplit(".", 1)[1]
            for entry, cols in IF_COLUMNS.items():
                pending += [f"{entry}.{c}.{index}" for c in cols]
            if len(pending) >= IF_PER_GET * sum(len(c) for c in IF_COLUMNS.values()):
                batches.append(pending)
                pending = []
    if pending:
        batches.append(pending)
    return batches


def child_cpu_s():
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


EMPTY_SUBTREE = FLOW + ".1.4"  # nothing there: one GETBULK, no rows


def run_cpu(cmd):
    """Runs cmd; its CPU seconds (user + system) and its output lines."""
    before = child_cpu_s()
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return child_cpu_s() - before, len(res.stdout.splitlines())


def cmd_walk_baseline(inventory, community, sample):
    """Net-SNMP: every subtree/column the agent reads, one process each. Each process is paired
    with a start-up probe (snmpbulkwalk of an empty subtree: start-up plus one GETBULK), run
    right after it, and the probes' CPU is subtracted."""
    sample_rs = sample_routers(inventory, int(sample))
    base = ["-v2c", "-c", community, "-m", "", "-On", "-Oq"]
    processes = varbinds = probe_varbinds = 0
    real = probes = 0.0
    for r in sample_rs:
        addr = f"{r['snmp']['host']}:{r['snmp']['port']}"
        cmds = [["snmpget", *base, addr, SYS_UP_TIME]]
        cmds += [["snmpbulkwalk", *base, "-Cr25", addr, root]
                 for root in walked_roots() + [IF_TYPE]]
        for batch in if_get_batches(r["snmp"]["host"], r["snmp"]["port"], community):
            cmds.append(["snmpget", *base, addr, *batch])
        for cmd in cmds:
            cpu, lines = run_cpu(cmd)
            real += cpu
            varbinds += lines
            processes += 1
            cpu, lines = run_cpu(["snmpbulkwalk", *base, "-Cr25", addr, EMPTY_SUBTREE])
            probes += cpu
            probe_varbinds += lines
    n = len(sample_rs)
    print(json.dumps({
        "routers": n, "processes_per_router": processes / n,
        "varbinds_per_router": varbinds / n,
        "probe_lines_per_router": probe_varbinds / n,
        "startup_ms_per_process": round(probes * 1000 / processes, 3),
        "cpu_ms_per_router_raw": round(real * 1000 / n, 2),
        "cpu_ms_per_router": round((real - probes) * 1000 / n, 2)}))


def snmp_types(host, port, community):
    """Type of each column/scalar on one router: {root_oid: (type, index_len)}."""
    types = {}
    roots = [SYS_UP_TIME] + walked_roots()
    for root in roots:
        cmd = ["snmpbulkwalk", "-v2c", "-c", community, "-Cr25", "-On", "-m", "",
               f"{host}:{port}", root]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            m = re.match(r"^\.?([\d.]+) = ([\w-]+):", line)
            if not m:
                continue
            oid, typ = m.group(1), m.group(2)
            if root in SUBTREES:
                column = oid.rsplit(".", 1)[0]  # scalar X.0
                types.setdefault(column, (typ, 0))
            elif root == SYS_UP_TIME:
                types.setdefault(root.rsplit(".", 1)[0], (typ, 0))
            else:
                index_len = len(oid.split(".")) - len(root.split("."))
                types.setdefault(root, (typ, index_len))
    return types


def exporter_type(snmp_type):
    if snmp_type in ("Counter32", "Counter64"):
        return "counter"
    if snmp_type in ("INTEGER", "Gauge32", "Timeticks", "Integer32", "Unsigned32"):
        return "gauge"
    if snmp_type == "IpAddress":
        return "InetAddressIPv4"
    return "OctetString"


def cmd_exporter_config(inventory, community, out):
    r = next(r for r in routers(inventory) if r.get("snmp"))
    host, port = r["snmp"]["host"], r["snmp"]["port"]
    types = snmp_types(host, port, community)
    metrics = []
    for i, (oid, (typ, index_len)) in enumerate(sorted(types.items())):
        metric = {"name": f"m{i}_" + oid.replace(".", "_"), "oid": oid,
                  "type": exporter_type(typ), "help": oid}
        if index_len:
            metric["indexes"] = [{"labelname": f"i{j}", "type": "gauge"}
                                 for j in range(index_len)]
        metrics.append(metric)
    gets = [SYS_UP_TIME] + [oid for batch in if_get_batches(host, port, community)
                            for oid in batch]
    # the interface columns are read with GETs of the tunnel interfaces, as the agent does
    got = subprocess.run(["snmpget", "-v2c", "-c", community, "-On", "-m", "", f"{host}:{port}",
                          *gets[1:]], capture_output=True, text=True, check=True).stdout
    for i, line in enumerate(got.splitlines()):
        m = re.match(r"^\.?([\d.]+) = ([\w-]+):", line)
        if m:
            metrics.append({"name": f"if{i}_" + m.group(1).replace(".", "_"), "oid": m.group(1),
                            "type": exporter_type(m.group(2)), "help": m.group(1)})
    module = {"walk": walked_roots() + [IF_TYPE], "get": gets, "version": 2,
              "max_repetitions": 25, "retries": 1, "timeout": "5s",
              "auth": {"community": community}, "metrics": metrics}
    metrics.append({"name": "ifType", "oid": IF_TYPE, "type": "gauge", "help": "ifType",
                    "indexes": [{"labelname": "ifIndex", "type": "gauge"}]})
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"tunnelwatch": module}, f, indent=1)  # JSON is YAML; 0.21: modules at the top


def main(argv):
    commands = {
        "config": cmd_config, "extract": cmd_extract, "result": cmd_result,
        "exporter-config": cmd_exporter_config, "walk-baseline": cmd_walk_baseline,
    }
    if len(argv) < 2 or argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    commands[argv[1]](*argv[2:])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
