package main

import (
	"os"
	"syscall"
)

// The packaged Plenary.exe is a Windows GUI program, so that starting it
// from the Start menu opens no console window beside the app. A command
// typed in a console (cmd, PowerShell) still writes there: Plenary
// attaches to its parent's console and writes to it where no output was
// redirected (a redirection to a file or a pipe is inherited as is).
func init() {
	if len(os.Args) < 2 {
		return // the window
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from no console, or a console program already
	}
	reopen := func(std int, f **os.File) {
		if h, err := syscall.GetStdHandle(std); err == nil && h != 0 && h != syscall.InvalidHandle {
			return
		}
		if c, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*f = c
		}
	}
	reopen(syscall.STD_OUTPUT_HANDLE, &os.Stdout)
	reopen(syscall.STD_ERROR_HANDLE, &os.Stderr)
}
