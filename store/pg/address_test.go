package pg

import (
	"strings"
	"testing"
)

// TestPasswordNeverInErrors: an address's password is not in the
// location a store shows, nor in the errors of a failed connection, a
// refused address, or an unreachable server, wherever it is given.
func TestPasswordNeverInErrors(t *testing.T) {
	const secret = "s3cr3t-Pa55"
	dir := t.TempDir() // no server there
	for _, url := range []string{
		"postgres://alice:" + secret + "@/chrono?host=" + dir,
		"postgresql://alice@/chrono?host=" + dir + "&password=" + secret,
		"postgres://alice:" + secret + "@/chrono?host=" + dir + "&sslmode=nonsense",
		"postgres://alice:" + secret + "@[::1/chrono",
	} {
		_, err := Open(url, Options{Timeout: 1e9})
		if err == nil {
			t.Fatalf("%s: opened", url)
		}
		if strings.Contains(err.Error(), secret) {
			t.Errorf("the error shows the password: %v", err)
		}
		if a := parseAddress(url); strings.Contains(a.safe, secret) {
			t.Errorf("the location shows the password: %s", a.safe)
		}
	}
}

// TestARefusedConnectionSaysWhatToCheck: a server that answers and
// refuses (no such database, no such role, a wrong password) is not
// called unreachable, nor is its user told to check that it runs: they
// are told to check what the address names.
func TestARefusedConnectionSaysWhatToCheck(t *testing.T) {
	needServer(t)
	for _, url := range []string{
		strings.Replace(server.url, "/chrono?", "/no_such_database?", 1),
		asRole(t, server.url, "no_such_role"),
	} {
		_, err := Open(url, Options{Timeout: 5e9})
		if err == nil {
			t.Fatalf("%s: opened", url)
		}
		msg := err.Error()
		if strings.Contains(msg, "unreachable") || strings.Contains(msg, "server is running") || !strings.Contains(msg, "does not exist") || !strings.Contains(msg, "check the user, the password") {
			t.Errorf("%s: %s", url, msg)
		}
		// What to check comes before the driver's words, which a status
		// line may cut.
		if strings.Index(msg, "check the user") > strings.Index(msg, "does not exist") {
			t.Errorf("%s: what to check comes after the driver's words: %s", url, msg)
		}
	}
}
