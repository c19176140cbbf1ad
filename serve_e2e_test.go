package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// needProgram skips when a program is not installed, unless
// CHRONO_REQUIRE_SERVICES=1, when its absence fails the test.
func needProgram(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CHRONO_REQUIRE_SERVICES") == "1" {
		t.Fatalf("%s is not installed (Debian: apt-get install %s), and CHRONO_REQUIRE_SERVICES=1", name, pkg)
	}
	t.Skipf("%s is not installed (Debian: apt-get install %s)", name, pkg)
	return ""
}

// TestServeWithOpenSSH runs chrono serve and connects with the OpenSSH
// client, as a person would: a read-only command, the browser (a tag,
// attributed to the key's person), refusals, and a clean stop.
func TestServeWithOpenSSH(t *testing.T) {
	ssh := needProgram(t, "ssh", "openssh-client")
	keygen := needProgram(t, "ssh-keygen", "openssh-client")
	bin := buildChrono(t)
	dir := t.TempDir()
	db := exampleDB(t)
	key := filepath.Join(dir, "id_ed25519")
	stranger := filepath.Join(dir, "stranger")
	for _, k := range []string{key, stranger} {
		if out, err := exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-f", k).CombinedOutput(); err != nil {
			t.Fatalf("ssh-keygen: %v %s", err, out)
		}
	}
	pub, err := os.ReadFile(key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	users := filepath.Join(dir, "users")
	os.WriteFile(users, []byte("# the desk\nana annotate "+string(pub)), 0o600)
	hostKey := filepath.Join(dir, "host_ed25519")

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var logs bytes.Buffer
	var host, port string
	knownHosts := filepath.Join(dir, "known_hosts")
	// start starts the server, and has ssh trust its key where it listens.
	start := func() *exec.Cmd {
		server := exec.CommandContext(ctx, bin, "serve", "--listen", "127.0.0.1:0", "--users", users, "--db", db, "--host-key", hostKey)
		server.Env = append(os.Environ(), "HOME="+dir, "XDG_DATA_HOME="+dir)
		stdout, err := server.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		logs.Reset()
		server.Stderr = &logs
		if err := server.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { server.Process.Kill() })
		lines := bufio.NewScanner(stdout)
		var addr, fingerprint string
		for lines.Scan() && (addr == "" || fingerprint == "") {
			l := lines.Text()
			if a, ok := strings.CutPrefix(l, "chrono serve: listening on "); ok {
				addr = a
			}
			if i := strings.Index(l, "SHA256:"); strings.HasPrefix(l, "host key ") && i >= 0 {
				fingerprint = l[i:]
			}
		}
		go func() {
			for lines.Scan() {
			}
		}()
		if addr == "" || fingerprint == "" {
			t.Fatalf("the server did not say where it listens and its fingerprint; log: %s", logs.String())
		}
		host, port, _ = strings.Cut(addr, ":")
		hostPub, err := exec.Command(keygen, "-y", "-f", hostKey).Output()
		if err != nil {
			t.Fatal(err)
		}
		if out, _ := exec.Command(keygen, "-l", "-f", hostKey).Output(); !strings.Contains(string(out), fingerprint) {
			t.Errorf("the printed fingerprint %s is not ssh-keygen's: %s", fingerprint, out)
		}
		os.WriteFile(knownHosts, []byte("["+host+"]:"+port+" "+string(hostPub)), 0o600)
		return server
	}
	server := start()
	sshArgs := func(id string, more ...string) []string {
		return append([]string{"-F", "none", "-p", port, "-i", id, "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
			"-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "LogLevel=ERROR", host}, more...)
	}
	runSSH := func(stdin string, args ...string) (string, string, int) {
		cmd := exec.CommandContext(ctx, ssh, args...)
		cmd.Stdin = strings.NewReader(stdin)
		var out, errs bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errs
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return out.String(), errs.String(), code
	}

	local := chrono(t, db, "", "list", "--tag", "denial")
	if out, errs, code := runSSH("", sshArgs(key, "--", "list", "--tag", "denial")...); code != 0 || out != local.stdout {
		t.Errorf("ssh -- list: exit %d, %q, %q; locally %q", code, out, errs, local.stdout)
	}
	if out, errs, code := runSSH("", sshArgs(key, "--", "sh", "-c", "id")...); code != 2 || out != "" || !strings.Contains(errs, "no shell") {
		t.Errorf("ssh -- sh -c id: exit %d, %q, %q", code, out, errs)
	}
	if _, errs, code := runSSH("", sshArgs(stranger, "--", "list")...); code != 255 || !strings.Contains(errs, "Permission denied (publickey)") {
		t.Errorf("an unknown key: exit %d, %q", code, errs)
	}
	// -W forwards a port through the server (a direct-tcpip channel).
	if _, errs, code := runSSH("", sshArgs(key, "-W", "127.0.0.1:"+port)...); code == 0 || !strings.Contains(errs, "forwarding failed") {
		t.Errorf("port forwarding: exit %d, %q", code, errs)
	}
	if _, errs, code := runSSH("", sshArgs(key, "-s", "sftp")...); code == 0 {
		t.Errorf("the sftp subsystem: exit %d, %q", code, errs)
	}

	// The browser, in a terminal ssh asks for: 1 tags the first event
	// #key; then q. The keys wait for the screen.
	browser := exec.CommandContext(ctx, ssh, sshArgs(key, "-tt")...)
	in, err := browser.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var screen bytes.Buffer
	browser.Stdout, browser.Stderr = &screen, &screen
	browser.Env = append(os.Environ(), "TERM=xterm-256color")
	if err := browser.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	in.Write([]byte("1"))
	time.Sleep(time.Second)
	in.Write([]byte("q"))
	done := make(chan error, 1)
	go func() { done <- browser.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		browser.Process.Kill()
		t.Fatalf("the browser did not quit; screen: %q", screen.String())
	}
	if r := chrono(t, db, "", "log", "-n", "1"); !strings.Contains(r.stdout, "ana") || !strings.Contains(r.stdout, "#key") {
		t.Errorf("the tag made over SSH is not ana's: %q", r.stdout)
	}

	server.Process.Signal(syscall.SIGTERM)
	if err := server.Wait(); err != nil {
		t.Errorf("the server stopped with %v; log: %s", err, logs.String())
	}
	if r := chrono(t, db, "", "check", "--store"); r.code != 0 {
		t.Errorf("the store after the server: %+v", r)
	}

	// Killed while a session tags, key after key: the client is
	// disconnected, and the store is whole.
	server = start()
	browser = exec.CommandContext(ctx, ssh, sshArgs(key, "-tt")...)
	if in, err = browser.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	screen.Reset()
	browser.Stdout, browser.Stderr = &screen, &screen
	if err := browser.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2 * time.Second)
	for range 10 {
		in.Write([]byte("1"))
		time.Sleep(30 * time.Millisecond)
	}
	server.Process.Kill()
	server.Wait()
	done = make(chan error, 1)
	go func() { done <- browser.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 255 {
			t.Errorf("ssh after the server was killed: %v", err)
		}
	case <-time.After(20 * time.Second):
		browser.Process.Kill()
		t.Fatal("the client was not disconnected when the server was killed")
	}
	if r := chrono(t, db, "", "check", "--store"); r.code != 0 {
		t.Errorf("the store after the server was killed mid-write: %+v", r)
	}
}
