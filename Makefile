# Convenience targets; the README's two commands are scripts/run and scripts/test.
.PHONY: run build test wintest fuzz bench package release builtin

run:
	scripts/run

build:
	scripts/deps build
	LANG=en_US.UTF-8 CGO_ENABLED=1 go build -o bin/plenary .

test:
	scripts/test

wintest:
	scripts/wintest

fuzz:
	scripts/fuzz $${FUZZTIME:-5m}

bench:
	scripts/bench

package release:
	scripts/release

builtin:
	scripts/builtin
