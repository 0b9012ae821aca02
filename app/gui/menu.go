package gui

import (
	"fmt"
	"net/url"
	"path/filepath"
	"plenary/app/views"
	"plenary/data/record"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shortcut is a keyboard shortcut with the action it runs, listed in Help.
type shortcut struct {
	key  fyne.KeyName
	mod  fyne.KeyModifier
	what string
	run  func()
}

func (u *ui) shortcutList() []shortcut {
	return []shortcut{
		{fyne.KeyO, fyne.KeyModifierShortcutDefault, "Import a file", u.chooseImport},
		{fyne.KeyE, fyne.KeyModifierShortcutDefault, "Export the current chart", func() { u.showExport() }},
		{fyne.KeyC, fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift, "Copy the chart image", u.copyChart},
		{fyne.KeyF, fyne.KeyModifierShortcutDefault, "Find a country", func() { u.win.Canvas().Focus(u.filters.picker.search) }},
		{fyne.KeyN, fyne.KeyModifierShortcutDefault, "New position", u.newPosition},
		{fyne.KeyR, fyne.KeyModifierShortcutDefault, "Reload the database", func() { go u.reload() }},
		{fyne.KeyPageDown, fyne.KeyModifierShortcutDefault, "Next view", func() { u.stepView(1) }},
		{fyne.KeyPageUp, fyne.KeyModifierShortcutDefault, "Previous view", func() { u.stepView(-1) }},
		{fyne.KeyQ, fyne.KeyModifierShortcutDefault, "Quit", func() { u.win.Close() }},
	}
}

// newPosition opens the form of a new position on the positions view.
func (u *ui) newPosition() {
	for _, v := range u.views {
		if v.Uses(views.UsesPositions) {
			u.selectKind(v.Kind)
			break
		}
	}
	u.positions.edit(nil)
}

// stepView selects the next (1) or previous (-1) tab, round the end.
func (u *ui) stepView(step int) {
	n := len(u.views)
	u.tabs.SelectIndex(((u.tabs.SelectedIndex()+step)%n + n) % n)
}

func (u *ui) shortcuts() {
	for _, s := range u.shortcutList() {
		s := s
		u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}, func(fyne.Shortcut) { s.run() })
	}
	// Ctrl+C copies the chart unless a text field has the focus.
	u.win.Canvas().AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { u.copyChart() })
}

func (u *ui) toolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.chooseImport),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), func() { u.showExport() }),
		widget.NewToolbarAction(theme.ContentCopyIcon(), u.copyChart),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.DownloadIcon(), u.showGetData),
		widget.NewToolbarSpacer(),
		widget.NewToolbarAction(theme.HelpIcon(), u.showShortcuts),
	)
}

func (u *ui) menu() *fyne.MainMenu {
	file := fyne.NewMenu("File",
		fyne.NewMenuItem("Import…", u.chooseImport),
		fyne.NewMenuItem("Import a folder…", u.chooseImportFolder),
		fyne.NewMenuItem("Get official data…", u.showGetData),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Export chart…", func() { u.showExport() }),
		fyne.NewMenuItem("Copy chart image", u.copyChart),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Back up the database…", func() { u.backup() }),
		fyne.NewMenuItem("Remove the built-in data", u.removeSample),
	)
	for _, it := range file.Items {
		switch it.Label {
		case "Import…":
			it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
		case "Export chart…":
			it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
		}
	}
	viewMenu := fyne.NewMenu("View", fyne.NewMenuItem("Search the speeches…", func() { u.showSpeeches("", 0) }), fyne.NewMenuItemSeparator())
	for _, v := range u.views {
		viewMenu.Items = append(viewMenu.Items, fyne.NewMenuItem(v.Tab, func() { u.selectKind(v.Kind) }))
	}
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.showShortcuts),
		fyne.NewMenuItem("About Plenary", u.showAbout),
	)
	return fyne.NewMainMenu(file, viewMenu, help)
}

func (u *ui) showShortcuts() {
	var b strings.Builder
	for _, s := range u.shortcutList() {
		fmt.Fprintf(&b, "%-22s %s\n", keyLabel(s.mod, s.key), s.what)
	}
	b.WriteString("\nCtrl+C                 Copy the chart image (outside text fields)\n")
	b.WriteString("Enter in the country field adds the first match; drop files on the window to import them.")
	l := widget.NewLabel(b.String())
	l.TextStyle = fyne.TextStyle{Monospace: true}
	dialog.ShowCustom("Keyboard shortcuts", "Close", l, u.win)
}

func keyLabel(m fyne.KeyModifier, k fyne.KeyName) string {
	s := ""
	if m&fyne.KeyModifierShortcutDefault != 0 {
		s += "Ctrl+"
	}
	if m&fyne.KeyModifierShift != 0 {
		s += "Shift+"
	}
	return s + string(k)
}

// showAbout shows the version, the data sources with their terms and the
// imports with their SHA-256.
func (u *ui) showAbout() {
	var b strings.Builder
	fmt.Fprintf(&b, "Plenary %s — compare the positions of countries at the United Nations.\n\n", record.Version)
	b.WriteString("Data sources and terms:\n")
	b.WriteString("• UN Digital Library voting data (GA record 4060887, SC record 4055387): © United Nations, non-commercial use with attribution.\n")
	b.WriteString("• unvotes / Voeten, Data and Analyses of Voting in the UN General Assembly (Harvard Dataverse hdl:1902.1/12379): CC0.\n\n")
	b.WriteString(builtinAbout)
	if u.store != nil {
		fmt.Fprintf(&b, "Database: %s\n\nImports:\n", u.store.Path())
	}
	u.mu.Lock()
	info := u.info
	u.mu.Unlock()
	if info != nil {
		for _, im := range info.Imports {
			fmt.Fprintf(&b, "#%d %s — %s (%s)\n", im.ID, im.Finished, im.Dataset, im.Format)
			for _, f := range im.Files {
				fmt.Fprintf(&b, "    %s  %s bytes\n    SHA-256 %s\n", filepath.Base(f.Name), thousands(int(f.Size)), f.SHA256)
			}
		}
	}
	l := widget.NewLabel(b.String())
	l.Wrapping = fyne.TextWrapWord
	repo, _ := url.Parse("https://digitallibrary.un.org/")
	scroll := container.NewVScroll(container.NewVBox(l, widget.NewHyperlink("UN Digital Library", repo)))
	scroll.SetMinSize(fyne.NewSize(640, 420))
	dialog.ShowCustom("About Plenary", "Close", scroll, u.win)
}

func (u *ui) showError(err error) {
	dialog.ShowError(err, u.win)
}

func (u *ui) removeSample() {
	if u.store == nil {
		return
	}
	dialog.ShowConfirm("Remove the built-in data", "Remove the roll calls and positions that only the built-in data provided? Data you imported or recorded is kept.", func(ok bool) {
		if !ok {
			return
		}
		go func() {
			n, err := u.store.RemoveBuiltin(ctxBackground)
			if err != nil {
				u.do(func() { u.showError(err) })
				return
			}
			u.reload()
			u.do(func() { u.setStatus(fmt.Sprintf("Removed %d built-in roll calls and positions", n)) })
		}()
	}, u.win)
}
