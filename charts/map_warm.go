package charts

import (
	"context"

	"plenary/charts/geo"
)

// WarmMap records the outlines of every state of the world map for raster
// maps of o's size and scale, as the first map drawn there would: some two
// hundred paths, 10 ms on two cores, that a map drawn at that size then
// paints from the span cache. The window calls it in the background after
// its first chart, at the chart area's size, so that turning to a map
// does not pay for them. The spans depend only on the projection's scale,
// which at the usual proportions follows the width alone, so any map's
// title and notes find them. It is safe from any goroutine; ctx skips it
// when it is no longer wanted.
func WarmMap(ctx context.Context, o Options) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w, err := geo.Default()
	if err != nil {
		return err
	}
	var votes []MapVote
	for _, k := range w.Keys() {
		votes = append(votes, MapVote{ISO3: k, Name: k, Vote: VoteNone})
	}
	m := VoteMap{Meta: Meta{Title: "Map", Subtitle: "General Assembly", Source: "UN Digital Library"}, Votes: votes}
	_, err = RenderImage(m, o)
	return err
}
