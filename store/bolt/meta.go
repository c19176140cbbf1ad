package bolt

import (
	"encoding/binary"
	"fmt"
	"os"
)

// bbolt commits by writing the transaction's pages, then its meta page:
// page 0 for even transaction ids, page 1 for odd. It reads the store
// from the meta page with the higher id that passes its checksum, and
// falls back to the other without a word: a damaged newest meta page
// rolls the store back one commit, and the next commit, written over the
// damaged page, makes that loss permanent. metaPair tells writes so.

// metaPair is what sniff reads of a store's two meta pages.
type metaPair struct {
	page [2]meta
}

// readMetaPages reads both meta pages of f; ok is false when neither
// begins as a bbolt meta page does.
func readMetaPages(f *os.File) (mp metaPair, ok bool) {
	var head [pageHeaderSize + metaSize]byte
	if _, err := f.ReadAt(head[:], 0); err == nil {
		mp.page[0], _ = readMeta(head[pageHeaderSize:])
		ok = binary.LittleEndian.Uint32(head[bboltMagicOffset:]) == bboltMagic
	}
	// The second meta page is one page in; when the first is damaged its
	// page size cannot be trusted, so every size bbolt may use is tried,
	// as bbolt does.
	offsets := []int64{}
	if mp.page[0].valid {
		offsets = append(offsets, mp.page[0].pageSize)
	} else {
		for size := int64(1024); size <= 64<<10; size *= 2 {
			offsets = append(offsets, size)
		}
	}
	for _, off := range offsets {
		var second [pageHeaderSize + metaSize]byte
		if _, err := f.ReadAt(second[:], off); err != nil {
			continue
		}
		m, valid := readMeta(second[pageHeaderSize:])
		if valid || binary.LittleEndian.Uint32(second[bboltMagicOffset:]) == bboltMagic {
			mp.page[1] = m
			ok = true
		}
		if valid {
			break
		}
	}
	return mp, ok
}

// valid reports whether either page passes its checksum.
func (mp metaPair) valid() bool { return mp.page[0].valid || mp.page[1].valid }

// current is the meta page bbolt reads the store from.
func (mp metaPair) current() meta {
	a, b := mp.page[0], mp.page[1]
	if !a.valid || (b.valid && b.txid > a.txid) {
		return b
	}
	return a
}

// lost says why the store's last commit may be lost, or "" when both
// meta pages hold. A damaged page whose id (unchecked) says it is the
// older loses nothing: the next commit is written over it. Otherwise
// it may have been the newer, or its id is what was damaged.
func (mp metaPair) lost() string {
	for bad := range 2 {
		good := 1 - bad
		if mp.page[bad].valid || !mp.page[good].valid {
			continue
		}
		if mp.page[bad].txid+1 == mp.page[good].txid && mp.page[bad].txid%2 == uint64(bad) {
			return ""
		}
		return fmt.Sprintf("its meta page %d fails its checksum, so it is read from its meta page %d, as of before its last change; the last change may be lost", bad, good)
	}
	return ""
}
