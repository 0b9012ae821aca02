package gui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plenary/charts"
	"plenary/data/countries"
)

// mapPointer lies over the chart image. While the chart shown is a map it
// names the state under the pointer in a small label beside it and, on a
// click, hands the state's code to toggle; over any other chart it does
// nothing. It reads the hits recorded while the shown image was drawn, so
// what it names is what the image shows there.
type mapPointer struct {
	widget.BaseWidget
	hits   *charts.MapHits
	img    image.Point // pixel size of the image the hits belong to
	toggle func(iso3 string)

	tip     *widget.Label
	tipBg   *canvas.Rectangle
	tipBox  *fyne.Container
	pointer fyne.Position // last position hovered, for a redraw under a still pointer
	inside  bool
	state   string // code of the state under the pointer, "" for none
}

func newMapPointer(toggle func(iso3 string)) *mapPointer {
	p := &mapPointer{toggle: toggle}
	p.tip = widget.NewLabel("")
	p.tipBg = canvas.NewRectangle(nil)
	p.tipBg.StrokeWidth = 1
	p.tipBox = container.NewStack(p.tipBg, p.tip)
	p.tipBox.Hide()
	p.paintTip()
	p.ExtendBaseWidget(p)
	return p
}

// paintTip colours the label's background from the theme, again on every
// refresh so that it follows a switch between light and dark.
func (p *mapPointer) paintTip() {
	p.tipBg.FillColor = theme.Color(theme.ColorNameOverlayBackground)
	p.tipBg.StrokeColor = theme.Color(theme.ColorNameShadow)
	p.tipBg.CornerRadius = theme.Size(theme.SizeNameInputRadius)
}

// setHits takes the hits of a newly shown image (nil when it is no map)
// and names again what lies under a pointer that has not moved: after a
// click the map is redrawn under it.
func (p *mapPointer) setHits(h *charts.MapHits, img image.Point) {
	p.hits, p.img = h, img
	if p.inside {
		p.hover(p.pointer)
	} else {
		p.hideTip()
	}
}

// pixelAt turns a position in the widget into a pixel of the image. The
// image is drawn with canvas.ImageFillContain over the same area: scaled by
// the same factor both ways (which takes in the canvas scale, as the image
// is rendered in device pixels) and centred, with bands left empty on two
// sides when the aspects differ.
func (p *mapPointer) pixelAt(pos fyne.Position) (x, y float64, ok bool) {
	sz := p.Size()
	if p.img.X <= 0 || p.img.Y <= 0 || sz.Width <= 0 || sz.Height <= 0 {
		return 0, 0, false
	}
	iw, ih := float64(p.img.X), float64(p.img.Y)
	s := min(float64(sz.Width)/iw, float64(sz.Height)/ih)
	offX := (float64(sz.Width) - iw*s) / 2
	offY := (float64(sz.Height) - ih*s) / 2
	x, y = (float64(pos.X)-offX)/s, (float64(pos.Y)-offY)/s
	return x, y, x >= 0 && y >= 0 && x < iw && y < ih
}

// stateAt names the state drawn at a position: its code and what the map
// says about it ("France: yes"). Land the map gives no value (a state that
// is not on the Security Council that day) is named from the registry of
// states; land that is no state (Greenland, the sea) is nothing.
func (p *mapPointer) stateAt(pos fyne.Position) (iso3, label string, ok bool) {
	if p.hits == nil {
		return "", "", false
	}
	x, y, in := p.pixelAt(pos)
	if !in {
		return "", "", false
	}
	iso3, ok = p.hits.At(x, y)
	if !ok {
		return "", "", false
	}
	if l := p.hits.Label(iso3); l != "" {
		return iso3, l, true
	}
	if c, known := countries.ByISO3(iso3); known {
		return iso3, c.Name, true
	}
	return "", "", false
}

// hover shows the label of the state under the pointer beside it, kept
// inside the widget.
func (p *mapPointer) hover(pos fyne.Position) {
	p.pointer = pos
	iso3, label, ok := p.stateAt(pos)
	if !ok {
		p.hideTip()
		return
	}
	p.state = iso3
	p.tip.SetText(label)
	ts := p.tipBox.MinSize()
	p.tipBox.Resize(ts)
	const gap = 14 // clear of the pointer's arrow
	x, y := pos.X+gap, pos.Y+gap
	sz := p.Size()
	if x+ts.Width > sz.Width {
		x = pos.X - gap - ts.Width
	}
	if y+ts.Height > sz.Height {
		y = pos.Y - gap - ts.Height
	}
	p.tipBox.Move(fyne.NewPos(max(0, x), max(0, y)))
	p.tipBox.Show()
}

func (p *mapPointer) hideTip() {
	p.state = ""
	p.tipBox.Hide()
}

// MouseIn starts naming the states under the pointer.
func (p *mapPointer) MouseIn(e *desktop.MouseEvent) {
	p.inside = true
	p.hover(e.Position)
}

// MouseMoved names the state under the pointer.
func (p *mapPointer) MouseMoved(e *desktop.MouseEvent) { p.hover(e.Position) }

// MouseOut hides the label.
func (p *mapPointer) MouseOut() {
	p.inside = false
	p.hideTip()
}

// Tapped toggles the state under the pointer; a click on the sea, on land
// that is no state or on a chart that is no map does nothing.
func (p *mapPointer) Tapped(e *fyne.PointEvent) {
	if iso3, _, ok := p.stateAt(e.Position); ok && p.toggle != nil {
		p.toggle(iso3)
	}
}

// Cursor is a pointing hand over a state, which a click toggles.
func (p *mapPointer) Cursor() desktop.Cursor {
	if p.state != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// CreateRenderer draws the label only: the map is the image beneath.
func (p *mapPointer) CreateRenderer() fyne.WidgetRenderer {
	return &mapPointerRenderer{p: p}
}

type mapPointerRenderer struct{ p *mapPointer }

// Layout leaves the label where hover put it.
func (r *mapPointerRenderer) Layout(fyne.Size)   {}
func (r *mapPointerRenderer) MinSize() fyne.Size { return fyne.Size{} }
func (r *mapPointerRenderer) Refresh() {
	r.p.paintTip()
	r.p.tipBox.Refresh()
}
func (r *mapPointerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.p.tipBox} }
func (r *mapPointerRenderer) Destroy()                     {}
