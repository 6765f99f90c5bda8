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

.PHONY: help run test build clean bench

help:
	@echo "make run    build when needed, then start Mit Forløb in demo mode on port $${SERVER_PORT:-8080}"
	@echo "make test   run every test"
	@echo "make build  build target/mitforlob.jar without running tests"
	@echo "make clean  remove build output"
	@echo "make bench  seed a population, measure the routes, print the table (see README, Performance)"

$(JAR): $(SOURCES)
	$(MVN) $(MVN_FLAGS) -q -DskipTests package
	@touch $(JAR)

build: $(JAR)

run: $(JAR)
	java -jar $(JAR)

test:
	$(MVN) $(MVN_FLAGS) verify

clean:
	$(MVN) $(MVN_FLAGS) -q clean

# Benchmarks (README, Performance): wrk from Debian, the harness from the test sources.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BENCH_CLASSPATH := target/bench-classpath.txt

bench: $(JAR)
	@command -v wrk >/dev/null 2>&1 || { echo "Installing wrk (Debian package)"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(MVN) $(MVN_FLAGS) -q -DskipTests test-compile dependency:build-classpath \
		-Dmdep.outputFile=$(BENCH_CLASSPATH) -Dmdep.includeScope=test
	java -Xmx2g -cp target/test-classes:target/classes:$$(cat $(BENCH_CLASSPATH)) dk.mitforlob.bench.Bench
