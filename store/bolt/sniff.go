package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"

	"chrono/model"
)

// Before bbolt opens a file, sniff reads its meta pages itself: bbolt
// would turn an empty file into a database, and fault on a file shorter
// than its meta page says. It, the check of a store's pages (check.go)
// and the reads by pread (pread.go) are the places that know bbolt's
// file format rather than its API.

// bboltMagic is bbolt's file magic, at the same offset in both meta pages.
const (
	bboltMagic       = 0xED0CDAED
	bboltMagicOffset = 16 // after the page header
)

// sniff refuses a file that cannot be a bbolt database before bbolt gets
// to it (bbolt turns an empty file into a database), and one shorter than
// its meta page says (bbolt would map it and fault on the missing pages).
// It returns what is wrong with a meta page that fails its checksum while
// the other holds (metaPair.lost), for writes to refuse.
func sniff(path string) (metaPair, error) {
	f, err := openRegular(path, os.O_RDONLY, 0)
	if errors.Is(err, model.ErrNotChrono) {
		return metaPair{}, err
	} else if err != nil {
		return metaPair{}, fmt.Errorf("store %s: %w", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() == 0 {
		return metaPair{}, fmt.Errorf("%s is an empty file, %w; remove it or choose another --db", path, model.ErrNotChrono)
	}
	mp, ok := readMetaPages(f)
	switch {
	case !ok:
		return mp, fmt.Errorf("%s is %w (it is not a bbolt database); check the --db path", path, model.ErrNotChrono)
	case !mp.valid():
		return mp, fmt.Errorf("store %s is %w or %w (both its meta pages fail their checksum): nothing was changed; check the --db path, or restore it from a backup", path, model.ErrDamaged, model.ErrNotChrono)
	}
	m := mp.current()
	// The size is taken after the meta page is read: a commit under way
	// grows the file before it writes the meta page that counts the
	// growth.
	fi, err := f.Stat()
	if err != nil {
		return mp, fmt.Errorf("store %s: %w", path, err)
	}
	if need, size := m.pages*m.pageSize, fi.Size(); size < need {
		return mp, cutShort(path, size, need)
	}
	// bbolt reads the freelist as it opens, before there is a DB to
	// close, and a panic there would leave the file mapped and locked.
	if why := m.checkFreelist(f); why != "" {
		return mp, unopenable(path, why, "")
	}
	return mp, nil
}

// The parts of a bbolt meta page sniff reads: a page header, then magic,
// version, page size, flags, root bucket (16 bytes), freelist page, page
// count (the high-water mark), transaction id and an FNV-64a checksum of
// what comes before it.
const (
	pageHeaderSize = 16
	metaSize       = 64
	metaFreelist   = 32
	metaPages      = 40
	metaTxID       = 48
	metaChecksum   = 56

	freelistPageFlag = 0x10
	noFreelist       = 0xffffffffffffffff
)

// meta is what sniff reads of a bbolt meta page.
type meta struct {
	valid                     bool
	pageSize, pages, freelist int64
	txid                      uint64 // read even when the page fails its checksum
}

// readMeta reads a meta page and checks its checksum.
func readMeta(b []byte) (meta, bool) {
	h := fnv.New64a()
	h.Write(b[:metaChecksum])
	if binary.LittleEndian.Uint32(b) != bboltMagic || h.Sum64() != binary.LittleEndian.Uint64(b[metaChecksum:]) {
		return meta{txid: binary.LittleEndian.Uint64(b[metaTxID:])}, false
	}
	return meta{
		valid:    true,
		pageSize: int64(binary.LittleEndian.Uint32(b[8:])),
		pages:    int64(binary.LittleEndian.Uint64(b[metaPages:])),
		freelist: int64(binary.LittleEndian.Uint64(b[metaFreelist:])),
		txid:     binary.LittleEndian.Uint64(b[metaTxID:]),
	}, true
}

// checkFreelist returns what is wrong with the freelist page, or "".
func (m meta) checkFreelist(f *os.File) string {
	if uint64(m.freelist) == noFreelist {
		return ""
	}
	if m.freelist < 2 || m.freelist >= m.pages {
		return fmt.Sprintf("its freelist is said to be on page %d of %d", m.freelist, m.pages)
	}
	var p [pageHeaderSize + 8]byte
	if _, err := f.ReadAt(p[:], m.freelist*m.pageSize); err != nil {
		return "its freelist page cannot be read: " + err.Error()
	}
	flags := binary.LittleEndian.Uint16(p[8:])
	count := int64(binary.LittleEndian.Uint16(p[10:]))
	overflow := int64(binary.LittleEndian.Uint32(p[12:]))
	if flags != freelistPageFlag {
		return fmt.Sprintf("page %d should hold its freelist but is of type %#x", m.freelist, flags)
	}
	if count == 0xffff {
		count = 1 + int64(binary.LittleEndian.Uint64(p[pageHeaderSize:]))
	}
	if m.freelist+overflow >= m.pages || count < 0 || count > (overflow+1)*m.pageSize/8 {
		return fmt.Sprintf("its freelist page %d is garbled", m.freelist)
	}
	return ""
}

// IsStoreFile reports whether the file at path begins as a bbolt
// database does (bbolt's magic in its first meta page), by its content
// alone, whatever its name: what an import takes for a store to restore
// rather than a document to read. It opens nothing but a regular file.
func IsStoreFile(path string) bool {
	// Looked at before it is opened: opening a named pipe waits for its
	// writer, and closing it unread loses what the writer sent.
	if fi, err := os.Stat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	var b [bboltMagicOffset + 4]byte
	if _, err := f.ReadAt(b[:], 0); err != nil {
		return false
	}
	return binary.LittleEndian.Uint32(b[bboltMagicOffset:]) == bboltMagic
}
