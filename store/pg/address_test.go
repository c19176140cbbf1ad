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
