package main

import (
	"fmt"

	"chrono/model"
	"chrono/model/termtext"
)

// checkLinks lists the links that name an event neither on the timeline
// nor in the trash, each with its event, number and what to do, and
// fails when there is any. Such links are no damage to the store: purges
// made before purging removed the links to the purged events left them.
func checkLinks(opts *checkOptions, s model.Store) error {
	dangling, err := model.DanglingLinks(s)
	if err != nil {
		return err
	}
	if len(dangling) == 0 {
		fmt.Fprintln(opts.stdout, "links: every link names an event on the timeline or in the trash")
		return nil
	}
	for _, d := range dangling {
		l := d.Link
		fix := fmt.Sprintf("remove it with chrono unlink %s %s %s", d.From, l.Rel, l.Event)
		where := fmt.Sprintf("event %q", d.From)
		if d.InTrash {
			where += " (in the trash)"
			fix = fmt.Sprintf("it goes when the trash is emptied; to keep the event, chrono restore %s, then chrono unlink %s %s %s", d.From, d.From, l.Rel, l.Event)
		}
		fmt.Fprintf(opts.stdout, "links: %s: link #%d: %s %q: no such event, on the timeline or in the trash: %s\n",
			termtext.Line(where), d.N, l.Rel, termtext.Line(l.Event), termtext.Line(fix))
	}
	n := "1 link names"
	if len(dangling) != 1 {
		n = model.Thousands(int64(len(dangling))) + " links name"
	}
	return fmt.Errorf("%s an event that no longer exists (listed above): remove each as its line says, or an export of this store will not import; nothing was changed", n)
}
