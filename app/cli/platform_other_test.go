//go:build !unix

package cli_test

import "errors"

// makeFIFO is not available: Windows has no named pipes in the file system.
func makeFIFO(string) error { return errors.ErrUnsupported }
