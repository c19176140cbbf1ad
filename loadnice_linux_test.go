package main

import (
	"os"
	"strconv"
	"syscall"
	"testing"
)

// loadNice is the niceness the load's SSH clients run at, below the
// server's.
const loadNice = 10

// yieldToServer has this process, whose goroutines are the load's fifty
// SSH clients, give way to the server for the machine's cores: in a
// newsroom the clients run on people's own machines, and the server's
// time for a key is to be measured against its own work, not against
// theirs. Linux sets niceness by thread: each is set, and the threads
// made later take it from the one that makes them.
func yieldToServer(t testing.TB) {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		t.Logf("the load's clients keep their priority: %v", err)
		return
	}
	for _, task := range tasks {
		tid, err := strconv.Atoi(task.Name())
		if err != nil {
			continue
		}
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, tid, loadNice); err != nil {
			t.Logf("thread %d of the load's clients keeps its priority: %v", tid, err)
		}
	}
}
