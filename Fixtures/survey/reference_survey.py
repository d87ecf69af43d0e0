#!/usr/bin/env python3
"""An independent reference implementation of SPEC §12 (the commissioners' spending
survey), written from the SPEC's words only, not from vfm's Swift code, for the tests'
expected values.

    /work/main/.build/pyenv/bin/python Fixtures/survey/reference_survey.py SURVEY.csv OUT_DIR \
        [--reference WORK_CHOICE.csv] [--top-n 20] [--equal-tolerance 0]

Reads one survey CSV (canonical or questionnaire headers, the questionnaire's answers),
applies §12's rejects and flags, forms the areas and the calculated subset, and writes

    OUT_DIR/tables/*.csv         every table of §12, exact columns
    OUT_DIR/clean/rejected.csv   source_file,line,rule,column,value  (one row per rejected record)
    OUT_DIR/clean/flags.csv      authority,response,source,rule,metric,value,threshold
    OUT_DIR/clean/areas.csv      authority,responses,calculated_responses,spend_<stream>_<yyyy>_<yy>…
    OUT_DIR/summary.json         rows read / accepted / rejected, preamble rows, years, unmatched areas,
                                 the Work Choice groups (folded authority keys, starts per 100,000)

Arithmetic: every share, mean, median and sum with `fractions.Fraction` on the exact
decimal values of the cells (money `£1,730.50` is 173050/100), rounded once when written;
Welch's t and Mann–Whitney U by scipy (`ttest_ind(equal_var=False)`,
`mannwhitneyu(method="exact" if both groups ≤ 50 and no ties else "asymptotic")`); the
Hidiroglou–Berthelot edit by Fixtures/periods/hb_reference.py (the project's independent
reference of §11). Numbers are written as vfm writes them (SPEC §7): integral values as
plain digits, others as Python's repr of the float (shortest round trip), missing as empty.

Where §12 leaves a choice open, the reading taken is written down in README.md beside this
file (section "Readings of SPEC §12").
"""
import argparse
import csv
import io
import json
import pathlib
import re
import sys
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction as F

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "periods"))
from hb_reference import hb, U as HB_U  # noqa: E402  (§11's edit, shared reference)

STREAMS = ["social_care", "health", "combined"]
STREAM_WORDS = {"social care": "social_care", "health": "health", "combined": "combined"}
TYPES = ["paid_work", "self_employment", "college", "day_service_preparation",
         "volunteering", "unpaid_work", "other"]
CLIENTS = ["mh", "ld", "other", "combined"]
PROVIDERS = ["provider_la", "provider_nhs", "provider_private", "provider_voluntary"]
FACTORS = ["historical", "strategy", "ring_fenced", "local_evidence", "national_policy",
           "user_demand", "other"]
ITEMS = ["eligible", "receiving", "jobs", "demographics", "complexity", "job_details",
         "retention", "support_changes", "other_services"]

# Column kinds and the questionnaire wording accepted as each header (SPEC §12's table).
ALIASES = {
    "authority": ["Authority Name", "Authority", "Local authority"],
    "response": ["Response", "Respondent", "Role title"],
    "spend_accuracy": ["Spend accuracy"],
    "five_year_change": ["Five year change"],
    "breakdown_unable": ["Unable to supply breakdown"],
    "breakdown_accuracy": [],
    "collects_job_numbers": ["Collect data on people supported into employment"],
    "provider_la": ["Local Authority in-house"],
    "provider_nhs": ["NHS Trust"],
    "provider_private": ["Private sector (for profit)"],
    "provider_voluntary": ["Community & Voluntary Sector"],
    "facs_only": ["FACS eligible only"],
    "pb_allowed": ["Clients allowed to spend Personal Budget on employment support"],
    "pb_use": ["Personal Budgets used for employment support"],
    "pb_amount_known": ["Information on Personal Budget spend on employment"],
    "factor_historical": ["Past / historical investment pattern"],
    "factor_strategy": ["Active employment plan or strategy developed within the last 2 years"],
    "factor_ring_fenced": ["Ring fenced, external funding"],
    "factor_local_evidence": ["Applying local evidence or outcome based learning"],
    "factor_national_policy": ["Applying national policy & evidence"],
    "factor_user_demand": ["User-led demand"],
    "factor_other": ["Other"],
    "collects_eligible": ["Numbers assessed as eligible for employment support"],
    "collects_receiving": ["Numbers receiving employment support"],
    "collects_jobs": ["Number of those supported actually gaining (or retaining) paid jobs"],
    "collects_demographics": ["Age / gender / ethnicity of people gaining jobs"],
    "collects_complexity": ["Complexity of disability of people gaining jobs"],
    "collects_job_details": ["Types of job gained / hours worked / amounts earned"],
    "collects_retention": ["Job retention / Career progression"],
    "collects_support_changes": ["Changes in type & cost of employment support for individuals over time"],
    "collects_other_services": ["Resulting changes in individuals' use of other services"],
}
for _t in TYPES:
    for _c in CLIENTS:
        ALIASES[f"breakdown_{_t}_{_c}"] = []

