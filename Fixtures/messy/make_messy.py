#!/usr/bin/env python3
"""Writes the messy-return fixtures byte for byte (encodings, BOM, CRLF, NUL bytes).

Run from anywhere: python3 Fixtures/messy/make_messy.py
The expected accept/reject outcome of every row is in Fixtures/messy/README.md and in
Tests/ReturnsTests/MessyFixtureTests.swift; it was written by hand from SPEC §4, not
taken from the program's output.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(relative, data):
    path = os.path.join(HERE, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def lines(rows, newline="\n"):
    return newline.join(rows) + newline


# rows/: files that ingest, each row accepted or rejected -------------------------------

write("rows/01-windows-1252.csv", lines([
    "Local Authority,Service name,2011/12 or 2012/13 data?,Total costs of contract,"
    "Total number of people who received support,Gained new job,Retained existing job,"
    "Became self-employed,Total number of people who gained/retained job,Costs per person supported",
    'Sheffield,Café Works,2012/13,"£263,132",198,45,27,3,75,"£1,329"',
    "Leeds,Pathways – Employment,2012/13,£98000,40,don’t know,don’t know,don’t know,12,£2450",
    "York,Naïve Services,2011/12,£12.5k,10,1,1,0,2,",
], "\r\n").encode("cp1252"))

write("rows/02-bom-crlf.csv", b"\xef\xbb\xbf" + lines([
    "authority,service,period,evidence_based,total_cost,people_supported,clients_ld,clients_mh,"
    "outcomes_gained,outcomes_retained,outcomes_self_employed,outcomes_total",
    'Bristol,Bristol IPS,2012/13,IPS-Fidelity,"£310,500",250,10,230,70,30,5,105',
    "",
    "Bath,Bath Supported Employment,2012/13,observed-good-practice, 263132 ,120,100,15,30,22,1,53",
    "   ",
    'Wells,Wells Jobs,2012/13,no,"1,730.50",1,1,0,1,0,0,1',
    "",
], "\r\n").encode("utf-8"))

write("rows/03-money-and-counts.csv", lines([
    "authority,service,total_cost,people_supported,outcomes_total,reported_cost_per_outcome",
    "A01,Plain,263132,198,75,",
    'A02,Pound and commas,"£263,132",198,75,"£3,508.43"',
    'A03,Pound space,"£ 1,234",12.0,3,',
    'A04,Decimals,"1,730.50","1,200",300,',
    "A05,Negative cost,-£50,10,1,",
    "A06,Half a person,1000,12.5,1,",
    'A07,Decimal comma,"12,5",10,1,',
    'A08,Bad grouping,"1,2345",10,1,',
    "A09,Words in count,5000,twelve,1,",
    "A10,Huge count,5000,99999999999999999999,1,",
    "A11,Exponent,1e300,10,1,",
    "A12,Kilo cost,£12k,10,1,",
    "A13,Zero is zero,0,0,0,0",
    "A14,Outcomes fraction,1000,10,2.5,",
    'A15,Huge cost,"£2,000,000,000,000,000",10,1,',
]).encode("utf-8"))

write("rows/04-missing-words.csv", lines([
    "authority,service,period,model,total_cost,people_supported,clients_ld,clients_mh,"
    "outcomes_gained,outcomes_retained,outcomes_self_employed,region",
    "Hull,Hull Works,don't know,n/a,50000,20,don't know,don’t know,N/A,-,no info available,Not Known",
    "Hull,Hull Two,2012/13,IPS,40000,0,0,0,0,0,0,North",
    "Derby,Derby Jobs,2012/13,,NO INFO AVAILABLE,30,1,2,3,4,0,Midlands",
    "n/a,Nameless,2012/13,,1000,5,1,1,1,1,1,",
    "Leeds,  Don’t Know  ,2012/13,,1000,5,1,1,1,1,1,",
]).encode("utf-8"))

write("rows/05-quoted-newlines.csv", lines([
    "authority,service,total_cost,people_supported,outcomes_total,notes",
    '"Kent, County Council","Kent ""Works""",1000,10,2,"first line',
    'second line"',
    'Surrey,"Surrey',
    "Supported",
    'Employment",2000,20,4,',
    'Essex,Essex Jobs,3000,30,6,"comma, inside"',
]).encode("utf-8"))

