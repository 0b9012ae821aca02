package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"plenary/data"
	"plenary/data/record"
)

// TestSmokeBuiltin starts the real binary on a database that does not
// exist yet, as a first start does: the window must load the built-in
// history, and `plenary info` afterwards must count its roll calls and
// votes. The start-up trace (window created, first chart shown, history
// written) is logged. With PLENARY_SCREENSHOT=FILE it keeps a screenshot
// of the window once the history is in: the README's.
func TestSmokeBuiltin(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	xvfb := need(t, "Xvfb")
	xdotool := need(t, "xdotool")
	importCmd := need(t, "import")
	bin := plenaryBinary(t)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "first.db")
	const w, h = 1440, 900
	env, stop := startDisplay(t, xvfb, xdotool, tmp, w, h)
	defer stop()
	env = append(env, "FYNE_THEME=light") // the README's screenshot is light

	app := exec.Command(bin, "--db", db)
	app.Env = env
	var stderr syncBuffer
	app.Stderr = &stderr
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer app.Process.Kill()
	start := time.Now()
	for !strings.Contains(stderr.String(), "built-in history loaded") {
		if time.Since(start) > 60*time.Second {
			t.Fatalf("the built-in history was not loaded after 60 s; stderr:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	win := findWindow(t, xdotool, env)
	for _, args := range [][]string{{"windowsize", win, fmt.Sprint(w), fmt.Sprint(h)}, {"windowmove", win, "0", "0"}} {
		c := exec.Command(xdotool, args...)
		c.Env = env
		c.Run()
	}
	time.Sleep(3 * time.Second) // the chart redrawn at the new size, the status bar written
	if keep := os.Getenv("PLENARY_SCREENSHOT"); keep != "" {
		shot := filepath.Join(tmp, "shot.png")
		cmd := exec.Command(importCmd, "-window", "root", shot)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v\n%s", err, out)
		}
		b, _ := os.ReadFile(shot)
		os.WriteFile(keep, b, 0o644)
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(l, "plenary: ") {
			t.Log(l) // start-up timings
		}
	}
	app.Process.Signal(syscall.SIGTERM)
	app.Wait()

	// What the window wrote, read back by the command line.
	out, err := exec.Command(bin, "--db", db, "--read-only", "info", "--format", "csv").Output()
	if err != nil {
		t.Fatalf("info: %v", err)
	}
	rows, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[record.Body][2]int{}
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for i, rc := range d.RollCalls {
		c := want[rc.Body]
		c[0]++
		for _, v := range d.Votes[i] {
			if v != record.None {
				c[1]++
			}
		}
		want[rc.Body] = c
	}
	got := map[record.Body][2]int{}
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[1])
		v, _ := strconv.Atoi(r[2])
		got[record.Body(r[0])] = [2]int{n, v}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || want[record.GA][0] < 6000 {
		t.Errorf("info after the first start: %v, want the built-in history %v\n%s", got, want, out)
	}
}

// startDisplay starts Xvfb on a display number nobody holds and returns the
// environment of programs to run on it.
func startDisplay(t *testing.T, xvfb, xdotool, home string, w, h int) ([]string, func()) {
	t.Helper()
	display := ""
	for n := 100 + os.Getpid()%80; n < 300; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); os.IsNotExist(err) {
			display = fmt.Sprintf(":%d", n)
			break
		}
	}
	x := exec.Command(xvfb, display, "-screen", "0", fmt.Sprintf("%dx%dx24", w, h), "-nolisten", "tcp", "-noreset")
	var xerr bytes.Buffer
	x.Stderr = &xerr
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	stop := func() {
		x.Process.Signal(syscall.SIGTERM) // lets Xvfb remove its lock file
		x.Wait()
	}
	env := append(os.Environ(), "DISPLAY="+display, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"),
		"LANG=en_US.UTF-8", "FYNE_SCALE=1", "PLENARY_TRACE=1")
	for i := 0; ; i++ {
		c := exec.Command(xdotool, "getdisplaygeometry")
		c.Env = env
		if c.Run() == nil {
			return env, stop
		}
		if i == 100 {
			stop()
			t.Fatalf("Xvfb on %s does not answer:\n%s", display, xerr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// findWindow returns the id of the visible Plenary window.
func findWindow(t *testing.T, xdotool string, env []string) string {
	t.Helper()
	for start := time.Now(); time.Since(start) < 30*time.Second; time.Sleep(50 * time.Millisecond) {
		search := exec.Command(xdotool, "search", "--onlyvisible", "--name", "^Plenary$")
		search.Env = env
		out, _ := search.Output()
		if s := strings.TrimSpace(string(out)); s != "" {
			return strings.Fields(s)[0]
		}
	}
	t.Fatal("no Plenary window after 30 s")
	return ""
}

// syncBuffer is a buffer that a running command writes while the test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
