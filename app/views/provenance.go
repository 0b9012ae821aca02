package views

import (
	"plenary/data/record"
	"slices"
	"strings"
	"time"
)

// Provenance is what a chart's footer says about its data.
type Provenance struct {
	Source   string    // the datasets
	Imported time.Time // when they were imported; zero when they differ (then Source gives each date)
}

// ProvenanceOf describes the data of a store from its import log (as
// Store.Imports returns it): every dataset once, newest first, with the
// day it was last imported. A footer that names its sources lets an
// exported image be checked.
func ProvenanceOf(imports []record.ImportInfo) Provenance {
	type ds struct {
		name string
		when time.Time
	}
	var list []ds
	for _, im := range imports {
		if im.Format == speechFormat {
			continue // the speeches back only the speech views (SpeechProvenanceOf)
		}
		when, _ := time.Parse(time.RFC3339, im.Finished)
		names := strings.Split(im.Dataset, "; ")
		// The built-in history ("builtin", data.FormatBuiltin) names its
		// datasets; the sample alone is named as such.
		if im.Sample && im.Format != "builtin" {
			names = []string{"Plenary's built-in sample"}
		}
		for _, n := range names {
			n = strings.TrimSpace(n)
			if n == "" || slices.ContainsFunc(list, func(d ds) bool { return d.name == n }) {
				continue // imports come newest first: the first date is the latest
			}
			list = append(list, ds{n, when})
		}
	}
	if len(list) == 0 {
		return Provenance{}
	}
	sameDay := true
	for _, d := range list[1:] {
		if !day(d.when).Equal(day(list[0].when)) {
			sameDay = false
		}
	}
	parts := make([]string, len(list))
	for i, d := range list {
		parts[i] = d.name
		if !sameDay && !d.when.IsZero() {
			parts[i] += " (imported " + d.when.Format("2 Jan 2006") + ")"
		}
	}
	p := Provenance{Source: strings.Join(parts, "; ")}
	if sameDay {
		p.Imported = list[0].when
	}
	return p
}

func day(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

// speechFormat is the import log's format of the General Debate corpus
// (data.Store.ImportSpeeches).
const speechFormat = "ungdc"

// SpeechProvenanceOf is the footer's date for the speech views: when the
// General Debate corpus was last imported (the source is the corpus,
// which the views name themselves).
func SpeechProvenanceOf(imports []record.ImportInfo) Provenance {
	for _, im := range imports { // newest first
		if im.Format == speechFormat {
			when, _ := time.Parse(time.RFC3339, im.Finished)
			return Provenance{Source: speechSource, Imported: when}
		}
	}
	return Provenance{}
}
