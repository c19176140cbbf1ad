package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// openerGrace is how long an opener may take to fail before it is taken
// to have opened the URL: xdg-open with no browser to run exits at once,
// while a browser it starts runs on.
const openerGrace = 1500 * time.Millisecond

// openURL hands a URL to the system's opener: each command of $BROWSER
// in turn, then xdg-open (or open on macOS), going on to the next when
// one fails within openerGrace. It does not wait for the browser.
func openURL(url string) tea.Cmd {
	return func() tea.Msg {
		candidates := browserCommands(os.Getenv("BROWSER"), url)
		if runtime.GOOS == "darwin" {
			candidates = append(candidates, []string{"open", url})
		} else {
			candidates = append(candidates, []string{"xdg-open", url}, []string{"open", url})
		}
		failed := errNoOpener
		for _, c := range candidates {
			path, err := exec.LookPath(c[0])
			if err != nil {
				continue
			}
			cmd := exec.Command(path, c[1:]...)
			if err := cmd.Start(); err != nil {
				continue
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }() // reaps it whenever it ends
			select {
			case err := <-exited:
				if err != nil {
					if failed == errNoOpener {
						// The first failure is the one to read: the
						// fallbacks after it (open, on Linux often
						// openvt) fail for reasons of their own.
						failed = fmt.Errorf("%s could not open it (%v)", c[0], err)
					}
					continue
				}
			case <-time.After(openerGrace):
				// Still running: a browser, living on its own.
			}
			return openedMsg{url: url}
		}
		return openedMsg{url: url, err: failed}
	}
}

var errNoOpener = errors.New("no program to open it ($BROWSER, xdg-open, open)")

// browserCommands reads $BROWSER as xdg-open and Python's webbrowser
// do: a list of commands separated by ':', to be tried in order. In
// each, %s stands for the URL (%% for a percent sign); with no %s the
// URL is the last argument. Words are split as a shell splits them
// (quotes and backslashes), but no shell runs: nothing in the variable
// or the URL is ever interpreted. An entry that cannot be split (an
// unclosed quote) is passed over.
func browserCommands(browser, url string) [][]string {
	var cmds [][]string
	for entry := range strings.SplitSeq(browser, string(os.PathListSeparator)) {
		words, err := shellWords(entry)
		if err != nil || len(words) == 0 {
			continue
		}
		placed := false
		for i, w := range words {
			var had bool
			words[i], had = substituteURL(w, url)
			placed = placed || had
		}
		if !placed {
			words = append(words, url)
		}
		cmds = append(cmds, words)
	}
	return cmds
}

// substituteURL puts url for each %s in w and a % for each %%, and
// reports whether there was a %s.
func substituteURL(w, url string) (string, bool) {
	if !strings.Contains(w, "%") {
		return w, false
	}
	var b strings.Builder
	had := false
	for i := 0; i < len(w); i++ {
		if w[i] == '%' && i+1 < len(w) {
			switch w[i+1] {
			case 's':
				b.WriteString(url)
				had = true
				i++
				continue
			case '%':
				b.WriteByte('%')
				i++
				continue
			}
		}
		b.WriteByte(w[i])
	}
	return b.String(), had
}

var errUnclosedQuote = errors.New("unclosed quote")

// shellWords splits s into words as a POSIX shell would, honouring
// single quotes, double quotes and backslashes, and nothing else: no
// variables, globs or operators.
func shellWords(s string) ([]string, error) {
	var (
		words []string
		word  strings.Builder
		in    bool // inside a word, even an empty quoted one
	)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if in {
				words = append(words, word.String())
				word.Reset()
				in = false
			}
		case c == '\\':
			in = true
			if i+1 < len(s) {
				i++
				word.WriteByte(s[i])
			}
		case c == '\'':
			in = true
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, errUnclosedQuote
			}
			word.WriteString(s[i+1 : i+1+end])
			i += 1 + end
		case c == '"':
			in = true
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				// In double quotes a backslash escapes only these.
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("\\\"$`", s[i+1]) >= 0 {
					i++
				}
				word.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errUnclosedQuote
			}
		default:
			in = true
			word.WriteByte(c)
		}
	}
	if in {
		words = append(words, word.String())
	}
	return words, nil
}
