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

.PHONY: help run test build clean bench-survey

help:
	@echo "make run    build when needed, then start Mit Forløb in demo mode on port $${SERVER_PORT:-8080}"
	@echo "make test   run every test"
	@echo "make build  build target/mitforlob.jar without running tests"
	@echo "make clean  remove build output"
	@echo "make bench-survey  benchmark: survey results over 100,000 answers (prints figures)"

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

# A benchmark, not a test: survey results read over HTTP from a round with 100,000 answers
bench-survey:
	$(MVN) $(MVN_FLAGS) -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
	java -Xmx512m -cp target/test-classes:target/classes:$$(cat target/bench-classpath.txt) \
		dk.mitforlob.survey.SurveyResultsBenchmark $${SURVEY_ANSWERS:-100000}
