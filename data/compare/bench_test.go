package compare_test

import (
	"testing"

	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/record"
)

// BenchmarkAllPairsPerYear times the heaviest question on the full unvotes
// history (6,203 roll calls, 200 countries): every pair of countries in
// every year. The table is loaded once, outside the timer; each iteration
// indexes it, selects everything and computes the matrices.
func BenchmarkAllPairsPerYear(b *testing.B) {
	db := comparetest.Unvotes(b)
	for _, m := range compare.Metrics {
		b.Run(m.String(), func(b *testing.B) {
			for b.Loop() {
				ix, err := compare.NewIndex(db.Table)
				if err != nil {
					b.Fatal(err)
				}
				s, err := ix.Select(compare.Filter{})
				if err != nil {
					b.Fatal(err)
				}
				if len(s.AllPairsPerYear(m)) != 74 {
					b.Fatal("not 74 years")
				}
			}
		})
	}
	// The same without building the index, as the app does on a filter
	// change once the index exists.
	ix := indexOf(b, db)
	b.Run("indexed", func(b *testing.B) {
		for b.Loop() {
			s, _ := ix.Select(compare.Filter{})
			s.AllPairsPerYear(compare.Identical)
		}
	})
}

// BenchmarkNewIndex times the one-off preparation of the full table.
func BenchmarkNewIndex(b *testing.B) {
	db := comparetest.Unvotes(b)
	for b.Loop() {
		if _, err := compare.NewIndex(db.Table); err != nil {
			b.Fatal(err)
		}
	}
}

// typical is a filter as a user sets it in the app: a few countries and a
// group, the General Assembly since the Cold War, contested votes.
var typical = compare.Filter{
	Countries: []string{"USA", "RUS", "CHN", "IND", "BRA", "ZAF", "EU"},
	Body:      record.GA,
	From:      "1991",
	Contested: true,
}

// BenchmarkFilterBreakdownAgreement times what the app does on a filter
// change: select, break every roll call down, and compute the agreement
// matrix, a ranking and one pair over time.
func BenchmarkFilterBreakdownAgreement(b *testing.B) {
	db := comparetest.Unvotes(b)
	ix := indexOf(b, db)
	for b.Loop() {
		s, err := ix.Select(typical)
		if err != nil {
			b.Fatal(err)
		}
		s.Breakdowns()
		s.Matrix(compare.Voeten)
		if _, err := s.Ranking("USA", compare.Identical, 10); err != nil {
			b.Fatal(err)
		}
		if _, err := s.PairOverTime("USA", "RUS", compare.Identical); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSelect times filters alone, the cheapest and the dearest
// (a text search over every title).
func BenchmarkSelect(b *testing.B) {
	db := comparetest.Unvotes(b)
	ix := indexOf(b, db)
	for _, c := range []struct {
		name string
		f    compare.Filter
	}{
		{"everything", compare.Filter{}},
		{"typical", typical},
		{"text", compare.Filter{Text: "nuclear", Countries: []string{"all"}}},
		{"all-groupings", compare.Filter{Countries: []string{"P5", "EU", "BRICS", "G7", "African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Select(c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGrid times the vote grid of every country on the most recent
// 800 roll calls.
func BenchmarkGrid(b *testing.B) {
	db := comparetest.Unvotes(b)
	s := sel(b, indexOf(b, db), compare.Filter{})
	for b.Loop() {
		s.Grid(800)
	}
}

// BenchmarkCouncil times the Security Council abstention record.
func BenchmarkCouncil(b *testing.B) {
	db := comparetest.Council(b)
	s := sel(b, indexOf(b, db), compare.Filter{Body: record.SC})
	for b.Loop() {
		s.Council()
	}
}
