package evidence

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// manifestName is the manifest's file name: what sha256sum -c is given.
const manifestName = "SHA256SUMS"

// files writes the files of an export into its directory and keeps the
// SHA-256 of each, for the manifest.
type files struct {
	dir  string
	sums map[string]string // by path relative to dir, with slashes
}

// write creates the file rel (slash-separated) and fills it, hashing what
// is written, and syncs it: the directory is renamed into place whole,
// and what it holds must be on disk by then.
func (fs *files) write(rel string, fill func(w io.Writer) error) (err error) {
	path := filepath.Join(fs.dir, filepath.FromSlash(rel))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(f, h), 64<<10)
	if err := fill(bw); err != nil {
		return fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	fs.sums[rel] = hex.EncodeToString(h.Sum(nil))
	return nil
}

// manifest writes SHA256SUMS: one line per file, "HASH  PATH", by path,
// as sha256sum writes and checks them.
func (fs *files) manifest() error {
	paths := make([]string, 0, len(fs.sums))
	for p := range fs.sums {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b strings.Builder
	for _, p := range paths {
		fmt.Fprintf(&b, "%s  %s\n", fs.sums[p], p)
	}
	return fs.write(manifestName, func(w io.Writer) error {
		_, err := io.WriteString(w, b.String())
		return err
	})
}
