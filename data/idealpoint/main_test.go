package idealpoint_test

import (
	"os"
	"testing"

	"plenary/data/compare/comparetest"
)

func TestMain(m *testing.M) { os.Exit(comparetest.Main(m)) }
