# frontdesk: the front door. `make run` starts the desk, `make test` proves it.
GO       ?= go
BIN      := bin/frontdesk
VERSION  := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -X main.version=$(VERSION)
export CGO_ENABLED := 1
SHELL    := /bin/bash
# STATICCHECK is pinned: a new release may report new things, and CI must not
# change under a fixed tree.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: run build test test-deps lint tidy-check bench wrk demo soak fuzz mutate clean

## run: build and start the desk (TUI plus kiosk) on ./frontdesk.db; flags in ARGS='--staff 王芳 --ssh :2222'
run: build
	./$(BIN) $(ARGS)

## build: the binary in bin/
build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/frontdesk

## test: vet, staticcheck, the tidy check and every test with the race detector (installs what tests need);
## the tests get a fresh TMPDIR and fail the target if they leave anything in it. It is made in /tmp
## whatever TMPDIR the caller has: the postgres user (initdb) and the read-only test's unprivileged
## runs must reach it, which a private (0700) TMPDIR above it forbids, and Chromium's socket path
## under it must stay short (and the desk's notice of a file written names it whole at 80 columns)
test: test-deps lint tidy-check
	@tmp=$$(mktemp -d /tmp/tmp.XXXXXXXXXX) && trap 'rm -rf "$$tmp"' EXIT && chmod 1777 "$$tmp" && \
	echo "TMPDIR=$$tmp $(GO) test -race -count=1 -timeout 14m -skip 'Soak' ./..." && \
	TMPDIR="$$tmp" $(GO) test -race -count=1 -timeout 14m -skip 'Soak' ./... && \
	left=$$(find "$$tmp" -mindepth 1 -maxdepth 1 ! -name 'go-build*') && \
	if [ -n "$$left" ]; then echo "the tests left these in TMPDIR:"; echo "$$left"; exit 1; fi

## lint: go vet and staticcheck (pinned) over every package
lint:
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

## tidy-check: fails when `go mod tidy` would change go.mod or go.sum
tidy-check:
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && cp go.mod go.sum "$$tmp"/ && \
	$(GO) mod tidy && \
	if ! cmp -s go.mod "$$tmp"/go.mod || ! cmp -s go.sum "$$tmp"/go.sum; then \
		diff -u "$$tmp"/go.mod go.mod; cp "$$tmp"/go.mod "$$tmp"/go.sum .; \
		echo "go.mod/go.sum are not tidy: run go mod tidy and commit"; exit 1; \
	fi

## test-deps: Debian packages the tests use: chromium, a CJK font, zbar-tools, tmux, openssh-client, poppler-utils, postgresql (the hub's tests start their own server)
test-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v zbarimg >/dev/null 2>&1 || missing="$$missing zbar-tools"; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v ssh >/dev/null 2>&1 || missing="$$missing openssh-client"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq $$missing >/dev/null; \
	fi

## bench: every benchmark, five runs each (the kiosk load 10 s a run), then one table of medians
bench:
	set -o pipefail; { $(GO) test -run '^$$' -bench . -skip 'BenchmarkSubmit' -benchmem -count 5 -timeout 60m ./... && \
		$(GO) test -run '^$$' -bench 'BenchmarkSubmit' -benchtime 10s -benchmem -count 5 -timeout 30m ./kiosk/; } 2>&1 \
		| $(GO) run ./tools/benchtable

## wrk: check-ins sent from outside the process by wrk, `frontdesk serve` against the bare
## group-commit server in interleaved rounds on fresh files (ROUNDS=4 DUR=10s CONNS=64 BARE_ENV=)
wrk: build test-deps
	@command -v wrk >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 || \
		{ apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq wrk python3 curl >/dev/null; }
	$(GO) build -o bin/bareserver ./tools/bareserver
	tools/wrk/rounds.sh $(BIN) bin/bareserver

## demo: a month of demo data in ./frontdesk.db
demo: build
	./$(BIN) demo $(ARGS)

## soak: the long load and crash runs
soak:
	$(GO) test -run 'Soak' -count=1 -timeout 60m -v ./...

## mutate: one-line mutants of the kiosk's, store's and report's security and
## business rules, each run against its tests (not part of make test; ARGS=-only kiosk/)
mutate:
	$(GO) run ./tools/mutate $(ARGS)

## fuzz: each fuzz target for a bounded time
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime 30s $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin
