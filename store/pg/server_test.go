package pg

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
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// The tests run against a throwaway PostgreSQL cluster: Debian's
// postgresql package, initdb in a temporary directory, the server
// listening on a Unix socket in that directory only (no TCP port), and
// stopped when the tests end. PostgreSQL refuses to run as root, so a
// root test run (as CI is) starts it as the unprivileged user nobody
// with runuser, owning the directory; any other user runs it as itself.
// Without the package the tests are skipped, saying so, unless
// CHRONO_REQUIRE_SERVICES=1 (CI), where they fail.

// server is the cluster of this test run; zero when there is none.
var server struct {
	url     string // of the database, no investigation
	missing string // why there is no server
}

func TestMain(m *testing.M) {
	stop, err := startServer()
	if err != nil {
		server.missing = err.Error()
	}
	code := m.Run()
	if stop != nil {
		stop()
	}
	os.Exit(code)
}

// needServer skips the test when there is no server, or fails it when
// the environment requires one.
func needServer(t testing.TB) {
	t.Helper()
	if server.url != "" {
		return
	}
	if os.Getenv("CHRONO_REQUIRE_SERVICES") == "1" {
		t.Fatalf("PostgreSQL is required (CHRONO_REQUIRE_SERVICES=1) but unavailable: %s", server.missing)
	}
	t.Skipf("no PostgreSQL to test against: %s (apt-get install postgresql)", server.missing)
}

var investigations atomic.Int64

// newStore opens a new investigation of its own in the test cluster.
func newStore(t testing.TB, author string) *Store {
	t.Helper()
	needServer(t)
	name := fmt.Sprintf("%s-%d", strings.ReplaceAll(t.Name(), "/", "."), investigations.Add(1))
	s, err := Open(server.url, Options{Investigation: name, Author: author})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
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

// startServer makes and starts the cluster, and returns how to stop it.
func startServer() (stop func(), err error) {
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
	data := filepath.Join(dir, "data")
	if out, err := run("initdb", "-D", data, "-U", "chrono", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync").CombinedOutput(); err != nil {
		cleanup()
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	srv := run("postgres", "-D", data, "-k", dir, "-c", "listen_addresses=", "-c", "fsync=off",
		"-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	logf, _ := os.Create(filepath.Join(dir, "server.log"))
	srv.Stdout, srv.Stderr = logf, logf
	srv.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := srv.Start(); err != nil {
		cleanup()
		return nil, fmt.Errorf("starting postgres: %v", err)
	}
	stop = func() {
		// SIGINT is PostgreSQL's fast shutdown.
		_ = srv.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = srv.Process.Kill()
			<-done
		}
		cleanup()
	}
	sock := filepath.Join(dir, ".s.PGSQL.5432")
	for deadline := time.Now().Add(30 * time.Second); ; {
		if _, err := os.Stat(sock); err == nil {
			break
		}
		if time.Now().After(deadline) {
			stop()
			return nil, fmt.Errorf("postgres did not start within 30 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	admin := "postgres:///postgres?host=" + url.QueryEscape(dir) + "&user=chrono"
	if out, err := run("psql", "-X", "-q", "-d", admin, "-c", "CREATE DATABASE chrono").CombinedOutput(); err != nil {
		stop()
		return nil, fmt.Errorf("creating the database: %v: %s", err, out)
	}
	server.url = "postgres:///chrono?host=" + url.QueryEscape(dir) + "&user=chrono"
	return stop, nil
}
