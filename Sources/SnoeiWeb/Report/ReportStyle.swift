/// The report's only stylesheet, inlined so the document needs nothing else: readable on a
/// screen, and on paper A4 with each part on its own page where that helps.
enum ReportStyle {
    static let css = """
    :root { --ink: #1f2a37; --muted: #5b6676; --line: #dfe3ea; --soft: #f4f6f8; --accent: #1f6f5c;
      --nurture: #2f855a; --keep: #3c6e9f; --fix: #b7791f; --let_go: #b34a3c; --bad: #b34a3c; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #e9ecf0; color: var(--ink); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
      "Helvetica Neue", Arial, sans-serif; }
    .toolbar { max-width: 210mm; margin: 0 auto; padding: .8rem 1rem 0; display: flex; gap: 1rem; justify-content: space-between;
      color: var(--muted); font-size: .85rem; }
    .toolbar a { color: var(--accent); }
    .page { background: #fff; max-width: 210mm; margin: 1rem auto; padding: 14mm 15mm; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
    header.doc { border-bottom: 3px solid var(--accent); padding-bottom: .6rem; margin-bottom: 1rem; }
    h1 { font-size: 1.55rem; margin: 0 0 .2rem; line-height: 1.2; }
    h2 { font-size: 1.15rem; margin: 1.3rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
    h2:first-child { margin-top: 0; }
    h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
    p { margin: .3rem 0 .6rem; }
    .meta { color: var(--muted); margin: 0; }
    .meta strong { color: var(--ink); }
    .note { color: var(--muted); font-size: .85rem; }
    ul.summary { margin: .2rem 0 0; padding-left: 1.1rem; }
    ul.summary li { margin: .25rem 0; }
    .kf { display: grid; grid-template-columns: repeat(3, 1fr); gap: .55rem; margin: .4rem 0 0; }
    .kf div { border: 1px solid var(--line); border-radius: 6px; padding: .45rem .65rem; }
    .kf .label { color: var(--muted); font-size: .8rem; margin: 0; }
    .kf .value { font-size: 1.35rem; font-weight: 650; margin: .05rem 0; font-variant-numeric: tabular-nums; }
    .kf .value.neg { color: var(--bad); }
    .kf-4 { grid-template-columns: repeat(4, 1fr); }
    .kf-4 div { display: flex; flex-direction: column; justify-content: space-between; background: #fff; }
    .kf .sub { color: var(--muted); font-size: .75rem; margin: 0; line-height: 1.3; }
    table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .3rem 0 .6rem; }
    th, td { text-align: left; padding: .28rem .45rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    thead th { color: var(--muted); font-weight: 600; font-size: .7rem; text-transform: uppercase; letter-spacing: .02em;
      vertical-align: bottom; }
    table#needing, table#arrears-top, table#recent { table-layout: fixed; }
    h3 .note { font-weight: normal; }
    #needing th:nth-child(4), #needing td:nth-child(4) { padding-left: .8rem; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    thead th.num { white-space: normal; }
    tr.total td, tr.total th { font-weight: 650; border-top: 1.5px solid var(--ink); }
    .neg { color: var(--bad); }
    .id { color: var(--muted); font-size: .78rem; white-space: nowrap; }
    .rec { display: inline-block; font-size: .78rem; font-weight: 600; padding: 0 .4rem; border-radius: 999px;
      border: 1px solid currentColor; white-space: nowrap; }
    .rec-nurture { color: var(--nurture); } .rec-keep { color: var(--keep); } .rec-fix { color: var(--fix); }
    .rec-let_go { color: var(--let_go); }
    .state-none { color: var(--muted); }
    figure { margin: .4rem 0 .8rem; break-inside: avoid; }
    figure h3 { margin: .4rem 0 .1rem; }
    figure p { color: var(--muted); font-size: .85rem; margin: 0 0 .2rem; }
    figure svg { display: block; width: 100%; height: auto; max-height: 92mm; }
    .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
    .cols table { margin-top: 0; }
    .cols td, .cols th { padding-top: .18rem; padding-bottom: .18rem; }
    .charts figure { margin-top: 0; }
    .charts figure p { min-height: 4.2em; }
    .effect { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: .5rem .8rem;
      margin: .5rem 0 .8rem; break-inside: avoid; }
    .effect h3 { margin-top: .1rem; }
    .effect table { margin-bottom: .2rem; }
    .empty { color: var(--muted); font-style: italic; }
    /* Chart colours follow the proposals: group 0 nurture, 1 keep, 2 fix, 3 let go. */
    rect.chart-group-0 { fill: var(--nurture); } rect.chart-group-1 { fill: var(--keep); }
    rect.chart-group-2 { fill: var(--fix); } rect.chart-group-3 { fill: var(--let_go); }
    .chart-series-0 .chart-line { stroke: var(--accent); }
    @page { size: A4; margin: 13mm 14mm 14mm; }
    @media print {
      body { background: #fff; font-size: 10pt; }
      .toolbar { display: none; }
      .page { box-shadow: none; margin: 0; padding: 0; max-width: none; }
      .page + .page { break-before: page; }
      h2, h3 { break-after: avoid; }
      tr, .kf div, .cols { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      figure svg { max-height: 98mm; }
    }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      .page { padding: 1rem .8rem; overflow-x: auto; }
      .toolbar span { display: none; }
      table { font-size: .75rem; }
      th, td { padding: .25rem .3rem; }
      .rec { font-size: .7rem; }
      .kf, .kf-4 { grid-template-columns: 1fr 1fr; }
      .cols { grid-template-columns: 1fr; }
    }
    """
}
