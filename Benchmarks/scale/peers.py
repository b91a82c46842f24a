#!/usr/bin/env python3
"""Peers for issue 8 ("Speed at scale"): the reference job of FORMAT.md computed by DuckDB and by
pandas over the same canonical CSV folder that `snoei analyze --from` reads, timed end to end and
checked figure by figure against Snoei's output.

    peers.py FOLDER AS_OF [--snoei-csv FILE] [--snoei-json FILE] [--engines duckdb,pandas]
             [--runs N] [--policy snoei.toml | --snoei BINARY] [--json OUT]

The reference job: every per-customer metric of FORMAT.md that `snoei analyze --format csv` prints
(revenue, cogs, gross_margin, hours, cost_to_serve, contribution, avg_days_late, late_share,
overdue, not_due and the four aging buckets, dso, short_pays, contacts, contacts_per_k,
self_caused_share, deviations, incidents, incident_max_severity, revenue_share), the splits the
JSON adds (hours by activity, contacts by kind and by channel, deviation cost), and the portfolio
figures (totals, pareto_top20, whale_peak, unprofitable_share, hhi), as of one date.

Each engine follows FORMAT.md's definitions and its "rules that settle the edge cases". Where
FORMAT.md is silent, the choice Snoei makes is taken and named here (hours x rate rounding,
incidents after D, matching against invoices issued after D); where FORMAT.md and Snoei differ,
the peer follows FORMAT.md, except for contacts_per_k at revenue <= 0, where FORMAT.md's formula
gives a negative ratio that means nothing: the peer leaves it empty as Snoei does
(--cpk-format-literal computes the formula as written):

- window [D - 365, D], both ends inclusive; records after D are ignored (incidents too: FORMAT says
  "all time", Snoei counts those dated <= D);
- payments dated <= D only; matched by invoice_id alone when it is given (an unknown id leaves the
  payment unmatched), else by reference against invoices.reference (a reference carried by
  several invoices matches nothing), else against invoices.invoice_id; never by customer_id.
  Matching looks at every invoice in the file, also those issued after D (as Snoei does);
- money exact in integer cents: DuckDB reads DECIMAL(18,2) and sums decimals; pandas parses with
  float64 and converts to int64 cents, and the script checks that every value was a whole number
  of cents (so the conversion is exact), then sums int64. Hours the same way in thousandths;
- hours x rate rounded to cents half away from zero once per customer and activity (FORMAT says
  Sum hours x rate(activity); Snoei rounds the sum per activity, not per entry);
- settle date: payments per invoice summed per day, the first day on which payable - cumulative
  paid <= 0.005.

Timing: each run of each engine is a fresh process (`peers.py --worker ENGINE`), timed from before
the CSV files are read until every figure is in memory (a pandas DataFrame for both engines);
the process's start and the import of duckdb/pandas are not in the time, writing an output file
is not part of the job. Peak RSS is the worker process's maxrss (wait4).

Agreement: money must be equal to the cent and counts exactly. Ratios are printed by Snoei
with a fixed number of decimals (avg_days_late 2, late_share 4, dso 2, contacts_per_k 2,
self_caused_share 4, revenue_share 6; in the JSON portfolio pareto_top20/whale_peak/
unprofitable_share 4, hhi 2): the peer's value, formatted the same way (half away from zero),
must give the same text, unless it lies within 1e-9 (relative) of a rounding boundary, where
either neighbour is accepted. Exit code 1 on any disagreement.
"""
import argparse
import csv
import datetime
import json
import math
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib

ACTIVITIES = ["support", "rework", "meeting", "sales", "delivery", "admin"]
CHANNELS = ["call", "email", "ticket", "visit", "chat"]
KINDS = ["question", "complaint", "change_request"]

# Canonical files: column -> (DuckDB type, kind for pandas). Kinds: id/str, date, money, hours, int, bool.
SCHEMA = {
    "customers": {"customer_id": ("VARCHAR", "str"), "name": ("VARCHAR", "str"), "segment": ("VARCHAR", "str"),
                  "account_manager": ("VARCHAR", "str"), "since": ("DATE", "str"), "tier": ("VARCHAR", "str"),
                  "contract_end": ("DATE", "str"), "notice_days": ("INTEGER", "str"),
                  "cancel_channel": ("VARCHAR", "str")},
    "invoices": {"invoice_id": ("VARCHAR", "str"), "customer_id": ("VARCHAR", "str"),
                 "issue_date": ("DATE", "date"), "due_date": ("DATE", "date"), "amount": ("DECIMAL(18,2)", "money"),
                 "vat": ("DECIMAL(18,2)", "money"), "cost": ("DECIMAL(18,2)", "money"),
                 "reference": ("VARCHAR", "str")},
    "payments": {"payment_id": ("VARCHAR", "str"), "date": ("DATE", "date"), "amount": ("DECIMAL(18,2)", "money"),
                 "invoice_id": ("VARCHAR", "str"), "customer_id": ("VARCHAR", "str"), "reference": ("VARCHAR", "str")},
    "time_entries": {"customer_id": ("VARCHAR", "str"), "date": ("DATE", "date"), "hours": ("DECIMAL(15,3)", "hours"),
                     "activity": ("VARCHAR", "str"), "billable": ("VARCHAR", "str"), "employee": ("VARCHAR", "str")},
    "contacts": {"customer_id": ("VARCHAR", "str"), "date": ("DATE", "date"), "channel": ("VARCHAR", "str"),
                 "kind": ("VARCHAR", "str"), "topic": ("VARCHAR", "str"), "self_caused": ("VARCHAR", "str")},
    "deviations": {"customer_id": ("VARCHAR", "str"), "date": ("DATE", "date"), "kind": ("VARCHAR", "str"),
                   "cost": ("DECIMAL(18,2)", "money"), "note": ("VARCHAR", "str")},
    "incidents": {"customer_id": ("VARCHAR", "str"), "date": ("DATE", "date"), "kind": ("VARCHAR", "str"),
                  "severity": ("INTEGER", "int"), "note": ("VARCHAR", "str")},
}
# The columns each engine actually needs (the others are read as text or skipped).
NEEDED = {
    "customers": ["customer_id"],
    "invoices": ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "vat", "cost", "reference"],
    "payments": ["date", "amount", "invoice_id", "reference"],
    "time_entries": ["customer_id", "date", "hours", "activity"],
    "contacts": ["customer_id", "date", "channel", "kind", "self_caused"],
    "deviations": ["customer_id", "date", "cost"],
    "incidents": ["customer_id", "date", "severity"],
}

