# keyplan: build, test and release.
#
#   make run     install the build tools if missing, build dist/keyplan.html, print its URL
#   make test    everything CI checks: format, lints, unit tests, release build, browser tests
#
# Other targets: bench, bench-startup, bench-forecast, size, bare-yew, forecast-wasm, tools, test-tools, dist, serve (Trunk dev loop), clean, help.
# Needs: rustup-managed Rust, node + npm, a C compiler; test-tools installs Chromium and Firefox
# ESR via apt, and geckodriver with cargo.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

CARGO_HOME ?= $(HOME)/.cargo
RUSTUP_HOME ?= $(HOME)/.rustup
export PATH := $(CARGO_HOME)/bin:$(PATH)

# Everything goes to ./target, whatever CARGO_TARGET_DIR the caller's shell has.
KEYPLAN_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR := $(KEYPLAN_TARGET_DIR)

TOOLS_DIR := $(CURDIR)/.tools
BINARYEN_VERSION := 132
WASM_OPT := $(TOOLS_DIR)/node_modules/.bin/wasm-opt
# What rustc 1.95 emits for wasm32-unknown-unknown; all in Chromium and Firefox 115+.
# Named one by one (not -all) so wasm-opt cannot introduce newer features (GC, SIMD, ...).
# --low-memory-unused: rustc puts the stack first, growing down from 1 MiB, and the data after
# it, so the lowest KiB is never used; wasm-opt may then fold constant offsets into loads and
# stores (about 2.7 KB less gzipped wasm). Measured as no help: --gufa, -Os, --zero-filled-memory,
# --ignore-implicit-traps (larger gzip), --traps-never-happen (0.4 KB, not worth letting wasm-opt
# assume that no panic ever happens).
WASM_OPT_FLAGS := -Oz --converge --low-memory-unused --enable-bulk-memory --enable-reference-types \
	--enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
	--enable-multivalue --strip-producers --strip-target-features

WASM_TARGET := wasm32-unknown-unknown
BINDGEN_DIR := $(CARGO_TARGET_DIR)/bindgen
DIST_HTML := dist/keyplan.html
# Panic locations embed source paths: map the checkout, the cargo registry and the
# toolchain to fixed names, so the file carries no machine paths and builds reproduce.
REMAP_FLAGS := --remap-path-prefix=$(CURDIR)=/keyplan \
	--remap-path-prefix=$(CARGO_HOME)=/cargo \
	--remap-path-prefix=$(RUSTUP_HOME)=/rustup

TRUNK_VERSION := 0.21.14
# Drives Firefox for the browser tests (e2e/tests/firefox.rs).
GECKODRIVER_VERSION := 0.37.1

# `make test` reports its wall time, tool installs included.
ifneq ($(filter test,$(MAKECMDGOALS)),)
TEST_START := $(shell date +%s)
endif

# Where the browser tests find the page under test, the driver and the browser.
E2E_ENV := KEYPLAN_HTML=$(CURDIR)/$(DIST_HTML) CHROMEDRIVER=/usr/bin/chromedriver \
	CHROMIUM=/usr/bin/chromium GECKODRIVER=$(CARGO_HOME)/bin/geckodriver FIREFOX=/usr/bin/firefox-esr

# Trunk.toml pins wasm-bindgen too (for `make serve`); it must follow Cargo.lock.
CHECK_TRUNK_PIN = want=$$(scripts/wasm-bindgen-version.sh); \
	grep -qx "wasm_bindgen = \"$$want\"" Trunk.toml || \
	{ echo "Trunk.toml: set [tools] wasm_bindgen = \"$$want\" to match Cargo.lock" >&2; exit 1; }

.PHONY: help tools test-tools dist run test bench bench-startup bench-forecast size size-budget bare-yew forecast-wasm serve clean

TWIGGY := $(CARGO_HOME)/bin/twiggy
SIZE_BUDGET_FILE := size-budget.txt

help:
	@echo "make run         build dist/keyplan.html (installing missing tools) and print its URL"
	@echo "make test        fmt + clippy + unit tests + release build + browser tests (what CI runs)"
	@echo "make bench       criterion benchmarks of the core, then browser timings of the built page"
	@echo "make tools       install wasm32 target, wasm-bindgen-cli, wasm-opt (skips what is there)"
	@echo "make test-tools  also install chromium, chromedriver, firefox-esr, CJK fonts (apt), geckodriver (cargo)"
	@echo "make dist        build dist/keyplan.html only"
	@echo "make size        build, then print where the bytes go (by crate, by keyplan module; needs twiggy)"
	@echo "make bare-yew    build dist/bare-yew.html, a bare Yew counter built the same way as keyplan"
	@echo "make bench-forecast  time the forecast over 100,000 deals in headless Chromium"
	@echo "make bench-startup  keyplan's startup against the bare Yew page, and keyplan's phases"
	@echo "make serve       Trunk dev server on http://127.0.0.1:8080 (needs trunk $(TRUNK_VERSION))"
	@echo "make clean       remove build outputs"

