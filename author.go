package main

import (
	"os"
	"os/user"
	"strings"
	"unicode"

	"chrono/model"
)

// author is who this process's changes are attributed to, in the journal
// and on notes: --author, else $CHRONO_AUTHOR, else user@host, so that
// several people's changes to one investigation can be told apart.
func (c *cli) author() (string, error) {
	if c.authorFlag.given && strings.TrimSpace(c.authorFlag.name) == "" {
		// A script's $NAME left empty: signing its changes as someone
		// else would go unnoticed.
		return "", usagef("--author %q: give a name, or leave --author out for $CHRONO_AUTHOR or your user@host", c.authorFlag.name)
	}
	for _, a := range []struct{ from, name string }{{"--author", c.authorFlag.name}, {"$CHRONO_AUTHOR", os.Getenv("CHRONO_AUTHOR")}} {
		name := strings.TrimSpace(a.name)
		if name == "" {
			continue
		}
		if strings.IndexFunc(name, unicode.IsControl) >= 0 {
			return "", usagef("%s %q: an author is a name, without control characters", a.from, name)
		}
		if m := model.TextNotUTF8(a.from, name); m != "" {
			// As a terminal in Latin-1 sends it: the journal keeps UTF-8.
			return "", usagef("%s", m)
		}
		return name, nil
	}
	return userAtHost(), nil
}

// userAtHost is the login name and host name, with "unknown" for either
// that cannot be found.
func userAtHost() string {
	name := "unknown"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown"
	}
	return name + "@" + host
}

// authorValue is --author, which knows whether it was given: given
// empty, it is a mistake, not a wish for the default.
type authorValue struct {
	name  string
	given bool
}

func (a *authorValue) String() string { return a.name }

// Set implements pflag.Value.
func (a *authorValue) Set(s string) error {
	a.name, a.given = s, true
	return nil
}

// Type implements pflag.Value.
func (a *authorValue) Type() string { return "string" }
