package main

import (
	"fmt"

	"chrono/model"

	"github.com/go-json-experiment/json"
)

// runLogHead prints the journal's chain head: "#42 3f2a9c0b1d4e5f60",
// short enough to copy by hand, then the whole hash on a line of its own;
// with --json, {"seq":42,"hash":"…"}. The head is the newest entry's,
// whether the chain holds or not; it then walks the chain, as verify
// --journal does, and warns on stderr where it breaks: a head noted from
// a chain that does not hold to it vouches for nothing before it.
func runLogHead(opts *logOptions) error {
	if opts.id != "" || opts.since != "" || opts.limit != 0 {
		return usagef("--head prints the journal's newest entry: give it no ID, --since or -n")
	}
	s, err := opts.openStore(true)
	if err != nil {
		return err
	}
	defer s.Close()
	head, err := journalHead(s)
	if err != nil {
		return err
	}
	if err := printHead(opts, head); err != nil || head.Seq == 0 {
		return err
	}
	return warnIfChainBreaks(s, opts.stderr, "the head printed is the newest entry's, and the chain does not hold up to it (chrono verify --journal says what differs)")
}

// printHead writes the head, as JSON with --json.
func printHead(opts *logOptions, head model.ChainHead) error {
	if opts.asJSON {
		b, err := json.Marshal(head)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(opts.stdout, "%s\n", b)
		return err
	}
	if head.Seq == 0 {
		_, err := fmt.Fprintln(opts.stdout, "no changes yet: the journal has no head")
		return err
	}
	_, err := fmt.Fprintf(opts.stdout, "%s\nsha256 %s\n", head.Short(), head.Hash)
	return err
}