tools:
	@command -v rustup >/dev/null || { echo "rustup not found: install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
	@command -v npm >/dev/null || { echo "npm not found: install node.js and npm (apt-get install nodejs npm)" >&2; exit 1; }
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@[[ -f Cargo.lock ]] || cargo generate-lockfile
	@want=$$(scripts/wasm-bindgen-version.sh); \
	have=$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}' || true); \
	if [[ "$$have" != "$$want" ]]; then \
		echo "installing wasm-bindgen-cli $$want (found: $${have:-none}); takes about 2 minutes"; \
		env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$$want"; \
	fi
	@if ! "$(WASM_OPT)" --version 2>/dev/null | grep -q "version $(BINARYEN_VERSION) "; then \
		echo "installing wasm-opt (npm binaryen@$(BINARYEN_VERSION)) into .tools/"; \
		mkdir -p "$(TOOLS_DIR)"; \
		npm install --prefix "$(TOOLS_DIR)" --no-audit --no-fund --loglevel=error binaryen@$(BINARYEN_VERSION); \
	fi

# Chromium, Firefox ESR and their drivers for the browser tests, CJK fonts so Chinese renders in
# screenshots. geckodriver builds from crates.io (about 3 minutes on 2 cores).
test-tools:
	@sudo=; if [[ $$(id -u) != 0 ]] && command -v sudo >/dev/null; then sudo=sudo; fi; \
	if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver || ! -x /usr/bin/firefox-esr ]] || \
		! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		echo "installing chromium, chromium-driver, firefox-esr and fonts-noto-cjk with apt-get"; \
		$$sudo apt-get update; \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			chromium chromium-driver firefox-esr fonts-noto-cjk; \
	fi
	@have=$$("$(CARGO_HOME)/bin/geckodriver" --version 2>/dev/null | awk 'NR==1 {print $$2}' || true); \
	if [[ "$$have" != "$(GECKODRIVER_VERSION)" ]]; then \
		echo "installing geckodriver $(GECKODRIVER_VERSION) (found: $${have:-none}); takes about 3 minutes"; \
		env -u CARGO_TARGET_DIR cargo install geckodriver --version $(GECKODRIVER_VERSION) --locked; \
	fi

# $(call page,<cargo package>,<bin>,<index.html>,<out .html>): build a wasm bin of the
# workspace, run wasm-bindgen and wasm-opt on it and bundle it into one HTML file.
define page
	@[[ -x "$(WASM_OPT)" ]] || { echo "wasm-opt missing: run \`make tools\` first" >&2; exit 1; }
	@want=$$(scripts/wasm-bindgen-version.sh); have=$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}' || true); \
	[[ "$$have" == "$$want" ]] || { echo "wasm-bindgen $$want needed (found: $${have:-none}): run \`make tools\`" >&2; exit 1; }
	RUSTFLAGS="$${RUSTFLAGS:-} $(REMAP_FLAGS)" cargo build --release --target $(WASM_TARGET) -p $(1) --bin $(2)
	rm -rf "$(BINDGEN_DIR)/$(2)"
	wasm-bindgen --target web --no-typescript --out-dir "$(BINDGEN_DIR)/$(2)" --out-name $(2) \
		"$(CARGO_TARGET_DIR)/$(WASM_TARGET)/release/$(2).wasm"
	"$(WASM_OPT)" $(WASM_OPT_FLAGS) "$(BINDGEN_DIR)/$(2)/$(2)_bg.wasm" -o "$(BINDGEN_DIR)/$(2)/$(2)_opt.wasm"
	cargo run -q -p xtask --release -- bundle --html $(3) --js "$(BINDGEN_DIR)/$(2)/$(2).js" \
		--wasm "$(BINDGEN_DIR)/$(2)/$(2)_opt.wasm" --out $(4) \
		--forbid "$(CURDIR)" --forbid "$(CARGO_HOME)" --forbid "$(RUSTUP_HOME)"
endef

dist:
	$(call page,keyplan,keyplan,index.html,$(DIST_HTML))

# The forecast over 100,000 deals timed in the browser (`make bench-forecast`).
forecast-wasm:
	$(call page,forecast-wasm,forecast-wasm,bench/forecast-wasm/index.html,dist/forecast-bench.html)

# The reference for the startup benchmark (`make bench-startup`).
bare-yew:
	$(call page,bare-yew,bare-yew,bench/bare-yew/index.html,dist/bare-yew.html)

