package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sharedData returns ../shared/data; in CI it must be there.
func sharedData(t *testing.T) string {
	t.Helper()
	wd, _ := os.Getwd()
	p := filepath.Join(filepath.Dir(wd), "shared", "data")
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data missing at %s (required in CI)", p)
		}
		t.Skipf("shared data missing at %s", p)
	}
	return p
}

// need finds a program the smoke test uses; in CI a missing one fails.
func need(t *testing.T, prog string) string {
	t.Helper()
	p, err := exec.LookPath(prog)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (scripts/deps test installs it)", prog)
		}
		t.Skipf("%s is not installed", prog)
	}
	return p
}

// plenaryBinary builds the real binary (or uses PLENARY_BIN).
func plenaryBinary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PLENARY_BIN"); p != "" {
		return p
	}
	bin := filepath.Join(t.TempDir(), "plenary")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestSmokeWindow starts the real binary under Xvfb on a database holding
// the unvotes set, takes a screenshot and checks that the window is drawn:
// the screen is not blank and has the expected size. With
// PLENARY_SCREENSHOT=FILE it keeps the screenshot.
func TestSmokeWindow(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	dir := sharedData(t)
	xvfb := need(t, "Xvfb")
	xdotool := need(t, "xdotool")
	importCmd := need(t, "import")
	bin := plenaryBinary(t)
	tmp := t.TempDir()
	db := filepath.Join(tmp, "un.db")
	if out, err := exec.Command(bin, "--db", db, "import", filepath.Join(dir, "unvotes")).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}

	// A display number nobody holds: Xvfb leaves a lock file per display.
	const w, h = 1440, 900
	display := ""
	for n := 50 + os.Getpid()%40; n < 200; n++ {
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
	defer func() {
		x.Process.Signal(syscall.SIGTERM) // lets Xvfb remove its lock file
		x.Wait()
	}()
	env := append(os.Environ(), "DISPLAY="+display, "HOME="+tmp, "XDG_CONFIG_HOME="+filepath.Join(tmp, "config"),
		"LANG=en_US.UTF-8", "FYNE_SCALE=1", "PLENARY_TRACE=1")
	// Wait until the server answers.
	for i := 0; ; i++ {
		c := exec.Command(xdotool, "getdisplaygeometry")
		c.Env = env
		if c.Run() == nil {
			break
		}
		if i == 100 {
			t.Fatalf("Xvfb on %s does not answer:\n%s", display, xerr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	app := exec.Command(bin, "--db", db)
	app.Env = env
	var stderr bytes.Buffer
	app.Stderr = &stderr
	start := time.Now()
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer app.Process.Kill()
	var win string
	for time.Since(start) < 30*time.Second {
		search := exec.Command(xdotool, "search", "--onlyvisible", "--name", "^Plenary$")
		search.Env = env
		out, _ := search.Output()
		if s := strings.TrimSpace(string(out)); s != "" {
			win = strings.Fields(s)[0]
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if win == "" {
		t.Fatalf("no Plenary window after 30 s; stderr:\n%s", stderr.String())
	}
	t.Logf("window mapped %v after start", time.Since(start).Round(time.Millisecond))
	// Maximise it so the screenshot shows the whole layout, then let the
	// chart render.
	for _, args := range [][]string{{"windowsize", win, fmt.Sprint(w), fmt.Sprint(h)}, {"windowmove", win, "0", "0"}} {
		c := exec.Command(xdotool, args...)
		c.Env = env
		c.Run()
	}
	time.Sleep(4 * time.Second)

	shot := filepath.Join(tmp, "shot.png")
	cmd := exec.Command(importCmd, "-window", "root", shot)
	cmd.Env = env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.Fatalf("screenshot is %v, want %dx%d", b, w, h)
	}
	if n := colours(img); n < 64 {
		t.Errorf("the screen has only %d colours: the window was not drawn", n)
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(l, "plenary: ") {
			t.Log(l) // start-up timings
		}
	}
	if app.ProcessState != nil {
		t.Fatalf("plenary exited: %s", stderr.String())
	}
	if keep := os.Getenv("PLENARY_SCREENSHOT"); keep != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(keep, b, 0o644)
	}
}

// colours counts the distinct colours of an image (up to a bound).
func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>8)<<16|(g>>8)<<8|bl>>8] = true
			if len(seen) > 5000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}
