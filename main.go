// Command plenary compares the positions of countries at the United
// Nations. Without a command it opens the desktop window; with one it runs
// headless (see `plenary help`).
package main

import (
	"os"

	_ "plenary/app/locale" // must stay first: it fixes LANG before Fyne reads it

	"plenary/app/cli"
	"plenary/app/gui"
)

func main() {
	limitMemory()
	db, readOnly, rest, err := cli.Globals(os.Args[1:])
	if err == nil && len(rest) == 0 {
		os.Exit(gui.Run(db, readOnly))
	}
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
