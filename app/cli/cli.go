// Package cli is Plenary's command line: the headless commands that
// import data and print numbers and charts, for scripts and tests. It
// shares the store with the desktop app and prints what the GUI shows.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"

	"plenary/data"
	"plenary/data/record"
)

// Env is what a command runs with: its output streams and how to open the
// database named by --db.
type Env struct {
	Stdout, Stderr io.Writer
	DB             string // --db; empty: PLENARY_DB or the default path
	ReadOnly       bool
}

// command is one subcommand.
type command struct {
	name    string
	usage   string // one line: arguments
	summary string
	help    string // longer text for `plenary help NAME`
	run     func(ctx context.Context, env *Env, args []string) error
}

var commands []*command

func register(c *command) { commands = append(commands, c) }

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// usageError is a mistake in the command line; it prints the usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Globals reads the global options (--db, --read-only) and returns them
// with the rest of the line, so that main can tell a command from a plain
// start of the window ("plenary --db FILE" opens the window on FILE).
func Globals(args []string) (db string, readOnly bool, rest []string, err error) {
	global := flag.NewFlagSet("plenary", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	global.StringVar(&db, "db", "", "database file")
	global.BoolVar(&readOnly, "read-only", false, "open the database read-only")
	err = global.Parse(args)
	global.Visit(func(f *flag.Flag) {
		if f.Name == "db" && db == "" && err == nil {
			err = errors.New("--db needs the path of a database file")
		}
	})
	return db, readOnly, global.Args(), err
}

// Run runs the command line args (without the program name) and returns
// the exit status: 0 on success, 1 on an error, 2 on a usage mistake.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	db, readOnly, rest, err := Globals(args)
	if err != nil {
		fmt.Fprintf(stderr, "plenary: %v\n\n", err)
		printUsage(stderr)
		return 2
	}
	env.DB, env.ReadOnly = db, readOnly
	if len(rest) == 0 {
		printUsage(stdout)
		return 0
	}
	cmd := lookup(rest[0])
	if cmd == nil {
		switch rest[0] {
		case "-h", "--help":
			cmd = lookup("help")
		case "--version":
			cmd = lookup("version")
		default:
			fmt.Fprintf(stderr, "plenary: unknown command %q\n\n", rest[0])
			printUsage(stderr)
			return 2
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err = cmd.run(ctx, env, rest[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		printCommandHelp(stdout, cmd)
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(stderr, "plenary %s: %v\nusage: plenary [--db PATH] %s %s\n", cmd.name, err, cmd.name, cmd.usage)
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "plenary %s: interrupted; nothing was changed\n", cmd.name)
		return 130
	}
	fmt.Fprintf(stderr, "%v\n", err)
	return 1
}

// open opens the database the environment names, which must exist:
// commands that only read never create one. The whole file is checked.
func (env *Env) open() (*data.Store, error) { return env.openStore(data.Options{MustExist: true}) }

// read opens the database for a command that reads what it asks and
// ends: without the check of every page, which would take longer than
// the answer; a damaged page the command reads is still reported.
func (env *Env) read() (*data.Store, error) {
	return env.openStore(data.Options{MustExist: true, Quick: true})
}

// create opens the database the environment names, creating it when
// missing: for the commands that write data into it.
func (env *Env) create() (*data.Store, error) { return env.openStore(data.Options{}) }

func (env *Env) openStore(opt data.Options) (*data.Store, error) {
	path := env.DB
	if path == "" {
		var err error
		if path, err = data.DefaultPath(); err != nil {
			return nil, err
		}
	}
	opt.ReadOnly = env.ReadOnly
	return data.Open(path, opt)
}

// parse parses flags that may stand before, between or after positional
// arguments, as users type them ("votes S/RES/2774 --format csv").
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `Plenary compares the positions of countries at the United Nations.

Without arguments, plenary opens the desktop window. Commands:

`)
	cs := append([]*command(nil), commands...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Global options (before the command):
  --db PATH     the database file (default: $PLENARY_DB, or plenary.db in the data folder:
                ~/.local/share/plenary, %AppData%\Plenary on Windows,
                ~/Library/Application Support/Plenary on macOS)
  --read-only   open the database without writing to it

"plenary help COMMAND" describes a command.
`)
}

func printCommandHelp(w io.Writer, c *command) {
	fmt.Fprintf(w, "usage: plenary [--db PATH] %s %s\n\n%s\n", c.name, c.usage, c.summary)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
}

func init() {
	register(&command{
		name: "help", usage: "[COMMAND]", summary: "describe the commands",
		run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 {
				printUsage(env.Stdout)
				return nil
			}
			c := lookup(args[0])
			if c == nil {
				return usagef("unknown command %q", args[0])
			}
			printCommandHelp(env.Stdout, c)
			return nil
		},
	})
	register(&command{
		name: "version", usage: "", summary: "print the version",
		run: func(ctx context.Context, env *Env, args []string) error {
			fmt.Fprintf(env.Stdout, "plenary %s\n", record.Version)
			return nil
		},
	})
}
