# Mit Forløb — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell bin/find-jdk)
ifeq ($(JAVA_HOME),)
$(error No JDK 21 or newer found (see the message above))
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

# the build bundles the console's browser libraries with npm ci (src/main/resources/console/README.md)
ifeq ($(shell command -v npm 2>/dev/null),)
$(error No npm found: the build needs Node.js 20 or newer with npm, to bundle the console's browser libraries)
endif

MVN ?= mvn
MVN_FLAGS ?= -B -ntp
JAR := target/mitforlob.jar
# demo mode lives beside the service, never in it: the production jar and image leave it out
DEMO_CLASSPATH := $(JAR):target/mitforlob-demo.jar:target/demo-libs/*
SOURCES := pom.xml $(shell find src/main api-spec -type f 2>/dev/null)
# npm tools the deployment tests use (Containerfile lint, Kubernetes schemas), pinned by the lock file
DEPLOY_TOOLS := deploy/test/node_modules/.package-lock.json

# The contract lint: Spectral + the OWASP API Security ruleset, pinned in tools/contract-lint
LINT_DIR := tools/contract-lint
LINT_INSTALLED := $(LINT_DIR)/node_modules/.package-lock.json

.PHONY: help run test build clean image image-test bench bench-survey bench-reminders bench-export contract-lint

help:
	@echo "make run         build when needed, then start Mit Forløb in demo mode on port $${SERVER_PORT:-8080}"
	@echo "make test        lint the API contract, then run every test (the container image tests too where podman is installed)"
	@echo "make build       build target/mitforlob.jar without running tests"
	@echo "make image       build the production and the demo container image (OCI tars in target/)"
	@echo "make image-test  build the images, then run them in podman and inspect them"
	@echo "make bench        seed a population, measure every route, print the figures (README, Performance)"
	@echo "make bench-survey  benchmark: survey results over 100,000 answers (prints figures)"
	@echo "make bench-reminders  benchmark: 100,000 due reminders through the Firebase Admin SDK to a local fake FCM"
	@echo "make bench-export  benchmark: the citizen's export for citizens with three years of data (prints the time)"
	@echo "make clean       remove build output"

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -q -DskipTests package
	@touch $(JAR)

build: $(JAR)

# Demo mode starts in seconds: C1 only (demo traffic needs no peak speed) and a class-data archive
# made by the first run. Production (deploy/, make bench) runs without these.
DEMO_JAVA_OPTS ?= -XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=target/mitforlob-demo.jsa

run: $(JAR)
	java $(DEMO_JAVA_OPTS) -cp "$(DEMO_CLASSPATH)" dk.mitforlob.Main

$(DEPLOY_TOOLS): deploy/test/package.json deploy/test/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix deploy/test --no-audit --no-fund --loglevel=error; \
	else echo "npm is not installed: the Containerfile lint and the Kubernetes schema checks will be skipped"; fi

test: contract-lint $(DEPLOY_TOOLS)
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || echo "chromium/chromedriver are not installed: the console's browser tests will be skipped (apt-get install chromium chromium-driver)"
	@command -v podman >/dev/null || echo "podman is not installed: the container run test (ImageRunIT) will be skipped; 'apt-get install podman runc' runs it"
	@command -v kubectl >/dev/null || echo "kubectl is not installed: the Kubernetes manifest tests will be skipped"
	@command -v docker-compose >/dev/null || echo "docker-compose is not installed: 'docker-compose config' of deploy/compose.yaml will be skipped"
	$(MVN) $(MVN_FLAGS) -Pimage verify

image:
	$(MVN) $(MVN_FLAGS) -q -Pimage -DskipTests package
	@deploy/image/sizes.sh target/mitforlob-image.tar target/mitforlob-demo-image.tar

image-test: $(DEPLOY_TOOLS)
	@command -v podman >/dev/null || { echo "make image-test needs podman: apt-get install podman runc" >&2; exit 1; }
	$(MVN) $(MVN_FLAGS) -Pimage verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test='Image*IT' \
		-Dmitforlob.image.requirePodman=true
	@deploy/image/sizes.sh target/mitforlob-image.tar target/mitforlob-demo-image.tar

# npm ci installs exactly what package-lock.json says, once; node_modules is the cache (gitignored)
$(LINT_INSTALLED): $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "The contract lint needs Node.js 20 or newer with npm (https://nodejs.org)"; exit 1; }
	cd $(LINT_DIR) && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

contract-lint: $(LINT_INSTALLED)
	cd $(LINT_DIR) && npx --no-install spectral lint --fail-severity=error --ruleset .spectral.yaml ../../api-spec/openapi.yaml

clean:
	$(MVN) $(MVN_FLAGS) -q clean

# Benchmarks (README, Performance): wrk from Debian, the harness from the test sources.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCH_CLASSPATH := target/bench-classpath.txt

# One compile and one class path for all of them; make bench runs the three in turn.
BENCH_PREPARE = $(MVN) $(MVN_FLAGS) -q -DskipTests test-compile dependency:build-classpath \
	-Dmdep.outputFile=$(BENCH_CLASSPATH) -Dmdep.includeScope=test
BENCH_JAVA = java -cp target/test-classes:target/classes:$$(cat $(BENCH_CLASSPATH))
SURVEY_BENCH = $(BENCH_JAVA) -Xmx512m dk.mitforlob.survey.SurveyResultsBenchmark $${SURVEY_ANSWERS:-100000}
REMINDERS_BENCH = $(BENCH_JAVA) -Xmx1g dk.mitforlob.reminders.RemindersBenchmark

bench: $(JAR)
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk (Debian package)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(BENCH_PREPARE)
	BENCH_DEMO_JAVA_OPTS="$(DEMO_JAVA_OPTS)" $(BENCH_JAVA) -Xmx2g dk.mitforlob.bench.Bench
	@# the survey's and the reminders' figures, each on a store of its own
	$(SURVEY_BENCH)
	$(REMINDERS_BENCH)

# A benchmark, not a test: survey results read over HTTP from a round with 100,000 answers
bench-survey:
	$(BENCH_PREPARE)
	$(SURVEY_BENCH)

# A benchmark, not a test: due reminders sent through the Firebase Admin SDK to a local fake FCM
bench-reminders:
	$(BENCH_PREPARE)
	$(REMINDERS_BENCH)

# The citizen's export for citizens with three years of data (target < 10 s); BENCH_CITIZENS sizes the store around them
bench-export:
	$(BENCH_PREPARE)
	$(BENCH_JAVA) -Xmx512m dk.mitforlob.bench.ExportBenchmark
