package charts

// DefaultEmptyMessage is what an empty selection says, in every kind.
const DefaultEmptyMessage = "No roll calls match"

// Empty is the image for a selection without data. Every other kind draws
// it when given nothing to plot, so the app can always show an image.
type Empty struct {
	Meta Meta
	// Message replaces DefaultEmptyMessage when set.
	Message string
	// Hint is an optional second line, e.g. "Widen the date range".
	Hint string
}

func (e Empty) meta() Meta { return e.Meta }

func (e Empty) draw(c *canvas) {
	f := c.drawFrame(e.Meta, "", nil, nil)
	msg := clean(e.Message)
	if msg == "" {
		msg = DefaultEmptyMessage
	}
	c.drawMessage(f.plot, msg, clean(e.Hint))
}

func (e Empty) table() ([]string, [][]string) {
	msg := clean(e.Message)
	if msg == "" {
		msg = DefaultEmptyMessage
	}
	return []string{"message"}, [][]string{{msg}}
}

// drawEmpty is what a kind does when it has nothing to plot.
func drawEmpty(c *canvas, m Meta) {
	Empty{Meta: m}.draw(c)
}
