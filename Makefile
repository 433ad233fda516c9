# ClinicPress: `make site` builds the example clinic, `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := site
RELEASE_BIN := .build/release/clinicpress
DEBUG_BIN := .build/debug/clinicpress
TEST_SITE := .build/test-site

.PHONY: site deps print-tools build test test-deps clean fuzz bench

deps:
	@scripts/install-deps.sh

# WeasyPrint in .venv-print/, its system libraries, fonts, and the PDF test tools.
print-tools:
	@scripts/install-print-tools.sh

build: deps
	swift build -c release --product clinicpress

site: build print-tools
	$(RELEASE_BIN) build
	@echo
	@echo "The site is in Output/. To look at it, run:"
	@echo "    python3 -m http.server --directory Output 8000"
	@echo "and open http://localhost:8000/ in a browser."

test-deps: deps print-tools
	@scripts/install-test-tools.sh

# Unit and end-to-end tests (XCTest); the checkers' self-tests; the hostile and interrupted builds; then
# the fixture clinic (Tests/Fixtures/clinic) judged by independent tools. The example clinic in Content/
# is only built as a smoke test: a clinic edits it, so no check depends on its words, slugs or counts.
FIXTURE_SITE := Tests/Fixtures/clinic
EXAMPLE_SITE := .build/example-site
STARTER_SITE := .build/starter-site
EXPORT_SITE := .build/export-site
test: test-deps
	swift build --product clinicpress
	swift test
	@# The checkers must be seen to fail on broken input before their passing verdicts mean anything.
	Tests/SiteChecks/selftest.sh
	python3 Tests/Hostile/selftest.py $(DEBUG_BIN)
	@# Smoke test: the example clinic builds, PDFs included, with no warning and no error.
	rm -rf $(EXAMPLE_SITE)
	set -o pipefail; $(DEBUG_BIN) build --pdf require --search require --output $(EXAMPLE_SITE) 2>&1 | tee $(EXAMPLE_SITE).log
	grep -q ': 0 warnings, 0 errors, ' $(EXAMPLE_SITE).log
	@# The fixture clinic: every kind of page and printed document, built twice.
	rm -rf $(TEST_SITE) $(TEST_SITE)-again
	set -o pipefail; SOURCE_DATE_EPOCH=1795392000 $(DEBUG_BIN) build $(FIXTURE_SITE) --pdf require --search require --output $(TEST_SITE) 2>&1 \
		| tee $(TEST_SITE).log
	grep -q ': 0 warnings, 0 errors, ' $(TEST_SITE).log
	@# Deterministic: a second build of the same content gives byte-identical files, PDFs and the search index included.
	SOURCE_DATE_EPOCH=1795392000 $(DEBUG_BIN) build $(FIXTURE_SITE) --pdf require --search require --output $(TEST_SITE)-again
	diff -r $(TEST_SITE) $(TEST_SITE)-again && echo "deterministic: both builds are byte-identical"
	@# Hostile input: `check` must report what the build reports, so it leaves out the content review.
	python3 Tests/Hostile/run.py $(DEBUG_BIN) --check-arg=--no-review
	@# Pictures: a photo with GPS and a rotation tag comes out upright, resized, WebP + JPEG, with no metadata (exiftool).
	python3 Tests/Images/images_test.py $(DEBUG_BIN)
	@# clinicpress report: grades equal textstat 0.7.8's (example clinic, Tests/Report corpus), --fail-on exit
	@# statuses, never published; its page passes vnu and axe.
	rm -rf .build/report-check && .venv-tests/bin/python Tests/Report/crosscheck.py $(DEBUG_BIN) .build/report-check
	Tests/SiteChecks/check_html.sh .build/report-check/example && .venv-tests/bin/python Tests/SiteChecks/axe_check.py .build/report-check/example
	python3 Tests/Hostile/interrupt.py $(DEBUG_BIN)
	Tests/SiteChecks/run_all.sh $(TEST_SITE) $(TEST_SITE)-again
	@# Languages: hreflang links reciprocal, the sitemap's alternates the pages' own, no English interface
	@# words on a Spanish page outside an element marked lang="en"; first seen to fail on broken copies.
	.venv-tests/bin/python Tests/SiteChecks/check_languages.py --selftest $(TEST_SITE)
	.venv-tests/bin/python Tests/SiteChecks/check_languages.py $(TEST_SITE)
	.venv-tests/bin/python Tests/SiteChecks/check_languages.py $(EXAMPLE_SITE)
	@# Feeds, structured data and search: the Atom feed parses with feedparser and has every article;
	@# every JSON-LD object uses only schema.org types and properties; searching in Chromium finds each
	@# article, and the search page with results shown passes axe and vnu (screenshots kept).
	.venv-tests/bin/python Tests/SiteChecks/check_feeds.py $(TEST_SITE) $(FIXTURE_SITE)/Content
	.venv-tests/bin/python Tests/SiteChecks/check_structured_data.py $(TEST_SITE)
	.venv-tests/bin/python Tests/SiteChecks/search_check.py $(TEST_SITE) .build/screenshots/search
	.venv-tests/bin/python Tests/SiteChecks/check_feeds.py $(EXAMPLE_SITE) Content
	.venv-tests/bin/python Tests/SiteChecks/check_structured_data.py $(EXAMPLE_SITE)
	@# Brand variations: a dark brand colour and no brand at all also pass every site check.
	Tests/SiteChecks/brand_variations.sh $(DEBUG_BIN)
	@# The PDF checks fail on hand-made broken PDFs and on broken copies of the fixture's real ones ...
	.venv-tests/bin/python Tests/PrintChecks/check_pdfs.py --selftest $(TEST_SITE)
	@# ... and pass on the real ones.
	.venv-tests/bin/python Tests/PrintChecks/check_pdfs.py $(TEST_SITE)
	@# Every page at 320, 390 and 1280 px in Chromium: no sideways scrolling, the crisis line's phone
	@# link in the first screen, no image without width and height; screenshots kept for people to see.
	.venv-tests/bin/python Tests/SiteChecks/layout_check.py $(TEST_SITE) .build/screenshots/fixture
	.venv-tests/bin/python Tests/SiteChecks/layout_check.py $(EXAMPLE_SITE) .build/screenshots/example
	@# clinicpress serve over real HTTP, and in Chromium: reload, errors, PDFs, traversal, port in use.
	.venv-tests/bin/python Tests/Serve/serve_test.py $(DEBUG_BIN) --browser
	@# clinicpress new site: a starter clinic that builds clean and passes every site check.
	rm -rf $(STARTER_SITE) $(STARTER_SITE)-out
	$(DEBUG_BIN) new site $(STARTER_SITE)
	set -o pipefail; SOURCE_DATE_EPOCH=1795392000 $(DEBUG_BIN) build $(STARTER_SITE) --pdf require --search require --output $(STARTER_SITE)-out 2>&1 \
		| tee $(STARTER_SITE).log
	grep -q ': 0 warnings, 0 errors, ' $(STARTER_SITE).log
	Tests/SiteChecks/run_all.sh $(STARTER_SITE)-out
	.venv-tests/bin/python Tests/SiteChecks/check_structured_data.py $(STARTER_SITE)-out
	.venv-tests/bin/python Tests/SiteChecks/search_check.py $(STARTER_SITE)-out
	@# clinicpress theme export: the exported theme builds the fixture byte for byte as the built-in one.
	rm -rf $(EXPORT_SITE) && cp -r $(FIXTURE_SITE) $(EXPORT_SITE) && rm -rf $(EXPORT_SITE)/Templates
	$(DEBUG_BIN) theme export --site $(EXPORT_SITE)
	SOURCE_DATE_EPOCH=1795392000 $(DEBUG_BIN) build $(EXPORT_SITE) --pdf off --output $(EXPORT_SITE)-out
	SOURCE_DATE_EPOCH=1795392000 $(DEBUG_BIN) build $(FIXTURE_SITE) --pdf off --output $(EXPORT_SITE)-builtin
	diff -r $(EXPORT_SITE)-out $(EXPORT_SITE)-builtin && echo "theme export: byte-identical"

