package pg

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// address is a database address as chrono may show it: safe has the
// password (in the user part, or a password= parameter) replaced, and
// secrets are the texts to take out of any error, whatever the driver or
// the server put in it.
type address struct {
	safe    string
	secrets []string
}

// redacted stands for a password in what chrono shows.
const redacted = "xxxxx"

// IsAddress reports whether location names a PostgreSQL database rather
// than a file.
func IsAddress(location string) bool {
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://")
}

func parseAddress(raw string) address {
	u, err := url.Parse(raw)
	if err != nil {
		// Unparsable: show only the scheme; the rest may hold the
		// password where a parser would not find it.
		scheme, _, _ := strings.Cut(raw, "://")
		a := address{safe: scheme + "://(an address that cannot be read)"}
		if _, rest, ok := strings.Cut(raw, "://"); ok {
			if cred, _, ok := strings.Cut(rest, "@"); ok {
				if _, pw, ok := strings.Cut(cred, ":"); ok && pw != "" {
					a.secrets = append(a.secrets, pw)
				}
			}
		}
		return a
	}
	var a address
	if u.User != nil {
		if pw, ok := u.User.Password(); ok {
			if pw != "" {
				a.secrets = append(a.secrets, pw, url.QueryEscape(pw), url.PathEscape(pw))
			}
			u.User = url.UserPassword(u.User.Username(), redacted)
		}
	}
	q := u.Query()
	for _, k := range []string{"password", "sslpassword"} {
		if pw := q.Get(k); pw != "" {
			a.secrets = append(a.secrets, pw, url.QueryEscape(pw))
			q.Set(k, redacted)
		}
	}
	u.RawQuery = q.Encode()
	a.safe = u.String()
	return a
}

// WithoutPassword is a database address with any password left out, for
// a command chrono suggests, which then reads the password as psql does
// (PGPASSFILE, PGPASSWORD); had says whether there was one. An address
// that cannot be read is shown as SafeAddress shows it.
func WithoutPassword(raw string) (addr string, had bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return parseAddress(raw).safe, false
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User, had = url.User(u.User.Username()), true
		}
	}
	q := u.Query()
	for _, k := range []string{"password", "sslpassword"} {
		if q.Has(k) {
			q.Del(k)
			had = true
		}
	}
	if had {
		u.RawQuery = q.Encode()
	}
	return u.String(), had
}

// redact returns err with every secret taken out of its text; errors.Is
// and errors.As still see what it wraps.
func (a address) redact(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	clean := msg
	for _, s := range a.secrets {
		if len(s) > 0 {
			clean = strings.ReplaceAll(clean, s, redacted)
		}
	}
	if clean == msg {
		return err
	}
	return &redactedError{msg: clean, err: err}
}

// errorf is fmt.Errorf, redacted.
func (a address) errorf(format string, args ...any) error {
	return a.redact(fmt.Errorf(format, args...))
}

// redactedError is an error whose text had a password taken out.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Unwrap lets errors.Is see model's sentinels, but an error it returns
// still holds the text with the password: callers print Error().
func (e *redactedError) Unwrap() error { return errors.Unwrap(e.err) }
