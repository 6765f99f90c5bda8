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

# Demo mode starts in seconds: C1 only (demo traffic needs no peak speed) and a class-data archive
# made by the first run. Production (deploy/, make bench) runs without these.
DEMO_JAVA_OPTS ?= -XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=target/mitforlob-demo.jsa

run: $(JAR)
	java $(DEMO_JAVA_OPTS) -jar $(JAR)

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
	BENCH_DEMO_JAVA_OPTS="$(DEMO_JAVA_OPTS)" \
		java -Xmx2g -cp target/test-classes:target/classes:$$(cat $(BENCH_CLASSPATH)) dk.mitforlob.bench.Bench