YES_NO_COLUMNS = (["breakdown_unable", "collects_job_numbers", "facs_only", "pb_allowed",
                   "pb_amount_known"] + [f"collects_{i}" for i in ITEMS])
ACCURACY = {"rough": "rough", "calculated": "calculated", "more rough estimates": "rough",
            "more calculated, accurate figures": "calculated"}
ENUMS = {
    "spend_accuracy": ACCURACY,
    "breakdown_accuracy": ACCURACY,
    "five_year_change": {"more": "more", "same": "same", "less": "less",
                         "more than 5 yrs ago": "more", "the same": "same",
                         "less than 5 yrs ago": "less"},
    "pb_use": {"yes": "yes", "no": "no", "unknown": "unknown", "we know they are": "yes",
               "we know they're not": "no", "we know they’re not": "no",
               "we don't know either way": "unknown", "we don’t know either way": "unknown",
               "don't know": "unknown", "don’t know": "unknown"},
}
YES = {"yes", "y", "true", "x", "✓"}
NO = {"no", "n", "false"}
MISSING = {"", "n/a", "-", "don't know", "don’t know", "no info available", "not known"}
TOTALS = {"total", "totals", "grand total", "sub-total", "subtotal", "sum", "all services"}
CELL_LIMIT = 64 * 1024

YEAR = r"(?:fy)?(\d{4})\s*(?:/|-|–)\s*(\d{4}|\d{2})"
SPEND_WORDING = re.compile(
    rf"^(?:(social care|health|combined)(?:\s+budget)?\s+{YEAR}|{YEAR}\s+(social care|health|combined)(?:\s+budget)?)$")
SPEND_CANONICAL = re.compile(r"^spend_(social_care|health|combined)_(\d{4})_(\d{2})$")
MONEY = re.compile(r"^(-?)£?(-?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
PROPORTION = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(%?)$")


class FileError(Exception):
    pass


def low(text):
    return text.strip().lower()


def fold(text):
    """The authority key of §11: NFC, lower case, trimmed, inner white space one space."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def year_label(first, second):
    start = int(first)
    end = int(second)
    if len(second) == 4:
        if end != start + 1:
            return None
    elif end != (start + 1) % 100:
        return None
    return f"{start}/{(start + 1) % 100:02d}"


def map_header(cells):
    """Canonical column name of each header cell (None for columns carried through)."""
    by_alias = {}
    for canonical, words in ALIASES.items():
        by_alias[canonical] = canonical
        for w in words:
            by_alias[low(w)] = canonical
    out = []
    for cell in cells:
        key = low(cell)
        if key in by_alias:
            out.append(by_alias[key])
            continue
        m = SPEND_CANONICAL.match(key)
        if m:
            label = year_label(m.group(2), m.group(3))
            out.append(f"spend_{m.group(1)}_{label.replace('/', '_')}" if label else None)
            continue
        m = SPEND_WORDING.match(" ".join(key.split()))
        if m:
            stream = STREAM_WORDS[m.group(1) or m.group(6)]
            first, second = (m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5))
            label = year_label(first, second)
            out.append(f"spend_{stream}_{label.replace('/', '_')}" if label else None)
            continue
        out.append(None)
    return out


def read_records(path):
    """(line, cells) of every non-blank record, line = the physical line it starts on (a
    workbook's: its sheet row number)."""
    if str(path).lower().endswith(".xlsx"):
        return read_workbook_records(path)
    data = pathlib.Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""))
    records = []
    end = 0
    for cells in reader:
        start = end + 1
        end = reader.line_num
        if cells == []:
            continue
        records.append((start, cells))
    return records