run: tools
	@$(MAKE) dist
	@url="file://$$(sed 's/ /%20/g' <<<"$(CURDIR)/$(DIST_HTML)")"; \
	echo; echo "keyplan is ready: $$url"; \
	if [[ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]] && command -v xdg-open >/dev/null; then \
		(xdg-open "$$url" >/dev/null 2>&1 &); \
	fi

test: test-tools tools
	@$(CHECK_TRUNK_PIN)
	@start=$(TEST_START); result=FAILED; \
	trap 'secs=$$(( $$(date +%s) - start )); echo; echo "make test: $$result in $$(( secs / 60 ))m $$(( secs % 60 ))s"' EXIT; \
	step() { echo; echo "==> $$*"; "$$@"; }; \
	step cargo fmt --all -- --check; \
	step cargo clippy --workspace --all-targets -- -D warnings; \
	step cargo clippy -p keyplan --target $(WASM_TARGET) -- -D warnings; \
	step cargo test --workspace --exclude e2e; \
	step $(MAKE) dist; \
	step $(MAKE) size-budget; \
	step env $(E2E_ENV) cargo test -p e2e -- --test-threads=1; \
	result="all checks passed"

# Measured, never asserted: criterion on the core, then the built page in headless Chromium.
bench: test-tools tools
	@$(MAKE) dist
	cargo bench --bench forecast --bench import --bench people_map
	env $(E2E_ENV) cargo run -q -p e2e --bin bench

# Where the bytes go. twiggy reads the wasm-bindgen output, which still has its names section
# (the shipped wasm has none), so its figures are before wasm-opt.
size:
	@command -v "$(TWIGGY)" >/dev/null || { echo "twiggy not found: cargo install twiggy" >&2; exit 1; }
	@$(MAKE) dist
	@mkdir -p "$(CARGO_TARGET_DIR)/size"
	"$(TWIGGY)" top -f csv "$(BINDGEN_DIR)/keyplan/keyplan_bg.wasm" > "$(CARGO_TARGET_DIR)/size/twiggy.csv"
	cargo run -q -p xtask --release -- size --html $(DIST_HTML) \
		--wasm-before "$(BINDGEN_DIR)/keyplan/keyplan_bg.wasm" \
		--wasm-after "$(BINDGEN_DIR)/keyplan/keyplan_opt.wasm" \
		--twiggy-csv "$(CARGO_TARGET_DIR)/size/twiggy.csv"

# The page may not grow past the budget in size-budget.txt (see that file to raise it).
size-budget:
	@budget=$$({ grep -v '^#' $(SIZE_BUDGET_FILE) || true; } | tr -d '[:space:]'); \
	[[ "$$budget" =~ ^[0-9]+$$ ]] || { echo "$(SIZE_BUDGET_FILE) holds no byte count (a line of digits)" >&2; exit 1; }; \
	size=$$(stat -c %s $(DIST_HTML)); \
	if (( size > budget )); then \
		echo "$(DIST_HTML) is $$size B, over the budget of $$budget B in $(SIZE_BUDGET_FILE) (by $$(( size - budget )) B)" >&2; \
		echo "make it smaller (\`make size\` shows where the bytes go), or raise the budget as $(SIZE_BUDGET_FILE) says" >&2; \
		exit 1; \
	fi; \
	echo "$(DIST_HTML): $$size B, within the budget of $$budget B ($$(( budget - size )) B to spare)"

# keyplan's forecast over 100,000 deals, in headless Chromium (the core compiled like the page).
bench-forecast: test-tools tools
	@$(MAKE) forecast-wasm
	env $(E2E_ENV) FORECAST_BENCH_HTML=$(CURDIR)/dist/forecast-bench.html KEYPLAN_BENCH=forecast cargo run -q -p e2e --bin bench

# keyplan's startup against the bare Yew page, opened in turn; keyplan's phases.
bench-startup: test-tools tools
	@$(MAKE) dist bare-yew
	env $(E2E_ENV) BARE_YEW_HTML=$(CURDIR)/dist/bare-yew.html KEYPLAN_BENCH=startup cargo run -q -p e2e --bin bench

serve: tools
	@if ! command -v trunk >/dev/null; then \
		echo "trunk is not installed. Install it once (about 7 minutes) with:" >&2; \
		echo "    cargo install trunk --version $(TRUNK_VERSION) --locked" >&2; \
		exit 1; \
	fi
	@trunk --version | grep -q " $(TRUNK_VERSION)$$" || echo "warning: Trunk.toml is written for trunk $(TRUNK_VERSION); found $$(trunk --version)" >&2
	@$(CHECK_TRUNK_PIN)
	cargo fetch
	PATH="$(TOOLS_DIR)/node_modules/.bin:$$PATH" trunk serve

clean:
	cargo clean
	rm -rf dist
