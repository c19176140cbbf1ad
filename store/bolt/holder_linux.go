//go:build linux

package bolt

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"

	"chrono/model/termtext"

	"golang.org/x/sys/unix"
)

// holder names the process that holds bbolt's lock on the store at path
// ("process 4242: chrono import big.json"), for the message of a store in
// use, so that the user knows which to close or wait for; "" when it
// cannot be told. bbolt locks with flock, which /proc/locks lists with
// the locking process and the file's device and inode.
func holder(path string) string {
	var st unix.Stat_t
	if err := unix.Stat(path, &st); err != nil {
		return ""
	}
	locks, err := os.ReadFile("/proc/locks")
	if err != nil {
		return ""
	}
	return holderIn(locks, unix.Major(st.Dev), unix.Minor(st.Dev), st.Ino, os.Getpid(), commandOf)
}

// holderIn finds in locks, as /proc/locks lists them, the flock of
// another process than self on the file of device major:minor and inode
// ino, and names it with its command as command says it.
func holderIn(locks []byte, major, minor uint32, ino uint64, self int, command func(pid int) string) string {
	file := fmt.Sprintf("%02x:%02x:%d", major, minor, ino)
	sc := bufio.NewScanner(bytes.NewReader(locks))
	for sc.Scan() {
		// 1: FLOCK  ADVISORY  WRITE 4242 fe:00:1234 0 EOF
		f := strings.Fields(sc.Text())
		if len(f) < 6 || f[1] != "FLOCK" || f[5] != file {
			continue
		}
		pid, err := strconv.Atoi(f[4])
		if err != nil || pid <= 0 || pid == self {
			continue
		}
		if c := command(pid); c != "" {
			return fmt.Sprintf("process %d: %s", pid, c)
		}
		return fmt.Sprintf("process %d", pid)
	}
	return ""
}

// commandOf is the command line of process pid, as a line fit for the
// terminal, or "".
func commandOf(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return ""
	}
	args := strings.Split(strings.TrimRight(string(b), "\x00"), "\x00")
	if len(args) > 0 {
		args[0] = args[0][strings.LastIndexByte(args[0], '/')+1:]
	}
	return termtext.Line(strings.Join(args, " "))
}
