package io.tunnelwatch.agent.report.render;

/** The report's only stylesheet, inlined: the page must work as a single file, offline. */
final class HtmlStyle {

  private HtmlStyle() {}

  static final String CSS =
      """
      :root { color-scheme: light; }
      * { box-sizing: border-box; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
             margin: 0 auto; max-width: 1000px; padding: 24px; line-height: 1.4;
             -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      h1 { font-size: 1.6rem; margin: 0 0 4px; }
      h2 { font-size: 1.25rem; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 32px; }
      h3 { font-size: 1.05rem; margin: 0 0 8px; }
      .muted { color: #666; }
      .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px; }
      .card { border: 1px solid #ddd; border-radius: 6px; padding: 10px 12px; }
      .card .label { font-size: .8rem; color: #555; text-transform: uppercase; letter-spacing: .03em; }
      .card .value { font-size: 1.5rem; font-weight: 600; }
      .card .note { font-size: .8rem; color: #555; }
      .better { color: #2e7d32; } .worse { color: #c62828; }
      table { border-collapse: collapse; width: 100%; font-size: .88rem; }
      th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; vertical-align: middle; }
      th { background: #f5f5f5; font-weight: 600; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .subject { border: 1px solid #ddd; border-radius: 6px; padding: 12px; margin: 12px 0;
                 break-inside: avoid; page-break-inside: avoid; }
      .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
                 gap: 4px 16px; margin: 0 0 8px; }
      .figures div { display: flex; justify-content: space-between; border-bottom: 1px dotted #ddd; }
      .figures dt { color: #555; } .figures dd { margin: 0; font-variant-numeric: tabular-nums; }
      svg { display: block; max-width: 100%; height: auto; margin: 4px 0; }
      .legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
      .bad { color: #c62828; font-weight: 600; }
      footer { margin-top: 32px; font-size: .8rem; color: #666; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10pt; }
        h2 { break-after: avoid; page-break-after: avoid; }
        a { color: inherit; text-decoration: none; }
      }
      """;
}
