package cli

import (
	"context"
	"flag"
	"fmt"
	"os"

	"plenary/data"
)

func init() {
	register(&command{
		name: "backup", usage: "FILE", summary: "copy the database to a new file (safe while Plenary runs)",
		help: `Writes a consistent copy of the database to FILE, even while the desktop app
or another command imports: the copy holds the data as it was at one moment.
FILE must not exist yet; Plenary never overwrites a file with a backup. The copy
is written under a temporary name in FILE's folder, checked, and only then
given its name, so FILE is either a complete backup or absent.
Bring a backup back with "plenary restore FILE".`,
		run: runBackup,
	})
	register(&command{
		name: "restore", usage: "FILE", summary: "replace the database with a backup",
		help: `Checks that FILE is a healthy Plenary database (integrity check, schema
version, tables), then moves the current database aside to
DB.before-restore-<date>-<time> and puts a copy of FILE in its place. Nothing is
deleted: to undo, restore the file that was moved aside.
Close the desktop app first: it must not have the database open.`,
		run: runRestore,
	})
}

// backupDBPath is the database file --db names, or the default one.
func backupDBPath(env *Env) (string, error) {
	if env.DB != "" {
		return env.DB, nil
	}
	return data.DefaultPath()
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give the name of one new file to write the backup to")
	}
	path, err := backupDBPath(env)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("%s: there is no database to back up", path)
	}
	st, err := env.open()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, pos[0]); err != nil {
		return err
	}
	size := int64(0)
	if fi, err := os.Stat(pos[0]); err == nil {
		size = fi.Size()
	}
	fmt.Fprintf(env.Stdout, "backed up %s to %s (%d bytes)\n", st.Path(), pos[0], size)
	return nil
}

func runRestore(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give the backup file to restore")
	}
	if env.ReadOnly {
		return usagef("restore replaces the database; it cannot run with --read-only")
	}
	path, err := backupDBPath(env)
	if err != nil {
		return err
	}
	aside, err := data.RestoreAside(pos[0], path)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "restored %s from %s\n", path, pos[0])
	if aside != "" {
		fmt.Fprintf(env.Stdout, "the database it replaced is kept as %s\n", aside)
	}
	return nil
}
