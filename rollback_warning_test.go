package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"
	"time"

	"chrono/tui/sshd"
)

// damageNewestMeta flips a byte of the checksum of the store's newer
// meta page, as a torn write of its last commit leaves it: bbolt then
// reads the store from the older page, as it was before that commit.
func damageNewestMeta(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const header, txid, checksum = 16, 48, 56 // bbolt's meta page layout
	size := int64(binary.LittleEndian.Uint32(b[header+8:]))
	page := int64(0)
	if binary.LittleEndian.Uint64(b[size+header+txid:]) > binary.LittleEndian.Uint64(b[header+txid:]) {
		page = 1
	}
	b[page*size+header+checksum] ^= 0xff
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestReadsWarnOfALostLastChange: a command that only reads a store
// whose newest meta page is damaged, and so reads as before its last
// change, says so on stderr, once, and what to do; check --store, which
// reports it among what it finds, does not say it again, and a whole
// store is read without a word.
func TestReadsWarnOfALostLastChange(t *testing.T) {
	db := exampleDB(t)
	for _, args := range [][]string{{"list"}, {"show", "nso-denial"}} {
		if r := chrono(t, db, "", args...); r.code != 0 || r.stderr != "" {
			t.Errorf("%v on a whole store: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	damageNewestMeta(t, db)
	for _, args := range [][]string{{"list"}, {"show", "nso-denial"}, {}, {"log", "--head"}} {
		r := chrono(t, db, "", args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
		for _, want := range []string{"warning:", db, "last change may be lost", "chrono check --store", "backup"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("%v: stderr %q, want %q in it", args, r.stderr, want)
			}
		}
		if n := strings.Count(r.stderr, "last change may be lost"); n != 1 {
			t.Errorf("%v: the warning is said %d times, want once:\n%s", args, n, r.stderr)
		}
	}
	r := chrono(t, db, "", "check", "--store")
	if !strings.Contains(r.stdout, "last change may be lost") || strings.Contains(r.stderr, "last change may be lost") {
		t.Errorf("check --store: stdout %q, stderr %q; want the loss reported once, in the report", r.stdout, r.stderr)
	}
}

// TestServeWarnsOfALostLastChange: chrono serve on a store that reads as
// before its last change says so as it starts, and each browser opened
// on it says so on its status line, as the local browser does.
func TestServeWarnsOfALostLastChange(t *testing.T) {
	bin, dir := buildChrono(t), t.TempDir()
	db := exampleDB(t)
	damageNewestMeta(t, db)
	users, keys := loadKeys(t, dir, 1, 0)
	srv := startServe(t, bin, dir, users, db)
	defer srv.cmd.Process.Kill()
	// The log comes through a pipe of its own: the warning, written
	// before the server listens, may reach it after the address does.
	warned := func(logs string) bool {
		return strings.Contains(logs, "warning: store "+db) && strings.Contains(logs, "last change may be lost")
	}
	for deadline := time.Now().Add(10 * time.Second); !warned(srv.logs.String()); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Errorf("the server's log does not warn:\n%s", srv.logs)
			break
		}
	}
	b := srv.browse(t, keys[0])
	b.waitFor(t, "last change may be lost", 10*time.Second)
}

// TestLostLastChangeAdvice: the warning's advice fits who reads it: over
// SSH, where no flag reaches the server's chrono, it is for the server's
// admin; given --accept-rollback, it says the store is kept as it reads.
func TestLostLastChangeAdvice(t *testing.T) {
	db := exampleDB(t)
	damageNewestMeta(t, db)
	var out, errs bytes.Buffer
	if code := serveExec(sshd.Investigation{Name: "nso", Path: db}, []string{"list"}, &out, &errs); code != 0 {
		t.Fatalf("list over SSH: exit %d\n%s", code, errs.String())
	}
	if w := errs.String(); !strings.Contains(w, "last change may be lost") || !strings.Contains(w, "the server's admin runs chrono check --store") || strings.Contains(w, "give the next change") {
		t.Errorf("stderr over SSH: %q", w)
	}
	r := chrono(t, db, "", "--accept-rollback", "list")
	if !strings.Contains(r.stderr, "kept as it reads (--accept-rollback)") || strings.Contains(r.stderr, "give the next change") {
		t.Errorf("list --accept-rollback: stderr %q", r.stderr)
	}
}
