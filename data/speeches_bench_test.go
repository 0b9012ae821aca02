package data_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"plenary/data"
	"plenary/data/compare"
	"plenary/data/compare/comparetest"
	"plenary/data/words"
)

// BenchmarkImportSpeechCorpus imports the whole corpus into a new
// database (goal: 30 s on two cores) and reports how much the database
// grows per byte of text (goal: 1.5).
func BenchmarkImportSpeechCorpus(b *testing.B) {
	tgz := comparetest.Dataset(b, "ungdc/UNGDC_1946-2024.tgz")
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "plenary.db")
		st, err := data.Open(path, data.Options{})
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		empty, _ := os.Stat(path)
		st, _ = data.Open(path, data.Options{})
		b.StartTimer()
		if _, err := st.Import(context.Background(), []string{tgz}, data.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		var text int64
		ss, _ := st.Speeches(context.Background())
		ids := make([]int64, len(ss))
		for i, s := range ss {
			ids[i] = s.ID
		}
		st.SpeechTexts(context.Background(), ids, func(_ int64, t string) error { text += int64(len(t)); return nil })
		st.Close()
		full, _ := os.Stat(path)
		b.ReportMetric(float64(full.Size()-empty.Size())/float64(text), "db/text")
		b.StartTimer()
	}
}

// typicalSearches are ten searches of the kind the window runs: common
// and rare words, prefixes, phrases and the operators.
var typicalSearches = []string{
	"peace", "nuclear*", `"human rights"`, "climate AND change", "apartheid OR colonialism",
	"terrorism NOT war", `"united nations"`, "Ukraine", `"self-determination"`, `"law of the sea" OR seabed`,
}

// BenchmarkSearchSpeeches runs the ten typical searches over the whole
// corpus as the window does (the 50 best with their mentions and
// snippets, and the number of matches) and reports the 95th percentile of
// one search (goal: 50 ms).
func BenchmarkSearchSpeeches(b *testing.B) {
	path, _ := corpus(b)
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	var qs []words.Query
	for _, s := range typicalSearches {
		q, err := words.ParseQuery(s)
		if err != nil {
			b.Fatal(err)
		}
		qs = append(qs, q)
	}
	var took []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range qs {
			start := time.Now()
			all, err := st.Speeches(ctx)
			if err != nil {
				b.Fatal(err)
			}
			sel, _ := words.Select(all, compare.Filter{})
			if _, err := st.SearchSpeeches(ctx, q, sel, 50); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
		}
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkMentionsTime computes what mentions-time draws for five states
// over 1946–2024: select their speeches, count the mentions and sum them
// per state and year (goal: 100 ms).
func BenchmarkMentionsTime(b *testing.B) {
	path, _ := corpus(b)
	st, err := data.Open(path, data.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	q, _ := words.ParseQuery("peace")
	f := compare.Filter{Countries: []string{"USA", "RUS", "CHN", "FRA", "GBR"}, From: "1946", To: "2024"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		all, err := st.Speeches(ctx)
		if err != nil {
			b.Fatal(err)
		}
		sel, _ := words.Select(all, f)
		counts, err := st.CountMentions(ctx, q, sel)
		if err != nil {
			b.Fatal(err)
		}
		if pts := words.ByYear(counts, true, 1); len(pts) < 5*70 {
			b.Fatalf("%d points", len(pts))
		}
	}
}