clean:
	rm -rf .build Output .venv-tests .venv-print .venv-bench

# ClinicPress against Hugo and a libcmark floor on synthetic clinics, and the example clinic with
# PDFs; rewrites README.md's Speed table. BENCH_SIZES="200" BENCH_ROUNDS=1 for a quick look
# (the README is then left alone). The swift build lock, when flock exists, keeps other builds
# on this machine from running during the measurements.
BENCH_LOCK := $(if $(shell command -v flock),flock /tmp/clinicpress-swift.lock)
bench: deps print-tools
	$(BENCH_LOCK) swift build -c release --product clinicpress
	BENCH_UPDATE_README=1 $(BENCH_LOCK) python3 scripts/bench/bench.py

# libFuzzer (Fuzz/). FUZZ_TARGET=pipeline (default: front matter, Markdown and page rendering),
# FUZZ_TARGET=templates (template text and a fixed context) or FUZZ_TARGET=frontmatter (one content
# file through the loader); each has its seed corpus (Fuzz/corpus, Fuzz/corpus-templates,
# Fuzz/corpus-frontmatter) and its own folder of new inputs. FUZZ_SECONDS bounds the
# run. The whole engine is built with coverage instrumentation and AddressSanitizer; only the fuzz
# target itself links libFuzzer (Fuzz/Package.swift).
FUZZ_SECONDS ?= 300
FUZZ_TARGET ?= pipeline
FUZZ_SEEDS := Fuzz/corpus$(if $(filter pipeline,$(FUZZ_TARGET)),,-$(FUZZ_TARGET))
FUZZ_WORK := .build/fuzz-corpus$(if $(filter pipeline,$(FUZZ_TARGET)),,-$(FUZZ_TARGET))
FUZZ_FLAGS := -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
	-Xswiftc -use-ld=lld
fuzz: deps
	cd Fuzz && swift build --scratch-path .build-instrumented $(FUZZ_FLAGS)
	mkdir -p $(FUZZ_WORK)
	CLINICPRESS_FUZZ_TARGET=$(FUZZ_TARGET) LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan-suppressions.txt \
	Fuzz/.build-instrumented/debug/ClinicPressFuzz -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 -timeout=20 \
		-artifact_prefix=.build/fuzz-$(FUZZ_TARGET)- $(FUZZ_WORK) $(FUZZ_SEEDS)
