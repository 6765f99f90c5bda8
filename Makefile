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
SOURCES := pom.xml $(shell find src/main api-spec -type f 2>/dev/null)

.PHONY: help run test build clean

help:
	@echo "make run    build when needed, then start Mit Forløb in demo mode on port $${SERVER_PORT:-8080}"
	@echo "make test   run every test"
	@echo "make build  build target/mitforlob.jar without running tests"
	@echo "make clean  remove build output"

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -q -DskipTests package
	@touch $(JAR)

build: $(JAR)

run: $(JAR)
	java -jar $(JAR)

test:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || echo "NOTE: no chromium/chromedriver here, so the console's browser tests will be skipped (apt-get install chromium chromium-driver)"
	$(MVN) $(MVN_FLAGS) verify

clean:
	$(MVN) $(MVN_FLAGS) -q clean
