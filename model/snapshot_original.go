package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

// CopyOriginal copies the original bytes of sn, read from r, to w
// (io.Discard to check them only), and says how they differ from the
// SHA-256 and size kept with them: "" when they match. The error is one
// of reading or writing.
func (sn Snapshot) CopyOriginal(w io.Writer, r io.Reader) (mismatch string, err error) {
	h := sha256.New()
	size, err := io.Copy(io.MultiWriter(w, h), r)
	if err != nil {
		return "", err
	}
	switch got := hex.EncodeToString(h.Sum(nil)); {
	case got != strings.ToLower(sn.SHA256):
		return fmt.Sprintf("its original bytes have SHA-256 %s, not the %s kept with it", got, sn.SHA256), nil
	case size != sn.Size:
		return fmt.Sprintf("its original bytes are %d bytes, not the %d kept with it", size, sn.Size), nil
	}
	return "", nil
}

// TextMismatch reads sn's text from r and says how it differs from the
// SHA-256 kept with it: "" when it matches, or when none is kept (a
// snapshot attached before chrono kept one). The error is one of reading.
func (sn Snapshot) TextMismatch(r io.Reader) (string, error) {
	if sn.TextSHA256 == "" {
		return "", nil
	}
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	if sn.TextSumMismatch(hex.EncodeToString(h.Sum(nil))) != "" {
		return "its text does not have the SHA-256 kept with it", nil
	}
	return "", nil
}

// TextSumMismatch says how a text of SHA-256 sum (hex) differs from
// sn's, naming both: "" when they match, or when none is kept.
func (sn Snapshot) TextSumMismatch(sum string) string {
	if sn.TextSHA256 == "" || strings.EqualFold(sum, sn.TextSHA256) {
		return ""
	}
	return fmt.Sprintf("its text, which quotes are checked against, has SHA-256 %s, not the %s kept with it", sum, sn.TextSHA256)
}
