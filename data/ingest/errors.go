package ingest

import (
	"fmt"
	"path/filepath"
)

// Error is a problem in an input file that stops its import. It names the
// place so that a user can open the file and fix it.
type Error struct {
	File   string // path as given
	Line   int    // 1-based line, 0 when the problem is the whole file
	Column int    // 1-based column (field), 0 when unknown
	Msg    string
}

func (e *Error) Error() string {
	name := e.File
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", name, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", name, e.Msg)
}

func errorf(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// Warning is a data problem that real files have — counted votes that differ
// from the published totals, a vote listed twice — reported with the import
// instead of failing it.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", filepath.Base(w.File), w.Line, w.Msg)
	}
	return fmt.Sprintf("%s: %s", filepath.Base(w.File), w.Msg)
}
