package pg

import (
	"strings"
	"testing"
)

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

// TestJITOffUnlessAsked: a store's connections turn the server's JIT off,
// every one of them (the second is made when two reads overlap), unless
// the address asks for it, as a parameter or in its options.
func TestJITOffUnlessAsked(t *testing.T) {
	needServer(t)
	sep := "?"
	if strings.Contains(server.url, "?") {
		sep = "&"
	}
	for _, c := range []struct {
		suffix, want string
	}{
		{"", "off"},
		{sep + "jit=on", "on"},
		{sep + "options=" + "-c%20jit%3Don", "on"},
	} {
		s, err := Open(server.url+c.suffix, Options{Investigation: "jit", Author: "tester@jit"})
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range []*line{s.take(), s.take()} {
			conn, err := s.connOf(l)
			if err != nil {
				t.Fatal(err)
			}
			var jit string
			if err := conn.QueryRow(ctx, "SHOW jit").Scan(&jit); err != nil || jit != c.want {
				t.Errorf("address%s: jit is %q (%v), want %s", c.suffix, jit, err, c.want)
			}
			s.give(l)
		}
		s.Close()
	}
}
