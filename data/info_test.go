package data_test

import (
	"context"
	"testing"

	"plenary/data"
	"plenary/data/compare/comparetest"
)

// TestInfoCountsFromVotes: what info says of each body (roll calls, votes,
// first and last dates), the countries with a vote and the country table's
// vote counts agree with the same counts taken from the votes table, the
// record, on a connection of the test's own; Plenary reads them from the
// ballots, the votes' cache.
func TestInfoCountsFromVotes(t *testing.T) {
	st, path := openTemp(t)
	ctx := context.Background()
	files := []string{comparetest.Dataset(t, "unsc/sc_votes_1992_2026.csv"), comparetest.Dataset(t, "feb2025/votes.csv")}
	if _, err := st.Import(ctx, files, data.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	info, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := st.Countries(ctx)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	db := readOnlyDB(t, path)
	defer db.Close()
	rows, err := db.Query(`SELECT r.body, count(DISTINCT r.id), count(v.vote), min(nullif(r.date, '')), max(r.date)
		FROM roll_calls r LEFT JOIN votes v ON v.roll_call_id = r.id GROUP BY r.body ORDER BY r.body`)
	if err != nil {
		t.Fatal(err)
	}
	var want []data.BodyInfo
	for rows.Next() {
		var b data.BodyInfo
		if err := rows.Scan(&b.Body, &b.RollCalls, &b.Votes, &b.First, &b.Last); err != nil {
			t.Fatal(err)
		}
		want = append(want, b)
	}
	rows.Close()
	if len(want) != 2 || len(info.Bodies) != len(want) {
		t.Fatalf("info's bodies %+v, the votes' %+v", info.Bodies, want)
	}
	for i := range want {
		if info.Bodies[i] != want[i] {
			t.Errorf("info says %+v, the votes %+v", info.Bodies[i], want[i])
		}
	}
	var countries int
	if err := db.QueryRow(`SELECT count(DISTINCT country_id) FROM votes`).Scan(&countries); err != nil {
		t.Fatal(err)
	}
	if countries < 190 || info.Countries != countries {
		t.Errorf("info counts %d countries with a vote, the votes %d", info.Countries, countries)
	}
	// The country table's vote counts, from the ballots, against the
	// votes table grouped by country.
	perCountry := map[string]int{}
	rows, err = db.Query(`SELECT c.iso3, count(*) FROM votes v JOIN countries c ON c.id = v.country_id GROUP BY c.iso3`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var iso string
		var n int
		if err := rows.Scan(&iso, &n); err != nil {
			t.Fatal(err)
		}
		perCountry[iso] = n
	}
	rows.Close()
	withVotes := 0
	for _, c := range listed {
		if c.Votes != perCountry[c.ISO3] {
			t.Errorf("%s: %d votes listed, the votes table has %d", c.ISO3, c.Votes, perCountry[c.ISO3])
		}
		if c.Votes > 0 {
			withVotes++
		}
	}
	if withVotes != countries {
		t.Errorf("%d listed countries have votes, the votes table has %d", withVotes, countries)
	}
	if info.SampleOnly || info.Speeches.Count != 0 {
		t.Errorf("sample only %v, %d speeches", info.SampleOnly, info.Speeches.Count)
	}
}
