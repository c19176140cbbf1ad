package main

import (
	"os"
	"os/user"
	"strings"
	"unicode"
)

// author is who this process's changes are attributed to, in the journal
// and on notes: --author, else $CHRONO_AUTHOR, else user@host, so that
// several people's changes to one investigation can be told apart.
func (c *cli) author() (string, error) {
	for _, a := range []struct{ from, name string }{{"--author", c.authorFlag}, {"$CHRONO_AUTHOR", os.Getenv("CHRONO_AUTHOR")}} {
		name := strings.TrimSpace(a.name)
		if name == "" {
			continue
		}
		if strings.IndexFunc(name, unicode.IsControl) >= 0 {
			return "", usagef("%s %q: an author is a name, without control characters", a.from, name)
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
