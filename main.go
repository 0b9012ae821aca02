// Command plenary compares the positions of countries at the United
// Nations. Without arguments it opens the desktop window; with a command
// it runs headless (see `plenary help`).
package main

import (
	"os"

	_ "plenary/app/locale" // must stay first: it fixes LANG before Fyne reads it

	"plenary/app/cli"
	"plenary/app/gui"
)

func main() {
	if cli.IsCommand(os.Args[1:]) {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(gui.Run(os.Args[0]))
}
