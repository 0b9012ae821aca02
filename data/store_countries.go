package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"plenary/data/countries"
)

// registryHash fingerprints the built-in country registry, so that the
// country table is rewritten only when a new build changes it.
func registryHash() string {
	h := sha256.New()
	for _, c := range countries.All() {
		fmt.Fprintf(h, "%s|%s|%s|%s|%d|%s|%s|%s|%s|%s|%s\n", c.ISO3, c.ISO2, c.Name, c.UNName, c.COW, c.Group, c.Status,
			c.Admitted, c.Ended, strings.Join(c.Successors, " "), strings.Join(c.AltNames, "|"))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// syncCountries writes the registry into the countries and country_names
// tables. Rows are updated in place (never deleted), so votes and positions
// keep pointing at the same country ids.
func (s *Store) syncCountries(ctx context.Context) error {
	hash := registryHash()
	var have string
	_ = s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key='countries'").Scan(&have)
	if have == hash {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	up, err := tx.PrepareContext(ctx, `INSERT INTO countries (iso3, iso2, name, un_name, cow, un_group, status, admitted, ended, successors)
		VALUES (?,?,?,?,?,?,?,?,?,?)
		ON CONFLICT(iso3) DO UPDATE SET iso2=excluded.iso2, name=excluded.name, un_name=excluded.un_name, cow=excluded.cow,
			un_group=excluded.un_group, status=excluded.status, admitted=excluded.admitted, ended=excluded.ended, successors=excluded.successors`)
	if err != nil {
		return err
	}
	defer up.Close()
	for _, c := range countries.All() {
		var cow any
		if c.COW != 0 {
			cow = c.COW
		}
		if _, err := up.ExecContext(ctx, c.ISO3, c.ISO2, c.Name, c.UNName, cow, string(c.Group), string(c.Status),
			c.Admitted, c.Ended, strings.Join(c.Successors, " ")); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM country_names"); err != nil {
		return err
	}
	names, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO country_names (name, country_id) SELECT ?, id FROM countries WHERE iso3 = ?`)
	if err != nil {
		return err
	}
	defer names.Close()
	for _, c := range countries.All() {
		all := append([]string{c.Name, c.UNName}, c.AltNames...)
		for _, n := range all {
			if n == "" {
				continue
			}
			if _, err := names.ExecContext(ctx, n, c.ISO3); err != nil {
				return err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('countries', ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value", hash); err != nil {
		return err
	}
	return tx.Commit()
}

func (s *Store) loadCountryIDs(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "SELECT id, iso3 FROM countries")
	if err != nil {
		return s.openErr(err)
	}
	defer rows.Close()
	s.countryID = map[string]int64{}
	s.countryISO = map[int64]string{}
	for rows.Next() {
		var id int64
		var iso string
		if err := rows.Scan(&id, &iso); err != nil {
			return err
		}
		s.countryID[iso] = id
		s.countryISO[id] = iso
	}
	return rows.Err()
}

// Country is a row of the country table, with how many votes it has.
type Country struct {
	countries.Country
	Votes int
}

// Countries lists the country table, sorted by ISO3, with each country's
// number of votes in the database.
func (s *Store) Countries(ctx context.Context) (_ []Country, err error) {
	defer func() { err = explain(s.path, err) }()
	// The votes are counted in the ballots, the votes' cache of one value
	// per roll call: grouping the million rows of the votes table by
	// country takes SQLite half a second, reading the ballots a fiftieth.
	counts := map[string]int{}
	perID, err := votesPerCountry(ctx, s.db)
	if err != nil {
		return nil, err
	}
	for id, n := range perID {
		if n > 0 {
			iso, ok := s.countryISO[int64(id)]
			if !ok {
				return nil, fmt.Errorf("a ballot names country row %d, which is not in the country table", id)
			}
			counts[iso] = n
		}
	}
	var out []Country
	for _, c := range countries.All() {
		out = append(out, Country{Country: c, Votes: counts[c.ISO3]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ISO3 < out[j].ISO3 })
	return out, nil
}
