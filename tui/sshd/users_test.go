package sshd

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"chrono/tui"
)

// newKey is a fresh ed25519 key pair: the signer a client uses and its
// public key as an authorized_keys line.
func newKey(t testing.TB) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

func TestParseUsers(t *testing.T) {
	ana, anaLine := newKey(t)
	bo, boLine := newKey(t)
	data := "# the newsroom\n\nana edit " + anaLine + " ana@laptop # reporter\nana read:leaks " + anaLine + "\nbo annotate:nso " + boLine + "\n"
	us, err := ParseUsers("users", []byte(data), []string{"nso", "leaks"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key  gossh.PublicKey
		inv  string
		name string
		role tui.Role
		ok   bool
	}{
		{ana.PublicKey(), "nso", "ana", tui.RoleEdit, true},
		{ana.PublicKey(), "leaks", "ana", tui.RoleRead, true},
		{bo.PublicKey(), "nso", "bo", tui.RoleAnnotate, true},
		{bo.PublicKey(), "leaks", "", 0, false},
	} {
		name, role, ok := us.Role(c.key, c.inv)
		if name != c.name || role != c.role || ok != c.ok {
			t.Errorf("%s in %s: %q %v %v; want %q %v %v", c.name, c.inv, name, role, ok, c.name, c.role, c.ok)
		}
	}
}

func TestParseUsersSaysWhere(t *testing.T) {
	_, key := newKey(t)
	for _, c := range []struct{ data, want string }{
		{"ana writer " + key, "users:1:5: role \"writer\""},
		{"\n  ana edit", "users:2:11: a line is NAME ROLE KEY"},
		{"ana edit ssh-ed25519 AAAAnotakey", "users:1:10: not a public key"},
		{"ana edit:cia " + key, "users:1:10: investigation \"cia\" is not served"},
		{"a/b read " + key, "users:1:1: name \"a/b\""},
		{"ana read " + key + "\nbo read " + key, "users:2:9: this key is ana's, at users:1"},
		{"ana read " + key + "\nana edit " + key, "users:2:5: this key has a role for every investigation already, at users:1"},
		{"ana read:nso " + key + "\nana edit:nso " + key, "users:2:5: this key has a role for investigation \"nso\" already, at users:1"},
		{"ana read from=\"10.0.0.1\" " + key, "users:1:10: authorized_keys options"},
		{"ana read \x1b[31m" + key, "users:1:10: a control character"},
	} {
		_, err := ParseUsers("users", []byte(c.data), []string{"nso"})
		var ue *UsersError
		if !errors.As(err, &ue) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: %v; want %q…", c.data, err, c.want)
		}
	}
}
