package main

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"chrono/store/pg/pgtest"
)

// pgServer is the PostgreSQL cluster of the command-line tests that need
// one, started by the first of them (most need none) and stopped by
// TestMain.
var pgServer struct {
	once    sync.Once
	cluster *pgtest.Cluster
	missing error
}

var pgInvestigations atomic.Int64

// pgDB returns the address of the test cluster's database and a new
// investigation name of the test's own; the test is skipped without
// PostgreSQL, or fails when CHRONO_REQUIRE_SERVICES=1.
func pgDB(t *testing.T) (addr, investigation string) {
	t.Helper()
	pgServer.once.Do(func() { pgServer.cluster, pgServer.missing = pgtest.Start() })
	pgtest.Need(t, pgServer.missing)
	name := fmt.Sprintf("%s-%d", strings.ReplaceAll(t.Name(), "/", "."), pgInvestigations.Add(1))
	return pgServer.cluster.URL(), name
}

// withPassword is addr with a password in it, which the test server
// (trusting its socket) ignores: what chrono prints must not hold it.
func withPassword(addr, password string) string {
	u, err := url.Parse(addr)
	if err != nil {
		panic(err)
	}
	q := u.Query()
	q.Set("password", password)
	u.RawQuery = q.Encode()
	return u.String()
}
