package bolt

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chrono/model"

	"chrono/model/native"
	"chrono/model/synth"

	bbolt "go.etcd.io/bbolt"
)

// The crash test kills a real process in the middle of an import:
// TestImportHelper, run again from the test binary with these variables
// set, imports a document into a store, saying "importing" first.
const (
	importStoreEnv = "CHRONO_STORE_TEST_IMPORT_INTO"
	importDocEnv   = "CHRONO_STORE_TEST_IMPORT_DOC"
	importBulkEnv  = "CHRONO_STORE_TEST_IMPORT_BULK"
)

// TestImportHelper is the other process of TestKillDuringImport, not a
// test of its own.
func TestImportHelper(t *testing.T) {
	path := childStore(t, importStoreEnv, "TestKillDuringImport")
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("importing")
	opts := model.ImportOptions{Bulk: os.Getenv(importBulkEnv) != ""}
	if _, err := s.Import([]model.Input{fileInput(t, os.Getenv(importDocEnv))}, opts); err != nil {
		t.Fatal(err)
	}
	s.Close()
	fmt.Println("imported")
}

// TestKillDuringImport kills an importing process with SIGKILL at moments
// spread over the import, again and again, through both ways of writing
// an import: each time the store must open, pass bbolt's consistency
// check, and hold either what it held before or all of the import.
func TestKillDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 20,000 events a dozen times: not under -short")
	}
	const n = 20_000
	dir := t.TempDir()
	doc := filepath.Join(dir, "synth.json")
	var buf bytes.Buffer
	if err := native.Write(&buf, synth.Header(n), synth.Sources(synth.DefaultSeed), synth.Events(synth.DefaultSeed, n)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, bulk := range []bool{false, true} {
		path := storeFile(t) // the example: 13 events
		// How long a whole import takes, to spread the kills over it.
		took := runImport(t, path, doc, bulk, -1)
		check(t, path, 13+n)
		path = storeFile(t)
		outcomes := map[int]int{}
		for i := range 6 {
			kill := time.Duration(rng.Int64N(int64(took) * 6 / 5))
			switch i {
			case 0:
				kill = 0
			case 5:
				kill = 3 * took // most likely after the commit
			}
			runImport(t, path, doc, bulk, kill)
			outcomes[check(t, path, 13, 13+n)]++
		}
		t.Logf("bulk %v: a whole import took %v; after kills the store held %v (events: times)", bulk, took, outcomes)
		// The next import clears what killed ones left beside the store.
		runImport(t, path, doc, bulk, -1)
		check(t, path, 13+n)
		if left := leftBeside(path); len(left) > 0 {
			t.Errorf("left beside the store after an import: %q", left)
		}
	}
}

// runImport imports doc into the store at path in a child process and
// kills it after kill (never, when negative); it returns how long the
// import ran.
func runImport(t *testing.T, path, doc string, bulk bool, kill time.Duration) time.Duration {
	t.Helper()
	cmd := childProcess("TestImportHelper", importStoreEnv+"="+path, importDocEnv+"="+doc)
	if bulk {
		cmd.Env = append(cmd.Env, importBulkEnv+"=1")
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	if !sc.Scan() || sc.Text() != "importing" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the helper did not start importing:\n%s", stderr.String())
	}
	start := time.Now()
	if kill >= 0 {
		time.Sleep(kill)
		cmd.Process.Kill()
		cmd.Wait()
		return time.Since(start)
	}
	for sc.Scan() {
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("import: %v\n%s", err, stderr.String())
	}
	return time.Since(start)
}

// check opens the store at path, runs bbolt's consistency check and the
// store's own invariants, and returns how many events it holds, which
// must be one of want.
func check(t *testing.T, path string, want ...int) int {
	t.Helper()
	s := openAt(t, path, Options{})
	err := s.db.View(func(tx *bbolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatalf("bbolt's check: %v", err)
	}
	checkInvariants(t, s)
	got, err := s.Count(model.Query{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if got == w {
			s.Close()
			return got
		}
	}
	t.Fatalf("the store holds %d events, want one of %v: an import was half done", got, want)
	return 0
}
