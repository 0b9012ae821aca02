//go:build ignore

// Command builtin makes assets/builtin/history.bin, the history built into
// Plenary, from the public datasets: it imports unvotes and Voeten's data
// and the sample into a temporary database with Plenary's own importer,
// so that the file holds exactly what that import stores, and writes it
// with package data/builtin. Run it through scripts/builtin, which also
// checks the file's SHA-256.
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"plenary/data"
	"plenary/data/builtin"
	"plenary/data/record"
)

func main() {
	shared := flag.String("data", "../shared/data", "the folder of the public datasets")
	out := flag.String("o", "assets/builtin/history.bin", "the file to write")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		fmt.Fprintln(os.Stderr, "builtin:", err)
		os.Exit(1)
	}
}

func run(shared, out string) error {
	tmp, err := os.MkdirTemp("", "plenary-builtin-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	st, err := data.Open(filepath.Join(tmp, "history.db"), data.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	paths := []string{filepath.Join(shared, "unvotes"), filepath.Join(shared, "voeten", "votes.csv")}
	if _, err := st.Import(ctx, paths, data.ImportOptions{}); err != nil {
		return err
	}
	if _, err := st.LoadSample(ctx); err != nil {
		return err
	}
	d, err := contents(ctx, st)
	if err != nil {
		return err
	}
	for i, f := range d.Files {
		d.Files[i].Name = fileName(shared, f.Name)
	}
	var buf bytes.Buffer
	if err := builtin.Encode(&buf, d); err != nil {
		return err
	}
	// A temporary file renamed into place: never half a file.
	part := out + ".part"
	if err := os.WriteFile(part, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(part, out); err != nil {
		os.Remove(part)
		return err
	}
	fmt.Printf("%s: %d roll calls, %d countries, %d positions, %d bytes, sha256 %x\n",
		out, len(d.RollCalls), len(d.Countries), len(d.Positions), buf.Len(), sha256.Sum256(buf.Bytes()))
	return nil
}

// contents is everything the database holds, in the order it was stored,
// without ids and built-in marks (loading sets them).
func contents(ctx context.Context, st *data.Store) (*builtin.Data, error) {
	t, err := st.Table(ctx)
	if err != nil {
		return nil, err
	}
	order := make([]int, len(t.RollCalls))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return t.RollCalls[order[a]].ID < t.RollCalls[order[b]].ID })
	d := &builtin.Data{
		Dataset:   "Voeten and unvotes UN General Assembly voting data (CC0), built in",
		Countries: t.Countries,
	}
	for _, i := range order {
		rc := t.RollCalls[i]
		rc.ID = 0
		rc.Flags &^= record.Sample
		d.RollCalls = append(d.RollCalls, rc)
		d.Votes = append(d.Votes, t.Votes[i])
	}
	ps, err := st.Positions(ctx)
	if err != nil {
		return nil, err
	}
	sort.Slice(ps, func(a, b int) bool { return ps[a].ID < ps[b].ID })
	for _, p := range ps {
		p.ID, p.Sample = 0, false
		d.Positions = append(d.Positions, p)
	}
	imports, err := st.Imports(ctx)
	if err != nil {
		return nil, err
	}
	for i := len(imports) - 1; i >= 0; i-- { // oldest first
		d.Files = append(d.Files, imports[i].Files...)
	}
	return d, nil
}

// fileName names a source file the same way wherever the datasets are:
// relative to their folder, and the sample's within the repository.
func fileName(shared, name string) string {
	if rel, err := filepath.Rel(shared, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return "assets/sample/" + filepath.Base(name)
}
