package charts

import (
	"io"
	"testing"
)

func BenchmarkRenderPNG(b *testing.B) {
	for _, k := range kinds() {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, k.chart, Options{Width: 1200, Height: 800}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRenderSVG(b *testing.B) {
	for _, k := range kinds() {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				if err := Render(io.Discard, k.chart, Options{Width: 1200, Height: 800, Format: SVG}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
