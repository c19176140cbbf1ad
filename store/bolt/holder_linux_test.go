//go:build linux

package bolt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"chrono/model"
)

// TestInUseNamesTheHolder: a store another process holds is refused
// with that process named, its number and its command, so that the user
// knows which to close or wait for. The holder is this test's binary run
// again, holding the store until its stdin closes.
func TestInUseNamesTheHolder(t *testing.T) {
	if path := os.Getenv("CHRONO_TEST_HOLD"); path != "" {
		s, err := Open(path, Options{})
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("held")
		io.Copy(io.Discard, os.Stdin)
		s.Close()
		os.Exit(0)
	}
	path := storeFile(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestInUseNamesTheHolder$")
	cmd.Env = append(os.Environ(), "CHRONO_TEST_HOLD="+path)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer in.Close()
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "held\n" {
		t.Fatalf("the holding process said %q", line)
	}
	_, err = Open(path, Options{Timeout: 100 * time.Millisecond})
	want := fmt.Sprintf("(process %d: ", cmd.Process.Pid)
	if !errors.Is(err, model.ErrInUse) || !strings.Contains(err.Error(), want) {
		t.Errorf("opening a store another process holds: %v, want %q in it", err, want)
	}
}

// TestHolderIn: the flock of another process on the file, from the lines
// of /proc/locks; not a lock on another file, not another kind of lock,
// not this process's own.
func TestHolderIn(t *testing.T) {
	command := func(pid int) string {
		if pid == 42 {
			return "chrono import big.json"
		}
		return ""
	}
	for _, tt := range []struct {
		name, locks, want string
	}{
		{"writer", "1: FLOCK  ADVISORY  WRITE 42 fe:00:777 0 EOF\n", "process 42: chrono import big.json"},
		{"reader, command gone", "1: FLOCK  ADVISORY  READ 43 fe:00:777 0 EOF\n", "process 43"},
		{"another file", "1: FLOCK  ADVISORY  WRITE 42 fe:00:778 0 EOF\n", ""},
		{"another device", "1: FLOCK  ADVISORY  WRITE 42 08:01:777 0 EOF\n", ""},
		{"a byte-range lock", "1: OFDLCK ADVISORY  WRITE -1 fe:00:777 9223372036854775806 9223372036854775806\n", ""},
		{"this process", "1: FLOCK  ADVISORY  WRITE 7 fe:00:777 0 EOF\n2: FLOCK  ADVISORY  READ 42 fe:00:777 0 EOF\n", "process 42: chrono import big.json"},
		{"nothing", "", ""},
	} {
		if got := holderIn([]byte(tt.locks), 0xfe, 0, 777, 7, command); got != tt.want {
			t.Errorf("%s: holderIn = %q, want %q", tt.name, got, tt.want)
		}
	}
}
