# Two commands on a fresh machine: `make run` and `make test` (README quick start).
SWIFT      ?= swift
PREFIX     ?= /usr/local
DEB_PKGS   := libopenblas-dev liblapacke-dev zlib1g-dev libxml2-dev pkg-config cmark-gfm
# What the tests also need besides cmark-gfm: a browser for report.html (issue 13).
TEST_DEB_PKGS := chromium
BIN_DEBUG   = $(shell $(SWIFT) build --show-bin-path)
BIN_RELEASE = $(shell $(SWIFT) build -c release --show-bin-path)
SAMPLE_OUT := Output/sample
# The commissioners' spending survey (SPEC §12) on its synthetic sample, with its Work Choice table.
SURVEY_OUT := Output/survey-sample
SURVEY_RUN  = run --config Pipelines/ndti-2014-survey.toml --input Fixtures/survey/sample-99.csv \
              --reference Fixtures/survey/work-choice-sample.csv
EXECUTABLES := vfm vfm-ingest vfm-clean vfm-analyze vfm-report vfm-diff

PYENV      := .build/pyenv
PY_PKGS    := pandas polars frictionless duckdb

.PHONY: deps test-deps install-debs pyenv build release run test check-sample check-release sample install bench clean jsonschema-venv workbook-deps workbooks check-workbooks

# Installs the Debian packages that are missing: apt-get as root, sudo otherwise.
deps:
	@$(MAKE) --no-print-directory install-debs PKGS="$(DEB_PKGS)"

# The build's packages and the tests' (cmark-gfm renders report.md, headless Chromium opens report.html).
test-deps: deps
	@$(MAKE) --no-print-directory install-debs PKGS="$(TEST_DEB_PKGS)"

install-debs:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	  else echo "make: need root or sudo to install:$$missing — run: apt-get install$$missing" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
	    || { echo "make: apt-get install$$missing failed — install them by hand and re-run" >&2; exit 1; }; \
	fi

# Python's jsonschema in a venv under .build/, for the test that validates `vfm-diff --format json`
# against Fixtures/diff/vfm-diff.schema.json (tests only; no tool runs Python). Idempotent.
JSONSCHEMA_VENV := .build/venv-jsonschema
JSONSCHEMA_VERSION := 4.26.0
jsonschema-venv: $(JSONSCHEMA_VENV)/.installed-$(JSONSCHEMA_VERSION)
$(JSONSCHEMA_VENV)/.installed-$(JSONSCHEMA_VERSION):
	@command -v python3 >/dev/null 2>&1 || { echo "make: python3 is needed for the JSON Schema test: apt-get install python3 python3-venv" >&2; exit 1; }
	@python3 -m venv $(JSONSCHEMA_VENV) 2>/dev/null || { \
	  echo "make: installing python3-venv"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && python3 -m venv $(JSONSCHEMA_VENV); } \
	  || { echo "make: cannot create $(JSONSCHEMA_VENV): install python3-venv" >&2; exit 1; }
	@$(JSONSCHEMA_VENV)/bin/pip install --quiet --disable-pip-version-check jsonschema==$(JSONSCHEMA_VERSION) \
	  || { echo "make: pip install jsonschema==$(JSONSCHEMA_VERSION) failed" >&2; exit 1; }
	@touch $@

