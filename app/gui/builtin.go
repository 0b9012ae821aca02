package gui

import (
	"context"
	"fmt"
	"os"
	"time"

	"plenary/data"
)

// firstStart loads the built-in General Assembly history into a database
// that holds nothing and never held an import. The history, decoded from
// the binary, is shown at once, so that the first chart does not wait for
// the database; the status bar follows the writing.
func (u *ui) firstStart(ctx context.Context, st *data.Store) {
	if st.ReadOnly() {
		return
	}
	info, err := st.Info(ctx)
	if err != nil || !info.Empty() || len(info.Imports) > 0 {
		return
	}
	if t, err := data.BuiltinTable(); err == nil {
		u.mu.Lock()
		u.table = t
		u.mu.Unlock()
		trace("built-in history decoded: %d roll calls", len(t.RollCalls))
		u.do(u.refreshNow)
		// The first chart before the writing, which would compete with it
		// for the processor.
		for deadline := time.Now().Add(2 * time.Second); u.shown.Load() == 0 && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
	}
	last := -1
	progress := func(done, total int) {
		pct := 100 * done / max(total, 1)
		if pct == last {
			return
		}
		last = pct
		u.do(func() {
			u.setStatus(fmt.Sprintf("Loading the built-in General Assembly history (Voeten, CC0) into %s… %d%%", st.Path(), pct))
		})
	}
	if _, err := st.LoadBuiltinIfEmpty(ctx, progress); err != nil {
		u.do(func() { u.showError(fmt.Errorf("loading the built-in history: %w", err)) })
		return
	}
	trace("built-in history loaded")
}

// builtinAbout is the built-in history's provenance, licence and citation
// for Help ▸ About (the README and assets/builtin/README.md say the same).
const builtinAbout = "Built-in history: every General Assembly roll call 1946–2019 of the unvotes data with the absences of " +
	"Erik Voeten's data, and the three votes of 24 February 2025 with positions recorded that day, so that a first start " +
	"can compare eighty years of positions without a download. Public domain (CC0). Cite: Erik Voeten, \"Data and Analyses " +
	"of Voting in the UN General Assembly\", Routledge Handbook of International Organization (2013), Harvard Dataverse " +
	"hdl:1902.1/12379; David Robinson and Mine Çetinkaya-Rundel, unvotes (R package). Security Council votes other than " +
	"S/RES/2774 are not built in: import the UN Digital Library files for them and for the General Assembly from 2020 on. " +
	"The file is made by scripts/builtin from those datasets; its SHA-256 is listed with the imports below.\n\n"

// prefetchBuiltin starts decoding the built-in history while the window
// opens, when the database does not exist yet: a first start then shows
// it sooner. Any other start never needs it.
func prefetchBuiltin(dbPath string) {
	if _, err := os.Stat(dbPath); os.IsNotExist(err) {
		go data.Builtin()
	}
}
