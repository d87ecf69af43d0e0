# Two commands on a fresh machine: `make run` and `make test` (README quick start).
SWIFT      ?= swift
PREFIX     ?= /usr/local
DEB_PKGS   := libopenblas-dev liblapacke-dev pkg-config cmark-gfm
BIN_DEBUG   = $(shell $(SWIFT) build --show-bin-path)
BIN_RELEASE = $(shell $(SWIFT) build -c release --show-bin-path)
SAMPLE_OUT := Output/sample
EXECUTABLES := vfm vfm-ingest vfm-clean vfm-analyze vfm-report vfm-diff

.PHONY: deps build release run test check-sample sample install bench clean

# Installs the Debian packages that are missing: apt-get as root, sudo otherwise.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
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

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The whole pipeline on the embedded sample fixture, published to Output/sample/.
run: release
	$(BIN_RELEASE)/vfm run --output $(SAMPLE_OUT) --force

# Every test, then the check that regenerating Output/sample/ gives the committed bytes.
test: deps
	$(SWIFT) test
	$(MAKE) --no-print-directory check-sample

# Regenerates the sample report into a scratch directory and compares every byte.
check-sample: build
	@tmp=$$(mktemp -d); \
	$(BIN_DEBUG)/vfm run --quiet --output $$tmp/sample --force || { rm -rf $$tmp; exit 1; }; \
	if diff -r $(SAMPLE_OUT) $$tmp/sample; then echo "check-sample: Output/sample/ is up to date"; rm -rf $$tmp; \
	else echo "check-sample: Output/sample/ differs from a fresh run — run 'make sample' and review the diff" >&2; rm -rf $$tmp; exit 1; fi

# Regenerates the committed sample report (review the diff before committing).
sample: build
	$(BIN_DEBUG)/vfm run --quiet --output $(SAMPLE_OUT) --force

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	for e in $(EXECUTABLES); do install -m 0755 $(BIN_RELEASE)/$$e $(DESTDIR)$(PREFIX)/bin/$$e; done
	install -D -m 0644 Fixtures/returns/sample-70.csv $(DESTDIR)$(PREFIX)/share/vfm/sample-70.csv

# vfm run vs pandas and polars (analysis only) on one generated file per size (10^4..10^6 rows):
# each stage's time and peak RSS, in one table (Fixtures/benchmark/bench.sh).
bench: release
	VFM_BIN_DIR=$(BIN_RELEASE) Fixtures/benchmark/bench.sh

clean:
	rm -rf .build
