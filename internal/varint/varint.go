// Package varint reads the unsigned varints of encoding/binary from a
// string, so that embedded snapshots are decoded without copying them to
// a byte slice.
package varint

import "encoding/binary"

// Uvarint decodes a varint from the start of s and returns it and the
// number of bytes read; n <= 0 means s holds no complete varint or one
// that overflows 64 bits, as binary.Uvarint reports it.
func Uvarint(s string) (v uint64, n int) {
	var shift uint
	for i := 0; i < len(s); i++ {
		if i == binary.MaxVarintLen64 {
			return 0, -(i + 1) // overflow
		}
		c := s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				return 0, -(i + 1) // overflow
			}
			return v | uint64(c)<<shift, i + 1
		}
		v |= uint64(c&0x7f) << shift
		shift += 7
	}
	return 0, 0
}