XLSX = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "p": "http://schemas.openxmlformats.org/package/2006/relationships"}


def read_workbook_records(path):
    """The first worksheet of an .xlsx as text records, standard library only (zipfile +
    ElementTree): shared and inline strings as written, booleans as TRUE/FALSE, numbers as
    the decimal text stored in the sheet, a number in a percent-formatted cell as that
    decimal × 100 with a `%` (so 0.35 reads as `35%`, exactly the CSV's proportion); empty
    rows skipped; every row padded to the widest row. §4 reads a workbook the same way:
    cells by their stored type, a cell's line its sheet row number."""
    import zipfile
    import xml.etree.ElementTree as ET
    from posixpath import join, normpath

    def tag(name):
        prefix, local = name.split(":")
        return f"{{{XLSX[prefix]}}}{local}"

    with zipfile.ZipFile(path) as book:
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(tag("p:Relationship"))}
        first = next(workbook.iter(tag("m:sheet")))
        target = targets[first.get(tag("r:id"))]
        sheet_path = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        strings = []
        if "xl/sharedStrings.xml" in book.namelist():
            for si in ET.fromstring(book.read("xl/sharedStrings.xml")).iter(tag("m:si")):
                strings.append("".join(t.text or "" for t in si.iter(tag("m:t"))))
        percent_styles = set()
        if "xl/styles.xml" in book.namelist():
            styles = ET.fromstring(book.read("xl/styles.xml"))
            custom = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(tag("m:numFmt"))}
            xfs = styles.find(tag("m:cellXfs"))
            for index, xf in enumerate(xfs if xfs is not None else []):
                fmt = int(xf.get("numFmtId", "0"))
                code = re.sub(r'"[^"]*"', "", custom.get(fmt, ""))
                if fmt in (9, 10) or "%" in code:
                    percent_styles.add(index)
        sheet = ET.fromstring(book.read(sheet_path))
    rows = []
    for row in sheet.iter(tag("m:row")):
        cells = {}
        for c in row.iter(tag("m:c")):
            letters = re.match(r"[A-Z]+", c.get("r")).group(0)
            column = 0
            for letter in letters:
                column = column * 26 + ord(letter) - 64
            kind = c.get("t", "n")
            v = c.find(tag("m:v"))
            if kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(tag("m:t")))
            elif v is None:
                continue
            elif kind == "s":
                text = strings[int(v.text)]
            elif kind == "b":
                text = "TRUE" if v.text == "1" else "FALSE"
            elif kind == "n" and int(c.get("s", "0")) in percent_styles:
                digits = format(Decimal(v.text) * 100, "f")
                text = (digits.rstrip("0").rstrip(".") if "." in digits else digits) + "%"
            else:
                text = v.text or ""
            cells[column] = text
        if any(t.strip() for t in cells.values()):
            rows.append((int(row.get("r")), cells))
    width = max((max(cells) for _, cells in rows), default=0)
    return [(line, [cells.get(i, "") for i in range(1, width + 1)]) for line, cells in rows]


def parse_money(text):
    m = MONEY.match(text)
    if not m:
        return None, "invalid-money"
    value = F(Decimal(m.group(3).replace(",", "") + (m.group(4) or "")))
    if (m.group(1) or m.group(2)) and value != 0:
        return None, "negative-money"
    return value, None


def parse_proportion(text):
    m = PROPORTION.match(text)
    if not m:
        return None, "invalid-proportion"
    value = F(Decimal(m.group(1))) / 100
    if value < 0:
        return None, "invalid-proportion"
    if value > 1:
        return None, "proportion-above-100"
    return value, None


