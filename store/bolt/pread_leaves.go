package bolt

// An import looks up each record's stored event: its id's entry, its
// value and its last import in the history, three leaves read by pread
// (pread.go), 3.1 million reads for a million events. Records come in
// the order of their file, and a file written by a tool is in some
// order: by id (one after another on the ids' leaves and the history's),
// or by time (on the events'). The leaves read last are kept, so that a
// lookup on the same leaf as one before reads nothing.

// recentLeaves is how many leaves an import keeps: a few for each of
// the trees it looks up in.
const recentLeaves = 12

// leafRing keeps the leaf pages read last, as of one read transaction
// (the fileTrees it belongs to), for one goroutine.
type leafRing struct {
	ids   [recentLeaves]uint64
	pages [recentLeaves][]byte
	next  int
}

// page returns the leaf kept at id, if any.
func (r *leafRing) page(id uint64) []byte {
	for i, kept := range r.ids {
		if kept == id && r.pages[i] != nil {
			return r.pages[i]
		}
	}
	return nil
}

// keep keeps p, the leaf at id, in place of the one kept longest. The
// page is the ring's from then on: a page it lets go of is left to the
// collector, not given back to pagePool, as a caller may still read it.
func (r *leafRing) keep(id uint64, p []byte) {
	r.ids[r.next], r.pages[r.next] = id, p
	r.next = (r.next + 1) % recentLeaves
}
