#!/usr/bin/env python3
"""Checks a run's report.html in headless Chromium against its report.md (issue 13).

    python3 Fixtures/browser/check_report.py RUN_DIR [--screenshot OUT.png] [--hostile NAMES.txt]

1. report.md is rendered with Debian's cmark-gfm (the GitHub extensions: table,
   autolink, strikethrough, tagfilter); report.html is opened from disk in headless
   Chromium with every network path closed (a proxy to a port nothing listens on,
   background networking off) and its DOM dumped after load, with a net log kept.
2. Every table of report.md must be in the page with the same cells, in order.
3. Every chart of charts/ must be inline in the page (a <figure id="chart-FILE"> holding
   an <svg> whose <title> is the file's), and the page must hold no element that loads
   anything (img, script src, link, iframe, object, embed, src/srcset attributes, CSS url()).
4. The net log must show no request made by the page other than for the file itself
   (file:, data:, about:); the browser's own background fetches are told apart by their
   initiator and are not the page's.
5. With --hostile, each line of NAMES.txt is a third-party name planted in the run: in
   both renderings it must appear as plain text in a table cell, and every cell that
   holds one must hold no element (no link, image, emphasis, code, HTML).
Exits 0 when all hold, 1 with the reasons otherwise. Only the Python standard library.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def elements(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.elements()


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(text):
    builder = TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def norm(text):
    """Whitespace collapsed as a browser shows it; the zero-width space MarkdownText puts
    after an `@` (to stop GFM's e-mail autolink) is not part of what a reader sees."""
    return " ".join(text.replace("\u200b", "").split())


def tables(root):
    """Each table as a list of rows of (cell text, cell node), captions left out."""
    found = []
    for table in (e for e in root.elements() if e.tag == "table"):
        rows = []
        for tr in (e for e in table.elements() if e.tag == "tr"):
            rows.append([(norm(c.text()), c) for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")])
        found.append(rows)
    return found


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check_report: chromium not found — run `make test-deps` (installs Debian's chromium and cmark-gfm)")


def open_in_chromium(page, screenshot, scratch):
    """The DOM after load and the URLs of the net log."""
    netlog = os.path.join(scratch, "netlog.json")
    common = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
              "--no-first-run", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
              "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
              "--user-data-dir=" + os.path.join(scratch, "profile")]
    url = "file://" + os.path.abspath(page)
    dom = subprocess.run(common + ["--log-net-log=" + netlog, "--net-log-capture-mode=Everything",
                                   "--virtual-time-budget=5000", "--dump-dom", url],
                         capture_output=True, text=True, timeout=180)
    if dom.returncode != 0 or "<html" not in dom.stdout:
        sys.exit("check_report: chromium could not open the page:\n" + dom.stderr[-2000:])
    if screenshot:
        subprocess.run(common + ["--window-size=1280,2400", "--screenshot=" + os.path.abspath(screenshot), url],
                       capture_output=True, text=True, timeout=180)
    with open(netlog, encoding="utf-8", errors="replace") as f:
        raw = f.read().rstrip().rstrip(",")
    if not raw.endswith("}"):
        raw += "]}"
    try:
        log = json.loads(raw)
    except json.JSONDecodeError:
        # An unterminated event list: close it after the last complete event.
        log = json.loads(raw[: raw.rfind("},") + 1] + "]}")
    # The page's own requests: the browser's background fetches (updater, sign-in, spell
    # check dictionaries) start with initiator "not an origin"; a file:// page's with "null".
    names = {value: key for key, value in log.get("constants", {}).get("logEventTypes", {}).items()}
    urls = set()
    for event in log.get("events", []):
        params = event.get("params") or {}
        if names.get(event.get("type")) != "URL_REQUEST_START_JOB" or not isinstance(params.get("url"), str):
            continue
        if params.get("initiator") != "not an origin" or "file://" in str(params.get("site_for_cookies", "")):
            urls.add(params["url"])
    return dom.stdout, urls


def main(argv):
    args = argv[1:]
    screenshot = hostile_file = None
    if "--screenshot" in args:
        i = args.index("--screenshot"); screenshot = args[i + 1]; del args[i:i + 2]
    if "--hostile" in args:
        i = args.index("--hostile"); hostile_file = args[i + 1]; del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    run = args[0]
    problems = []
    cmark = shutil.which("cmark-gfm")
    if not cmark:
        sys.exit("check_report: cmark-gfm not found — run `make test-deps`")
    with open(os.path.join(run, "report.md"), encoding="utf-8") as f:
        markdown = f.read()
    md_html = subprocess.run([cmark, "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter"],
                             input=markdown, capture_output=True, text=True, check=True).stdout
    md_root = parse(md_html)
    scratch = tempfile.mkdtemp(prefix="vfm-browser-")
    try:
        dom, urls = open_in_chromium(os.path.join(run, "report.html"), screenshot, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    page = parse(dom)

    # 1b. The page's own sort script ran under the page's own Content-Security-Policy (which
    # allows that script by its SHA-256 and no other, issue 31): it titles every heading cell.
    headings = [e for e in page.elements() if e.tag == "th"]
    if headings and not all(e.attrs.get("title") == "Sort by this column" for e in headings):
        problems.append("script: the table sorter did not run (its CSP hash does not match the script?)")

    # 2. Same tables, same cells.
    md_tables = [[[t for t, _ in row] for row in table] for table in tables(md_root)]
    page_tables = [[[t for t, _ in row] for row in table] for table in tables(page)]
    if len(md_tables) != len(page_tables):
        problems.append(f"tables: report.md has {len(md_tables)}, the page {len(page_tables)}")
    for number, (a, b) in enumerate(zip(md_tables, page_tables), 1):
        if a != b:
            diff = next(((r, x, y) for r, (x, y) in enumerate(zip(a, b)) if x != y), (min(len(a), len(b)), None, None))
            problems.append(f"tables: table {number} differs at row {diff[0] + 1}: report.md {diff[1]} / page {diff[2]}")

    # 3. Every chart inline, nothing that loads.
    charts_dir = os.path.join(run, "charts")
    files = sorted(n for n in os.listdir(charts_dir) if n.endswith(".svg")) if os.path.isdir(charts_dir) else []
    figures = {e.attrs.get("id"): e for e in page.elements() if e.tag == "figure"}
    for name in files:
        figure = figures.get("chart-" + name)
        svg = next((e for e in figure.elements() if e.tag == "svg"), None) if figure else None
        if svg is None:
            problems.append(f"chart {name} is not inline in the page")
            continue
        with open(os.path.join(charts_dir, name), encoding="utf-8") as f:
            file_title = next((norm(e.text()) for e in parse(f.read()).elements() if e.tag == "title"), None)
        page_title = next((norm(e.text()) for e in svg.children if isinstance(e, Node) and e.tag == "title"), None)
        if file_title != page_title:
            problems.append(f"chart {name}: inline title {page_title!r} is not the file's {file_title!r}")
    inline_svgs = sum(1 for e in page.elements() if e.tag == "svg")
    if inline_svgs != len(files):
        problems.append(f"the page has {inline_svgs} inline charts, charts/ has {len(files)}")
    for e in page.elements():
        if e.tag in ("img", "link", "iframe", "object", "embed", "video", "audio", "source", "base", "frame"):
            problems.append(f"the page has a <{e.tag}> element")
        for key, value in e.attrs.items():
            if key in ("src", "srcset", "xlink:href", "poster", "background", "action", "formaction"):
                problems.append(f"<{e.tag}> has a {key} attribute: {value!r}")
            if key == "href" and value and not value.startswith("#") and (":" in value or value.startswith("//")):
                problems.append(f"<{e.tag}> links to another origin: {value!r}")
            if key == "style" and value and "url(" in value:
                problems.append(f"<{e.tag}> style loads {value!r}")
    for style in (e for e in page.elements() if e.tag == "style"):
        if re.search(r"url\(|@import", style.text()):
            problems.append("the page's CSS loads something (url( or @import)")

    # 4. No request.
    requests = sorted(u for u in urls if not re.match(r"^(file|data|about|chrome|chrome-error|blob):", u))
    if requests:
        problems.append("the page made requests: " + ", ".join(requests[:10]))

    # 5. Hostile names stay text.
    if hostile_file:
        with open(hostile_file, encoding="utf-8") as f:
            names = [line.rstrip("\n") for line in f if line.strip()]
        for label, root in (("report.md via cmark-gfm", md_root), ("report.html via Chromium", page)):
            cells = [(t, node) for table in tables(root) for row in table for t, node in row]
            for name in names:
                if not any(t == norm(name) for t, _ in cells):
                    problems.append(f"{label}: {name!r} is not shown as a cell's plain text")
                for t, node in cells:
                    if norm(name) in t:
                        inner = [e.tag for e in node.elements()]
                        if inner:
                            problems.append(f"{label}: the cell {t!r} holding {name!r} has markup {inner}")
            # The page's one script is its own table sorter, inline and last.
            scripts = [e for e in root.elements() if e.tag == "script"]
            if root is page and len(scripts) == 1 and not scripts[0].attrs and all(n not in scripts[0].text() for n in names):
                scripts = []
            if scripts:
                problems.append(f"{label}: a name became a <script> element")
            for e in root.elements():
                # report.md embeds the run's own charts as images (charts/*.svg); a name never
                # becomes one (its `!`, `[` and `]` are escaped).
                if root is md_root and e.tag == "img" and re.fullmatch(r"charts/[a-z0-9_-]+\.svg", e.attrs.get("src", "")):
                    continue
                if e.tag in ("img", "iframe", "b") or (e.tag == "a" and "javascript" in e.attrs.get("href", "")):
                    problems.append(f"{label}: a name became a <{e.tag}> element")

    if problems:
        print("check_report: " + run + "\n  " + "\n  ".join(problems))
        return 1
    print(f"check_report: {run}: {len(md_tables)} tables match, {len(files)} charts inline, no request")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
