package model

// SourceMerge is what an import makes of the file's version of a source
// already stored (EditMerge.Source).
type SourceMerge struct {
	// Source is the source to store.
	Source Source
	// Filled names the fields the stored source lacked and the file
	// gave; Took, those whose stored value the file's replaced.
	Filled, Took []string
	// Kept names the fields the file gives otherwise, kept as chrono
	// has them.
	Kept []string
}

// Changed says whether the source to store differs from the stored one.
func (m SourceMerge) Changed() bool { return len(m.Filled)+len(m.Took) > 0 }

// Source merges file, a source an import reads, into stored, the source
// of the same id. As for the investigation's header, an import
// fills in what the stored source lacks and keeps what it holds: a
// source corrected in chrono (its URL, an archive link added) is not
// undone by importing the file again, nor emptied by a file that leaves
// a field out. The fields the file gives otherwise are named in Kept,
// for the import to say. With Replace, or Prefer set to PreferFile, the
// file's values are taken where it has them.
func (em *EditMerge) Source(stored, file Source) SourceMerge {
	m := SourceMerge{Source: stored}
	take := em.Replace || em.Prefer == PreferFile
	mergeField(&m, take, "publisher", &m.Source.Publisher, file.Publisher)
	mergeField(&m, take, "author", &m.Source.Author, file.Author)
	mergeField(&m, take, "title", &m.Source.Title, file.Title)
	mergeField(&m, take, "url", &m.Source.URL, file.URL)
	mergeField(&m, take, "archive", &m.Source.Archive, file.Archive)
	mergeField(&m, take, "published", &m.Source.Published, file.Published)
	return m
}

// mergeField merges the file's value of a source's field into the
// stored one, to, as EditMerge.Source does (the zero value is none), and
// names the field in m for what it did.
func mergeField[T comparable](m *SourceMerge, take bool, name string, to *T, from T) {
	var none T
	switch {
	case from == none || from == *to:
	case *to == none:
		*to = from
		m.Filled = append(m.Filled, name)
	case take:
		*to = from
		m.Took = append(m.Took, name)
	default:
		m.Kept = append(m.Kept, name)
	}
}

// SourceFields names fields of one source.
type SourceFields struct {
	ID     string
	Fields []string
}

// CountSource adds a merged source to r: updated when it changed, its
// fields kept as chrono has them, and those whose stored value the
// file's replaced.
func (r *ImportResult) CountSource(id string, m SourceMerge) {
	if m.Changed() {
		r.SourcesUpdated++
	}
	if len(m.Kept) > 0 {
		r.SourcesKept = append(r.SourcesKept, SourceFields{ID: id, Fields: m.Kept})
	}
	if len(m.Took) > 0 {
		r.SourcesTook = append(r.SourcesTook, SourceFields{ID: id, Fields: m.Took})
	}
}
