package charts

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"plenary/data/record"
	"regexp"
	"strconv"
)

// WriteCSV writes the numbers c plots (after any cut, such as the most
// recent 40 roll calls), with a header row, so that an exported image can be
// checked against its data. Cells that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) get a leading single quote.
func WriteCSV(w io.Writer, c Chart) error {
	if c == nil {
		c = Empty{}
	}
	header, rows := c.table()
	cw := csv.NewWriter(w)
	if err := cw.Write(escapeRow(header)); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(escapeRow(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func escapeRow(r []string) []string {
	out := make([]string, len(r))
	for i, s := range r {
		out[i] = record.SafeCell(s) // defuses spreadsheet formula injection (CWE-1236)
	}
	return out
}

func itoa(v int) string { return strconv.Itoa(v) }

// ftoa writes a plotted fraction exactly; NaN (no data) is an empty cell.
func ftoa(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

var (
	svgOpen       = regexp.MustCompile(`<svg [^>]*>`)
	svgFontFamily = regexp.MustCompile(`font-family:[^;"]*`)
)

// fontStack names fonts that look like the embedded Roboto, because
// go-chart's SVG names Roboto without embedding it.
const fontStack = `font-family:Roboto,'DejaVu Sans',Arial,Helvetica,sans-serif`

// finishSVG gives the SVG an explicit size, a title, a full-size background
// rectangle (go-chart leaves the page transparent) and a font fallback list.
// texts, one per <text> in order, add textLength and text-anchor, so that a
// viewer substituting another font for Roboto keeps every label in the box
// it was laid out for; if the count does not match, they are left out.
func finishSVG(b []byte, o Options, title string, texts []svgText) []byte {
	bg := paletteFor(o.Theme).bg
	loc := svgOpen.FindIndex(b)
	if loc == nil {
		return b
	}
	var out bytes.Buffer
	out.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	out.WriteString(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%d" height="%d" viewBox="0 0 %d %d">`,
		o.Width, o.Height, o.Width, o.Height))
	if title != "" {
		out.WriteString("<title>" + svgEscaper.Replace(title) + "</title>")
	}
	out.WriteString(fmt.Sprintf(`<rect x="0" y="0" width="%d" height="%d" fill="#%02x%02x%02x"/>`, o.Width, o.Height, bg.R, bg.G, bg.B))
	body := svgFontFamily.ReplaceAll(b[loc[1]:], []byte(fontStack))
	const tag = `<text x="`
	if bytes.Count(body, []byte(tag)) != len(texts) {
		out.Write(body)
		return out.Bytes()
	}
	for _, t := range texts {
		i := bytes.Index(body, []byte(tag))
		out.Write(body[:i])
		body = body[i+len(tag):]
		end := bytes.IndexByte(body, '"')
		x := string(body[:end])
		body = body[end:]
		out.WriteString(`<text textLength="` + strconv.FormatFloat(t.width, 'f', 1, 64) + `" lengthAdjust="spacingAndGlyphs" `)
		if t.anchor != "" {
			out.WriteString(`text-anchor="` + t.anchor + `" `)
			x = strconv.Itoa(t.x)
		}
		out.WriteString(`x="` + x)
	}
	out.Write(body)
	return out.Bytes()
}
