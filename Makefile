# Mamos: `make run` starts the desktop app, `make test` runs every test.
# Both install what is missing first: Debian/Ubuntu packages (as root or with
# sudo; otherwise the exact apt line is printed), npm packages, tauri-driver,
# then build. One cargo profile (dev) serves the app, the CLI and the tests;
# `make package` and `make bench` build in release.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO ?= cargo
NPM ?= npm
TAURI_DRIVER_VERSION := 2.1.0

# What building the desktop app needs, and what the tests add.
APT_BUILD := build-essential pkg-config curl wget file libwebkit2gtk-4.1-dev libxdo-dev \
             libssl-dev libayatana-appindicator3-dev librsvg2-dev
APT_TEST := webkit2gtk-driver xvfb xauth dbus dbus-x11 poppler-utils qpdf imagemagick chromium

# The desktop end-to-end tests are reliable under Xvfb only with these (see docs/testing.md).
E2E_ENV := WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1


.PHONY: bench
.PHONY: help run test deps deps-system deps-test-system deps-ui deps-tauri-driver \
        build build-ui test-rust test-ui test-e2e lint generated clean package test-package

help:
	@echo "make run    install what is missing, build, and start the Mamos desktop app"
	@echo "make test   install what is missing, then run every test (lint, Rust, UI, PDF, desktop end to end)"
	@echo "make lint   cargo fmt --check and cargo clippy -D warnings"
	@echo "make bench  the speed and memory budgets (release build), see docs/performance.md"
	@echo "make package    the .deb and .rpm for Linux x86_64 (release build) in target/release/bundle/"
	@echo "make test-package   install the .deb on this machine, check it, remove it (root)"
	@echo "make generated   rewrite the files generated from the Rust types (JSON Schema, TypeScript)"

# --- installing -------------------------------------------------------------

# Installs the missing Debian packages among $(1), or says how to.
define apt_install
	missing=""; \
	for pkg in $(1); do \
	  dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; \
	  else echo "Missing system packages. Run this, then try again:"; \
	       echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi; \
	  echo "Installing system packages:$$missing"; \
	  $$SUDO apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps-system:
	@$(call apt_install,$(APT_BUILD))
	@command -v $(CARGO) >/dev/null || { echo "cargo is missing: install Rust from your package manager or rustup, then try again"; exit 1; }
	@command -v $(NPM) >/dev/null || { echo "npm is missing: apt-get install nodejs npm (Node.js 20 or newer), then try again"; exit 1; }

deps-test-system: deps-system
	@$(call apt_install,$(APT_TEST))

# npm ci only when package-lock.json changed since the last install.
ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && $(NPM) ci --no-audit --no-fund
	@touch $@

deps-ui: ui/node_modules/.package-lock.json

deps-tauri-driver:
	@command -v tauri-driver >/dev/null || [ -x "$$HOME/.cargo/bin/tauri-driver" ] || \
	  $(CARGO) install tauri-driver --locked --version $(TAURI_DRIVER_VERSION)

deps: deps-system deps-ui

# --- building ---------------------------------------------------------------

build-ui: deps-ui
	cd ui && $(NPM) run build

# The UI is embedded into the desktop binary, so it is built first.
build: deps build-ui
	$(CARGO) build --workspace

run: build
	target/debug/mamos-desktop

# The packages: one release build of the CLI and the desktop app, then the
# Tauri bundler of the npm package @tauri-apps/cli. One cargo invocation for
# both: built apart, their shared dependencies get different feature sets and
# compile twice. The .deb and .rpm install the CLI as /usr/bin/mamos
# (bundle.linux.*.files in src-tauri/tauri.conf.json). AppImage is configured
# but not built: its bundler downloads tools at build time.
package: deps build-ui
	$(CARGO) build --release -p mamos -p mamos-desktop --features mamos-desktop/custom-protocol
	cd src-tauri && ../ui/node_modules/.bin/tauri bundle --ci --bundles deb,rpm
	@ls -l target/release/mamos target/release/mamos-desktop target/release/bundle/deb/*.deb target/release/bundle/rpm/*.rpm

generated:
	MAMOS_UPDATE_GENERATED=1 $(CARGO) test -p mamos --test generated_files

# --- testing ----------------------------------------------------------------

test: deps-test-system deps-ui deps-tauri-driver
	$(MAKE) test-ui
	$(MAKE) build
	$(MAKE) lint
	$(MAKE) test-rust
	$(MAKE) test-e2e
	@echo "make test: all tests passed"

test-ui: deps-ui
	cd ui && $(NPM) run check
	cd ui && $(NPM) test

# Installs the .deb of `make package` on this machine (root), runs it, purges it.
test-package: deps-test-system
	bash tests/package/install.sh

# Unit tests, CLI integration tests on temp databases, PDF checks (qpdf, poppler).
test-rust:
	$(CARGO) test --workspace

# The real desktop binary under Xvfb, driven through tauri-driver and WebKitWebDriver.
test-e2e:
	PATH="$$HOME/.cargo/bin:$$PATH" $(E2E_ENV) dbus-run-session -- \
	  xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 tests/e2e/

# clippy compiles the desktop crate, which embeds ui/dist: build the UI first.
# Budgets from the issues, measured in release mode; results go to docs/performance.md.
# The report bench compares with headless Chromium (Debian package chromium).
bench:
	@$(call apt_install,chromium poppler-utils)
	$(CARGO) bench -p mamos --bench store
	$(CARGO) bench -p mamos --bench reports
	$(CARGO) bench -p mamos --bench live

lint: build-ui
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/dist-live ui/node_modules
