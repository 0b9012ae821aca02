package views

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"plenary/charts"
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
// names. It writes a temporary file in the same folder and renames it, so
// that a failure (a full disk, an interrupted program) never leaves a
// half-written file under the chosen name.
func (c *Chart) WriteFile(path string, o charts.Options) error {
	f, err := FormatOf(path)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: the folder %s does not exist", path, dir)
	case err != nil:
		return fmt.Errorf("%s: %w", path, err)
	case !st.IsDir():
		return fmt.Errorf("%s: %s is not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("%s: the folder %s cannot be written to", path, dir)
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing left to remove
	if err := c.Render(tmp, f, o); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// CreateTemp makes the file private; an exported chart is an ordinary
	// document.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
