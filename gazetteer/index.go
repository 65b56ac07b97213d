package gazetteer

import (
	"encoding/binary"
	"sort"
	"strings"
)

// nameIndex is a gazetteer's index of names in the form the snapshot holds
// it, read in place: a table of fixed-size name records sorted by key, a
// table of the keys' first words, and the strings they point into. The
// built-in gazetteer's index is a part of the embedded snapshot, so start-up
// decodes nothing of it.
type nameIndex struct {
	// names holds a nameRecord per name, in little-endian uint32s: the
	// offset in strs of its key, the key's length, the length of the
	// written words that follow the key, the entry; and a byte, the kind.
	names string
	// firsts holds a firstRecord per first word of a key, in key order,
	// in little-endian uint32s: its offset in strs, its length, and the
	// longest name, in words, that starts with it.
	firsts string
	strs   string
}

const (
	nameRecord  = 17
	firstRecord = 12
)

func u32(s string) int { return int(s[0]) | int(s[1])<<8 | int(s[2])<<16 | int(s[3])<<24 }

// newNameIndex lays out index, sorted and deduplicated, as a nameIndex.
func newNameIndex(index []indexed) nameIndex {
	var names, firsts, strs []byte
	lastFirst := ""
	for _, n := range index {
		off := len(strs)
		strs = append(append(strs, n.key...), n.words...)
		for _, v := range []int{off, len(n.key), len(n.words), int(n.entry)} {
			names = binary.LittleEndian.AppendUint32(names, uint32(v))
		}
		names = append(names, byte(n.kind))
		// The names that start with one word are contiguous in key order,
		// as the space after a first word sorts before any character of a
		// key.
		first, _, _ := strings.Cut(n.key, " ")
		if len(firsts) > 0 && first == lastFirst {
			longest := firsts[len(firsts)-4:]
			binary.LittleEndian.PutUint32(longest, uint32(max(int(binary.LittleEndian.Uint32(longest)), n.size())))
			continue
		}
		lastFirst = first
		for _, v := range []int{off, len(first), n.size()} {
			firsts = binary.LittleEndian.AppendUint32(firsts, uint32(v))
		}
	}
	return nameIndex{names: string(names), firsts: string(firsts), strs: string(strs)}
}

// check reports whether every record points inside strs at a valid entry
// of n and kind, so that reading the index cannot fail.
func (x nameIndex) check(n int) bool {
	if len(x.names)%nameRecord != 0 || len(x.firsts)%firstRecord != 0 {
		return false
	}
	for r := x.names; r != ""; r = r[nameRecord:] {
		if u32(r)+u32(r[4:])+u32(r[8:]) > len(x.strs) || u32(r[12:]) >= n || Kind(r[16]) > KindDemonym {
			return false
		}
	}
	for r := x.firsts; r != ""; r = r[firstRecord:] {
		if u32(r)+u32(r[4:]) > len(x.strs) {
			return false
		}
	}
	return true
}

func (x nameIndex) len() int { return len(x.names) / nameRecord }

// key returns the key of name i.
func (x nameIndex) key(i int) string {
	r := x.names[i*nameRecord:]
	off := u32(r)
	return x.strs[off : off+u32(r[4:])]
}

// name returns name i.
func (x nameIndex) name(i int) name {
	r := x.names[i*nameRecord:]
	off := u32(r) + u32(r[4:])
	return name{entry: int32(u32(r[12:])), kind: Kind(r[16]), words: x.strs[off : off+u32(r[8:])]}
}

// find returns the range of the names indexed under key.
func (x nameIndex) find(key string) (lo, hi int) {
	n := x.len()
	lo = sort.Search(n, func(i int) bool { return x.key(i) >= key })
	hi = lo
	for hi < n && x.key(hi) == key {
		hi++
	}
	return lo, hi
}

// maxLen is the longest name, in words, that starts with the word key.
func (x nameIndex) maxLen(first string) int {
	n := len(x.firsts) / firstRecord
	word := func(i int) string {
		r := x.firsts[i*firstRecord:]
		off := u32(r)
		return x.strs[off : off+u32(r[4:])]
	}
	i := sort.Search(n, func(i int) bool { return word(i) >= first })
	if i < n && word(i) == first {
		return u32(x.firsts[i*firstRecord+8:])
	}
	return 0
}
