package sshd

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	gossh "golang.org/x/crypto/ssh"

	"chrono/tui"
)

// User is one line of a users file: a person's name, a role, and the
// public key they connect with; Investigation limits the role to one
// investigation ("" for every one served).
type User struct {
	Name          string
	Role          tui.Role
	Investigation string
	Key           gossh.PublicKey
	// Line is where the line is, "users:3", for messages.
	Line string
}

// Users are the lines of a users file.
type Users []User

// UsersError is a mistake in a users file, at its line and column.
type UsersError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *UsersError) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ParseUsers reads a users file named file: one person's key a line,
// NAME ROLE KEY, KEY as in authorized_keys (type, base64, comment), ROLE
// read, annotate, edit or admin, or ROLE:INVESTIGATION for one of
// investigations only; # starts a comment, blank lines are skipped. The
// first mistake is returned, with its line and column.
func ParseUsers(file string, data []byte, investigations []string) (Users, error) {
	var users Users
	for i, raw := range bytes.Split(data, []byte("\n")) {
		n := i + 1
		text := strings.TrimSuffix(string(raw), "\r")
		bad := func(col int, format string, args ...any) error {
			return &UsersError{File: file, Line: n, Col: col, Msg: fmt.Sprintf(format, args...)}
		}
		if !utf8.ValidString(text) {
			return nil, bad(1, "not UTF-8 text")
		}
		if c := strings.IndexFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }); c >= 0 {
			return nil, bad(col(text, c), "a control character; a line is NAME ROLE KEY")
		}
		text = stripComment(text)
		fields := fieldsAt(text)
		if len(fields) == 0 {
			continue
		}
		if len(fields) < 4 {
			return nil, bad(col(text, len(strings.TrimRight(text, " \t"))+1), "a line is NAME ROLE KEY (as in authorized_keys: ssh-ed25519 AAAA… comment); this one ends early")
		}
		name, roleF, keyF := fields[0], fields[1], fields[2]
		if msg := checkName(name.s); msg != "" {
			return nil, bad(col(text, name.at), "name %q: %s", name.s, msg)
		}
		roleName, inv, scoped := strings.Cut(roleF.s, ":")
		role, err := tui.ParseRole(roleName)
		if err != nil {
			return nil, bad(col(text, roleF.at), "%v", err)
		}
		if scoped && !slices.Contains(investigations, inv) {
			return nil, bad(col(text, roleF.at+len(roleName)+1), "investigation %q is not served; served: %s", inv, strings.Join(investigations, ", "))
		}
		key, _, options, _, err := gossh.ParseAuthorizedKey([]byte(text[keyF.at:]))
		switch {
		case err != nil:
			return nil, bad(col(text, keyF.at), "not a public key as in authorized_keys (%v)", err)
		case len(options) > 0:
			return nil, bad(col(text, keyF.at), "authorized_keys options are not read here; give the key alone")
		}
		u := User{Name: name.s, Role: role, Investigation: inv, Key: key, Line: fmt.Sprintf("%s:%d", file, n)}
		for _, o := range users {
			if !bytes.Equal(o.Key.Marshal(), key.Marshal()) {
				continue
			}
			if o.Name != u.Name {
				return nil, bad(col(text, keyF.at), "this key is %s's, at %s; one key is one person", o.Name, o.Line)
			}
			if o.Investigation == u.Investigation {
				which := "every investigation"
				if u.Investigation != "" {
					which = fmt.Sprintf("investigation %q", u.Investigation)
				}
				return nil, bad(col(text, roleF.at), "this key has a role for %s already, at %s; give it one line", which, o.Line)
			}
		}
		users = append(users, u)
	}
	return users, nil
}

// Role is the role key has in investigation: the line for that
// investigation, else the line for every one. ok is false when the key
// may not see it, or is not listed.
func (us Users) Role(key gossh.PublicKey, investigation string) (name string, role tui.Role, ok bool) {
	wire := key.Marshal()
	for _, u := range us {
		if !bytes.Equal(u.Key.Marshal(), wire) {
			continue
		}
		switch u.Investigation {
		case investigation:
			return u.Name, u.Role, true
		case "":
			name, role, ok = u.Name, u.Role, true
		}
	}
	return name, role, ok
}

// Known reports whether key is listed, and whose it is.
func (us Users) Known(key gossh.PublicKey) (string, bool) {
	wire := key.Marshal()
	for _, u := range us {
		if bytes.Equal(u.Key.Marshal(), wire) {
			return u.Name, true
		}
	}
	return "", false
}

// checkName says what is wrong with a person's name, or "".
func checkName(s string) string {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("._-@", r) {
			return "a name is letters, digits and . _ - @"
		}
	}
	return ""
}

// stripComment cuts a # that starts a word, and what follows.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

type field struct {
	s  string
	at int // byte offset
}

func fieldsAt(s string) []field {
	var out []field
	start := -1
	for i := 0; i <= len(s); i++ {
		space := i == len(s) || s[i] == ' ' || s[i] == '\t'
		switch {
		case space && start >= 0:
			out = append(out, field{s[start:i], start})
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	return out
}

// col is the column (in characters, from 1) of byte offset at.
func col(s string, at int) int { return utf8.RuneCountInString(s[:min(at, len(s))]) + 1 }

// withoutRemoved is u without the users whose key the text of a users
// file no longer holds anywhere, even on a line with a mistake, and the
// names of those taken out: a key deleted from the file is revoked,
// whatever else the file says.
func (u Users) withoutRemoved(data []byte) (kept Users, removed []string) {
	text := string(data)
	for _, user := range u {
		if strings.Contains(text, base64.StdEncoding.EncodeToString(user.Key.Marshal())) {
			kept = append(kept, user)
			continue
		}
		removed = append(removed, fmt.Sprintf("%s (%s)", user.Name, user.Line))
	}
	return kept, removed
}