def parse_cell(column, raw):
    """(value, rule): value None when missing; rule set when the cell rejects the row."""
    text = raw.strip()
    key = text.lower()
    if column == "pb_use":
        if key in ENUMS["pb_use"]:
            return ENUMS["pb_use"][key], None
        if key in YES:
            return "yes", None
        if key in NO:
            return "no", None
        if key in MISSING:
            return None, None
        return None, "invalid-choice"
    if key in MISSING:
        return None, None
    if column.startswith("spend_") and column != "spend_accuracy" or column.startswith("breakdown_") \
            and column not in ("breakdown_unable", "breakdown_accuracy"):
        return parse_money(text)
    if column in YES_NO_COLUMNS:
        if key in YES:
            return "yes", None
        if key in NO:
            return "no", None
        return None, "invalid-yes-no"
    if column in ENUMS:
        if key in ENUMS[column]:
            return ENUMS[column][key], None
        return None, "invalid-choice"
    if column in PROVIDERS:
        return parse_proportion(text)
    if column.startswith("factor_"):
        try:
            value = Decimal(text)
        except InvalidOperation:
            return None, "invalid-rank"
        if value != value.to_integral_value() or not 1 <= value <= 7:
            return None, "invalid-rank"
        return int(value), None
    return text, None


class Survey:
    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.name = self.path.name
        self.rejected = []
        self.responses = []
        self.preamble = 0
        records = read_records(path)
        header_at = None
        for index, (line, cells) in enumerate(records):
            if "authority" in map_header(cells):
                header_at = index
                break
        if header_at is None:
            raise FileError(f"{self.name}: no header row with an authority column")
        self.preamble = header_at
        self.header = map_header(records[header_at][1])
        self.years = self.stream_years()
        self.rows_read = 0
        for line, cells in records[header_at + 1:]:
            self.rows_read += 1
            self.read_row(line, cells)

    def stream_years(self):
        years = {}
        for column in self.header:
            if column and column.startswith("spend_") and column != "spend_accuracy":
                stream = next(s for s in STREAMS if column.startswith(f"spend_{s}_"))
                label = column[len(f"spend_{stream}_"):].replace("_", "/")
                years.setdefault(stream, []).append(label)
        for stream, labels in years.items():
            starts = sorted(int(label[:4]) for label in labels)
            if len(starts) != len(set(starts)):
                raise FileError(f"{self.name}: a year of {stream} appears twice")
            if starts != list(range(starts[0], starts[0] + len(starts))):
                raise FileError(f"{self.name}: the years of {stream} have a gap")
            years[stream] = [f"{y}/{(y + 1) % 100:02d}" for y in starts]
        return {s: years[s] for s in STREAMS if s in years}

    def reject(self, line, rule, column="", value=""):
        self.rejected.append({"source_file": self.name, "line": line, "rule": rule,
                              "column": column, "value": value})

    def read_row(self, line, cells):
        if len(cells) != len(self.header):
            return self.reject(line, "ragged-row")
        named = [(c, v) for c, v in zip(self.header, cells) if c]
        for column, value in named:
            if len(value.encode("utf-8")) > CELL_LIMIT:
                cut = value.encode("utf-8")[:256].decode("utf-8", "ignore") + "…"
                return self.reject(line, "cell-too-long", column, cut)
        for column in ("authority", "response"):
            for c, value in named:
                if c == column and low(value) in TOTALS:
                    return self.reject(line, "total-row", column, value)
        authority = next(v for c, v in named if c == "authority")
        if low(authority) in MISSING:
            return self.reject(line, "authority-missing", "authority", authority)
        row = {"line": line, "source": f"{self.name}:{line}", "authority": authority.strip()}
        for column, raw in named:
            if column == "authority":
                continue
            value, rule = parse_cell(column, raw)
            if rule:
                return self.reject(line, rule, column, raw)
            row[column] = value
        row["response"] = row.get("response") or ""
        self.responses.append(row)


# ---------------------------------------------------------------- areas and subsets

def spend_columns(years):
    return [(s, y, f"spend_{s}_{y.replace('/', '_')}") for s in years for y in years[s]]


