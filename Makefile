# Convenience targets; the README's two commands are scripts/run and scripts/test.
.PHONY: run build test fuzz bench package builtin

run:
	scripts/run

build:
	scripts/deps build
	LANG=en_US.UTF-8 CGO_ENABLED=1 go build -o bin/plenary .

test:
	scripts/test

fuzz:
	scripts/fuzz $${FUZZTIME:-5m}

bench:
	scripts/bench

package:
	scripts/deps build
	go run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux -name plenary -icon assets/icon.png

builtin:
	scripts/builtin
