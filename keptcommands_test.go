package main

import (
	"strings"
	"testing"
)

// TestKeepCommands: a command a message names is marked whole (here _
// for a no-break space), with its arguments and flags, up to the
// punctuation or the prose that ends it; "chrono" as a word of prose is
// left alone.
func TestKeepCommands(t *testing.T) {
	root := newRootCmd(&cli{})
	groupCommands(root)
	tests := []struct{ msg, want string }{
		{"chrono source attach wapo FILE keeps one", "chrono_source_attach_wapo_FILE keeps one"},
		{"chrono list shows the ids (chrono trash, the deleted ones)", "chrono_list shows the ids (chrono_trash, the deleted ones)"},
		{"run chrono untag ID TAG", "run chrono_untag_ID_TAG"},
		{"(quotes, links and notes: chrono edit fbi-tip without --set)", "(quotes, links and notes: chrono_edit_fbi-tip without --set)"},
		{"pipe it to chrono source attach wapo -", "pipe it to chrono_source_attach_wapo_-"},
		{"open this one with chrono --db x.db", "open this one with chrono_--db_x.db"},
		{"chrono backup -o FILE copies it", "chrono_backup_-o_FILE copies it"},
		{"chrono log ID shows it; chrono log shows all", "chrono_log_ID shows it; chrono_log shows all"},
		{"chrono rm fbi-tip leaves it alone", "chrono_rm_fbi-tip leaves it alone"},
		{"run chrono to start, or upgrade chrono", "run chrono to start, or upgrade chrono"},
		{"chrono: no such event", "chrono: no such event"},
		{"chrono unlink it (chrono check --chronology lists them)", "chrono_unlink_it (chrono_check_--chronology lists them)"},
		{"export it as a document (chrono export --format json [--tag T])", "export it as a document (chrono_export_--format_json_[--tag_T])"},
		{"chrono restore fbi-tip nso-denial brings them back", "chrono_restore_fbi-tip_nso-denial brings them back"},
	}
	for _, tt := range tests {
		if got := strings.ReplaceAll(keepCommands(root, tt.msg), "\u00a0", "_"); got != tt.want {
			t.Errorf("keepCommands(%q)\n got %q\nwant %q", tt.msg, got, tt.want)
		}
	}
}
