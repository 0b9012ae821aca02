package gui

import (
	"context"
	"image/color"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plenary/data"
	"plenary/data/compare/comparetest"
)

// TestRollTableNamesVetoes: the roll-call table says which Council drafts
// were vetoed and by whom, in the totals column and in the detail of the
// selected roll call; a draft that failed otherwise is "not adopted".
func TestRollTableNamesVetoes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plenary.db")
	st, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(comparetest.Dataset(t, "unsc/vetoes.csv"))
	if _, err := st.Import(context.Background(), []string{filepath.Join(dir, "failed_drafts_member_votes.csv"), filepath.Join(dir, "vetoes.csv")}, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	u := startUI(t, path)
	u.sync(func() {
		u.filters.picker.clear()
		u.filters.body.SetSelected("SC")
	})
	waitIdle(t, u)
	cell := func(row int) string {
		l := widget.NewLabel("")
		u.rolls.updateCell(widget.TableCellID{Row: row, Col: 4}, container.NewStack(canvas.NewRectangle(color.Transparent), l))
		return l.Text
	}
	vetoed, failed, rows := -1, -1, 0
	var vetoedCell, failedCell string
	u.sync(func() {
		rows = len(u.rolls.rows)
		for i, r := range u.rolls.rows {
			switch r.rc.Symbol {
			case "S/2019/186":
				vetoed, vetoedCell = i, cell(i)
			case "S/2014/916":
				failed, failedCell = i, cell(i)
			}
		}
	})
	// t.Fatal may not run on the window's goroutine: it would never
	// hand back.
	if vetoed < 0 || failed < 0 {
		t.Fatalf("the failed drafts are not in the table (%d rows)", rows)
	}
	if vetoedCell != "9–3–3 vetoed by China and Russia" {
		t.Errorf("S/2019/186 totals cell %q", vetoedCell)
	}
	if failedCell != "8–2–5 not adopted" {
		t.Errorf("S/2014/916 totals cell %q", failedCell)
	}
	u.sync(func() { u.rolls.table.Select(widget.TableCellID{Row: vetoed, Col: 2}) })
	eventually(t, "the detail of the vetoed draft", func() bool {
		ok := false
		u.sync(func() {
			walk(u.rolls.detail, func(c fyne.CanvasObject) {
				if l, isLabel := c.(*widget.Label); isLabel && strings.Contains(l.Text, "Vetoed by China and Russia") {
					ok = true
				}
			})
		})
		return ok
	})
}