# FORMAT.md: contacts_per_k = contacts / (revenue / 1000), so undefined only at revenue 0. Snoei
# leaves it empty whenever revenue <= 0 (Figures.swift): contacts per €1,000 of a negative revenue
# (credit notes only) is no figure. The peers do the same unless --cpk-format-literal.
CPK_POSITIVE_ONLY = True

MONEY_COLUMNS = ["revenue", "cogs", "gross_margin", "cost_to_serve", "contribution", "overdue", "not_due", "d1_30",
                 "d31_60", "d61_90", "d90_plus", "deviation_cost"]
COUNT_COLUMNS = ["short_pays", "contacts", "deviations", "incidents", "incident_max_severity"]
# Ratio columns and the decimals Snoei prints them with (AnalysisCSV / AnalysisJSON).
RATIO_DECIMALS = {"avg_days_late": 2, "late_share": 4, "dso": 2, "contacts_per_k": 2, "self_caused_share": 4,
                  "revenue_share": 6}
CSV_COLUMNS = ["revenue", "cogs", "gross_margin", "hours", "cost_to_serve", "contribution", "avg_days_late",
               "late_share", "overdue", "not_due", "d1_30", "d31_60", "d61_90", "d90_plus", "dso", "short_pays",
               "contacts", "contacts_per_k", "self_caused_share", "deviations", "incidents", "incident_max_severity",
               "revenue_share"]


# ---------------------------------------------------------------------------------------------
# Policy: hourly rates and contact unit costs, in cents.

def load_policy(path):
    with open(path, "rb") as f:
        t = tomllib.load(f)

    def cents(x):
        # Money(euros:) in Snoei: rounded half away from zero.
        v = float(x) * 100
        return int(math.floor(abs(v) + 0.5)) * (1 if v >= 0 else -1)

    rates = {a: cents(t.get("hourly_rate", {}).get(a, 0)) for a in ACTIVITIES}
    unit = {k: cents(t.get("contact_cost", {}).get(k, 0)) for k in KINDS}
    return {"rates": rates, "unit": unit}


def default_policy_file(snoei):
    """`snoei policy init` writes the built-in defaults; read them from there."""
    d = tempfile.mkdtemp(prefix="snoei-policy-")
    path = os.path.join(d, "snoei.toml")
    subprocess.run([snoei, "policy", "init", "--path", path, "--force"], check=True, stdout=subprocess.DEVNULL)
    return path


# ---------------------------------------------------------------------------------------------
# Helpers shared by the engines.

