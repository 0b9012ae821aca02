//go:build !unix

package gui

import "errors"

// canLimitFileSize says whether limitFileSize works here: Windows has no
// per-process file size limit.
const canLimitFileSize = false

// limitFileSize is not available here.
func limitFileSize(uint64) (restore func(), err error) { return nil, errors.ErrUnsupported }
