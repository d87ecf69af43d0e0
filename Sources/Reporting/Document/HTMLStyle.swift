import VFMCore
/// The page's CSS and its one small script, inline so report.html needs nothing else.
enum HTMLStyle {
    /// Screen and print styles: a readable measure, tables that scroll sideways on a
    /// narrow screen instead of overflowing, two charts a row on a wide screen, and for
    /// print no contents list, no split tables or charts, links without colour. A chart is
    /// never narrower than its own width in units (`ChartFrame`), so its smallest text
    /// stays at least 11 px; on a screen narrower than that the charts scroll sideways,
    /// as the tables do.
    static let css = """
        :root { color-scheme: light; }
        body { font-family: Helvetica, Arial, sans-serif; line-height: 1.45; color: #1a1a1a; background: #ffffff;
          margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 76rem; }
        h1 { font-size: 1.7rem; margin-top: 0.5rem; }
        h2 { font-size: 1.35rem; margin-top: 2.2rem; border-bottom: 1px solid #d0d0d0; padding-bottom: 0.2rem; }
        h2.contents { border: 0; font-size: 1.1rem; margin-top: 0.8rem; }
        h3 { font-size: 1.1rem; margin-top: 1.6rem; }
        p, li { max-width: 60rem; }
        a { color: #0060a0; }
        code { font-family: Menlo, Consolas, monospace; font-size: 0.9em; background: #f2f2f2; padding: 0 0.2em; }
        nav { border: 1px solid #d0d0d0; padding: 0 1rem 0.5rem; margin: 1rem 0; }
        nav ol { columns: 2; margin: 0; }
        aside.note { border-left: 4px solid #e69f00; background: #fff8e6; padding: 0.1rem 1rem; margin: 1rem 0; }
        div.table { overflow-x: auto; margin: 0.8rem 0 1.2rem; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; caption-side: top; }
        th, td { border: 1px solid #c8c8c8; padding: 0.25rem 0.5rem; vertical-align: top; }
        th { background: #eef2f6; text-align: left; }
        th[aria-sort] { background: #dde6ef; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: #f7f7f7; }
        div.figures { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; overflow-x: auto; }
        figure { margin: 0; flex: 0 1 calc(50% - 0.5rem); min-width: \(Self.chartWidth)px; }
        div.single figure { flex: 0 1 60rem; }
        figure svg { width: 100%; height: auto; border: 1px solid #e0e0e0; }
        figcaption { font-size: 0.85rem; color: #444444; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav, script { display: none; }
          a { color: inherit; text-decoration: none; }
          h2, h3 { break-after: avoid; }
          figure, tr, aside.note { break-inside: avoid; }
          div.table { overflow: visible; }
          div.figures { display: block; }
          figure { max-width: 16cm; margin: 0 0 0.6cm; }
          tbody tr:nth-child(even) { background: none; }
        }

        """

    /// The narrowest a chart is shown, in CSS pixels: its width in viewBox units.
    static let chartWidth = Int(ChartFrame.width)

    /// The text of the page's `<script>` element, exactly as written between its tags.
    static let sortScriptElement = "\n" + sortScript

    /// The Content-Security-Policy source that allows that script and no other: its
    /// SHA-256 (CSP Level 2 §4.2.4), so no inline script can run even if third-party text
    /// ever escaped the page's escaping (issue 31: the policy allowed `'unsafe-inline'`).
    static let sortScriptHash = "sha256-" + ContentHash.base64(of: Array(sortScriptElement.utf8))

    /// Click a column heading to sort the table by it (numbers by value, text by its
    /// letters); a second click reverses. The page reads the same without it.
    static let sortScript = """
        document.querySelectorAll('table').forEach(function (table) {
          table.querySelectorAll('thead th').forEach(function (th, column) {
            th.style.cursor = 'pointer';
            th.title = 'Sort by this column';
            th.addEventListener('click', function () {
              var ascending = th.getAttribute('aria-sort') !== 'ascending';
              table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
              var body = table.tBodies[0];
              var key = function (row) {
                var text = row.cells[column] ? row.cells[column].textContent : '';
                var number = parseFloat(text.replace(/\\u2212/g, '-').replace(/[£,%\\s]/g, ''));
                return isNaN(number) ? text.toLowerCase() : number;
              };
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = key(a), y = key(b);
                var order = (typeof x === typeof y) ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === 'number' ? -1 : 1);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
        });

        """
}
