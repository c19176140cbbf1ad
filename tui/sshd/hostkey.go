package sshd

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// HostKey reads the server's private key at path, making an ed25519 key
// there (mode 0600, with its directory) when there is none, so that
// clients see the same host on every start. created says it was made.
// A key others may read is refused: it would let them pose as the
// server.
func HostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newHostKey(path)
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, false, fmt.Errorf("host key %s: others may read it (mode %04o); chmod 600 %s", path, fi.Mode().Perm(), path)
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: not an unencrypted OpenSSH private key (%v)", path, err)
	}
	return signer, false, nil
}

func newHostKey(path string) (gossh.Signer, bool, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "chrono serve host key")
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	// O_EXCL: a key another server made meanwhile is not overwritten.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	_, err = f.Write(pem.EncodeToMemory(block))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	return signer, true, err
}

// Fingerprint is the key's SHA256 fingerprint, as ssh-keygen -l and
// ssh's first-connection question show it.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
