# Mit Forløb — the two commands that matter: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

JAVA_HOME := $(shell bin/find-jdk)
ifeq ($(JAVA_HOME),)
$(error No JDK 21 or newer found (see the message above))
endif
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)

MVN ?= mvn
MVN_FLAGS ?= -B -ntp
JAR := target/mitforlob.jar
SOURCES := pom.xml $(shell find src/main api-spec -type f 2>/dev/null)

# The contract lint: Spectral + the OWASP API Security ruleset, pinned in tools/contract-lint
LINT_DIR := tools/contract-lint
LINT_INSTALLED := $(LINT_DIR)/node_modules/.package-lock.json

.PHONY: help run test build clean contract-lint

help:
	@echo "make run    build when needed, then start Mit Forløb in demo mode on port $${SERVER_PORT:-8080}"
	@echo "make test   lint the API contract, then run every test"
	@echo "make build  build target/mitforlob.jar without running tests"
	@echo "make clean  remove build output"

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -q -DskipTests package
	@touch $(JAR)

build: $(JAR)

run: $(JAR)
	java -jar $(JAR)

test: contract-lint
	$(MVN) $(MVN_FLAGS) verify

# npm ci installs exactly what package-lock.json says, once; node_modules is the cache (gitignored)
$(LINT_INSTALLED): $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "The contract lint needs Node.js 20 or newer with npm (https://nodejs.org)"; exit 1; }
	cd $(LINT_DIR) && npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

contract-lint: $(LINT_INSTALLED)
	cd $(LINT_DIR) && npx --no-install spectral lint --fail-severity=error --ruleset .spectral.yaml ../../api-spec/openapi.yaml

clean:
	$(MVN) $(MVN_FLAGS) -q clean