write("rows/06-ragged.csv", lines([
    "authority,service,total_cost,people_supported,outcomes_total,",
    "Luton,Luton Jobs,1000,10,2,",
    "Luton,Too Few,1000,10",
    "Luton,Too Many,1000,10,2,,extra",
    ",,,,,",
    "Luton,Unnamed Value,1000,10,2,stray",
    "Luton,No Trailing,1000,10,2",
    "",
]).encode("utf-8"))

write("rows/07-duplicates-impossible.csv", lines([
    "authority,service,period,total_cost,people_supported,outcomes_gained,outcomes_retained,outcomes_self_employed",
    "Oxford,Oxford Jobs,2012/13,1000,10,1,1,0",
    "Oxford,Oxford Jobs,2012/13,1000,10,1,1,0",
    "Oxford,Negative Cost,2012/13,-500,10,1,1,0",
    "Oxford,Negative Count,2012/13,500,-10,1,1,0",
    "Oxford,More Outcomes Than People,2012/13,500,5,10,0,0",
    "Oxford,Nobody Supported,2012/13,500,0,0,0,0",
]).encode("utf-8"))

write("rows/08-formula-names.csv", lines([
    "authority,service,total_cost,people_supported,outcomes_total",
    '"=HYPERLINK(""http://evil.example"",""click"")",Formula Service,1000,10,2',
    "+cmd,@SUM(A1),1000,10,2",
    "Camden,-2+3,1000,10,2",
    "'=already,=1+1,1000,10,2",
]).encode("utf-8"))

write("rows/09-misspelt-header.csv", lines([
    " Authority , SERVICE ,total_cost,people_supported,outcomes_gained,outcomes_retianed,outcomes_total,Region",
    "Poole,Poole Jobs,1000,10,1,1,2,South West",
]).encode("utf-8"))

# headers/: extra columns whose names other programs must still read as field names -----

write("headers/hostile-extra-columns.csv", lines([
    'authority,service,total_cost,people_supported,outcomes_total,=Region,"weird, name",-x,"line',
    'break"',
    "A,S1,1000,10,2,=cmd,x,-3,",
    'B,=S2,2000,20,5,+1,"a',
    'b",@,z',
]).encode("utf-8"))

# file-errors/: each file fails the whole run (exit 65) ----------------------------------

HEADER = "authority,service,total_cost,people_supported,outcomes_total"
write("file-errors/unterminated-quote.csv", lines([
    HEADER, "A,B,1,1,1", 'A,"Unclosed service,1,1,1', "C,D,1,1,1",
]).encode("utf-8"))
write("file-errors/nul-byte.csv", lines([HEADER, "A,B,1,1,1", "C,D\x00,1,1,1"]).encode("utf-8"))
write("file-errors/undefined-byte.csv",
      lines([HEADER, "A,£B,1,1,1"]).encode("cp1252") + b"C,D\x81,1,1,1\n")
write("file-errors/missing-columns.csv", lines([
    "authority,service,Total costt,people_supported,outcomes_total", "A,B,1,1,1",
]).encode("utf-8"))
write("file-errors/missing-outcomes.csv", lines([
    "authority,service,total_cost,people_supported,outcomes_gained", "A,B,1,1,1",
]).encode("utf-8"))
write("file-errors/duplicate-columns.csv", lines([
    "authority,service,total_cost,Total costs of contract,people_supported,outcomes_total", "A,B,1,1,1,1",
]).encode("utf-8"))
write("file-errors/empty.csv", b"\r\n\n   \n")
write("file-errors/bom-invalid-utf8.csv", b"\xef\xbb\xbf" + lines([HEADER]).encode("utf-8") + b"A,\xa3B,1,1,1\n")
write("file-errors/utf16.csv", lines([HEADER, "A,B,1,1,1"]).encode("utf-16"))
