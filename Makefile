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

.PHONY: help run test build clean bench-reminders

help:
	@echo "make run    build when needed, then start Mit Forløb in demo mode on port $${SERVER_PORT:-8080}"
	@echo "make test   run every test"
	@echo "make build  build target/mitforlob.jar without running tests"
	@echo "make clean  remove build output"
	@echo "make bench-reminders  100,000 due reminders through the Firebase Admin SDK to a local fake FCM"

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

# Benchmarks print figures; they are not tests. `make bench` (when it exists) runs this one too.
bench-reminders:
	$(MVN) $(MVN_FLAGS) -q -DskipTests test-compile dependency:build-classpath \
		-Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
	java -Xmx1g -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) \
		dk.mitforlob.reminders.RemindersBenchmark
