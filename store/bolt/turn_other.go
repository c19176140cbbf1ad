//go:build !linux

package bolt

import (
	"os"
	"time"
)

// Elsewhere a writer cannot say it wants its turn (turn_linux.go): it
// waits for a moment when no Shared store's reader holds the file.

func askTurn(string) (done func())   { return func() {} }
func turnWanted(*os.File) bool       { return false }
func waitTurn(string, time.Duration) {}
