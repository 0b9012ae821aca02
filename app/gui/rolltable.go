package gui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plenary/app/views"
	"plenary/charts"
	"plenary/data"
	"plenary/data/countries"
	"plenary/data/record"
)

// rowView is one roll call of the table.
type rowView struct {
	rc      *record.RollCall // the table's, which is never changed
	counted record.Totals
	votes   []record.Vote // of the selected countries, in their order
	split   bool          // the selected countries did not all vote alike
	outcome string        // a Council result other than adoption: "vetoed by Russia", "not adopted"
}

// rollTable lists the roll calls that match the filter, newest first,
// sortable by clicking a column header, with one column per selected
// country in the vote colours. Selecting a row focuses that roll call.
type rollTable struct {
	hooks     rollHooks
	table     *widget.Table
	rows      []rowView
	cols      []string // selected countries
	sortCol   int
	sortDesc  bool
	detail    *fyne.Container
	obj       fyne.CanvasObject
	detailBox *container.Scroll
	count     *widget.Label
}

var fixedCols = []struct {
	title string
	width float32
}{{"Date", 96}, {"Body", 48}, {"Symbol", 140}, {"Title", 230}, {"Yes–No–Abst.", 132}}

// rollHooks are what the roll-call table asks of the window.
type rollHooks struct {
	focus    func(id int64)                             // make a roll call the subject of the views
	showKind func(views.Kind)                           // switch to a view
	votes    func(id int64) ([]data.CountryVote, error) // every country's vote; slow, called off the UI goroutine
	do       func(func())                               // hand a result to the widgets
	speeches func(record.RollCall)                      // the General Debate speeches of the roll call's session
}

func newRollTable(h rollHooks) *rollTable {
	r := &rollTable{hooks: h, sortDesc: true}
	r.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(r.rows), len(fixedCols) + len(r.cols) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(bg, l)
		},
		r.updateCell)
	r.table.ShowHeaderColumn = false
	r.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		b.SetText(r.header(id.Col))
		b.SetIcon(r.sortIcon(id.Col))
		col := id.Col
		b.OnTapped = func() { r.sortBy(col) }
	}
	for i, c := range fixedCols {
		r.table.SetColumnWidth(i, c.width)
	}
	r.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(r.rows) {
			r.focus(r.rows[id.Row])
		}
	}
	r.count = widget.NewLabel("")
	r.detail = container.NewVBox(widget.NewLabel("Select a roll call to see every country's vote."))
	detailScroll := container.NewVScroll(r.detail)
	detailScroll.SetMinSize(fyne.NewSize(300, 100))
	detailScroll.Hide() // shown when a roll call is selected
	r.detailBox = detailScroll
	r.obj = container.NewBorder(nil, nil, nil, detailScroll, container.NewBorder(r.count, nil, nil, nil, r.table))
	return r
}

func (r *rollTable) header(col int) string {
	if col < len(fixedCols) {
		return fixedCols[col].title
	}
	return r.cols[col-len(fixedCols)]
}

// sortIcon marks the sorted column with an arrow drawn as an icon: a
// glyph such as ▲ is missing from the bundled font, and Windows offers
// no fallback font for it.
func (r *rollTable) sortIcon(col int) fyne.Resource {
	switch {
	case col != r.sortCol:
		return nil
	case r.sortDesc:
		return theme.MoveDownIcon()
	}
	return theme.MoveUpIcon()
}

func (r *rollTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	bg := st.Objects[0].(*canvas.Rectangle)
	l := st.Objects[1].(*widget.Label)
	if id.Row >= len(r.rows) {
		return
	}
	row := r.rows[id.Row]
	bg.FillColor = color.Transparent
	l.TextStyle = fyne.TextStyle{}
	switch id.Col {
	case 0:
		l.SetText(row.rc.Date)
	case 1:
		l.SetText(string(row.rc.Body))
	case 2:
		l.SetText(row.rc.Label())
		l.TextStyle.Bold = row.split
	case 3:
		l.SetText(row.rc.Title)
	case 4:
		l.SetText(strings.TrimSpace(fmt.Sprintf("%d–%d–%d %s", row.counted.Yes, row.counted.No, row.counted.Abstain, row.outcome)))
	default:
		k := id.Col - len(fixedCols)
		v := record.None
		if k < len(row.votes) {
			v = row.votes[k]
		}
		l.SetText(voteWord(v))
		if v != record.None {
			c := charts.VoteColor(views.ChartVote(v))
			bg.FillColor = color.NRGBA{c.R, c.G, c.B, 90}
		}
	}
	bg.Refresh()
	l.Refresh()
}