def form_areas(responses, years):
    """Areas in order of their key's UTF-8 bytes: label (first response's authority),
    responses, and the per-stream, per-year sums (None when no response gives one)."""
    areas = {}
    for r in responses:
        key = fold(r["authority"])
        area = areas.setdefault(key, {"key": key, "authority": r["authority"], "responses": []})
        area["responses"].append(r)
    for area in areas.values():
        area["spend"] = {}
        for stream, year, column in spend_columns(years):
            given = [r[column] for r in area["responses"] if r.get(column) is not None]
            area["spend"][(stream, year)] = sum(given, F(0)) if given else None
    return [areas[k] for k in sorted(areas, key=lambda k: k.encode("utf-8"))]


def has_breakdown(r):
    given = any(r.get(f"breakdown_{t}_{c}") is not None for t in TYPES for c in CLIENTS)
    return given and r.get("breakdown_unable") != "yes"


# ---------------------------------------------------------------- number writing

def num(x):
    """As vfm writes numbers (SPEC §7): integral → digits, else the shortest repr."""
    if x is None:
        return ""
    if isinstance(x, int):
        return str(x)
    f = float(x)
    if f == 0:
        return "0"
    if abs(f) < 1e15 and f == int(f):
        return str(int(f))
    return repr(f)


def share(part, whole):
    return F(part, 1) / whole if whole else None


def median(values):
    xs = sorted(values)
    n = len(xs)
    if n == 0:
        return None
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([num(v) if not isinstance(v, str) else v for v in row])


# ---------------------------------------------------------------- the tables

