package views

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"path/filepath"
	"strings"

	"plenary/charts"
	"plenary/data/safefile"
)

// Format is an export format.
type Format string

// The export formats: the two images and the plotted numbers.
const (
	PNG Format = "png"
	SVG Format = "svg"
	CSV Format = "csv"
)

// FormatOf picks the format from a file name's extension, so that "-o
// chart.svg" needs no separate flag.
func FormatOf(path string) (Format, error) {
	switch ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), ".")); ext {
	case "png", "svg", "csv":
		return Format(ext), nil
	case "":
		return "", fmt.Errorf("%s: no extension; name a .png, .svg or .csv file", path)
	default:
		return "", fmt.Errorf("%s: unknown extension .%s; use .png, .svg or .csv", path, ext)
	}
}

// Render writes the chart as a PNG or an SVG drawn with o (size, scale,
// theme; o.Format is set from f), or as CSV of the plotted numbers.
func (c *Chart) Render(w io.Writer, f Format, o charts.Options) error {
	switch f {
	case CSV:
		return charts.WriteCSV(w, c.Chart)
	case SVG:
		o.Format = charts.SVG
		return charts.Render(w, c.Chart, o)
	case PNG, "":
		img, err := c.Image(o)
		if err != nil {
			return err
		}
		return charts.EncodePNG(w, img)
	}
	return fmt.Errorf("unknown format %q (png, svg or csv)", f)
}

// Bytes is Render into memory.
func (c *Chart) Bytes(f Format, o charts.Options) ([]byte, error) {
	var b bytes.Buffer
	if err := c.Render(&b, f, o); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Image draws the chart for display, without encoding it.
func (c *Chart) Image(o charts.Options) (*image.RGBA, error) {
	return charts.RenderImage(c.Chart, o)
}

// WriteFile renders the chart into a file, in the format its extension
// names, through the one safe writer (package safefile): the file is
// complete or untouched, a read-only file or a database is never written.
func (c *Chart) WriteFile(path string, o charts.Options) error {
	f, err := FormatOf(path)
	if err != nil {
		return err
	}
	return safefile.Write(path, func(w io.Writer) error { return c.Render(w, f, o) })
}