func voteWord(v record.Vote) string {
	switch v {
	case record.Yes:
		return "Yes"
	case record.No:
		return "No"
	case record.Abstain:
		return "Abs."
	case record.NonVoting:
		return "–"
	}
	return ""
}

// set shows new rows, keeping the chosen sort order.
func (r *rollTable) set(rows []rowView, countries []string) {
	r.rows = rows
	r.cols = append([]string(nil), countries...)
	for i := range r.cols {
		r.table.SetColumnWidth(len(fixedCols)+i, 64)
	}
	r.sort()
	r.count.SetText(fmt.Sprintf("%s roll calls match", thousands(len(rows))))
	r.table.UnselectAll()
	r.table.Refresh()
}

func (r *rollTable) sortBy(col int) {
	if col == r.sortCol {
		r.sortDesc = !r.sortDesc
	} else {
		r.sortCol, r.sortDesc = col, col == 0
	}
	r.sort()
	r.table.Refresh()
}

func (r *rollTable) sort() {
	less := func(a, b rowView) bool {
		switch r.sortCol {
		case 1:
			return a.rc.Body < b.rc.Body
		case 2:
			return a.rc.Symbol < b.rc.Symbol
		case 3:
			return strings.ToLower(a.rc.Title) < strings.ToLower(b.rc.Title)
		case 4:
			return a.counted.Yes < b.counted.Yes
		case 0:
			return a.rc.Date < b.rc.Date
		}
		k := r.sortCol - len(fixedCols)
		if k < len(a.votes) && k < len(b.votes) {
			return a.votes[k] < b.votes[k]
		}
		return false
	}
	sort.SliceStable(r.rows, func(i, j int) bool {
		if r.sortDesc {
			return less(r.rows[j], r.rows[i])
		}
		return less(r.rows[i], r.rows[j])
	})
}

// focus shows a roll call's detail beside the table — the full list of
// votes and a link to its record — and makes it the subject of the
// "By group" view.
func (r *rollTable) focus(row rowView) {
	rc := row.rc
	r.hooks.focus(rc.ID)
	title := widget.NewLabel(rc.Label() + " — " + rc.Date)
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	desc := widget.NewLabel(rc.Title)
	desc.Wrapping = fyne.TextWrapWord
	r.detail.Objects = []fyne.CanvasObject{title, desc}
	if row.outcome != "" {
		// A Council draft vetoed or not adopted: the result the totals
		// alone do not tell.
		o := widget.NewLabel(strings.ToUpper(row.outcome[:1]) + row.outcome[1:])
		o.TextStyle.Bold = true
		o.Wrapping = fyne.TextWrapWord
		r.detail.Add(o)
	}
	r.detailBox.Show()
	if rc.Link != "" {
		r.detail.Add(newDataLink("Open the UN record", rc.Link))
	}
	r.detail.Add(widget.NewButton("Breakdown by regional group", func() { r.hooks.showKind(views.ByGroup) }))
	if r.hooks.speeches != nil && rc.Body == record.GA {
		r.detail.Add(widget.NewButton("Speeches of this session", func() { r.hooks.speeches(*rc) }))
	}
	list := widget.NewLabel("loading…")
	// Wrapped, or the lists of country names would widen the window past
	// the screen.
	list.Wrapping = fyne.TextWrapWord
	r.detail.Add(list)
	r.detail.Refresh()
	go func() {
		votes, err := r.hooks.votes(rc.ID)
		r.hooks.do(func() {
			if err != nil {
				list.SetText(err.Error())
				return
			}
			list.SetText(formatVotes(votes, rc.Date, rc.Published))
		})
	}()
}

// formatVotes lists a roll call's votes, each state named as it was on
// the roll call's date (the Soviet Union in 1975, although the store files
// its votes under Russia).
func formatVotes(votes []data.CountryVote, date string, pub *record.Totals) string {
	var t record.Totals
	by := map[record.Vote][]string{}
	for _, v := range votes {
		t.Add(v.Vote)
		_, name := countries.SeatOn(v.ISO3, date)
		if _, known := countries.ByISO3(v.ISO3); !known {
			name = v.Name // a code the registry does not know keeps the store's name
		}
		by[v.Vote] = append(by[v.Vote], name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Counted: %d yes, %d no, %d abstain, %d non-voting\n", t.Yes, t.No, t.Abstain, t.NonVoting)
	if pub != nil {
		fmt.Fprintf(&b, "Published: %d yes, %d no, %d abstain\n", pub.Yes, pub.No, pub.Abstain)
	}
	for _, v := range []record.Vote{record.No, record.Abstain, record.NonVoting, record.Yes} {
		if len(by[v]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%d): %s\n", strings.ToUpper(v.String()), len(by[v]), strings.Join(by[v], ", "))
	}
	return b.String()
}