# A virtual environment under .build/ with pandas and polars, for the tests that read every
# CSV a run writes the way users read them, and frictionless and DuckDB, for the test that
# validates each run's datapackage.json and reads every table with its declared types
# (SPEC §13). Idempotent; exits 3 (and says so) only when PyPI cannot be reached, which the
# tests report as a skip.
pyenv:
	@if [ -x $(PYENV)/bin/python ] && $(PYENV)/bin/python -c "import pandas, polars, frictionless, duckdb" 2>/dev/null; then exit 0; fi; \
	python3 -m venv $(PYENV) 2>/dev/null || { apt-get install -y -qq python3-venv >/dev/null 2>&1 && python3 -m venv $(PYENV); } \
	  || { echo "make: cannot create a Python venv in $(PYENV)" >&2; exit 1; }; \
	$(PYENV)/bin/python -m pip install -q --disable-pip-version-check $(PY_PKGS) \
	  || { echo "make pyenv: cannot install $(PY_PKGS) from PyPI (unreachable?)" >&2; exit 3; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The whole pipeline on the embedded sample fixture, published to Output/sample/.
run: release
	$(BIN_RELEASE)/vfm run --output $(SAMPLE_OUT) --force
	$(BIN_RELEASE)/vfm $(SURVEY_RUN) --output $(SURVEY_OUT) --force

# Every test, then the check that regenerating Output/sample/ gives the committed bytes.
test: test-deps
	$(SWIFT) test
	$(MAKE) --no-print-directory check-sample

# Regenerates the sample reports (service returns and spending survey) into a scratch
# directory and compares every byte.
check-sample: build
	@tmp=$$(mktemp -d); \
	$(BIN_DEBUG)/vfm run --quiet --output $$tmp/sample --force || { rm -rf $$tmp; exit 1; }; \
	$(BIN_DEBUG)/vfm $(SURVEY_RUN) --quiet --output $$tmp/survey-sample --force || { rm -rf $$tmp; exit 1; }; \
	status=0; \
	if diff -r $(SAMPLE_OUT) $$tmp/sample; then echo "check-sample: Output/sample/ is up to date"; \
	else echo "check-sample: Output/sample/ differs from a fresh run — run 'make sample' and review the diff" >&2; status=1; fi; \
	if diff -r $(SURVEY_OUT) $$tmp/survey-sample; then echo "check-sample: Output/survey-sample/ is up to date"; \
	else echo "check-sample: Output/survey-sample/ differs from a fresh run — run 'make sample' and review the diff" >&2; status=1; fi; \
	rm -rf $$tmp; exit $$status

# Release and debug builds must write the same bytes (SPEC §6): the sample and the
# arithmetic-stress fixtures through both, compared file by file. Not part of `make test`
# (a release build takes minutes on two cores).
NUMERIC_INPUTS := Fixtures/returns/sample-70.csv Fixtures/numerics/numacc-returns.csv Fixtures/numerics/linear-returns.csv \
	Fixtures/model/returns-model.csv
check-release: build release
	@tmp=$$(mktemp -d); status=0; \
	for input in $(NUMERIC_INPUTS); do name=$$(basename $$input .csv); \
	  $(BIN_DEBUG)/vfm run --quiet --force --input $$input --output $$tmp/debug-$$name || status=1; \
	  $(BIN_RELEASE)/vfm run --quiet --force --input $$input --output $$tmp/release-$$name || status=1; \
	  diff -r $$tmp/debug-$$name $$tmp/release-$$name || status=1; \
	done; rm -rf $$tmp; \
	if [ $$status = 0 ]; then echo "check-release: release and debug builds write the same bytes"; \
	else echo "check-release: release and debug builds differ" >&2; exit 1; fi

# Regenerates the committed sample report (review the diff before committing).
sample: build
	$(BIN_DEBUG)/vfm run --quiet --output $(SAMPLE_OUT) --force
	$(BIN_DEBUG)/vfm $(SURVEY_RUN) --quiet --output $(SURVEY_OUT) --force

# Binaries, the sample, man pages (swift-argument-parser's generate-manual plugin, from each
# command's --help) and bash, zsh and fish completions (each executable's
# --generate-completion-script).
MAN_OUT := .build/plugins/GenerateManual/outputs
install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	for e in $(EXECUTABLES); do install -m 0755 $(BIN_RELEASE)/$$e $(DESTDIR)$(PREFIX)/bin/$$e; done
	install -D -m 0644 Fixtures/returns/sample-70.csv $(DESTDIR)$(PREFIX)/share/vfm/sample-70.csv
	$(SWIFT) package plugin generate-manual >/dev/null
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	for e in $(EXECUTABLES); do install -m 0644 $(MAN_OUT)/$$e/$$e.1 $(DESTDIR)$(PREFIX)/share/man/man1/$$e.1; done
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	for e in $(EXECUTABLES); do \
	  $(BIN_RELEASE)/$$e --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/$$e && \
	  $(BIN_RELEASE)/$$e --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_$$e && \
	  $(BIN_RELEASE)/$$e --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/$$e.fish \
	  || exit 1; done

# The .xlsx fixtures' writers (Fixtures/workbooks/make_workbooks.py): LibreOffice from
# Debian's libreoffice-calc-nogui, openpyxl and msoffcrypto-tool in a venv under .build/.
# Only `workbooks` and `check-workbooks` need them; `make test` reads the committed files.
WORKBOOK_VENV := .build/fixtures-venv
workbook-deps:
	@$(MAKE) --no-print-directory install-debs PKGS="libreoffice-calc-nogui python3-venv"
	@test -x $(WORKBOOK_VENV)/bin/python || python3 -m venv $(WORKBOOK_VENV)
	@$(WORKBOOK_VENV)/bin/python -c "import openpyxl, msoffcrypto" 2>/dev/null \
	  || $(WORKBOOK_VENV)/bin/pip install -q "openpyxl==3.1.5" "msoffcrypto-tool==6.1.0"

# Regenerates the committed .xlsx fixtures (review the diff before committing).
workbooks: workbook-deps build
	$(WORKBOOK_VENV)/bin/python Fixtures/workbooks/make_workbooks.py
	$(WORKBOOK_VENV)/bin/python Fixtures/council/make_council.py
	$(BIN_DEBUG)/vfm template --force --output .build/vfm-template.xlsx
	$(WORKBOOK_VENV)/bin/python Fixtures/council/fill_template.py .build/vfm-template.xlsx Fixtures/council

# Regenerates the fixtures into a scratch directory and checks that vfm reads the same
# rows from them as from the committed ones (workbook bytes carry the writers' timestamps).
check-workbooks: workbook-deps build
	@tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	$(WORKBOOK_VENV)/bin/python Fixtures/workbooks/make_workbooks.py $$tmp/new || exit 1; \
	for f in openpyxl-return.xlsx libreoffice-return.xlsx handwritten-inline.xlsx formulas-no-cache.xlsx sample-70-libreoffice.xlsx; do \
	  $(BIN_DEBUG)/vfm-ingest --quiet --run-dir $$tmp/old-$$f --input Fixtures/workbooks/$$f || exit 1; \
	  $(BIN_DEBUG)/vfm-ingest --quiet --run-dir $$tmp/new-$$f --input $$tmp/new/$$f || exit 1; \
	  for g in returns.csv rejected.csv; do cmp -s $$tmp/old-$$f/ingest/$$g $$tmp/new-$$f/ingest/$$g \
	    || { echo "check-workbooks: $$f reads differently when regenerated (ingest/$$g) — run 'make workbooks' and review" >&2; exit 1; }; done; \
	done; \
	cmp -s Fixtures/workbooks/returns.csv $$tmp/new/returns.csv || { echo "check-workbooks: returns.csv differs — run 'make workbooks'" >&2; exit 1; }; \
	$(WORKBOOK_VENV)/bin/python Fixtures/council/make_council.py $$tmp/council || exit 1; \
	for f in council-clean.csv council-excel.csv expected.json; do cmp -s Fixtures/council/$$f $$tmp/council/$$f \
	  || { echo "check-workbooks: Fixtures/council/$$f differs — run 'make workbooks'" >&2; exit 1; }; done; \
	$(BIN_DEBUG)/vfm template --output $$tmp/template.xlsx || exit 1; \
	$(WORKBOOK_VENV)/bin/python Fixtures/council/fill_template.py $$tmp/template.xlsx $$tmp/council || exit 1; \
	for f in council-openpyxl.xlsx council-libreoffice.xlsx council-two-tier.xlsx template-openpyxl.xlsx template-libreoffice.xlsx; do \
	  $(BIN_DEBUG)/vfm-ingest --quiet --run-dir $$tmp/old-$$f --input Fixtures/council/$$f || exit 1; \
	  $(BIN_DEBUG)/vfm-ingest --quiet --run-dir $$tmp/new-$$f --input $$tmp/council/$$f || exit 1; \
	  for g in returns.csv rejected.csv; do cmp -s $$tmp/old-$$f/ingest/$$g $$tmp/new-$$f/ingest/$$g \
	    || { echo "check-workbooks: $$f reads differently when regenerated (ingest/$$g) — run 'make workbooks' and review" >&2; exit 1; }; done; \
	done; \
	echo "check-workbooks: the committed workbooks read the same as freshly generated ones"

# vfm run vs pandas and polars (analysis only) on one generated file per size (10^4..10^6 rows),
# and vfm run on the same rows as .xlsx (openpyxl- and LibreOffice-written) vs fastexcel, python-calamine and openpyxl:
# each stage's time and peak RSS, in one table (Fixtures/benchmark/bench.sh); then vfm-diff of
# two 10^5-service runs (Markdown and JSON): seconds and peak RSS (Fixtures/benchmark/bench-diff.sh).
# pandas and polars come from the tests' venv (`make pyenv`); GNU time measures peak RSS.
# The workbook rows (issue 30) convert with LibreOffice (Debian's libreoffice-calc-nogui) and
# time fastexcel, python-calamine and openpyxl from .build/bench-venv (installed from PyPI if missing).
bench: release pyenv
	@$(MAKE) --no-print-directory install-debs PKGS="time libreoffice-calc-nogui"
	VFM_BIN_DIR=$(BIN_RELEASE) BENCH_VENV=$(PYENV) Fixtures/benchmark/bench.sh
	VFM_BIN_DIR=$(BIN_RELEASE) Fixtures/benchmark/bench-diff.sh
	VFM_BIN_DIR=$(BIN_RELEASE) Fixtures/benchmark/bench-periods.sh

clean:
	rm -rf .build

# libFuzzer + AddressSanitizer harnesses (Fuzz/, README there); not part of `make test`.
# Each target runs FUZZ_SECONDS (default 120: 12 minutes for the six); any crash, leak or
# timeout fails (linked with lld: gold hits an internal error on ASan objects). Corpora grow in .build-fuzz/corpus/<target>, seeded from Fixtures/.
FUZZ_SECONDS ?= 120
FUZZ_TARGETS ?= fuzz-csv fuzz-ingest fuzz-pipeline fuzz-run fuzz-runfiles fuzz-xlsx
FUZZ_FLAGS   := -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
.PHONY: fuzz fuzz-build
fuzz-build: deps
	$(SWIFT) build --package-path Fuzz --scratch-path $(CURDIR)/.build-fuzz -c release $(FUZZ_FLAGS)

fuzz: fuzz-build
	@bin=$$($(SWIFT) build --package-path Fuzz --scratch-path $(CURDIR)/.build-fuzz -c release $(FUZZ_FLAGS) --show-bin-path); \
	Fuzz/run.sh "$$bin" $(FUZZ_SECONDS) $(FUZZ_TARGETS)