def header_of(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return next(csv.reader(f), [])


def day_number(d):
    return (d - datetime.date(1970, 1, 1)).days


def portfolio_from(revenue, contribution, cost_to_serve, cogs, hours_milli, aging):
    """Portfolio figures (rule 10, 11) from per-customer integer columns (numpy int64 arrays)."""
    import numpy as np
    n = len(revenue)
    total = int(revenue.sum())
    positive = np.sort(revenue[revenue > 0])[::-1]
    npos = len(positive)
    k = (npos * 2 + 9) // 10
    pareto = float(int(positive[:k].sum())) / float(total) if total != 0 and k > 0 else 0.0
    hhi = 0.0
    if total != 0:
        s = revenue[revenue != 0].astype(np.float64) / float(total) * 100
        hhi = float((s * s).sum())
    ctotal = int(contribution.sum())
    if ctotal != 0 and n > 0:
        cum = np.cumsum(np.sort(contribution)[::-1]).astype(np.float64) / float(ctotal)
        peak_rank = int(np.argmax(cum)) + 1
        peak = float(cum[peak_rank - 1])
    else:
        peak, peak_rank = 0.0, 0
    unprofitable = int((contribution < 0).sum())
    return {
        "customers": n, "customers_with_revenue": npos,
        "revenue": total, "cogs": int(cogs.sum()), "gross_margin": total - int(cogs.sum()),
        "cost_to_serve": int(cost_to_serve.sum()), "contribution": ctotal, "hours": int(hours_milli.sum()),
        "overdue": int(sum(int(aging[b].sum()) for b in ["d1_30", "d31_60", "d61_90", "d90_plus"])),
        "not_due": int(aging["not_due"].sum()), "d1_30": int(aging["d1_30"].sum()),
        "d31_60": int(aging["d31_60"].sum()), "d61_90": int(aging["d61_90"].sum()),
        "d90_plus": int(aging["d90_plus"].sum()),
        "pareto_top20": pareto, "pareto_top_count": k, "whale_peak": peak, "whale_peak_rank": peak_rank,
        "unprofitable_share": unprofitable / n if n else 0.0, "unprofitable_count": unprofitable, "hhi": hhi,
    }


# ---------------------------------------------------------------------------------------------
# DuckDB

def run_duckdb(folder, as_of, policy, threads=None):
    import duckdb
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")  # it prints to stderr on long queries
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    D = as_of.isoformat()
    S = (as_of - datetime.timedelta(days=365)).isoformat()

    def load(table):
        path = os.path.join(folder, f"{table}.csv")
        schema = SCHEMA[table]
        if os.path.exists(path):
            cols = header_of(path)
            spec = ", ".join(f"'{c}': '{schema.get(c, ('VARCHAR',))[0]}'" for c in cols)
            src = (f"read_csv('{path}', header = true, delim = ',', quote = '\"', escape = '\"', "
                   f"columns = {{{spec}}}, auto_detect = false)")
        else:
            cols = []
            src = None
        sel = ", ".join((f'"{c}"' if c in cols else f"CAST(NULL AS {schema[c][0]}) AS \"{c}\"") for c in NEEDED[table])
        # Tables, not views: each CSV file is read and parsed once.
        if src is None:
            con.execute(f"CREATE TABLE {table} AS SELECT {sel} WHERE false")
        else:
            con.execute(f"CREATE TABLE {table} AS SELECT {sel} FROM {src}")

    for t in SCHEMA:
        load(t)
    rate_sql = " ".join(f"WHEN '{a}' THEN {policy['rates'][a]}" for a in ACTIVITIES)
    unit_sql = " ".join(f"WHEN '{k}' THEN {policy['unit'][k]}" for k in KINDS)
    by_act = ", ".join(f"COALESCE(SUM(milli) FILTER (WHERE activity = '{a}'), 0)::BIGINT AS h_{a}" for a in ACTIVITIES)
    by_kind = ", ".join(f"COUNT(*) FILTER (WHERE kind = '{k}') AS k_{k}" for k in KINDS)
    by_chan = ", ".join(f"COUNT(*) FILTER (WHERE channel = '{c}') AS ch_{c}" for c in CHANNELS)
    sql = f"""
WITH
cust AS (SELECT customer_id, row_number() OVER () - 1 AS row FROM customers),
-- Invoices get an integer key (their row) once; everything after the matching joins on it.
inv_all AS (SELECT rowid AS ix, * FROM invoices),
refs AS (SELECT reference, COUNT(*) AS n, any_value(ix) AS ix FROM inv_all
         WHERE reference IS NOT NULL AND reference <> '' GROUP BY reference),
-- Rule 4. A payment with an invoice_id matches that invoice or nothing; one without, its reference.
pay_id AS (SELECT p.date, p.amount, i.ix AS matched FROM payments p JOIN inv_all i USING (invoice_id)
           WHERE p.invoice_id <> '' AND p.date <= DATE '{D}'),
pay_ref AS (SELECT p.date, p.amount,
                   CASE WHEN r.reference IS NOT NULL THEN (CASE WHEN r.n = 1 THEN r.ix END)
                        ELSE byref.ix END AS matched
            FROM payments p
            LEFT JOIN refs r ON r.reference = p.reference
            LEFT JOIN (SELECT ix, invoice_id FROM inv_all) byref ON byref.invoice_id = p.reference
            WHERE (p.invoice_id IS NULL OR p.invoice_id = '') AND p.reference <> '' AND p.date <= DATE '{D}'),
pay AS (SELECT * FROM pay_id UNION ALL SELECT * FROM pay_ref WHERE matched IS NOT NULL),
inv AS (SELECT ix, customer_id, issue_date, due_date, amount, COALESCE(vat, 0) AS vat,
               COALESCE(cost, 0) AS cost, amount + COALESCE(vat, 0) AS payable
        FROM inv_all WHERE issue_date <= DATE '{D}'),
daily AS (SELECT matched AS ix, date, SUM(amount) AS amt, COUNT(*) AS n FROM pay GROUP BY matched, date),
days AS (SELECT ix, COUNT(*) AS ndays, SUM(amt) AS paid, SUM(n) AS cnt, MAX(date) AS last_date,
                MIN(date) AS first_date FROM daily GROUP BY ix),
-- Rule 5: the settle date. Paid on one day: that day if it paid enough; on several days: the first
-- day on which the running sum reached payable (a window over those invoices only).
multi AS (SELECT d.ix, d.date, i.payable,
                 SUM(d.amt) OVER (PARTITION BY d.ix ORDER BY d.date ROWS UNBOUNDED PRECEDING) AS paid_so_far
          FROM daily d SEMI JOIN (SELECT ix FROM days WHERE ndays > 1) m USING (ix)
          JOIN inv i USING (ix)),
multi_settled AS (SELECT ix, MIN(date) AS settled FROM multi
                  WHERE payable > 0 AND payable - paid_so_far <= 0.005 GROUP BY ix),
iv AS (SELECT i.*, COALESCE(s.paid, 0) AS paid, COALESCE(s.cnt, 0) AS cnt, s.last_date,
              CASE WHEN s.ndays = 1 THEN (CASE WHEN i.payable > 0 AND i.payable - s.paid <= 0.005 THEN s.first_date END)
                   ELSE m.settled END AS settled,
              i.payable - COALESCE(s.paid, 0) AS open, date_diff('day', i.due_date, DATE '{D}') AS age
       FROM inv i LEFT JOIN days s USING (ix) LEFT JOIN multi_settled m USING (ix)),
iv2 AS (SELECT *, CASE WHEN amount > 0 AND due_date < DATE '{D}' AND due_date >= DATE '{S}' THEN
                      (CASE WHEN open <= 0.005 THEN greatest(0, COALESCE(date_diff('day', due_date, settled), 0))
                            ELSE age END) END AS days_late
        FROM iv),
inv_c AS (SELECT customer_id,
          SUM(amount) FILTER (WHERE issue_date >= DATE '{S}') AS revenue,
          SUM(cost) FILTER (WHERE issue_date >= DATE '{S}') AS cogs,
          SUM(payable) FILTER (WHERE issue_date >= DATE '{S}') AS payable_window,
          SUM(open) FILTER (WHERE open > 0.005) AS open_total,
          SUM(open) FILTER (WHERE open > 0.005 AND age <= 0) AS not_due,
          SUM(open) FILTER (WHERE open > 0.005 AND age BETWEEN 1 AND 30) AS d1_30,
          SUM(open) FILTER (WHERE open > 0.005 AND age BETWEEN 31 AND 60) AS d31_60,
          SUM(open) FILTER (WHERE open > 0.005 AND age BETWEEN 61 AND 90) AS d61_90,
          SUM(open) FILTER (WHERE open > 0.005 AND age >= 91) AS d90_plus,
          COUNT(*) FILTER (WHERE open > 0.005 AND due_date < DATE '{D}' AND cnt > 0
                           AND last_date < DATE '{D}' - INTERVAL 30 DAY) AS short_pays,
          SUM(payable * days_late) FILTER (WHERE days_late IS NOT NULL) AS late_weighted,
          SUM(payable) FILTER (WHERE days_late IS NOT NULL) AS late_payable,
          COUNT(days_late) AS late_set,
          COUNT(*) FILTER (WHERE days_late > 0) AS late_count
        FROM iv2 GROUP BY customer_id),
te AS (SELECT customer_id, activity, CAST(hours * 1000 AS BIGINT) AS milli FROM time_entries
       WHERE date BETWEEN DATE '{S}' AND DATE '{D}'),
time_ca AS (SELECT customer_id, activity, SUM(milli) AS milli FROM te GROUP BY customer_id, activity),
time_c AS (SELECT customer_id, SUM(milli)::BIGINT AS hours_milli, {by_act},
           -- hours x rate per customer and activity, rounded to the cent half away from zero (hours >= 0)
           SUM((milli * (CASE activity {rate_sql} ELSE 0 END) + 500) // 1000)::BIGINT AS time_cost
           FROM time_ca GROUP BY customer_id),
con_c AS (SELECT customer_id, COUNT(*) AS contacts, {by_kind}, {by_chan},
          COUNT(*) FILTER (WHERE lower(self_caused) = 'true') AS self_caused,
          SUM(CASE kind {unit_sql} ELSE 0 END)::BIGINT AS contact_cost
          FROM contacts WHERE date BETWEEN DATE '{S}' AND DATE '{D}' GROUP BY customer_id),
dev_c AS (SELECT customer_id, COUNT(*) AS deviations, SUM(cost) AS deviation_cost FROM deviations
          WHERE date BETWEEN DATE '{S}' AND DATE '{D}' GROUP BY customer_id),
inc_c AS (SELECT customer_id, COUNT(*) AS incidents, MAX(severity) AS incident_max_severity FROM incidents
          WHERE date <= DATE '{D}' GROUP BY customer_id),
per AS (
  SELECT c.row, c.customer_id,
    CAST(COALESCE(i.revenue, 0) * 100 AS BIGINT) AS revenue,
    CAST(COALESCE(i.cogs, 0) * 100 AS BIGINT) AS cogs,
    CAST(COALESCE(i.payable_window, 0) * 100 AS BIGINT) AS payable_window,
    CAST(COALESCE(i.open_total, 0) * 100 AS BIGINT) AS open_total,
    CAST(COALESCE(i.not_due, 0) * 100 AS BIGINT) AS not_due,
    CAST(COALESCE(i.d1_30, 0) * 100 AS BIGINT) AS d1_30,
    CAST(COALESCE(i.d31_60, 0) * 100 AS BIGINT) AS d31_60,
    CAST(COALESCE(i.d61_90, 0) * 100 AS BIGINT) AS d61_90,
    CAST(COALESCE(i.d90_plus, 0) * 100 AS BIGINT) AS d90_plus,
    COALESCE(i.short_pays, 0) AS short_pays,
    CASE WHEN COALESCE(i.late_payable, 0) <> 0 THEN CAST(i.late_weighted * 100 AS DOUBLE) / CAST(i.late_payable * 100 AS DOUBLE) ELSE 0 END AS avg_days_late,
    CASE WHEN COALESCE(i.late_set, 0) > 0 THEN i.late_count / i.late_set ELSE 0 END AS late_share,
    COALESCE(t.hours_milli, 0) AS hours_milli,
    {", ".join(f"COALESCE(t.h_{a}, 0) AS h_{a}" for a in ACTIVITIES)},
    COALESCE(t.time_cost, 0) AS time_cost,
    COALESCE(k.contacts, 0) AS contacts,
    {", ".join(f"COALESCE(k.k_{x}, 0) AS k_{x}" for x in KINDS)},
    {", ".join(f"COALESCE(k.ch_{x}, 0) AS ch_{x}" for x in CHANNELS)},
    COALESCE(k.self_caused, 0) AS self_caused,
    COALESCE(k.contact_cost, 0) AS contact_cost,
    COALESCE(d.deviations, 0) AS deviations,
    CAST(COALESCE(d.deviation_cost, 0) * 100 AS BIGINT) AS deviation_cost,
    COALESCE(x.incidents, 0) AS incidents,
    COALESCE(x.incident_max_severity, 0) AS incident_max_severity
  FROM cust c
  LEFT JOIN inv_c i USING (customer_id) LEFT JOIN time_c t USING (customer_id)
  LEFT JOIN con_c k USING (customer_id) LEFT JOIN dev_c d USING (customer_id)
  LEFT JOIN inc_c x USING (customer_id)),
per2 AS (SELECT *, revenue - cogs AS gross_margin, time_cost + contact_cost + deviation_cost AS cost_to_serve,
                d1_30 + d31_60 + d61_90 + d90_plus AS overdue FROM per),
tot AS (SELECT SUM(revenue) AS total FROM per2)
SELECT per2.*, revenue - cogs - cost_to_serve AS contribution,
  CASE WHEN payable_window <> 0 THEN open_total::DOUBLE / payable_window::DOUBLE * 365 ELSE 0 END AS dso,
  CASE WHEN contacts = 0 THEN 0 ELSE self_caused / contacts END AS self_caused_share,
  -- FORMAT: contacts / (revenue / 1000); undefined (NULL) when revenue is 0
  CASE WHEN revenue {'>' if CPK_POSITIVE_ONLY else '<>'} 0 THEN contacts / (revenue::DOUBLE / 100 / 1000) END AS contacts_per_k,
  CASE WHEN tot.total <> 0 THEN revenue::DOUBLE / tot.total::DOUBLE ELSE 0 END AS revenue_share
FROM per2, tot ORDER BY row
"""
    df = con.execute(sql).df()
    # Portfolio figures in SQL too (over the per-customer result, as FORMAT defines them).
    con.register("figs", df)
    p = con.execute("""
WITH t AS (SELECT SUM(revenue) AS total, SUM(contribution) AS ctotal, COUNT(*) AS n,
                  COUNT(*) FILTER (WHERE revenue > 0) AS npos FROM figs),
k AS (SELECT (npos * 2 + 9) // 10 AS k FROM t),
top AS (SELECT COALESCE(SUM(revenue), 0) AS top FROM (SELECT revenue, row_number() OVER (ORDER BY revenue DESC) AS r
        FROM figs WHERE revenue > 0) WHERE r <= (SELECT k FROM k)),
whale AS (SELECT SUM(contribution) OVER (ORDER BY contribution DESC ROWS UNBOUNDED PRECEDING) AS cum,
                 row_number() OVER (ORDER BY contribution DESC) AS rank FROM figs),
SELECT t.n, t.npos, k.k,
  CASE WHEN t.total <> 0 AND k.k > 0 THEN top.top::DOUBLE / t.total::DOUBLE ELSE 0 END AS pareto,
  CASE WHEN t.total <> 0 THEN (SELECT SUM(pow(revenue::DOUBLE / t.total::DOUBLE * 100, 2)) FROM figs WHERE revenue <> 0)
       ELSE 0 END AS hhi,
  CASE WHEN t.ctotal <> 0 THEN (SELECT MAX(cum::DOUBLE / t.ctotal::DOUBLE) FROM whale) ELSE 0 END AS whale_peak,
  CASE WHEN t.ctotal <> 0 THEN (SELECT MIN(rank) FROM whale WHERE cum::DOUBLE / t.ctotal::DOUBLE =
       (SELECT MAX(cum::DOUBLE / t.ctotal::DOUBLE) FROM whale)) ELSE 0 END AS whale_rank,
  (SELECT COUNT(*) FROM figs WHERE contribution < 0) AS unprofitable,
  (SELECT SUM(revenue) FROM figs) AS revenue, (SELECT SUM(cogs) FROM figs) AS cogs,
  (SELECT SUM(cost_to_serve) FROM figs) AS cost_to_serve, (SELECT SUM(contribution) FROM figs) AS contribution,
  (SELECT SUM(hours_milli) FROM figs) AS hours, (SELECT SUM(overdue) FROM figs) AS overdue,
  (SELECT SUM(not_due) FROM figs) AS not_due, (SELECT SUM(d1_30) FROM figs) AS d1_30,
  (SELECT SUM(d31_60) FROM figs) AS d31_60, (SELECT SUM(d61_90) FROM figs) AS d61_90,
  (SELECT SUM(d90_plus) FROM figs) AS d90_plus
FROM t, k, top
""").fetchone()
    n = int(p[0])
    portfolio = {
        "customers": n, "customers_with_revenue": int(p[1]), "pareto_top_count": int(p[2]),
        "pareto_top20": float(p[3]), "hhi": float(p[4] or 0), "whale_peak": float(p[5] or 0),
        "whale_peak_rank": int(p[6] or 0), "unprofitable_count": int(p[7]),
        "unprofitable_share": int(p[7]) / n if n else 0.0,
        "revenue": int(p[8] or 0), "cogs": int(p[9] or 0), "gross_margin": int(p[8] or 0) - int(p[9] or 0),
        "cost_to_serve": int(p[10] or 0), "contribution": int(p[11] or 0), "hours": int(p[12] or 0),
        "overdue": int(p[13] or 0), "not_due": int(p[14] or 0), "d1_30": int(p[15] or 0),
        "d31_60": int(p[16] or 0), "d61_90": int(p[17] or 0), "d90_plus": int(p[18] or 0),
    }
    meta = {"version": duckdb.__version__, "threads": con.execute("SELECT current_setting('threads')").fetchone()[0]}
    return df, portfolio, meta


# ---------------------------------------------------------------------------------------------
# pandas

def run_pandas(folder, as_of, policy, engine="pyarrow"):
    import numpy as np
    import pandas as pd

    D = day_number(as_of)
    S = D - 365

    def read(table):
        path = os.path.join(folder, f"{table}.csv")
        schema = SCHEMA[table]
        need = NEEDED[table]
        if os.path.exists(path):
            cols = header_of(path)
            use = [c for c in need if c in cols]
            dtype = {}
            for c in use:
                kind = schema[c][1]
                dtype[c] = {"str": "string", "date": "string", "money": "float64", "hours": "float64",
                            "int": "Int64", "bool": "string"}[kind]
            df = pd.read_csv(path, usecols=use, dtype=dtype, engine=engine, keep_default_na=False, na_values=[""])
        else:
            df = pd.DataFrame()
            use = []
        out = {}
        n = len(df)
        for c in need:
            kind = schema[c][1]
            if c not in use:
                out[c] = (np.zeros(n, dtype=np.int64) if kind in ("money", "hours", "int")
                          else pd.Series([pd.NA] * n, dtype="string"))
                continue
            s = df[c]
            if kind == "date":
                out[c] = (pd.to_datetime(s, format="%Y-%m-%d").values.astype("datetime64[D]").astype(np.int64))
            elif kind in ("money", "hours"):
                scale = 100 if kind == "money" else 1000
                x = s.to_numpy(dtype=np.float64, na_value=0.0) * scale
                r = np.rint(x)
                # Exactness: every value must have been a whole number of cents / thousandths.
                if n and np.abs(x - r).max() > 1e-6 * max(1.0, float(np.abs(x).max()) * 1e-9):
                    raise SystemExit(f"pandas: {table}.{c} has a value with more decimals than {scale}")
                out[c] = r.astype(np.int64)
            elif kind == "int":
                out[c] = s.fillna(0).astype(np.int64).to_numpy()
            else:
                out[c] = s
        return out, n

    cust, ncust = read("customers")
    cindex = pd.Index(cust["customer_id"])

    def crow(ids):
        r = cindex.get_indexer(ids)
        if (r < 0).any():
            raise SystemExit("pandas: a record names a customer that is not in customers.csv")
        return r

    # Invoices and payment matching (rule 4) over all invoices.
    inv, ninv = read("invoices")
    inv_ids = pd.Index(inv["invoice_id"])
    refs = inv["reference"]
    refs_ok = refs.notna() & (refs != "")
    ref_counts = refs[refs_ok].value_counts()
    ref_unique = pd.Series(np.arange(ninv)[refs_ok.to_numpy()], index=refs[refs_ok].to_numpy())
    ref_unique = ref_unique[~ref_unique.index.duplicated()]
    pay, npay = read("payments")
    pid = pay["invoice_id"]
    pref = pay["reference"]
    has_id = (pid.notna() & (pid != "")).to_numpy()
    has_ref = (pref.notna() & (pref != "")).to_numpy()
    by_id = inv_ids.get_indexer(pid.fillna(""))
    ref_n = pref.map(ref_counts).fillna(0).astype(np.int64).to_numpy()
    ref_row = pref.map(ref_unique).fillna(-1).astype(np.int64).to_numpy()
    by_ref_id = inv_ids.get_indexer(pref.fillna(""))
    matched = np.where(has_id, by_id,
                       np.where(has_ref, np.where(ref_n == 1, ref_row, np.where(ref_n > 1, -1, by_ref_id)), -1))
    keep = (matched >= 0) & (pay["date"] <= D)
    issue = inv["issue_date"]
    due = inv["due_date"]
    amount = inv["amount"]
    payable = amount + inv["vat"]
    cost = inv["cost"]

    # Payments per invoice per day, cumulative; settle date = first day payable - paid <= 0.005.
    pf = pd.DataFrame({"inv": matched[keep], "date": pay["date"][keep], "amt": pay["amount"][keep]})
    daily = pf.groupby(["inv", "date"], sort=True).agg(amt=("amt", "sum"), n=("amt", "size")).reset_index()
    daily["cum"] = daily.groupby("inv")["amt"].cumsum()
    pay_of = payable[daily["inv"].to_numpy()]
    daily["settles"] = (pay_of > 0) & (pay_of - daily["cum"].to_numpy() <= 0)
    g = daily.groupby("inv")
    paid = np.zeros(ninv, dtype=np.int64)
    cnt = np.zeros(ninv, dtype=np.int64)
    last = np.full(ninv, np.iinfo(np.int64).min, dtype=np.int64)
    settled = np.full(ninv, np.iinfo(np.int64).min, dtype=np.int64)
    sums = g.agg(paid=("amt", "sum"), n=("n", "sum"), last=("date", "max"))
    idx = sums.index.to_numpy()
    paid[idx] = sums["paid"].to_numpy()
    cnt[idx] = sums["n"].to_numpy()
    last[idx] = sums["last"].to_numpy()
    st = daily[daily["settles"]].groupby("inv")["date"].min()
    settled[st.index.to_numpy()] = st.to_numpy()
    has_settled = settled != np.iinfo(np.int64).min

    live = issue <= D
    c_inv = crow(inv["customer_id"])
    openv = payable - paid
    age = D - due
    win = live & (issue >= S)
    is_open = live & (openv > 0)

    def csum(mask, values):
        # Exact: int64 sums per customer.
        return pd.Series(values[mask]).groupby(c_inv[mask]).sum().reindex(range(ncust), fill_value=0).to_numpy(np.int64)

    def ccount(mask, codes=c_inv):
        return np.bincount(codes[mask], minlength=ncust).astype(np.int64)

    revenue = csum(win, amount)
    cogs = csum(win, cost)
    payable_window = csum(win, payable)
    not_due = csum(is_open & (age <= 0), openv)
    d1_30 = csum(is_open & (age >= 1) & (age <= 30), openv)
    d31_60 = csum(is_open & (age >= 31) & (age <= 60), openv)
    d61_90 = csum(is_open & (age >= 61) & (age <= 90), openv)
    d90_plus = csum(is_open & (age >= 91), openv)
    open_total = not_due + d1_30 + d31_60 + d61_90 + d90_plus
    short_pays = ccount(is_open & (due < D) & (cnt > 0) & (last < D - 30))
    late_set = live & (amount > 0) & (due < D) & (due >= S)
    days_late = np.where(openv <= 0, np.maximum(0, np.where(has_settled, settled - due, 0)), D - due)
    late_weighted = csum(late_set, payable * days_late)
    late_payable = csum(late_set, payable)
    late_n = ccount(late_set)
    late_count = ccount(late_set & (days_late > 0))
    with np.errstate(divide="ignore", invalid="ignore"):
        avg_days_late = np.where(late_payable != 0, late_weighted / np.where(late_payable != 0, late_payable, 1), 0.0)
        late_share = np.where(late_n > 0, late_count / np.maximum(late_n, 1), 0.0)
        dso = np.where(payable_window != 0, open_total / np.where(payable_window != 0, payable_window, 1) * 365, 0.0)

    # Time entries: hours per customer and activity; cost rounded per customer and activity.
    te, _ = read("time_entries")
    tw = (te["date"] >= S) & (te["date"] <= D)
    tc = crow(te["customer_id"][tw])
    tact = te["activity"][tw].to_numpy()
    tmilli = te["hours"][tw]
    hours_by = {}
    time_cost = np.zeros(ncust, dtype=np.int64)
    for a in ACTIVITIES:
        m = tact == a
        h = pd.Series(tmilli[m]).groupby(tc[m]).sum().reindex(range(ncust), fill_value=0).to_numpy(np.int64)
        hours_by[a] = h
        time_cost += (h * policy["rates"][a] + 500) // 1000
    hours_milli = sum(hours_by.values())

    co, _ = read("contacts")
    cw = ((co["date"] >= S) & (co["date"] <= D))
    cc = crow(co["customer_id"][cw])
    ckind = co["kind"][cw].to_numpy()
    cchan = co["channel"][cw].to_numpy()
    cself = (co["self_caused"][cw].fillna("").str.lower() == "true").to_numpy()
    contacts = np.bincount(cc, minlength=ncust).astype(np.int64)
    by_kind = {k: np.bincount(cc[ckind == k], minlength=ncust).astype(np.int64) for k in KINDS}
    by_chan = {c: np.bincount(cc[cchan == c], minlength=ncust).astype(np.int64) for c in CHANNELS}
    self_caused = np.bincount(cc[cself], minlength=ncust).astype(np.int64)
    contact_cost = sum(by_kind[k] * policy["unit"][k] for k in KINDS)

    dv, _ = read("deviations")
    dw = (dv["date"] >= S) & (dv["date"] <= D)
    dc = crow(dv["customer_id"][dw])
    deviations = np.bincount(dc, minlength=ncust).astype(np.int64)
    deviation_cost = pd.Series(dv["cost"][dw]).groupby(dc).sum().reindex(range(ncust), fill_value=0).to_numpy(np.int64)

    ic, _ = read("incidents")
    iw = ic["date"] <= D
    icc = crow(ic["customer_id"][iw])
    incidents = np.bincount(icc, minlength=ncust).astype(np.int64)
    sev = pd.Series(ic["severity"][iw]).groupby(icc).max().reindex(range(ncust), fill_value=0).to_numpy(np.int64)

    cost_to_serve = time_cost + contact_cost + deviation_cost
    gross_margin = revenue - cogs
    contribution = gross_margin - cost_to_serve
    total = int(revenue.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        self_share = np.where(contacts > 0, self_caused / np.maximum(contacts, 1), 0.0)
        cpk = np.where((revenue > 0) if CPK_POSITIVE_ONLY else (revenue != 0), contacts / (revenue / 100 / 1000), np.nan)
        share = revenue / total if total != 0 else np.zeros(ncust)
    df = pd.DataFrame({
        "customer_id": cust["customer_id"].to_numpy(), "revenue": revenue, "cogs": cogs, "gross_margin": gross_margin,
        "hours_milli": hours_milli, "cost_to_serve": cost_to_serve, "contribution": contribution,
        "avg_days_late": avg_days_late, "late_share": late_share, "overdue": d1_30 + d31_60 + d61_90 + d90_plus,
        "not_due": not_due, "d1_30": d1_30, "d31_60": d31_60, "d61_90": d61_90, "d90_plus": d90_plus, "dso": dso,
        "short_pays": short_pays, "contacts": contacts, "contacts_per_k": cpk, "self_caused_share": self_share,
        "deviations": deviations, "deviation_cost": deviation_cost, "incidents": incidents,
        "incident_max_severity": sev, "revenue_share": share,
        **{f"h_{a}": hours_by[a] for a in ACTIVITIES}, **{f"k_{k}": by_kind[k] for k in KINDS},
        **{f"ch_{c}": by_chan[c] for c in CHANNELS},
    })
    aging = {"not_due": not_due, "d1_30": d1_30, "d31_60": d31_60, "d61_90": d61_90, "d90_plus": d90_plus}
    portfolio = portfolio_from(revenue, contribution, cost_to_serve, cogs, hours_milli, aging)
    return df, portfolio, {"version": pd.__version__, "read_csv_engine": engine}


# ---------------------------------------------------------------------------------------------
# Comparison with Snoei's output

def fixed(x, d):
    """JSONWriter.fixed: x * 10^d rounded half away from zero, printed with d decimals."""
    scale = 10.0 ** d
    v = x * scale
    r = math.floor(abs(v) + 0.5) * (1 if v >= 0 else -1)
    mag = int(abs(r))
    s = ("-" if r < 0 and mag != 0 else "") + str(mag // int(scale))
    if d:
        s += "." + str(mag % int(scale)).rjust(d, "0")
    return s


def ratio_agrees(peer, text, d):
    if text == "":
        return peer is None or (isinstance(peer, float) and math.isnan(peer))
    if peer is None or (isinstance(peer, float) and not math.isfinite(peer)):
        return False
    if fixed(peer, d) == text:
        return True
    # Within 1e-9 (relative) of a rounding boundary: the neighbouring text is accepted too.
    v = peer * 10 ** d
    frac = abs(v) - math.floor(abs(v))
    near_tie = abs(frac - 0.5) <= 1e-9 * max(1.0, abs(v))
    return near_tie and abs(float(text) - peer) <= 0.5 * 10 ** -d * (1 + 1e-9)


def cents_text(c):
    c = int(c)
    return ("-" if c < 0 else "") + f"{abs(c) // 100}.{abs(c) % 100:02d}"


def milli_text(m):
    m = int(m)
    return ("-" if m < 0 else "") + f"{abs(m) // 1000}.{abs(m) % 1000:03d}"


def to_cents(text):
    neg = text.startswith("-")
    t = text.lstrip("-+")
    whole, _, frac = t.partition(".")
    c = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -c if neg else c


class Mismatches:
    def __init__(self, engine, limit=20):
        self.engine, self.limit, self.count, self.shown, self.by_column = engine, limit, 0, [], {}

    def add(self, who, column, peer, snoei):
        self.count += 1
        self.by_column[column] = self.by_column.get(column, 0) + 1
        if len(self.shown) < self.limit:
            self.shown.append(f"  {self.engine}: {who} {column}: peer {peer} vs snoei {snoei}")


def compare_csv(engine, df, snoei_csv):
    mm = Mismatches(engine)
    rows = {cid: i for i, cid in enumerate(df["customer_id"].tolist())}
    cols = {c: df[c].to_numpy() for c in df.columns if c != "customer_id"}
    seen = 0
    with open(snoei_csv, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            seen += 1
            cid = rec["customer_id"]
            i = rows.get(cid)
            if i is None:
                mm.add(cid, "customer_id", "missing", "present")
                continue
            for col in CSV_COLUMNS:
                if col not in rec:
                    continue
                text = rec[col]
                if col == "hours":
                    peer = milli_text(cols["hours_milli"][i])
                    if peer != text:
                        mm.add(cid, col, peer, text)
                elif col in MONEY_COLUMNS:
                    if int(cols[col][i]) != to_cents(text):
                        mm.add(cid, col, cents_text(cols[col][i]), text)
                elif col in COUNT_COLUMNS:
                    if int(cols[col][i]) != int(text):
                        mm.add(cid, col, int(cols[col][i]), text)
                else:
                    v = cols[col][i]
                    v = None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
                    if not ratio_agrees(v, text, RATIO_DECIMALS[col]):
                        mm.add(cid, col, v, text)
    if seen != len(rows):
        mm.add("(all)", "customer count", len(rows), seen)
    return mm, seen


def snoei_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def compare_json(engine, df, portfolio, data, mm):
    """Portfolio figures and the per-customer splits that only the JSON carries."""
    p = data["portfolio"]
    money = ["revenue", "cogs", "gross_margin", "cost_to_serve", "contribution", "overdue"]
    for k in money:
        if to_cents(f"{p[k]:.2f}") != portfolio[k]:
            mm.add("portfolio", k, cents_text(portfolio[k]), f"{p[k]:.2f}")
    for b in ["not_due", "d1_30", "d31_60", "d61_90", "d90_plus"]:
        if to_cents(f"{p['aging'][b]:.2f}") != portfolio[b]:
            mm.add("portfolio", b, cents_text(portfolio[b]), p["aging"][b])
    if round(p["hours"] * 1000) != portfolio["hours"]:
        mm.add("portfolio", "hours", milli_text(portfolio["hours"]), p["hours"])
    for k in ["customers", "customers_with_revenue", "pareto_top_count", "whale_peak_rank", "unprofitable_count"]:
        if int(p[k]) != int(portfolio[k]):
            mm.add("portfolio", k, portfolio[k], p[k])
    for k, d in [("pareto_top20", 4), ("whale_peak", 4), ("unprofitable_share", 4), ("hhi", 2)]:
        if not ratio_agrees(portfolio[k], fixed(float(p[k]), d), d):
            mm.add("portfolio", k, portfolio[k], p[k])
    rows = {cid: i for i, cid in enumerate(df["customer_id"].tolist())}
    cols = {c: df[c].to_numpy() for c in df.columns if c != "customer_id"}
    for c in data["customers"]:
        i = rows.get(c["customer_id"])
        if i is None:
            continue
        for a in ACTIVITIES:
            if round(c["hours_by_activity"][a] * 1000) != int(cols[f"h_{a}"][i]):
                mm.add(c["customer_id"], f"hours_by_activity.{a}", milli_text(cols[f"h_{a}"][i]),
                       c["hours_by_activity"][a])
        for k in KINDS:
            if int(c["contacts_by_kind"][k]) != int(cols[f"k_{k}"][i]):
                mm.add(c["customer_id"], f"contacts_by_kind.{k}", int(cols[f"k_{k}"][i]), c["contacts_by_kind"][k])
        for ch in CHANNELS:
            if int(c["contacts_by_channel"][ch]) != int(cols[f"ch_{ch}"][i]):
                mm.add(c["customer_id"], f"contacts_by_channel.{ch}", int(cols[f"ch_{ch}"][i]),
                       c["contacts_by_channel"][ch])
        if to_cents(f"{c['deviation_cost']:.2f}") != int(cols["deviation_cost"][i]):
            mm.add(c["customer_id"], "deviation_cost", cents_text(cols["deviation_cost"][i]), c["deviation_cost"])


def compare_engines(a_name, a, b_name, b):
    """The engines against each other: every column, integers exactly, ratios to 1e-9 relative."""
    import numpy as np
    mm = Mismatches(f"{a_name} vs {b_name}")
    da, pa = a["df"].set_index("customer_id"), a["portfolio"]
    db = b["df"].set_index("customer_id").reindex(da.index)
    for col in da.columns:
        if col == "row" or col not in db.columns:
            continue
        x, y = da[col].to_numpy(dtype=np.float64, na_value=np.nan), db[col].to_numpy(dtype=np.float64, na_value=np.nan)
        same = np.isclose(x, y, rtol=1e-9, atol=1e-12) | (np.isnan(x) & np.isnan(y))
        if np.issubdtype(da[col].dtype, np.integer) and np.issubdtype(db[col].dtype, np.integer):
            same = da[col].to_numpy() == db[col].to_numpy()
        for i in np.flatnonzero(~same):
            mm.add(da.index[i], col, x[i], y[i])
    for key, v in pa.items():
        w = b["portfolio"][key]
        if not ((v == w) if isinstance(v, int) else math.isclose(v, w, rel_tol=1e-9, abs_tol=1e-12)):
            mm.add("portfolio", key, v, w)
    return mm


def portfolio_from_snoei_csv(snoei_csv):
    """Portfolio figures recomputed (by FORMAT) from Snoei's own per-customer columns."""
    import numpy as np
    cols = {k: [] for k in ["revenue", "cogs", "cost_to_serve", "contribution", "hours", "not_due", "d1_30",
                            "d31_60", "d61_90", "d90_plus"]}
    with open(snoei_csv, newline="", encoding="utf-8") as f:
        for rec in csv.DictReader(f):
            for k in cols:
                cols[k].append(round(float(rec[k]) * 1000) if k == "hours" else to_cents(rec[k]))
    a = {k: np.array(v, dtype=np.int64) for k, v in cols.items()}
    return portfolio_from(a["revenue"], a["contribution"], a["cost_to_serve"], a["cogs"], a["hours"], a)


# ---------------------------------------------------------------------------------------------
# Driver

def worker(args):
    as_of = datetime.date.fromisoformat(args.as_of)
    policy = load_policy(args.policy)
    t0 = time.perf_counter()
    if args.worker == "duckdb":
        df, portfolio, meta = run_duckdb(args.folder, as_of, policy, threads=args.threads)
    else:
        df, portfolio, meta = run_pandas(args.folder, as_of, policy, engine=args.pandas_engine)
    elapsed = time.perf_counter() - t0
    with open(args.out, "wb") as f:
        pickle.dump({"seconds": elapsed, "meta": meta, "df": df if args.keep else None, "portfolio": portfolio}, f)


def run_worker(engine, args, keep):
    out = tempfile.NamedTemporaryFile(prefix=f"peer-{engine}-", suffix=".pkl", delete=False).name
    cmd = [sys.executable, os.path.abspath(__file__), args.folder, args.as_of, "--worker", engine, "--policy",
           args.policy, "--out", out, "--pandas-engine", args.pandas_engine]
    if not CPK_POSITIVE_ONLY:
        cmd.append("--cpk-format-literal")
    if keep:
        cmd.append("--keep")
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    wall0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - wall0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{engine} worker failed with exit code {proc.returncode}")
    with open(out, "rb") as f:
        r = pickle.load(f)
    os.unlink(out)
    r["wall"] = wall
    r["maxrss_mb"] = usage.ru_maxrss / 1024
    r["cpu"] = usage.ru_utime + usage.ru_stime
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("as_of")
    ap.add_argument("--snoei-csv", help="`snoei analyze --format csv` on the same ledger and date: compare")
    ap.add_argument("--snoei-json", help="`snoei analyze --format json`: also compare the portfolio and the splits")
    ap.add_argument("--engines", default="duckdb,pandas")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--policy", help="policy TOML (default: `snoei policy init` of --snoei / $SNOEI)")
    ap.add_argument("--snoei", default=os.environ.get("SNOEI", "snoei"))
    ap.add_argument("--threads", type=int, help="DuckDB threads (default: DuckDB's own, one per core)")
    ap.add_argument("--pandas-engine", default="pyarrow", choices=["pyarrow", "c"])
    ap.add_argument("--cpk-format-literal", action="store_true",
                    help="contacts_per_k as FORMAT.md's formula at any revenue but 0, instead of empty when revenue <= 0 (Snoei)")
    ap.add_argument("--json", dest="json_out", help="write timings and agreement as JSON here")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--keep", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    global CPK_POSITIVE_ONLY
    CPK_POSITIVE_ONLY = not args.cpk_format_literal
    if args.worker:
        return worker(args)
    if not args.policy:
        args.policy = default_policy_file(args.snoei)
    policy = load_policy(args.policy)
    print(f"policy {args.policy}: rates (cents/h) {policy['rates']}, contact costs (cents) {policy['unit']}")

    results = {"folder": args.folder, "as_of": args.as_of, "runs": args.runs, "engines": {}}
    failed = False
    snoei_portfolio = None
    data = snoei_json(args.snoei_json) if args.snoei_json else None
    kept_by_engine = {}
    for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
        runs = []
        kept = None
        for k in range(args.runs):
            r = run_worker(engine, args, keep=(k == 0))
            if k == 0:
                kept = r
            runs.append(r)
            print(f"{engine} run {k + 1}: {r['seconds']:.2f} s (process {r['wall']:.2f} s, "
                  f"cpu {r['cpu']:.2f} s, max RSS {r['maxrss_mb']:.0f} MB)", flush=True)
        secs = [r["seconds"] for r in runs]
        entry = {"seconds": secs, "median": statistics.median(secs), "process_seconds": [r["wall"] for r in runs],
                 "maxrss_mb": max(r["maxrss_mb"] for r in runs), "meta": kept["meta"],
                 "portfolio": kept["portfolio"]}
        print(f"{engine} {kept['meta']}: median {entry['median']:.2f} s of {len(secs)}, "
              f"max RSS {entry['maxrss_mb']:.0f} MB")
        if args.snoei_csv:
            mm, n = compare_csv(engine, kept["df"], args.snoei_csv)
            if data is not None:
                compare_json(engine, kept["df"], kept["portfolio"], data, mm)
            else:
                # No JSON: the portfolio of the peer against the portfolio of Snoei's own columns.
                if snoei_portfolio is None:
                    snoei_portfolio = portfolio_from_snoei_csv(args.snoei_csv)
                for key, peer in kept["portfolio"].items():
                    other = snoei_portfolio[key]
                    ok = (peer == other) if isinstance(peer, int) else math.isclose(peer, other, rel_tol=1e-9,
                                                                                   abs_tol=1e-12)
                    if not ok:
                        mm.add("portfolio (from snoei's columns)", key, peer, other)
            entry["customers_compared"] = n
            entry["mismatches"] = mm.count
            entry["mismatches_by_column"] = mm.by_column
            what = "CSV + JSON (portfolio, splits)" if data is not None else "CSV (+ portfolio of its columns)"
            print(f"{engine} vs snoei ({what}): {n} customers, {mm.count} mismatches"
                  + (f" {mm.by_column}" if mm.count else ""))
            for line in mm.shown:
                print(line)
            failed |= mm.count > 0
        results["engines"][engine] = entry
        kept_by_engine[engine] = kept
    names = list(kept_by_engine)
    for other in names[1:]:
        mm = compare_engines(names[0], kept_by_engine[names[0]], other, kept_by_engine[other])
        print(f"{names[0]} vs {other}: {mm.count} differences" + (f" {mm.by_column}" if mm.count else ""))
        for line in mm.shown:
            print(line)
        results[f"{names[0]}_vs_{other}_differences"] = mm.count
        failed |= mm.count > 0
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(results, f, indent=2, default=str)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
