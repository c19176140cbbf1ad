package main

import "testing"

// TestSourceEditWithoutFlagsNamesThem: source edit ID with no field to
// change is a usage error naming the flags it takes, and changes nothing;
// it said only "nothing changed". A field given as it is still says so.
func TestSourceEditWithoutFlagsNamesThem(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	mustChrono(t, db, "source", "add", "--id", "s", "--title", "T")
	r := chrono(t, db, "", "source", "edit", "s")
	const want = "chrono: source edit s needs the fields to change, as flags: --publisher, --byline, --title, --url, --archive or --published (chrono source show s shows them)\nRun 'chrono source edit --help' for usage.\n"
	if r.code != exitUsage || r.stdout != "" || r.stderr != want {
		t.Errorf("source edit s: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", r.code, r.stdout, r.stderr, exitUsage, want)
	}
	if r := chrono(t, db, "", "source", "edit", "s", "--title", "T"); r.code != 0 || r.stdout != "nothing changed\n" {
		t.Errorf("source edit s --title T: %+v", r)
	}
}

// TestSourceAddWithoutFlagsNamesThem: source add with no flag is a usage
// error naming the flags of a source's fields; it failed with exit 1,
// naming the author the flag --byline gives.
func TestSourceAddWithoutFlagsNamesThem(t *testing.T) {
	db := newDB(t)
	mustChrono(t, db, "new", db)
	r := chrono(t, db, "", "source", "add")
	const want = "chrono: source add needs what the source is, as flags: --publisher, --byline, --title, --url, --archive or --published; --id chooses its id\nRun 'chrono source add --help' for usage.\n"
	if r.code != exitUsage || r.stdout != "" || r.stderr != want {
		t.Errorf("source add: exit %d, stdout %q, stderr %q; want exit %d, stderr %q", r.code, r.stdout, r.stderr, exitUsage, want)
	}
	if r := chrono(t, db, "", "source", "add", "--id", "s"); r.code != 0 || r.stdout != "s\n" {
		t.Errorf("source add --id s: %+v", r)
	}
}
