// Package gui is Plenary's desktop window.
package gui

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// Run opens the main window and blocks until it is closed.
func Run(prog string) int {
	a := app.NewWithID("org.plenary.app")
	w := a.NewWindow("Plenary")
	w.SetContent(widget.NewLabel("Plenary"))
	w.ShowAndRun()
	return 0
}
