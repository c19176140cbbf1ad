package pg

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"chrono/store/pg/pgtest"
)

// The tests run against a throwaway PostgreSQL cluster (package pgtest),
// started once for the test run and stopped when the tests end. Without
// PostgreSQL installed the tests are skipped, saying so, unless
// CHRONO_REQUIRE_SERVICES=1 (CI), where they fail.

// server is the cluster of this test run; zero when there is none.
var server struct {
	url     string // of the database, no investigation
	missing error  // why there is no server
}

// theCluster is the test run's server, nil when there is none.
var theCluster *pgtest.Cluster

func TestMain(m *testing.M) {
	theCluster, server.missing = pgtest.Start()
	if theCluster != nil {
		server.url = theCluster.URL()
	}
	code := m.Run()
	if theCluster != nil {
		theCluster.Stop()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// needServer skips the test when there is no server, or fails it when
// the environment requires one.
func needServer(t testing.TB) {
	t.Helper()
	pgtest.Need(t, server.missing)
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

// restartServer stops the test cluster with sig, runs while (if any)
// with the server down, and starts it again; the test fails if it does
// not come back.
func restartServer(t testing.TB, sig syscall.Signal, while func()) {
	t.Helper()
	needServer(t)
	theCluster.Halt(sig)
	if while != nil {
		while()
	}
	if err := theCluster.Restart(); err != nil {
		t.Fatalf("restarting the server: %v", err)
	}
}
