package sshd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHostKeyIsMadeOnceAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keys", "host_ed25519")
	first, created, err := HostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: %v, created %v", err, created)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the key file: %v, mode %v", err, fi.Mode())
	}
	again, created, err := HostKey(path)
	if err != nil || created {
		t.Fatalf("second start: %v, created %v", err, created)
	}
	if Fingerprint(first.PublicKey()) != Fingerprint(again.PublicKey()) || first.PublicKey().Type() != "ssh-ed25519" {
		t.Errorf("the host key changed: %s, %s", Fingerprint(first.PublicKey()), Fingerprint(again.PublicKey()))
	}
	os.Chmod(path, 0o644)
	if _, _, err := HostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a key others may read: %v", err)
	}
}
