// Package pgtest runs a throwaway PostgreSQL cluster for the tests and
// benchmarks of any package that needs a server: Debian's postgresql
// package, initdb in a temporary directory, the server listening on a
// Unix socket in that directory only (no TCP port), stopped at the end.
// PostgreSQL refuses to run as root, so a root test run (as CI is)
// starts it as the unprivileged user nobody with runuser, owning the
// directory; any other user runs it as itself.
//
// Only tests import it; chrono itself never starts a server.
package pgtest

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Cluster is a running test server: its directory, how to run its
// programs, and the server's process while it runs.
type Cluster struct {
	dir, data string
	run       func(name string, args ...string) *exec.Cmd
	srv       *exec.Cmd
	exited    chan struct{}
}

// Need skips t when there is no server (missing says why), or fails it
// when the environment requires one (CHRONO_REQUIRE_SERVICES=1, as CI
// sets).
func Need(t testing.TB, missing error) {
	t.Helper()
	if missing == nil {
		return
	}
	if os.Getenv("CHRONO_REQUIRE_SERVICES") == "1" {
		t.Fatalf("PostgreSQL is required (CHRONO_REQUIRE_SERVICES=1) but unavailable: %v", missing)
	}
	t.Skipf("no PostgreSQL to test against: %v (apt-get install postgresql)", missing)
}

// Start makes a cluster with a database named chrono, owned by the
// superuser chrono, and starts it; Stop ends it and removes its
// directory. It fails when PostgreSQL is not installed.
func Start() (*Cluster, error) {
	bin, err := pgBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "chrono-pg-")
	if err != nil {
		return nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	run := func(name string, args ...string) *exec.Cmd {
		return exec.Command(filepath.Join(bin, name), args...)
	}
	if os.Geteuid() == 0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			cleanup()
			return nil, fmt.Errorf("running as root, and no user nobody to run PostgreSQL as: %v", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			cleanup()
			return nil, err
		}
		run = func(name string, args ...string) *exec.Cmd {
			cmd := exec.Command("runuser", append([]string{"-u", "nobody", "--", filepath.Join(bin, name)}, args...)...)
			cmd.Dir = dir
			return cmd
		}
	}
	c := &Cluster{dir: dir, data: filepath.Join(dir, "data"), run: run}
	if out, err := run("initdb", "-D", c.data, "-U", "chrono", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync").CombinedOutput(); err != nil {
		cleanup()
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	if err := c.Restart(); err != nil {
		cleanup()
		return nil, err
	}
	if out, err := run("psql", "-X", "-q", "-d", c.admin(), "-c", "CREATE DATABASE chrono").CombinedOutput(); err != nil {
		c.Stop()
		return nil, fmt.Errorf("creating the database: %v: %s", err, out)
	}
	return c, nil
}

// URL is the address of the cluster's database chrono, as its
// superuser.
func (c *Cluster) URL() string {
	return "postgres:///chrono?host=" + url.QueryEscape(c.dir) + "&user=chrono"
}

func (c *Cluster) admin() string {
	return "postgres:///postgres?host=" + url.QueryEscape(c.dir) + "&user=chrono"
}

// Stop stops the server and removes the cluster.
func (c *Cluster) Stop() {
	c.Halt(syscall.SIGINT)
	os.RemoveAll(c.dir)
}

// pgBin finds the directory of the newest installed PostgreSQL's
// programs.
func pgBin() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("no initdb in /usr/lib/postgresql/*/bin or on PATH")
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

// Restart starts the server and waits until it takes connections. After
// a kill the old server's backends may hold its memory for a moment, and
// the new one refuses to start: it is tried again until it does.
func (c *Cluster) Restart() error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := c.spawn(deadline)
		if err == nil || time.Now().After(deadline) {
			return err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// spawn runs the server once and waits until it takes connections, or
// fails.
func (c *Cluster) spawn(deadline time.Time) error {
	srv := c.run("postgres", "-D", c.data, "-k", c.dir, "-c", "listen_addresses=", "-c", "fsync=off",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	logf, _ := os.OpenFile(filepath.Join(c.dir, "server.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	defer logf.Close()
	srv.Stdout, srv.Stderr = logf, logf
	srv.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := srv.Start(); err != nil {
		return fmt.Errorf("starting postgres: %v", err)
	}
	c.srv, c.exited = srv, make(chan struct{})
	go func(exited chan struct{}) { srv.Wait(); close(exited) }(c.exited)
	for {
		// The socket file is not enough: after a kill the old one is
		// still there until the new server takes its place.
		if c.run("psql", "-X", "-q", "-d", c.admin(), "-c", "SELECT 1").Run() == nil {
			return nil
		}
		select {
		case <-c.exited:
			log, _ := os.ReadFile(filepath.Join(c.dir, "server.log"))
			return fmt.Errorf("postgres exited as it started: %s", tail(string(log), 800))
		default:
		}
		if time.Now().After(deadline) {
			c.Halt(syscall.SIGKILL)
			return fmt.Errorf("postgres did not start within 30 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Halt stops the server with sig (SIGINT is PostgreSQL's fast shutdown,
// SIGKILL a crash) and waits for it; Restart starts it again.
func (c *Cluster) Halt(sig syscall.Signal) {
	// To the postmaster itself: runuser, between us and it, does not
	// pass SIGINT on, and must stay to reap it. Its backends see it
	// gone and end themselves.
	if pid := c.postmaster(); pid > 0 {
		_ = syscall.Kill(pid, sig)
	} else {
		_ = c.srv.Process.Signal(sig)
	}
	select {
	case <-c.exited:
	case <-time.After(30 * time.Second):
		_ = syscall.Kill(-c.srv.Process.Pid, syscall.SIGKILL)
		<-c.exited
	}
}

// postmaster returns the server's process id, from the first line of
// postmaster.pid; 0 when it cannot be read.
func (c *Cluster) postmaster() int {
	b, err := os.ReadFile(filepath.Join(c.data, "postmaster.pid"))
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	pid, _ := strconv.Atoi(strings.TrimSpace(line))
	return pid
}

// tail is the end of a server's log, for a message.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// Log is what the server has written to its log so far, for a test to
// read what it logged while the test ran.
func (c *Cluster) Log() (string, error) {
	b, err := os.ReadFile(filepath.Join(c.dir, "server.log"))
	return string(b), err
}
