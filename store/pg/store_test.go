package pg

import "testing"

// TestMajorOf: a rank is planned once only on a server that has the
// setting for it (PostgreSQL 12 on), read from its version.
func TestMajorOf(t *testing.T) {
	for v, want := range map[string]int{"15.8 (Debian 15.8-0+deb12u1)": 15, "11.22": 11, "9.6.24": 9, "17beta1": 17, "": 0, "devel": 0} {
		if got := majorOf(v); got != want {
			t.Errorf("majorOf(%q) = %d, want %d", v, got, want)
		}
	}
	s := newStore(t, "tester@version")
	if !s.planOnce {
		t.Errorf("the test server (%s) is taken for one before PostgreSQL 12", s.first.c.PgConn().ParameterStatus("server_version"))
	}
}