class Tables:
    def __init__(self, survey, reference=None, top_n=20, tolerance=F(0)):
        self.survey = survey
        self.years = survey.years
        self.responses = survey.responses
        self.calculated = [r for r in self.responses if r.get("spend_accuracy") == "calculated"]
        self.areas = form_areas(self.responses, self.years)
        self.calc_areas = form_areas(self.calculated, self.years)
        all_years = sorted({y for ys in self.years.values() for y in ys})
        self.last_year = all_years[-1] if all_years else None
        self.breakdown_year = all_years[-2] if len(all_years) >= 2 else None
        self.tolerance = tolerance
        self.top_n = top_n
        self.reference = reference
        self.flags = []
        self.unmatched = []
        self.work_choice_groups = None

    def subsets(self):
        return [("all", self.responses, self.areas), ("calculated", self.calculated, self.calc_areas)]

    def responses_table(self):
        rows = []
        for name, responses, areas in self.subsets():
            columns = [c for _, _, c in spend_columns(self.years)]
            with_spend = sum(1 for r in responses if any(r.get(c) is not None for c in columns))
            with_breakdown = sum(1 for r in responses if has_breakdown(r))
            n = len(responses)
            rows.append([name, n, len(areas), with_spend, with_breakdown,
                         share(n - with_breakdown, n)])
        return ["subset", "responses", "areas", "with_spend", "with_breakdown",
                "share_without_breakdown"], rows

    def spend_by_year(self):
        rows = []
        for name, _, areas in self.subsets():
            for stream in self.years:
                for year in self.years[stream]:
                    values = [a["spend"][(stream, year)] for a in areas
                              if a["spend"][(stream, year)] is not None]
                    n = len(values)
                    total = sum(values, F(0))
                    rows.append([name, stream, year, n, total / n if n else None, median(values), total])
        return ["subset", "stream", "year", "n", "mean", "median", "total"], rows

    def classify(self, a, b):
        if b == 0 < a:
            return "cut"
        if abs(b - a) <= self.tolerance * a:
            return "equal"
        return "increase" if b > a else "decrease"

    def budget_change(self):
        rows = []
        for name, _, areas in self.subsets():
            for stream in self.years:
                if self.breakdown_year not in self.years[stream] or self.last_year not in self.years[stream]:
                    continue
                counts = {"increase": 0, "equal": 0, "decrease": 0, "cut": 0}
                for a in areas:
                    x, y = a["spend"][(stream, self.breakdown_year)], a["spend"][(stream, self.last_year)]
                    if x is not None and y is not None:
                        counts[self.classify(x, y)] += 1
                n = sum(counts.values())
                rows.append([name, stream, self.breakdown_year, self.last_year, n]
                            + [counts[k] for k in counts] + [share(counts[k], n) for k in counts])
        return ["subset", "stream", "from", "to", "n", "increase", "equal", "decrease", "cut",
                "share_increase", "share_equal", "share_decrease", "share_cut"], rows

    def edits(self):
        """§11's HB edit and thousand-pounds rule on each area's spend per stream, every pair
        of consecutive years: the outcomes by (stream, from, area key), and the flags."""
        outcomes = {}
        for stream, years in self.years.items():
            for x_year, y_year in zip(years, years[1:]):
                pairs, keys = [], []
                for a in self.areas:
                    x, y = a["spend"][(stream, x_year)], a["spend"][(stream, y_year)]
                    if x is None or y is None:
                        continue
                    pairs.append((float(x), float(y)))
                    keys.append(a)
                results, rm = hb(pairs)
                metric = f"spend_{stream}_{y_year.replace('/', '_')}"
                for a, (x, y), res in zip(keys, pairs, results):
                    outcomes[(stream, x_year, a["key"])] = res["outcome"]
                    first = a["responses"][0]
                    size = max(x, y)
                    if res["outcome"] == "above":
                        threshold = rm * (1 + res["high"] / size ** HB_U)
                        self.flag(first, "period-change", metric, res["ratio"], threshold)
                    elif res["outcome"] == "below":
                        threshold = rm / (1 - res["low"] / size ** HB_U)
                        self.flag(first, "period-change", metric, res["ratio"], threshold)
                    if x > 0 and y > 0:
                        ratio = y / x
                        if 650 <= ratio <= 1350 or 1 / 1350 <= ratio <= 1 / 650:
                            self.flag(first, "period-thousands", metric, ratio, 1000)
        return outcomes

    def budget_ratio(self, outcomes):
        rows = []
        for a in self.areas:
            for stream in self.years:
                if self.breakdown_year not in self.years[stream] or self.last_year not in self.years[stream]:
                    continue
                x, y = a["spend"][(stream, self.breakdown_year)], a["spend"][(stream, self.last_year)]
                if x is None or y is None:
                    continue
                rows.append([a["authority"], stream, self.breakdown_year, self.last_year, x, y,
                             y / x if x else None, outcomes[(stream, self.breakdown_year, a["key"])]])
        return ["authority", "stream", "from", "to", "spend_from", "spend_to", "ratio", "outcome"], rows

    def five_year(self):
        rows = []
        for name, responses, _ in self.subsets():
            n = len(responses)
            counts = [sum(1 for r in responses if r.get("five_year_change") == k)
                      for k in ("more", "same", "less")]
            counts.append(n - sum(counts))
            rows.append([name, n] + counts + [share(c, n) for c in counts])
        return ["subset", "n", "more", "same", "less", "no_answer", "share_more", "share_same",
                "share_less", "share_no_answer"], rows

    def spend_by_type(self):
        rows = []
        users = [r for r in self.responses if r.get("pb_use") == "yes"]
        for name, responses in (("all", self.responses), ("calculated", self.calculated), ("pb_users", users)):
            with_breakdown = [r for r in responses if has_breakdown(r)]
            for client in CLIENTS + ["all"]:
                clients = CLIENTS if client == "all" else [client]
                members = [r for r in with_breakdown
                           if any(r.get(f"breakdown_{t}_{c}") is not None for t in TYPES for c in clients)]
                spend = {t: sum((r.get(f"breakdown_{t}_{c}") or F(0) for r in members for c in clients), F(0))
                         for t in TYPES}
                total = sum(spend.values(), F(0))
                for t in TYPES:
                    rows.append([name, client, t, len(members), spend[t], spend[t] / total if total else None])
        return ["subset", "client", "type", "n", "spend", "share"], rows

    def data_collected(self):
        rows = []
        for name, responses, _ in self.subsets():
            for item in ["job_numbers"] + ITEMS:
                column = f"collects_{item}"
                answered = [r for r in responses if r.get(column) is not None]
                yes = sum(1 for r in answered if r[column] == "yes")
                rows.append([name, item, len(answered), yes, share(yes, len(answered)),
                             share(yes, len(responses))])
        return ["subset", "item", "answered", "yes", "share_yes", "share_yes_of_all"], rows

    def personal_budgets(self):
        rows = []
        n = len(self.responses)
        for question, answers in (("pb_allowed", ["yes", "no"]), ("pb_use", ["yes", "no", "unknown"]),
                                  ("pb_amount_known", ["yes", "no"])):
            for answer in answers + ["no_answer"]:
                wanted = None if answer == "no_answer" else answer
                count = sum(1 for r in self.responses if r.get(question) == wanted)
                rows.append([question, answer, count, share(count, n)])
        return ["question", "answer", "n", "share"], rows

    def factors(self):
        rows = []
        for factor in FACTORS:
            ranks = [r[f"factor_{factor}"] for r in self.responses if r.get(f"factor_{factor}") is not None]
            n = len(ranks)
            rows.append([factor, n, F(sum(ranks), n) if n else None,
                         share(sum(1 for k in ranks if k == 1), n)])
        return ["factor", "n_ranked", "mean_rank", "share_first"], rows

    def work_choice(self):
        import scipy.stats
        reference = {}
        with open(self.reference, newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                reference[fold(row["authority"])] = (F(Decimal(row["population"].replace(",", ""))),
                                                     F(Decimal(row["work_choice_starts"].replace(",", ""))))
        ranked = []
        for a in self.areas:
            given = [a["spend"][(s, self.last_year)] for s in self.years
                     if (s, self.last_year) in a["spend"] and a["spend"][(s, self.last_year)] is not None]
            if not given:
                continue
            if a["key"] not in reference or reference[a["key"]][0] <= 0:
                self.unmatched.append(a["authority"])
                continue
            population, starts = reference[a["key"]]
            ranked.append((sum(given, F(0)) / population, a["key"], starts * 100000 / population))
        ranked.sort(key=lambda t: (-t[0], t[1].encode("utf-8")))
        k = self.top_n if len(ranked) >= 2 * self.top_n else len(ranked) // 2
        top = [t[2] for t in ranked[:k]]
        bottom = [t[2] for t in ranked[len(ranked) - k:]] if k else []
        top_mean = sum(top, F(0)) / k if k else None
        bottom_mean = sum(bottom, F(0)) / k if k else None
        row = ["starts_per_100k", k, k, top_mean, bottom_mean,
               top_mean - bottom_mean if k else None]
        x, y = [float(v) for v in top], [float(v) for v in bottom]
        import numpy as np
        if k >= 2 and not (np.var(x) == 0 and np.var(y) == 0):
            w = scipy.stats.ttest_ind(x, y, equal_var=False)
            row += [float(w.statistic), float(w.df), float(w.pvalue)]
        else:
            row += [None, None, None]
        if k >= 1:
            exact = k <= 50 and len(set(x + y)) == len(x + y)
            m = scipy.stats.mannwhitneyu(x, y, alternative="two-sided",
                                         method="exact" if exact else "asymptotic", use_continuity=True)
            row += [float(m.statistic), float(m.pvalue)]
        else:
            row += [None, None]
        self.work_choice_groups = {
            "top": [{"authority": key, "starts_per_100k": float(v)} for _, key, v in ranked[:k]],
            "bottom": [{"authority": key, "starts_per_100k": float(v)} for _, key, v in ranked[len(ranked) - k:]] if k else [],
            "ranked": len(ranked),
        }
        return ["measure", "top_n", "bottom_n", "top_mean", "bottom_mean", "difference", "welch_t",
                "welch_df", "welch_p", "mann_whitney_u", "mann_whitney_p"], [row]

    # ---- flags on single responses and areas

    def flag(self, r, rule, metric, value, threshold):
        self.flags.append({"authority": r["authority"], "response": r["response"], "source": r["source"],
                           "line": r["line"], "rule": rule, "metric": metric, "value": value,
                           "threshold": threshold})

    def response_flags(self):
        for r in self.responses:
            given = [r[p] for p in PROVIDERS if r.get(p) is not None]
            if len(given) >= 2 and abs(sum(given, F(0)) - 1) > F(5, 100):
                self.flag(r, "shares-not-100", "provider_shares", sum(given, F(0)), F(5, 100))
            if has_breakdown(r) and self.breakdown_year:
                spends = [r.get(f"spend_{s}_{self.breakdown_year.replace('/', '_')}") for s in self.years]
                spends = [v for v in spends if v is not None]
                total = sum(spends, F(0)) if spends else None
                b = sum((r.get(f"breakdown_{t}_{c}") or F(0) for t in TYPES for c in CLIENTS), F(0))
                if total and abs(b - total) >= total / 10:
                    self.flag(r, "breakdown-mismatch", "breakdown_total", b, total)
            ranks = {}
            for factor in FACTORS:
                k = r.get(f"factor_{factor}")
                if k is not None:
                    ranks.setdefault(k, []).append(factor)
            for k in sorted(ranks):
                if len(ranks[k]) > 1:
                    self.flag(r, "rank-repeated", f"factor_{ranks[k][0]}", k, None)
        for a in self.areas:
            for stream, year, column in spend_columns(self.years):
                givers = [r for r in a["responses"] if r.get(column) is not None]
                if len(givers) > 1:
                    for r in givers:
                        self.flag(r, "multiple-responses", column, r[column], None)


RULE_ORDER = ["shares-not-100", "breakdown-mismatch", "rank-repeated", "multiple-responses",
              "period-change", "period-thousands"]


def run(survey_path, out, reference=None, top_n=20, tolerance=F(0)):
    survey = Survey(survey_path)
    tables = Tables(survey, reference, top_n, tolerance)
    out = pathlib.Path(out)
    outcomes = tables.edits()
    tables.response_flags()
    files = {
        "responses": tables.responses_table(),
        "spend_by_year": tables.spend_by_year(),
        "budget_change": tables.budget_change(),
        "budget_ratio": tables.budget_ratio(outcomes),
        "five_year": tables.five_year(),
        "spend_by_type": tables.spend_by_type(),
        "data_collected": tables.data_collected(),
        "personal_budgets": tables.personal_budgets(),
        "factors": tables.factors(),
    }
    if reference:
        files["work_choice"] = tables.work_choice()
    for name, (header, rows) in files.items():
        write_csv(out / "tables" / f"{name}.csv", header, rows)
    write_csv(out / "clean" / "rejected.csv", ["source_file", "line", "rule", "column", "value"],
              [[r["source_file"], r["line"], r["rule"], r["column"], r["value"]] for r in survey.rejected])
    columns = [c for _, _, c in spend_columns(tables.years)]
    order = {c: i for i, c in enumerate(columns + ["provider_shares", "breakdown_total"]
                                        + [f"factor_{f}" for f in FACTORS])}
    flags = sorted(tables.flags, key=lambda f: (f["line"], RULE_ORDER.index(f["rule"]), order[f["metric"]]))
    write_csv(out / "clean" / "flags.csv",
              ["authority", "response", "source", "rule", "metric", "value", "threshold"],
              [[f["authority"], f["response"], f["source"], f["rule"], f["metric"], f["value"], f["threshold"]]
               for f in flags])
    write_csv(out / "clean" / "areas.csv", ["authority", "responses", "calculated_responses"] + columns,
              [[a["authority"], len(a["responses"]),
                sum(1 for r in a["responses"] if r.get("spend_accuracy") == "calculated")]
               + [a["spend"][(s, y)] for s, y, _ in spend_columns(tables.years)] for a in tables.areas])
    summary = {
        "source_file": survey.name,
        "preamble_rows": survey.preamble,
        "rows_read": survey.rows_read,
        "rows_accepted": len(survey.responses),
        "rows_rejected": len(survey.rejected),
        "years": survey.years,
        "last_year": tables.last_year,
        "breakdown_year": tables.breakdown_year,
        "areas": len(tables.areas),
        "calculated_areas": len(tables.calc_areas),
        "unmatched_areas": tables.unmatched,
        "work_choice_groups": tables.work_choice_groups,
        "pb_user_areas": len({fold(r["authority"]) for r in survey.responses if r.get("pb_use") == "yes"}),
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("survey")
    parser.add_argument("out")
    parser.add_argument("--reference")
    parser.add_argument("--top-n", type=int, default=20)
    parser.add_argument("--equal-tolerance", default="0")
    args = parser.parse_args()
    try:
        run(args.survey, args.out, args.reference, args.top_n, F(Decimal(args.equal_tolerance)))
    except FileError as error:
        print(error, file=sys.stderr)
        sys.exit(65)


if __name__ == "__main__":
    main()
