#!/usr/bin/env python3
"""A peer for BENCHMARKS.md: DuckDB computing revenue per customer (FORMAT.md `revenue`: invoice
amounts issued in [as-of − 365, as-of]) over the canonical CSV that `snoei export` writes, checked
against `snoei analyze --format csv` on the same ledger.

    snoei export /tmp/bench/csv --database /tmp/bench/bench-100000.sqlite
    snoei analyze --format csv --as-of 2026-11-24 --database … > /tmp/bench/analysis.csv
    python3 Benchmarks/peer-duckdb.py /tmp/bench/csv 2026-11-24 /tmp/bench/analysis.csv

Needs `pip install duckdb`. Prints timings (median of 5 for the warm query) and whether every
customer's revenue agrees to the cent.
"""
import csv
import datetime
import statistics
import sys
import time
from decimal import Decimal

import duckdb

folder, as_of = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])
snoei_csv = sys.argv[3] if len(sys.argv) > 3 else None
start = as_of - datetime.timedelta(days=365)

t0 = time.perf_counter()
con = duckdb.connect()
con.execute(
    "CREATE TABLE invoices AS SELECT * FROM read_csv(?, header = true, "
    "columns = {'invoice_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'issue_date': 'DATE', 'due_date': 'DATE', "
    "'amount': 'DECIMAL(18,2)', 'vat': 'DECIMAL(18,2)', 'cost': 'DECIMAL(18,2)', 'reference': 'VARCHAR'})",
    [f"{folder}/invoices.csv"])
t1 = time.perf_counter()
query = ("SELECT customer_id, SUM(amount) AS revenue FROM invoices "
         "WHERE issue_date BETWEEN ? AND ? GROUP BY customer_id")
rows = con.execute(query, [start, as_of]).fetchall()
t2 = time.perf_counter()
warm = []
for _ in range(5):
    a = time.perf_counter()
    con.execute(query, [start, as_of]).fetchall()
    warm.append(time.perf_counter() - a)
invoices = con.execute("SELECT COUNT(*) FROM invoices").fetchone()[0]

threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
print(f"duckdb {duckdb.__version__}, threads {threads}")
print(f"load invoices.csv ({invoices} rows): {t1 - t0:.2f} s")
print(f"revenue per customer, first query: {(t2 - t1) * 1000:.0f} ms; warm (median of 5): {statistics.median(warm) * 1000:.0f} ms")
print(f"customers with invoices in the window: {len(rows)}, total revenue {sum(r[1] for r in rows)}")

if snoei_csv:
    duck = {c: r for c, r in rows}
    mismatches = 0
    n = 0
    with open(snoei_csv, newline="") as f:
        for rec in csv.DictReader(f):
            n += 1
            if Decimal(duck.get(rec["customer_id"], 0)) != Decimal(rec["revenue"]):
                mismatches += 1
    print(f"compared with snoei analyze: {n} customers, {mismatches} revenue mismatches")
