package model

import (
	"fmt"
	"iter"
)

// JournalVerifier is a store whose journal is a hash chain that it can
// walk: each entry holds the SHA-256 of the entry before it and of its own
// content, so that an entry altered, removed or moved after it was written
// no longer matches.
type JournalVerifier interface {
	// VerifyJournal walks the chain from the first entry to the newest
	// and reports the first place where it breaks, or the head when it
	// holds. A broken chain is a report, not an error; the error is for
	// a store that cannot be read.
	VerifyJournal() (ChainReport, error)
}

// JournalHasher is a JournalVerifier that may leave the hashing of its
// entries' content to a server it reads them from, to spare reading them
// whole on every walk; VerifyJournalHere hashes every entry on this
// machine. A verification asked for by the investigator uses it: a
// server that hashed what it was told to hash, rather than what it
// holds, would otherwise vouch for a journal rewritten under a head
// written down elsewhere.
type JournalHasher interface {
	JournalVerifier
	// VerifyJournalHere is VerifyJournal with every entry read whole
	// and hashed here.
	VerifyJournalHere() (ChainReport, error)
}

// EventsVerifier is a store that can compare each event as it holds it
// with what its journal says was written of it: the version the latest
// entry that touched the event holds, or the fingerprint of what an
// import stored. The chain proves the journal; this proves the events
// are the journal's.
type EventsVerifier interface {
	// VerifyEvents reports each event whose stored bytes or place are
	// not what the journal left (Mismatches, all Altered), how many
	// events it read, and how many it could not compare (NotCovered).
	// The error is for a store that cannot be read.
	VerifyEvents() (CheckReport, error)
}

// ChainHead names the newest entry of a journal's chain and its hash:
// written down elsewhere (a notebook, an email, a timestamping service),
// it shows later that nothing up to that entry has been rewritten since.
type ChainHead struct {
	Seq uint64 `json:"seq"`
	// Hash is the entry's SHA-256, 64 lowercase hex digits; empty for an
	// empty journal.
	Hash string `json:"hash"`
}

// ShortHashDigits is how many hex digits of the head's hash Short shows:
// 64 bits, short enough to copy by hand, and more than anyone can match
// by rewriting the journal until its hash begins alike.
const ShortHashDigits = 16

// Short is the head as one copies it by hand: "#42 3f2a9c0b1d4e5f60".
func (h ChainHead) Short() string {
	hash := h.Hash
	if len(hash) > ShortHashDigits {
		hash = hash[:ShortHashDigits]
	}
	return fmt.Sprintf("#%d %s", h.Seq, hash)
}

// ChainReport is what walking a journal's chain found.
type ChainReport struct {
	// Entries is how many entries hold together from the first: all of
	// them when the chain holds.
	Entries uint64 `json:"entries"`
	// Head is the newest entry when the chain holds; the last sound one
	// before the break otherwise.
	Head ChainHead `json:"head"`
	// Break is where the chain first fails; nil when it holds.
	Break *ChainBreak `json:"break,omitempty"`
}

// OK reports whether the chain holds from its first entry to its head.
func (r ChainReport) OK() bool { return r.Break == nil }

// Vouches reports whether the chain vouches for entry seq: it holds up
// to the entry and links on from it. The entry just before a broken link
// is not vouched for: altered with its hash recomputed, it hashes to the
// hash it holds, and only the next entry's link shows it.
func (r ChainReport) Vouches(seq uint64) bool {
	if r.Break == nil {
		return true
	}
	first := r.Break.Seq
	if r.Break.Fault == ChainLink && first > 1 {
		first--
	}
	return seq < first
}

// Mismatch is where the chain breaks, as a store's check reports it, and
// false when it holds. An entry in no form chrono reads may be the disk's
// doing; one whose bytes or links no longer match was rewritten (Altered).
func (r ChainReport) Mismatch() (Mismatch, bool) {
	if r.Break == nil {
		return Mismatch{}, false
	}
	b := r.Break
	return Mismatch{Where: "journal", What: fmt.Sprintf("the chain breaks at entry #%d (%s): %s", b.Seq, b.Fault, b.What), Altered: b.Fault != ChainUnreadable}, true
}

// ChainFault is what is wrong with an entry of a chain.
type ChainFault string

// The ways a chain breaks.
const (
	// ChainContent: the entry's bytes do not hash to the hash it holds:
	// it was altered, or moved under another number.
	ChainContent ChainFault = "content"
	// ChainLink: the entry's link does not name the hash of the entry
	// before it: one before it was altered, removed or put in its place.
	ChainLink ChainFault = "link"
	// ChainMissing: numbers are missing from the sequence.
	ChainMissing ChainFault = "missing"
	// ChainUnreadable: the entry is not in a form that holds hashes.
	ChainUnreadable ChainFault = "unreadable"
)

// ChainBreak is the first place where a chain fails.
type ChainBreak struct {
	// Seq is the entry's sequence number.
	Seq   uint64     `json:"seq"`
	Fault ChainFault `json:"fault"`
	// What says what differs, with the hashes concerned.
	What string `json:"what"`
}

// ChainForm is the form in which a journal entry's content is stored
// and hashed (model/journalform says how each is laid out and hashed).
// Whichever store holds an entry keeps it in the form it was written in,
// so its hash, and every hash after it, are the same in any store.
type ChainForm byte

// The forms of a journal entry.
const (
	// FormRecords: the entry's head as JSON, then one record per event
	// it touched; a bbolt store writes its entries in it.
	FormRecords ChainForm = 2
	// FormJSON: the entry whole as one JSON value; a PostgreSQL store
	// writes its entries in it.
	FormJSON ChainForm = 3
)

// StoredEntry is a journal entry as a store holds it in its chain: its
// form, its content in that form, its hash and the hash it links to.
type StoredEntry struct {
	Seq              uint64
	Form             ChainForm
	Body, Hash, Prev []byte
}

// StoredJournal is a Reader that gives its journal's entries as they are
// stored. A restore from it copies each entry's bytes as they are, so the
// copy's chain has the same hashes, and its head the same, whichever kind
// of store either is.
type StoredJournal interface {
	// StoredEntries yields the entries from the first, in order.
	StoredEntries() iter.Seq2[StoredEntry, error]
}
